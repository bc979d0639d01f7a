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
/// Records that an adopted (or partly adopted) suggestion was carried out, with the <see cref="Outcome"/> published on the public
/// adopted-suggestions page. Needs If-Match.
/// </summary>
internal sealed record ImplementSuggestion(string Outcome) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid SuggestionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class ImplementSuggestionValidator : AbstractValidator<ImplementSuggestion>
{
    public ImplementSuggestionValidator() =>
        RuleFor(c => c.Outcome).NotEmpty().WithMessage("Say what was done: the public reads it.").MaximumLength(4000);
}

internal sealed class ImplementSuggestionHandler(
    IDbSession session, SuggestionStore store, ICurrentUser caller, IAuditLog audit, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<ImplementSuggestion, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ImplementSuggestion command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.SuggestionId, command.ExpectedVersion, cancellationToken);
        var status = SuggestionLifecycle.Implement(before.Status, before.Outcome);
        var now = clock.GetUtcNow();
        await session.ExecuteVersionedAsync(
            SuggestionSql.Implement,
            new { before.Id, Implementation = command.Outcome.Trim(), By = caller.UserId, Now = now, command.ExpectedVersion },
            command.ExpectedVersion,
            cancellationToken);
        audit.Record(new AuditEntry("suggestion.implemented", "suggestion", before.Id,
            new { before.Status, before.Version }, new { Status = status, Implementation = command.Outcome.Trim(), Version = before.Version + 1 }));
        events.Publish(new SuggestionImplemented(Guid.CreateVersion7(now), now, before.Id, before.Outcome!.Value.ToSnakeCase(), before.AnsweredAt, before.RegionId, before.RegionPath));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

/// <summary>Awards an adopted suggestion as excellent 优秀建议 with the <see cref="Citation"/> shown publicly. Needs If-Match.</summary>
internal sealed record AwardSuggestion(string Citation) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid SuggestionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class AwardSuggestionValidator : AbstractValidator<AwardSuggestion>
{
    public AwardSuggestionValidator() =>
        RuleFor(c => c.Citation).NotEmpty().WithMessage("Say why it is excellent: the public reads it.").MaximumLength(1000);
}

internal sealed class AwardSuggestionHandler(IDbSession session, SuggestionStore store, ICurrentUser caller, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<AwardSuggestion, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(AwardSuggestion command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.SuggestionId, command.ExpectedVersion, cancellationToken);
        if (!SuggestionLifecycle.CanAward(before.Status, before.Outcome, before.AwardedAt is not null))
        {
            throw new ConflictException("invalid_state", before.AwardedAt is null
                ? $"The suggestion is {before.Status.ToSnakeCase()}; only an answered, adopted suggestion is awarded."
                : "The suggestion has been awarded already.");
        }

        await session.ExecuteVersionedAsync(
            SuggestionSql.Award,
            new { before.Id, Award = command.Citation.Trim(), By = caller.UserId, Now = clock.GetUtcNow(), command.ExpectedVersion },
            command.ExpectedVersion,
            cancellationToken);
        audit.Record(new AuditEntry("suggestion.awarded", "suggestion", before.Id,
            new { before.Version }, new { Citation = command.Citation.Trim(), Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class ImplementSuggestionEndpoint
{
    public static void Map(IEndpointRouteBuilder suggestions)
    {
        suggestions.MapPost("/{id:guid}/implementation", ImplementAsync)
            .WithName("ImplementSuggestion")
            .ProducesETag()
            .WithDescription("Records that an adopted or partly adopted suggestion was carried out, with the outcome published on the public adopted-suggestions page. If-Match carries the ETag read. 400 without an outcome; 409 `invalid_state` when the suggestion is not adopted and answered.")
            .WithSummary("Records that an adopted suggestion was carried out, publishing the outcome; needs If-Match.")
            .RequireCapability(Capability.HandleSuggestions)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();
        suggestions.MapPost("/{id:guid}/award", AwardAsync)
            .WithName("AwardSuggestion")
            .ProducesETag()
            .WithDescription("Awards an adopted suggestion as excellent (优秀建议) with a citation shown on the public page. If-Match carries the ETag read. 400 without a citation; 409 `invalid_state` when the suggestion is not an answered, adopted one or was awarded already.")
            .WithSummary("Awards an adopted suggestion as excellent (优秀建议) with a citation shown publicly; needs If-Match.")
            .RequireCapability(Capability.HandleSuggestions)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();
    }

    private static async Task<Ok<EntityVersion>> ImplementAsync(Guid id, ImplementSuggestion request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { SuggestionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }

    private static async Task<Ok<EntityVersion>> AwardAsync(Guid id, AwardSuggestion request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { SuggestionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
