using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Suggestions;
using Fengqiao.Suggestions.Handling;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Evaluation;

/// <summary>
/// Records an assigned department's (<see cref="UnitId"/>) evaluation: its decision and the reasoned reply the submitter reads.
/// When the last department answers, the suggestion is answered with the most favourable outcome. Needs If-Match.
/// </summary>
internal sealed record AnswerSuggestion(Guid UnitId, SuggestionOutcome Outcome, string Reply) : ICommand<EntityVersion>
{
    public const int ReplyLength = 4000;

    [JsonIgnore]
    public Guid SuggestionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class AnswerSuggestionValidator : AbstractValidator<AnswerSuggestion>
{
    public AnswerSuggestionValidator()
    {
        RuleFor(c => c.UnitId).NotEmpty().WithMessage("Name the department that answers.");
        RuleFor(c => c.Outcome).IsInEnum();
        RuleFor(c => c.Reply).NotEmpty().WithMessage("Give the reasoned reply: the submitter reads it.").MaximumLength(AnswerSuggestion.ReplyLength);
    }
}

internal sealed record AssignmentAnswer
{
    public required Guid UnitId { get; init; }

    public required SuggestionOutcome? Outcome { get; init; }
}

internal sealed class AnswerSuggestionHandler(SuggestionStore store, SuggestionAnswering answering) : ICommandHandler<AnswerSuggestion, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(AnswerSuggestion command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.SuggestionId, command.ExpectedVersion, cancellationToken);
        return await answering.AnswerAsync(before, command.UnitId, command.Outcome, command.Reply, cancellationToken);
    }
}

/// <summary>
/// A department's answer, recorded by the suggestion reviewer on its behalf or by the department's own staff: once per department;
/// when the last department answers, the suggestion is answered with the most favourable outcome and <see cref="SuggestionAnswered"/> is published.
/// </summary>
internal sealed class SuggestionAnswering(IDbSession session, ICurrentUser caller, IAuditLog audit, IEventPublisher events, TimeProvider clock)
{
    public async Task<EntityVersion> AnswerAsync(SuggestionRow before, Guid unitId, SuggestionOutcome outcome, string reply, CancellationToken cancellationToken)
    {
        SuggestionLifecycle.Answer(before.Status);
        var answers = await session.QueryAsync<AssignmentAnswer>(AssignmentSql.AnswersOf, new { SuggestionId = before.Id }, cancellationToken);
        var own = answers.FirstOrDefault(a => a.UnitId == unitId)
            ?? throw SuggestionStore.Invalid(nameof(AnswerSuggestion.UnitId), "The suggestion is not assigned to this department.");
        if (own.Outcome is not null)
        {
            throw new ConflictException("already_answered", "This department has answered the suggestion already.");
        }

        var now = clock.GetUtcNow();
        await session.ExecuteAsync(
            AssignmentSql.Answer,
            new { SuggestionId = before.Id, UnitId = unitId, Outcome = outcome.ToString(), Reply = reply.Trim(), AnsweredBy = caller.UserId, Now = now },
            cancellationToken);
        var outcomes = answers.Where(a => a.UnitId != unitId).Select(a => a.Outcome).Append(outcome).ToList();
        SuggestionOutcome? overall = outcomes.All(o => o is not null) ? SuggestionLifecycle.Overall(outcomes.Select(o => o!.Value)) : null;
        await session.ExecuteVersionedAsync(
            overall is null ? SuggestionSql.Touch : SuggestionSql.Answered,
            new { before.Id, Outcome = overall?.ToString(), Now = now, ExpectedVersion = before.Version },
            before.Version,
            cancellationToken);
        audit.Record(new AuditEntry("suggestion.answered", "suggestion", before.Id,
            new { before.Status, before.Version },
            new { UnitId = unitId, Outcome = outcome, Status = overall is null ? before.Status : SuggestionStatus.Answered, Overall = overall, Version = before.Version + 1 }));
        if (overall is { } decided)
        {
            events.Publish(new SuggestionAnswered(Guid.CreateVersion7(now), now, before.Id, decided.ToSnakeCase(), outcomes.Count, before.RegionId, before.RegionPath));
        }

        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class AnswerSuggestionEndpoint
{
    public static void Map(IEndpointRouteBuilder suggestions) =>
        suggestions.MapPost("/{id:guid}/answers", Handle)
            .WithName("AnswerSuggestion")
            .ProducesETag()
            .WithDescription("Records an assigned department's evaluation of a suggestion: its decision and the reasoned reply the submitter reads. When the last department answers, the suggestion is answered with the most favourable outcome. If-Match carries the ETag read. 409 `already_answered` when the department has answered already.")
            .WithSummary("Records an assigned department's decision on a suggestion with the reasoned reply for the submitter; needs If-Match.")
            .RequireCapability(Capability.HandleSuggestions)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, AnswerSuggestion request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { SuggestionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
