using FluentValidation;

namespace Fengqiao.Mediation.Rooms;

/// <summary>What <see cref="CreateRoom"/> and <see cref="UpdateRoom"/> share.</summary>
internal interface IRoomFields
{
    string Name { get; }

    MediationRoomKind Kind { get; }

    Guid RegionId { get; }

    string Address { get; }

    string OpeningHours { get; }

    string? Intro { get; }

    /// <summary>Dispute type codes (<c>mediation_dispute_types</c>).</summary>
    IReadOnlyList<string> Specialties { get; }
}

/// <summary>The fields a room is created and changed with, checked alike by both.</summary>
internal abstract class RoomFieldsValidator<T> : AbstractValidator<T>
    where T : IRoomFields
{
    public const int MaxSpecialties = 10;

    protected RoomFieldsValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.Address).NotEmpty().MaximumLength(200);
        RuleFor(c => c.OpeningHours).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Intro).MaximumLength(2000);
        RuleFor(c => c.Specialties).NotEmpty().WithMessage("Name at least one dispute type the room mediates.");
        RuleFor(c => c.Specialties).Must(s => s.Count <= MaxSpecialties).When(c => c.Specialties is not null).WithMessage($"Name at most {MaxSpecialties} specialties.");
        RuleForEach(c => c.Specialties).NotEmpty().MaximumLength(50);
        RuleFor(c => c.Specialties).Must(s => s.Distinct(StringComparer.Ordinal).Count() == s.Count).When(c => c.Specialties is not null).WithMessage("Name each specialty once.");
    }
}
