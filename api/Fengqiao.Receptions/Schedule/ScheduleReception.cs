using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Contracts.Receptions;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Schedule;

/// <summary>
/// Schedules a reception: a leader's reception day, appointment (about an existing petition) or visit, for the calling leader
/// (or, by an admin, for <see cref="HostUserId"/>); a department's duty (<see cref="UnitId"/>) or a cadre's home visit
/// (<see cref="UnitId"/> and <see cref="HostName"/>) by the petition bureau. Times are local (Asia/Shanghai) HH:mm.
/// </summary>
internal sealed record ScheduleReception(
    ReceptionKind Kind,
    Guid RegionId,
    DateOnly Day,
    string StartsAt,
    string EndsAt,
    string Place,
    string? Theme,
    string? Purpose,
    bool IsPublished,
    Guid? HostUserId,
    string? HostName,
    Guid? UnitId,
    Guid? PetitionId) : ICommand<EntityVersion>;

internal sealed class ScheduleReceptionValidator : AbstractValidator<ScheduleReception>
{
    public ScheduleReceptionValidator(TimeProvider clock)
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.RegionId).NotEmpty();
        ReceptionTimes.Rules(this, c => c.Day, c => c.StartsAt, c => c.EndsAt, clock);
        RuleFor(c => c.Place).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Theme).MaximumLength(1000);
        RuleFor(c => c.Purpose).MaximumLength(4000);
        RuleFor(c => c.Purpose).NotEmpty().When(c => c.Kind is ReceptionKind.HomeVisit or ReceptionKind.LeaderVisit).WithMessage("Say what the visit is for.");
        RuleFor(c => c.IsPublished).Equal(false).When(c => !ReceptionRules.MayBePublished(c.Kind))
            .WithMessage("Only reception days and duties are published; appointments and visits concern named people.");
        RuleFor(c => c.UnitId).NotEmpty().When(c => !ReceptionRules.IsLeaders(c.Kind)).WithMessage("Name the department on duty or the visiting cadre's unit.");
        RuleFor(c => c.UnitId).Null().When(c => ReceptionRules.IsLeaders(c.Kind)).WithMessage("A leader's reception names the leader, not a unit.");
        RuleFor(c => c.HostName).NotEmpty().When(c => c.Kind == ReceptionKind.HomeVisit).WithMessage("Name the visiting cadre.");
        RuleFor(c => c.HostName).Null().When(c => c.Kind != ReceptionKind.HomeVisit).WithMessage("Only a home visit names its cadre; a leader's reception is the leader's own.");
        RuleFor(c => c.HostName).MaximumLength(50);
        RuleFor(c => c.HostUserId).Null().When(c => !ReceptionRules.IsLeaders(c.Kind)).WithMessage("Only a leader's reception names a leader.");
        RuleFor(c => c.PetitionId).NotEmpty().When(c => c.Kind == ReceptionKind.Appointment).WithMessage("An appointment is about an existing petition.");
        RuleFor(c => c.PetitionId).Null().When(c => c.Kind != ReceptionKind.Appointment).WithMessage("Only an appointment is about one petition.");
    }
}

internal sealed class ScheduleReceptionHandler(ReceptionScheduler scheduler) : ICommandHandler<ScheduleReception, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ScheduleReception command, CancellationToken cancellationToken) =>
        new(await scheduler.ScheduleAsync(command, cancellationToken), 1);
}

/// <summary>Stores a validated <see cref="ScheduleReception"/> in the caller's unit of work: its own use case and a must-visit planned from a proposal.</summary>
internal sealed class ReceptionScheduler(
    IDbSession session,
    ICurrentUser caller,
    ReceptionStore store,
    ReceptionHosts hosts,
    IPetitionRegistration petitions,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock)
{
    /// <returns>The new reception's id (version 1).</returns>
    public async Task<Guid> ScheduleAsync(ScheduleReception command, CancellationToken cancellationToken)
    {
        ReceptionRules.RequireMaySchedule(command.Kind, caller);
        var host = await hosts.ResolveAsync(command, cancellationToken);
        var region = await store.RegionWithinAsync(command.RegionId, host.RegionPath, nameof(ScheduleReception.RegionId), cancellationToken);
        PetitionReference? petition = null;
        if (command.PetitionId is { } petitionId)
        {
            petition = await petitions.FindReadableAsync(petitionId, cancellationToken);
            if (petition is null || !Jurisdiction.Contains(host.RegionPath, petition.RegionPath))
            {
                throw ReceptionStore.Invalid(nameof(ScheduleReception.PetitionId), "No such petition within the leader's jurisdiction.");
            }
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(
            ReceptionSql.Insert,
            new
            {
                Id = id,
                Kind = command.Kind.ToString(),
                Status = nameof(ReceptionStatus.Scheduled),
                Level = host.Level.ToString(),
                host.HostUserId,
                host.HostName,
                host.UnitId,
                host.UnitName,
                RegionId = region.Id,
                RegionPath = region.Path,
                RegionName = region.Name,
                command.Day,
                command.StartsAt,
                command.EndsAt,
                Place = command.Place.Trim(),
                Theme = command.Theme?.Trim(),
                Purpose = command.Purpose?.Trim(),
                command.IsPublished,
                PetitionId = petition?.Id,
                PetitionNumber = petition?.Number,
                ScheduledBy = caller.UserId,
                ScheduledAt = now,
            },
            cancellationToken);
        audit.Record(new AuditEntry("reception.scheduled", "reception", id, After: new
        {
            command.Kind, host.Level, host.HostUserId, host.UnitId, RegionId = region.Id, command.Day, command.StartsAt, command.EndsAt, command.IsPublished, PetitionId = petition?.Id,
        }));
        events.Publish(new ReceptionScheduled(Guid.CreateVersion7(now), now, id, command.Kind.ToSnakeCase(), host.Level.ToSnakeCase(), host.HostUserId, host.UnitId, region.Path,
            command.Day, command.IsPublished));
        return id;
    }
}

/// <summary>Who receives: a leader (their name, unit and level) or a unit on duty or visiting, with the region they may receive in.</summary>
internal sealed record ReceptionHost(Guid? HostUserId, string? HostName, Guid? UnitId, string? UnitName, string RegionPath, ReceptionLevel Level);

internal sealed class ReceptionHosts(ICurrentUser caller, IOrganizationDirectory directory)
{
    public async Task<ReceptionHost> ResolveAsync(ScheduleReception command, CancellationToken cancellationToken)
    {
        if (ReceptionRules.IsLeaders(command.Kind))
        {
            // A leader schedules for themselves; an admin names the leader.
            var leaderId = caller.IsInRole(Role.Leader) && command.HostUserId is null ? caller.UserId : command.HostUserId;
            var leader = leaderId is { } id ? await directory.FindUserAsync(id, cancellationToken) : null;
            var unit = leader is { IsDisabled: false } && leader.Roles.Contains(RoleNames.Of(Role.Leader)) ? await directory.FindUnitAsync(leader.UnitId, cancellationToken) : null;
            var mayName = leaderId == caller.UserId || caller.IsInRole(Role.Admin);
            if (unit is null || !mayName || !Jurisdiction.Contains(caller, unit.RegionPath) || ReceptionRules.LevelOf(unit.RegionPath) is not { } level)
            {
                throw ReceptionStore.Invalid(nameof(ScheduleReception.HostUserId), "No such leader in your jurisdiction.");
            }

            return new ReceptionHost(leader!.Id, leader.DisplayName, null, null, unit.RegionPath, level);
        }

        var hostUnit = await directory.FindUnitAsync(command.UnitId!.Value, cancellationToken);
        if (hostUnit is null || !Jurisdiction.Contains(caller, hostUnit.RegionPath) || ReceptionRules.LevelOf(hostUnit.RegionPath) is not { } unitLevel)
        {
            throw ReceptionStore.Invalid(nameof(ScheduleReception.UnitId), "No such unit in your jurisdiction.");
        }

        return new ReceptionHost(null, command.HostName?.Trim(), hostUnit.Id, hostUnit.Name, hostUnit.RegionPath, unitLevel);
    }
}

internal static class ScheduleReceptionEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapPost("/", Handle)
            .WithName("ScheduleReception")
            .WithDescription("Schedules a reception: a leader's reception day, an appointment about an existing petition, or a visit (下访), for the calling leader (or, by an administrator, for a named leader); or a department's duty or a cadre's home visit, by the petition bureau. Reception days and duties may be published for the public list. 400 names the field when the kind and what it names do not match (a leader's reception names no unit, an appointment names its petition, ...); 403 for a kind the caller's roles may not schedule.")
            .ProducesETag()
            .WithSummary("Schedules a leader's reception day, appointment or visit, or a department's duty or home visit.")
            .RequireCapability(Capability.ScheduleReceptions)
            .WithIdempotency()
            .ProducesValidationProblem()
            .WithRequestExample(new ScheduleReception(
                ReceptionKind.LeaderDay,
                RegionId: Guid.Parse("0193b2c4-5e6f-7a81-9b2c-3d4e5f6a7b8c"),
                Day: new DateOnly(2026, 3, 18),
                StartsAt: "09:00",
                EndsAt: "11:30",
                Place: "越城区人民来访接待中心一楼接待室",
                Theme: "城市更新和老旧小区改造",
                Purpose: null,
                IsPublished: true,
                HostUserId: null,
                HostName: null,
                UnitId: null,
                PetitionId: null));

    private static async Task<Created<EntityVersion>> Handle(ScheduleReception request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/receptions/{created.Id}", created);
    }
}
