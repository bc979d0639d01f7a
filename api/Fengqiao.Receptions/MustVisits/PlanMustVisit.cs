using System.Text.Json;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Organization;
using Fengqiao.Contracts.Receptions;
using Fengqiao.Receptions.Schedule;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.MustVisits;

/// <summary>
/// A leader plans a visit (下访) to a town proposed for the month (yyyy-MM): a leader's visit scheduled as any other, for the
/// calling leader (or, by an admin, for <see cref="HostUserId"/>), in the month or the next, linked to the proposal and its
/// reasons as they stand now. The visit's batches count as must-visit batches. A town no longer proposed is a 409 <c>not_proposed</c>.
/// </summary>
internal sealed record PlanMustVisit(
    string Month,
    Guid TownId,
    DateOnly Day,
    string StartsAt,
    string EndsAt,
    string Place,
    string Purpose,
    Guid? HostUserId) : ICommand<EntityVersion>;

internal sealed class PlanMustVisitValidator : AbstractValidator<PlanMustVisit>
{
    public PlanMustVisitValidator(TimeProvider clock)
    {
        RuleFor(c => c.Month).NotEmpty().Must(m => Months.TryParse(m, out _)).WithMessage("Give the month as yyyy-MM.");
        RuleFor(c => c.TownId).NotEmpty();
        ReceptionTimes.Rules(this, c => c.Day, c => c.StartsAt, c => c.EndsAt, clock);
        RuleFor(c => c.Day)
            .Must((c, day) => !Months.TryParse(c.Month, out var month) || (day >= month && day < month.AddMonths(2)))
            .WithMessage("Plan the visit in the proposal's month or the next.");
        RuleFor(c => c.Place).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Purpose).NotEmpty().MaximumLength(4000);
    }
}

internal sealed class PlanMustVisitHandler(
    IDbSession session,
    ICurrentUser caller,
    IOrganizationDirectory directory,
    MustVisitProposer proposer,
    ReceptionScheduler scheduler,
    ReceptionStore store,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock) : ICommandHandler<PlanMustVisit, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(PlanMustVisit command, CancellationToken cancellationToken)
    {
        ReceptionRules.RequireMaySchedule(ReceptionKind.LeaderVisit, caller);
        Months.TryParse(command.Month, out var month);
        var town = await directory.FindRegionAsync(command.TownId, cancellationToken);
        var districtPath = town is null ? null : RegionPaths.AncestorAt(town.Path, RegionLevel.District);
        if (town is null || RegionPaths.LevelOf(town.Path) != RegionLevel.Town || !Jurisdiction.Contains(caller, town.Path) || districtPath is null)
        {
            throw ReceptionStore.Invalid(nameof(PlanMustVisit.TownId), "No such town in your jurisdiction.");
        }

        var district = (await directory.FindRegionsByPathAsync([districtPath], cancellationToken)).Single();
        var proposal = (await proposer.ProposeAsync(district, month, caller.RegionPath, cancellationToken)).Towns.FirstOrDefault(t => t.TownId == town.Id)
            ?? throw new ConflictException("not_proposed", $"{town.Name} is not proposed for a must-visit in {command.Month}.");

        var schedule = new ScheduleReception(ReceptionKind.LeaderVisit, town.Id, command.Day, command.StartsAt, command.EndsAt, command.Place, null, command.Purpose, false,
            command.HostUserId, null, null, null);
        var receptionId = await scheduler.ScheduleAsync(schedule, cancellationToken);
        var reasons = proposal.Reasons.Select(r => r.ToSnakeCase()).ToList();
        var now = clock.GetUtcNow();
        await session.ExecuteAsync(MustVisitSql.InsertPlan, new
        {
            ReceptionId = receptionId,
            command.Month,
            DistrictId = district.Id,
            TownId = town.Id,
            TownPath = town.Path,
            TownName = town.Name,
            Reasons = JsonSerializer.Serialize(new { reasons, proposal.Figures }, JsonSerializerOptions.Web),
            PlannedBy = caller.UserId,
            PlannedAt = now,
        }, cancellationToken);
        audit.Record(new AuditEntry("reception.must_visit_planned", "reception", receptionId, After: new { command.Month, TownId = town.Id, Reasons = reasons }));
        var visit = await store.GetAsync(receptionId, cancellationToken);
        events.Publish(new MustVisitPlanned(Guid.CreateVersion7(now), now, receptionId, visit.Kind.ToSnakeCase(), visit.Level.ToSnakeCase(), visit.HostUserId, null,
            visit.RegionPath, visit.Day, command.Month, town.Id, reasons));
        return new EntityVersion(receptionId, 1);
    }
}

internal static class PlanMustVisitEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapPost("/must-visits/visits", Handle)
            .WithName("PlanMustVisit")
            .WithDescription("A leader plans a visit (下访) to a town proposed for a must-visit, in the proposal's month or the next; it is scheduled like any leader's visit and its batches count as must-visit batches. An administrator may plan it for a named leader. 409 `not_proposed` when the town is not proposed for that month.")
            .ProducesETag()
            .WithSummary("Plans a leader's visit to a town proposed for a must-visit in a month; its batches count as must-visit batches.")
            .RequireCapability(Capability.PlanMustVisits)
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Created<EntityVersion>> Handle(PlanMustVisit request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/receptions/{created.Id}", created);
    }
}
