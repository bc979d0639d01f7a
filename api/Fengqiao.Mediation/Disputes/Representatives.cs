using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Mediation.Outcomes;
using FluentValidation;

namespace Fengqiao.Mediation.Disputes;

/// <summary>In what capacity a representative acts for a side.</summary>
public enum RepresentativeRole
{
    /// <summary>近亲属: a close relative of a party.</summary>
    CloseRelative,

    /// <summary>律师: a lawyer instructed by the side.</summary>
    Lawyer,

    /// <summary>基层法律服务工作者: a community legal service worker.</summary>
    LegalServiceWorker,

    /// <summary>工作人员: an employee acting for an organisation.</summary>
    Employee,

    /// <summary>代表人: chosen by a side of many parties to speak for them (e.g. a patient's family in a medical dispute).</summary>
    ElectedRepresentative,

    /// <summary>其他: anyone else the side names, e.g. recommended by the village or community.</summary>
    Other,
}

/// <summary>What a representative is given with: the side, the name, the role and relation, the contact phone and optionally the ID number.</summary>
internal interface IRepresentativeFields
{
    DisputeSide Side { get; }

    string Name { get; }

    RepresentativeRole Role { get; }

    string? Relation { get; }

    string Phone { get; }

    string? IdNumber { get; }
}

/// <summary>A representative named on registration: the side, the role and relation (e.g. 之子), the contact phone (protected) and the ID number when given (protected).</summary>
internal sealed record DisputeRepresentativeInput(DisputeSide Side, string Name, RepresentativeRole Role, string? Relation, string Phone, string? IdNumber)
    : IRepresentativeFields;

/// <summary>A representative as every reader sees it: the ID number and phone masked as the parties' are.</summary>
internal sealed record DisputeRepresentativeView
{
    public required Guid Id { get; init; }

    public required DisputeSide Side { get; init; }

    public required string Name { get; init; }

    public required RepresentativeRole Role { get; init; }

    public required string? Relation { get; init; }

    public required string? IdNumberMasked { get; init; }

    public required string PhoneMasked { get; init; }
}

/// <summary>The checks of one representative's fields, on registration and when one is added.</summary>
internal class RepresentativeFieldsValidator<T> : AbstractValidator<T>
    where T : IRepresentativeFields
{
    public RepresentativeFieldsValidator(TimeProvider clock)
    {
        RuleFor(r => r.Side).IsInEnum();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Role).IsInEnum();
        RuleFor(r => r.Relation).MaximumLength(50);
        RuleFor(r => r.Phone).NotEmpty().Must(phone => IdentityNumbers.IsValidPhone(IdentityNumbers.NormalisePhone(phone))).WithMessage("Give a valid contact phone.");
        RuleFor(r => r.IdNumber).Must(id => IdentityNumbers.IsValidIdNumber(id!.Trim(), WorkCalendar.LocalDate(clock.GetUtcNow())))
            .When(r => !string.IsNullOrWhiteSpace(r.IdNumber)).WithMessage("Not a valid resident ID number.");
    }
}

internal sealed class DisputeRepresentativeInputValidator(TimeProvider clock) : RepresentativeFieldsValidator<DisputeRepresentativeInput>(clock);

/// <summary>
/// How many representatives a side may name: the rule set's limit for the dispute type (e.g. five per side in medical
/// disputes, 医疗纠纷预防和处理条例), and for a type without one a bound that keeps the dispute page readable.
/// </summary>
internal static class RepresentativeLimits
{
    public const int WithoutRule = 10;

    public static int PerSide(IRuleSets ruleSets, string disputeType) =>
        MediationRuleSection.From(ruleSets).MaxRepresentativesPerSide(disputeType) ?? WithoutRule;

    public static string Exceeded(int limit, string disputeType) =>
        $"At most {limit} representatives per side in a dispute of type '{disputeType}'.";

    /// <summary>Representatives change while the dispute is open (registered or accepted); an ended dispute keeps those it had.</summary>
    public static void RequireOpen(DisputeRow dispute)
    {
        if (!DisputeStateMachine.IsOpen(dispute.Status))
        {
            throw new ConflictException("dispute_action_not_allowed", $"A dispute that is {dispute.Status} keeps the representatives it had.");
        }
    }
}
