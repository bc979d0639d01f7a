using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Suggestions;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Handling;

/// <summary>
/// Screens a submitted suggestion: valid, a duplicate of <see cref="DuplicateOfId"/> (which carries it on), or out of scope with
/// the <see cref="Reason"/> the submitter reads on the tracking page. Needs If-Match.
/// </summary>
internal sealed record ScreenSuggestion(ScreeningOutcome Outcome, string? Reason, Guid? DuplicateOfId) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid SuggestionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class ScreenSuggestionValidator : AbstractValidator<ScreenSuggestion>
{
    public ScreenSuggestionValidator()
    {
        RuleFor(c => c.Outcome).IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().When(c => SuggestionLifecycle.NeedsReason(c.Outcome)).WithMessage("Give the reason: the submitter reads it.");
        RuleFor(c => c.Reason).MaximumLength(2000);
        RuleFor(c => c.DuplicateOfId).NotEmpty().When(c => c.Outcome == ScreeningOutcome.Duplicate).WithMessage("Name the suggestion this one duplicates.");
        RuleFor(c => c.DuplicateOfId).Null().When(c => c.Outcome != ScreeningOutcome.Duplicate).WithMessage("Only a duplicate names another suggestion.");
    }
}

internal sealed class ScreenSuggestionHandler(IDbSession session, SuggestionStore store, ICurrentUser caller, IAuditLog audit, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<ScreenSuggestion, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ScreenSuggestion command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.SuggestionId, command.ExpectedVersion, cancellationToken);
        var status = SuggestionLifecycle.Screen(before.Status, command.Outcome);
        if (command.DuplicateOfId is { } originalId)
        {
            var original = await store.FindAsync(originalId, cancellationToken);
            if (original is null || original.Id == before.Id || original.Status is SuggestionStatus.Duplicate or SuggestionStatus.OutOfScope)
            {
                throw SuggestionStore.Invalid(nameof(ScreenSuggestion.DuplicateOfId), "No such suggestion in your jurisdiction that is still carried on.");
            }
        }

        var now = clock.GetUtcNow();
        await session.ExecuteVersionedAsync(
            SuggestionSql.Screen,
            new
            {
                before.Id,
                Status = status.ToString(),
                Reason = command.Reason?.Trim() is { Length: > 0 } reason ? reason : null,
                command.DuplicateOfId,
                ScreenedBy = caller.UserId,
                Now = now,
                command.ExpectedVersion,
            },
            command.ExpectedVersion,
            cancellationToken);
        audit.Record(new AuditEntry("suggestion.screened", "suggestion", before.Id,
            new { before.Status, before.Version }, new { Status = status, command.Reason, command.DuplicateOfId, Version = before.Version + 1 }));
        events.Publish(new SuggestionScreened(Guid.CreateVersion7(now), now, before.Id, command.Outcome.ToSnakeCase(), command.DuplicateOfId, before.RegionId, before.RegionPath));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class ScreenSuggestionEndpoint
{
    public static void Map(IEndpointRouteBuilder suggestions) =>
        suggestions.MapPost("/{id:guid}/screening", Handle)
            .WithName("ScreenSuggestion")
            .WithDescription("Screens a submitted suggestion: valid (it goes on to evaluation), a duplicate of another (which carries it on), or out of scope with the reason the submitter reads on the tracking page. If-Match carries the ETag read. 400 names the missing reason or duplicate; 409 `invalid_state` once it has been screened.")
            .ProducesETag()
            .WithSummary("Screens a submitted suggestion: valid, duplicate of another, or out of scope with the reason for the submitter; needs If-Match.")
            .RequireCapability(Capability.HandleSuggestions)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, ScreenSuggestion request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { SuggestionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
