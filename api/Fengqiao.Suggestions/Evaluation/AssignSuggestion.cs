using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Contracts.Organization;
using Fengqiao.Suggestions.Handling;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Evaluation;

/// <summary>
/// Assigns a valid suggestion to the departments that evaluate it, each due by the rule set's evaluation deadline counted from
/// today. A department's region must cover the suggestion's (a town's suggestion may go to a district bureau). Needs If-Match.
/// </summary>
internal sealed record AssignSuggestion(IReadOnlyList<Guid> UnitIds) : ICommand<EntityVersion>
{
    /// <summary>A suggestion touching many departments is a matter for a joint meeting, not for this many parallel evaluations.</summary>
    public const int MostUnits = 10;

    [JsonIgnore]
    public Guid SuggestionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class AssignSuggestionValidator : AbstractValidator<AssignSuggestion>
{
    public AssignSuggestionValidator()
    {
        RuleFor(c => c.UnitIds).NotEmpty().WithMessage("Name at least one department.")
            .Must(ids => ids.Count <= AssignSuggestion.MostUnits).WithMessage($"At most {AssignSuggestion.MostUnits} departments.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Name each department once.");
        RuleForEach(c => c.UnitIds).NotEmpty();
    }
}

internal sealed class AssignSuggestionHandler(SuggestionStore store, SuggestionAssigner assigner, IAuditLog audit)
    : ICommandHandler<AssignSuggestion, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(AssignSuggestion command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.SuggestionId, command.ExpectedVersion, cancellationToken);
        SuggestionLifecycle.Assign(before.Status);
        var units = await assigner.UnitsCoveringAsync(command.UnitIds, [before.RegionPath], nameof(AssignSuggestion.UnitIds), cancellationToken);
        var dueOn = await assigner.AssignAsync(before, units, cancellationToken);
        audit.Record(new AuditEntry("suggestion.assigned", "suggestion", before.Id,
            new { before.Status, before.Version }, new { Status = SuggestionStatus.Assigned, command.UnitIds, DueOn = dueOn, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

/// <summary>
/// The assignment a single and a bulk assignment share: the departments are checked once, each suggestion's version is checked as it
/// moves to assigned, and every department is due by the rule set's evaluation deadline counted from today.
/// </summary>
internal sealed class SuggestionAssigner(
    IDbSession session,
    IOrganizationDirectory directory,
    IRuleSets ruleSets,
    WorkCalendar calendar,
    ICurrentUser caller,
    TimeProvider clock)
{
    /// <summary>The departments, each in service and with a region covering every one of <paramref name="regionPaths"/>; 400 on <paramref name="field"/> otherwise.</summary>
    public async Task<IReadOnlyList<UnitSnapshot>> UnitsCoveringAsync(IReadOnlyList<Guid> unitIds, IReadOnlyCollection<string> regionPaths, string field,
        CancellationToken cancellationToken)
    {
        var units = await directory.FindUnitsAsync(unitIds, cancellationToken);
        var refused = unitIds.Where(id => units.FirstOrDefault(u => u.Id == id) is not { IsRetired: false } unit
            || regionPaths.Any(path => !Jurisdiction.Contains(unit.RegionPath, path))).ToList();
        return refused.Count > 0
            ? throw SuggestionStore.Invalid(field, "Each department must be in service and its region must cover the suggestion's.")
            : units;
    }

    /// <summary>Moves <paramref name="before"/> to assigned (412 when its version moved on) and adds the departments' evaluations; the day they are due.</summary>
    public async Task<DateOnly> AssignAsync(SuggestionRow before, IReadOnlyList<UnitSnapshot> units, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var dueOn = SuggestionsRuleSection.From(ruleSets).EvaluationDeadline.From(WorkCalendar.LocalDate(now), calendar);
        await session.ExecuteVersionedAsync(AssignmentSql.Assign, new { before.Id, ExpectedVersion = before.Version }, before.Version, cancellationToken);
        foreach (var unit in units)
        {
            await session.ExecuteAsync(
                AssignmentSql.Insert,
                new { Id = Guid.CreateVersion7(now), SuggestionId = before.Id, UnitId = unit.Id, UnitName = unit.Name, DueOn = dueOn, AssignedBy = caller.UserId, AssignedAt = now },
                cancellationToken);
        }

        return dueOn;
    }
}

internal static class AssignSuggestionEndpoint
{
    public static void Map(IEndpointRouteBuilder suggestions) =>
        suggestions.MapPost("/{id:guid}/assignment", Handle)
            .WithName("AssignSuggestion")
            .WithDescription("Assigns a valid suggestion to the departments that evaluate it, each due by the rule set's evaluation deadline counted from today. A department's region must cover the suggestion's (400 otherwise); a suggestion touching many departments belongs to a joint meeting, hence a small maximum. If-Match carries the ETag read. 409 `invalid_state` unless it was screened valid and not yet assigned.")
            .ProducesETag()
            .WithSummary("Assigns a valid suggestion to the departments that evaluate it, due by the rule set's evaluation deadline; needs If-Match.")
            .RequireCapability(Capability.HandleSuggestions)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, AssignSuggestion request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { SuggestionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
