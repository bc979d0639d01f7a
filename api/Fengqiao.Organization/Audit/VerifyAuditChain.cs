using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Audit;

/// <summary>
/// Recomputes the whole audit chain and reports the first broken link, or that it is intact. The chain spans every
/// region, so only callers whose jurisdiction is the whole tree (a city admin or discipline inspector) may run it.
/// </summary>
internal sealed record VerifyAuditChain : IQuery<AuditChainReport>;

internal sealed class VerifyAuditChainHandler(IDbSession session, AuditHeadSeal seal, ICurrentUser caller) : IQueryHandler<VerifyAuditChain, AuditChainReport>
{
    public async ValueTask<AuditChainReport> Handle(VerifyAuditChain query, CancellationToken cancellationToken)
    {
        if (!Jurisdiction.CoversWholeTree(caller))
        {
            throw new ForbiddenException("Only an administrator or discipline inspector of the city (the whole region tree) can verify the audit trail.");
        }

        return await AuditChainVerifier.VerifyAsync(session, seal, cancellationToken);
    }
}

internal static class VerifyAuditChainEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/audit/verification", Handle)
            .WithName("VerifyAuditChain")
            .WithDescription("Recomputes the hash chain over the whole audit trail and answers whether it is intact (with the number of entries) or where the first broken link is, evidence that no entry was altered or removed; the head that says where the chain ends is sealed with a key kept outside the database, so entries removed from the end are found too (`head_mismatch`, or `head_forged` when the head was wound back). The chain spans every region, so only an administrator or discipline inspector of the city may run it (403 for one of a district or town).")
            .WithSummary("Verifies the audit trail's hash chain: intact with the number of entries, or the first broken link.")
            .RequireCapability(Capability.ViewAudit);

    private static async Task<Ok<AuditChainReport>> Handle(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new VerifyAuditChain(), cancellationToken));
}
