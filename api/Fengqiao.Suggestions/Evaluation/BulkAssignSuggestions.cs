using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Suggestions.Handling;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Evaluation;

/// <summary>A suggestion picked on the worklist, with the version the worklist showed.</summary>
internal sealed record BulkAssignedSuggestion(Guid Id, long Version);

/// <summary>
/// Assigns several valid suggestions at once to the same departments, as <see cref="AssignSuggestion"/> does one: all or none, so
/// one missing, stale or no longer valid suggestion refuses the whole selection and the worklist is reloaded.
/// </summary>
internal sealed record BulkAssignSuggestions(IReadOnlyList<BulkAssignedSuggestion> Suggestions, IReadOnlyList<Guid> UnitIds) : ICommand<BulkAssignment>
{
    /// <summary>One worklist page at most: a larger selection is better split than held in one transaction.</summary>
    public const int MostSuggestions = 100;
}

/// <summary>The suggestions assigned with their new versions, and the day the departments' evaluations are due.</summary>
internal sealed record BulkAssignment(IReadOnlyList<EntityVersion> Assigned, DateOnly DueOn);

internal sealed class BulkAssignSuggestionsValidator : AbstractValidator<BulkAssignSuggestions>
{
    public BulkAssignSuggestionsValidator()
    {
        RuleFor(c => c.Suggestions).NotEmpty().WithMessage("Pick at least one suggestion.")
            .Must(items => items.Count <= BulkAssignSuggestions.MostSuggestions).WithMessage($"At most {BulkAssignSuggestions.MostSuggestions} suggestions at once.")
            .Must(items => items.Select(i => i.Id).Distinct().Count() == items.Count).WithMessage("Pick each suggestion once.");
        RuleForEach(c => c.Suggestions).ChildRules(item =>
        {
            item.RuleFor(i => i.Id).NotEmpty();
            item.RuleFor(i => i.Version).GreaterThan(0).WithMessage("Give the version the worklist showed.");
        });
        RuleFor(c => c.UnitIds).NotEmpty().WithMessage("Name at least one department.")
            .Must(ids => ids.Count <= AssignSuggestion.MostUnits).WithMessage($"At most {AssignSuggestion.MostUnits} departments.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Name each department once.");
        RuleForEach(c => c.UnitIds).NotEmpty();
    }
}

internal sealed class BulkAssignSuggestionsHandler(SuggestionStore store, SuggestionAssigner assigner, IAuditLog audit)
    : ICommandHandler<BulkAssignSuggestions, BulkAssignment>
{
    public async ValueTask<BulkAssignment> Handle(BulkAssignSuggestions command, CancellationToken cancellationToken)
    {
        var rows = new List<SuggestionRow>(command.Suggestions.Count);
        foreach (var item in command.Suggestions)
        {
            // Each picked suggestion is looked up in the caller's jurisdiction and at the version shown: one outside answers 404 like a missing one.
            var row = await store.FindAsync(item.Id, cancellationToken) ?? throw new NotFoundException($"Suggestion {item.Id}");
            // The versions come in the body, not in If-Match, so a stale one is a conflict naming the suggestion rather than a 412.
            if (row.Version != item.Version)
            {
                throw new ConflictException("stale", $"Suggestion {row.TrackingCode} changed since the worklist showed it; reload the worklist.");
            }

            if (SuggestionLifecycle.TryAssign(row.Status) is null)
            {
                throw new ConflictException("invalid_state", $"Suggestion {row.TrackingCode} is {row.Status.ToSnakeCase()}; only valid suggestions are assigned.");
            }

            rows.Add(row);
        }

        var units = await assigner.UnitsCoveringAsync(command.UnitIds, rows.Select(r => r.RegionPath).Distinct().ToList(), nameof(BulkAssignSuggestions.UnitIds),
            cancellationToken);
        var batch = Guid.CreateVersion7();
        var assigned = new List<EntityVersion>(rows.Count);
        DateOnly dueOn = default;
        foreach (var before in rows)
        {
            dueOn = await assigner.AssignAsync(before, units, cancellationToken);

            // One entry per suggestion, as a single assignment writes, so each suggestion's trail is whole; the batch ties the selection together.
            audit.Record(new AuditEntry("suggestion.assigned", "suggestion", before.Id,
                new { before.Status, before.Version },
                new { Status = SuggestionStatus.Assigned, command.UnitIds, DueOn = dueOn, Batch = batch, BatchSize = rows.Count, Version = before.Version + 1 }));
            assigned.Add(new EntityVersion(before.Id, before.Version + 1));
        }

        return new BulkAssignment(assigned, dueOn);
    }
}

internal static class BulkAssignSuggestionsEndpoint
{
    public static void Map(IEndpointRouteBuilder suggestions) =>
        suggestions.MapPost("/bulk-assignment", Handle)
            .WithName("BulkAssignSuggestions")
            .WithDescription($"Assigns the suggestions picked on the worklist (at most {BulkAssignSuggestions.MostSuggestions}, each with the version the worklist showed) to the same departments, due by the rule set's evaluation deadline counted from today, as a single assignment does. All or none: 404 names a suggestion missing or outside the caller's jurisdiction, 409 `stale` names one that changed since the worklist showed it and `invalid_state` one no longer valid and unassigned, 400 when a department's region does not cover every suggestion's. Each suggestion's audit trail records its assignment.")
            .WithSummary("Assigns several valid suggestions to the same departments at once, each at the version read; all or none.")
            .RequireCapability(Capability.HandleSuggestions)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Ok<BulkAssignment>> Handle(BulkAssignSuggestions request, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(request, cancellationToken));
}
