using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Mediation;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Disputes;

/// <summary>Records the applicant's withdrawal of an open dispute, with the reason given; needs If-Match.</summary>
internal sealed record WithdrawDispute(string Reason) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class WithdrawDisputeValidator : AbstractValidator<WithdrawDispute>
{
    public WithdrawDisputeValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
}

internal sealed class WithdrawDisputeHandler(IDbSession session, DisputeStore store, IAuditLog audit, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<WithdrawDispute, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(WithdrawDispute command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.DisputeId, command.ExpectedVersion, cancellationToken);
        DisputeStateMachine.Apply(before.State, DisputeAction.Withdraw);
        var now = clock.GetUtcNow();
        var reason = command.Reason.Trim();
        await session.ExecuteVersionedAsync(DisputeSql.Withdraw, new { before.Id, Reason = reason, Now = now, command.ExpectedVersion },
            command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("mediation.dispute_withdrawn", "mediation_dispute", before.Id,
            new { before.Status, before.Version }, new { Status = DisputeStatus.Withdrawn, command.Reason, Version = before.Version + 1 }));
        events.Publish(new DisputeWithdrawn(Guid.CreateVersion7(now), now, before.Id, before.Number, before.DisputeType, before.Source.ToSnakeCase(), before.RegionPath,
            before.RoomId, before.RoomName, before.PetitionId, reason));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class WithdrawDisputeEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/withdrawal", Handle)
            .WithName("WithdrawDispute")
            .WithDescription("Records the applicant's withdrawal of an open dispute, with the reason given; the dispute ends and DisputeWithdrawn is published, which a referred petition shows on its timeline. If-Match carries the ETag read. 409 `dispute_action_not_allowed` when the dispute is no longer open.")
            .ProducesETag()
            .WithSummary("Records the applicant's withdrawal of an open dispute, with the reason; needs If-Match.")
            .RequireCapability(Capability.MediateDisputes)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, WithdrawDispute request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { DisputeId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
