using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.Organization.JointMeetings;

/// <summary>The convener as stored: the user's display name when they were chosen as a user.</summary>
internal sealed record ConvenerOfSystem(Guid? UserId, string Name);

/// <summary>Reads and checks of joint-meeting systems for the writers' changes, always within the caller's jurisdiction.</summary>
internal sealed class JointMeetingStore(IDbSession session, ICurrentUser caller, TimeProvider clock)
{
    public DateOnly Today => WorkCalendar.LocalDate(clock.GetUtcNow());

    public async Task<JointMeetingSystemItem> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var system = await session.QuerySingleInJurisdictionAsync<JointMeetingSystemItem>(caller, JointMeetingSql.GetInJurisdiction, new { Id = id }, cancellationToken)
            ?? throw new NotFoundException("JointMeetingSystem");
        return (await WithMembersAsync([system], cancellationToken))[0];
    }

    /// <summary>The system as the caller read it: 404 outside jurisdiction, 409 once retired, 412 when the version moved on.</summary>
    public async Task<JointMeetingSystemItem> GetForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var system = await GetAsync(id, cancellationToken);
        if (system.RetiredOn is not null)
        {
            throw new ConflictException("joint_meeting_system_retired", "The joint-meeting system is retired and can no longer change.");
        }

        return system.Version == expectedVersion ? system : throw new PreconditionFailedException(system.Version);
    }

    /// <summary>The members of each system, read in one query.</summary>
    public async Task<IReadOnlyList<JointMeetingSystemItem>> WithMembersAsync(IReadOnlyList<JointMeetingSystemItem> systems, CancellationToken cancellationToken)
    {
        if (systems.Count == 0)
        {
            return systems;
        }

        // Ids as text: Dapper expands a list without the type handlers, and SQLite keeps ids as text.
        var members = await session.QueryAsync<JointMeetingMember>(
            JointMeetingSql.MembersOf, new { SystemIds = systems.Select(s => s.Id.ToString("D")).ToList() }, cancellationToken);
        var bySystem = members.ToLookup(m => m.SystemId);
        return systems.Select(s => s with { Members = bySystem[s.Id].ToList() }).ToList();
    }

    /// <summary>The path of the region a new system is for: an active district or town of the caller's jurisdiction (400), with no active system yet (409).</summary>
    public async Task<string> RegionForNewSystemAsync(Guid regionId, CancellationToken cancellationToken)
    {
        var path = await session.QuerySingleInJurisdictionAsync<string>(caller, JointMeetingSql.SystemRegionInJurisdiction, new { RegionId = regionId }, cancellationToken)
            ?? throw Invalid("RegionId", "No such active district or town in your jurisdiction.");
        if (await session.ExecuteScalarAsync<long>(JointMeetingSql.ActiveSystemsOfRegion, new { RegionId = regionId }, cancellationToken) > 0)
        {
            throw new ConflictException("joint_meeting_system_exists", "The region already has an active joint-meeting system; change or retire it.");
        }

        return path;
    }

    /// <summary>
    /// Checks the convener and the members against the system's region (400 naming the field): a convener chosen as a
    /// user works in the region, members are active units of it. The establishment date may not lie ahead, nor after the
    /// first meeting.
    /// </summary>
    public async Task<ConvenerOfSystem> CheckFieldsAsync(Guid? systemId, string regionPath, IJointMeetingSystemFields fields, CancellationToken cancellationToken)
    {
        var regionPrefix = regionPath + "%";
        var convener = new ConvenerOfSystem(null, fields.ConvenerName?.Trim() ?? string.Empty);
        if (fields.ConvenerUserId is { } userId)
        {
            var name = await session.QuerySingleOrDefaultAsync<string>(JointMeetingSql.ConvenerNameInRegion, new { UserId = userId, RegionPrefix = regionPrefix }, cancellationToken)
                ?? throw Invalid(nameof(IJointMeetingSystemFields.ConvenerUserId), "No enabled user of the system's region has this id.");
            convener = new ConvenerOfSystem(userId, name);
        }

        var unitIds = fields.MemberUnitIds.Distinct().Select(id => id.ToString("D")).ToList();
        if (await session.ExecuteScalarAsync<long>(JointMeetingSql.ActiveUnitsInRegion, new { Ids = unitIds, RegionPrefix = regionPrefix }, cancellationToken) != unitIds.Count)
        {
            throw Invalid(nameof(IJointMeetingSystemFields.MemberUnitIds), "Each member must be an active unit of the system's region.");
        }

        if (fields.EstablishedOn > Today)
        {
            throw Invalid(nameof(IJointMeetingSystemFields.EstablishedOn), "The date may not lie ahead.");
        }

        if (systemId is { } id
            && await session.QuerySingleOrDefaultAsync<DateOnly?>(JointMeetingSql.FirstMeetingOn, new { SystemId = id }, cancellationToken) is { } first
            && fields.EstablishedOn > first)
        {
            throw Invalid(nameof(IJointMeetingSystemFields.EstablishedOn), $"The system met on {first:yyyy-MM-dd}, before this date.");
        }

        return convener;
    }

    public async Task ReplaceMembersAsync(Guid systemId, IReadOnlyList<Guid> unitIds, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(JointMeetingSql.DeleteMembers, new { SystemId = systemId }, cancellationToken);
        foreach (var unitId in unitIds.Distinct())
        {
            await session.ExecuteAsync(JointMeetingSql.InsertMember, new { SystemId = systemId, UnitId = unitId }, cancellationToken);
        }
    }

    public static ValidationException Invalid(string property, string message) =>
        new([new ValidationFailure(property, message)]);
}
