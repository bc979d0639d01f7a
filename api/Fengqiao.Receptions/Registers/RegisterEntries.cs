using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;

namespace Fengqiao.Receptions.Registers;

/// <summary>A register entry about to change: one of the caller's jurisdiction at the version the caller read (404 elsewhere, 412 when stale).</summary>
internal sealed class RegisterEntries(IDbSession session, ICurrentUser caller)
{
    public async Task<PolicyItem> PolicyForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken) =>
        Current(await session.QuerySingleInJurisdictionAsync<PolicyItem>(caller, RegisterSql.PolicyById, new { Id = id }, cancellationToken) ?? throw new NotFoundException("Policy"),
            p => p.Version, expectedVersion);

    public async Task<IncidentItem> IncidentForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken) =>
        Current(await session.QuerySingleInJurisdictionAsync<IncidentItem>(caller, RegisterSql.IncidentById, new { Id = id }, cancellationToken) ?? throw new NotFoundException("Incident"),
            i => i.Version, expectedVersion);

    private static T Current<T>(T entry, Func<T, long> version, long expectedVersion) =>
        version(entry) == expectedVersion ? entry : throw new PreconditionFailedException(version(entry));
}
