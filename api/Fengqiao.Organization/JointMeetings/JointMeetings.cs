using Fengqiao.BuildingBlocks.Auth;
using FluentValidation;

namespace Fengqiao.Organization.JointMeetings;

/// <summary>A district's or town's joint-meeting system 联席会议制度: who convenes it, which units sit on it, since when.</summary>
internal sealed record JointMeetingSystemItem
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required RegionLevel RegionLevel { get; init; }

    /// <summary>The convening leader when they are a user of the platform; the name is kept either way.</summary>
    public required Guid? ConvenerUserId { get; init; }

    public required string ConvenerName { get; init; }

    public required string ConvenerPost { get; init; }

    public required DateOnly EstablishedOn { get; init; }

    /// <summary>Set once the system is retired: it keeps its meetings for history and takes no new ones.</summary>
    public required DateOnly? RetiredOn { get; init; }

    public required int MeetingCount { get; init; }

    public required DateOnly? LastMeetingOn { get; init; }

    public required long Version { get; init; }

    public IReadOnlyList<JointMeetingMember> Members { get; init; } = [];

    internal string RegionPath { get; init; } = string.Empty;
}

internal sealed record JointMeetingMember
{
    public required Guid UnitId { get; init; }

    public required string UnitName { get; init; }

    internal Guid SystemId { get; init; }
}

/// <summary>A meeting held, with only the petitions and cases the reader may open: the others are left out, not counted.</summary>
internal sealed record JointMeetingItem
{
    public required Guid Id { get; init; }

    public required Guid SystemId { get; init; }

    public required DateOnly HeldOn { get; init; }

    /// <summary>The matters discussed 议题.</summary>
    public required string Matters { get; init; }

    /// <summary>What the meeting decided 议定事项.</summary>
    public required string Decisions { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public IReadOnlyList<LinkedItem> Petitions { get; init; } = [];

    public IReadOnlyList<LinkedItem> Cases { get; init; } = [];
}

/// <summary>What a meeting link names; stored by name in org_joint_meeting_links.kind.</summary>
internal enum LinkKind
{
    Petition,
    Case,
}

/// <summary>A petition or case a meeting took up, by id and number.</summary>
internal sealed record LinkedItem(Guid Id, string Number);

/// <summary>Keyset of the system list: systems are listed by region path.</summary>
internal sealed record JointMeetingSystemCursor(string RegionPath, Guid Id);

/// <summary>Keyset of a system's meetings: newest first.</summary>
internal sealed record JointMeetingCursor(DateOnly HeldOn, Guid Id);

/// <summary>What is set on a system when creating or changing it; its region is fixed at creation.</summary>
internal interface IJointMeetingSystemFields
{
    string Name { get; }

    Guid? ConvenerUserId { get; }

    string? ConvenerName { get; }

    string ConvenerPost { get; }

    IReadOnlyList<Guid> MemberUnitIds { get; }

    DateOnly EstablishedOn { get; }
}

internal static class JointMeetingSystemFieldRules
{
    public const int MaxMembers = 60;

    public static void AddJointMeetingSystemFieldRules<T>(this AbstractValidator<T> validator)
        where T : IJointMeetingSystemFields
    {
        validator.RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        validator.RuleFor(c => c.ConvenerUserId).NotEqual(Guid.Empty);
        validator.RuleFor(c => c.ConvenerName).NotEmpty().When(c => c.ConvenerUserId is null)
            .WithMessage("Name the convener, or choose them as a user.");
        validator.RuleFor(c => c.ConvenerName).MaximumLength(100);
        validator.RuleFor(c => c.ConvenerPost).NotEmpty().MaximumLength(100);
        validator.RuleFor(c => c.MemberUnitIds).NotEmpty().Must(ids => ids is null || ids.Count <= MaxMembers)
            .WithMessage($"At most {MaxMembers} member units.");
        validator.RuleForEach(c => c.MemberUnitIds).NotEqual(Guid.Empty);
        validator.RuleFor(c => c.EstablishedOn).Must(d => d.Year >= 2000).WithMessage("A date from 2000 on.");
    }
}
