using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Mediation.Disputes;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Outcomes;

/// <summary>
/// Ends an accepted dispute as failed 调解不成 (人民调解法 Art 26): the reason, and the guidance written to the parties on
/// litigation, arbitration or administrative channels. Needs If-Match.
/// </summary>
internal sealed record RecordFailure(string Reason, string Guidance) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class RecordFailureValidator : AbstractValidator<RecordFailure>
{
    public RecordFailureValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.Guidance).NotEmpty().MaximumLength(2000).WithMessage("Tell the parties where else they may turn (litigation, arbitration, …).");
    }
}

internal sealed class RecordFailureHandler(IDbSession session, DisputeStore disputes, IAuditLog audit, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<RecordFailure, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RecordFailure command, CancellationToken cancellationToken)
    {
        var before = await disputes.GetForChangeAsync(command.DisputeId, command.ExpectedVersion, cancellationToken);
        var after = DisputeStateMachine.Apply(before.State, DisputeAction.RecordFailure);
        var now = clock.GetUtcNow();
        await session.ExecuteVersionedAsync(OutcomeSql.Fail, new { before.Id, Reason = command.Reason.Trim(), Guidance = command.Guidance.Trim(), Now = now, command.ExpectedVersion },
            command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("mediation.failure_recorded", "mediation_dispute", before.Id, new { before.Status, before.Version },
            new { after.Status, command.Reason, Version = before.Version + 1 }));
        events.Publish(new MediationFailed(Guid.CreateVersion7(now), now, before.Id, before.Number, before.DisputeType, before.Source.ToSnakeCase(), before.RegionPath,
            before.RoomId, before.RoomName, before.PetitionId, command.Reason.Trim(), command.Guidance.Trim()));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class RecordFailureEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/failure", Handle)
            .WithName("RecordMediationFailure")
            .WithSummary("Ends an accepted dispute as failed, with the reason and guidance to litigation or arbitration; needs If-Match.")
            .WithDescription("Ends an accepted dispute as failed (调解不成), with the reason and the guidance given to the parties towards litigation or arbitration; publishes MediationFailed, which a referred petition shows on its timeline. 409 when the dispute is not in a state to end.")
            .ProducesETag()
            .RequireCapability(Capability.MediateDisputes)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, RecordFailure request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { DisputeId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
