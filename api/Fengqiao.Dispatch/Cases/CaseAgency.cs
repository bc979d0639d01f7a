using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Dispatch;

namespace Fengqiao.Dispatch.Cases;

/// <summary>The cases whose agent the caller is, as <see cref="CaseSql"/>'s visibility lets an agent open them.</summary>
internal sealed class CaseAgency(IDbSession session, ICurrentUser caller) : ICaseAgency
{
    public async Task<bool> ActsForPetitionAsync(Guid petitionId, CancellationToken cancellationToken) =>
        caller.UserId is { } callerId
        && await session.ExecuteScalarAsync<long>(CaseSql.AgentCasesOfPetition, new { PetitionId = petitionId, CallerId = callerId }, cancellationToken) > 0;
}
