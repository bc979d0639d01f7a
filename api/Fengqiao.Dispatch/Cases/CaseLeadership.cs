using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Dispatch;

namespace Fengqiao.Dispatch.Cases;

/// <summary><see cref="ICaseLeadership"/>: 包案 on a petition's case through <see cref="TakeChargeHandler"/>, at the case's current version.</summary>
internal sealed class CaseLeadership(IDbSession session, CaseStore store, ICurrentUser caller) : ICaseLeadership
{
    public async Task<CaseInCharge?> TakeChargeOfPetitionCaseAsync(Guid petitionId, string note, CancellationToken cancellationToken)
    {
        var found = await session.QuerySingleOrDefaultAsync<CaseVersion>(CaseSql.HandlingOfPetition, store.VisibleTo(new { PetitionId = petitionId }), cancellationToken);
        if (found is null)
        {
            return null;
        }

        var changed = await new TakeChargeHandler(store, caller).Handle(new TakeCharge(note) { CaseId = found.Id, ExpectedVersion = found.Version }, cancellationToken);
        var number = (await store.GetAsync(found.Id, cancellationToken)).Number;
        return new CaseInCharge(changed.Id, number, changed.Version);
    }

    private sealed record CaseVersion
    {
        public required Guid Id { get; init; }

        public required long Version { get; init; }
    }
}
