using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Registers;

/// <summary>
/// Deletes a policy registered by mistake; needs If-Match. Proposals already recorded and visits already planned keep the reasons
/// they had; later proposals no longer see it.
/// </summary>
internal sealed record DeletePolicy(Guid PolicyId, long ExpectedVersion) : ICommand<bool>;

internal sealed class DeletePolicyHandler(IDbSession session, RegisterEntries entries, IAuditLog audit) : ICommandHandler<DeletePolicy, bool>
{
    public async ValueTask<bool> Handle(DeletePolicy command, CancellationToken cancellationToken)
    {
        var before = await entries.PolicyForChangeAsync(command.PolicyId, command.ExpectedVersion, cancellationToken);
        await session.ExecuteVersionedAsync(RegisterSql.DeletePolicy, new { Id = before.Id, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("reception.policy_deleted", "reception_policy", before.Id,
            new { before.Title, before.RegionId, before.EffectiveFrom, before.EffectiveTo, before.Note, before.Version }));
        return true;
    }
}

internal static class DeletePolicyEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapDelete("/policies/{id:guid}", Handle)
            .WithName("DeleteMustVisitPolicy")
            .WithDescription("Deletes a major policy registered by mistake; If-Match carries the ETag from the register. Proposals already recorded and visits already planned keep the reasons they had; later proposals no longer see it.")
            .WithSummary("Deletes a major policy registered by mistake (the petition bureau); needs If-Match.")
            .RequireCapability(Capability.ManageReceptionRegisters)
            .ProducesVersionedChangeProblems();

    private static async Task<NoContent> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        await sender.Send(new DeletePolicy(id, Versioning.RequiredIfMatch(context)), cancellationToken);
        return TypedResults.NoContent();
    }
}
