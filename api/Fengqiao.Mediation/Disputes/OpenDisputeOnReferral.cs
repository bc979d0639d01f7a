using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Contracts.Organization;
using Fengqiao.Mediation.Rooms;

namespace Fengqiao.Mediation.Disputes;

/// <summary>
/// A petition referred to mediation (信访法 Art 33, 37) opens a registered dispute linked to it, of the type its category maps
/// to, in the room nearest its region: the rooms of its own region first, then of each region above; among rooms of one
/// region the people's mediation committee first. The petitioner's personal data stays with intake: the mediator records the
/// parties with them. A redelivered referral finds the dispute it opened.
/// </summary>
internal sealed class OpenDisputeOnReferral(IDbSession session, DisputeStore disputes, IOrganizationDirectory directory, IEventPublisher events, TimeProvider clock)
    : IIntegrationEventConsumer<PetitionReferredToMediation>
{
    private const int MaxText = 4000;

    public async Task HandleAsync(PetitionReferredToMediation referred, CancellationToken cancellationToken)
    {
        if (await session.ExecuteScalarAsync<string?>(DisputeSql.ByPetition, new { referred.PetitionId }, cancellationToken) is not null)
        {
            return;
        }

        var region = await directory.FindRegionAsync(referred.RegionId, cancellationToken)
            ?? throw new InvalidOperationException($"The referred petition {referred.Number} names an unknown region.");
        var room = await NearestRoomAsync(region.Path, cancellationToken);
        var type = await session.ExecuteScalarAsync<string?>(DisputeSql.ReferralType, new { referred.Category }, cancellationToken) ?? "other";
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var number = await disputes.NextNumberAsync(region.DistrictName, region.Name, WorkCalendar.LocalDate(now).Year, cancellationToken);
        var text = referred.Text.Length <= MaxText ? referred.Text : referred.Text[..(MaxText - 1)] + "…";
        await disputes.InsertAsync(id, new NewDispute(number, type, text, text, null, region, DisputeSource.ReferredPetition, null, null,
            referred.PetitionId, referred.Number, room?.Id, room?.Name, null, null), [], now, cancellationToken);
        events.Publish(new DisputeOpened(Guid.CreateVersion7(now), now, id, number, type, DisputeSource.ReferredPetition.ToSnakeCase(), region.Id, region.Path,
            room?.Id, referred.PetitionId, null));
    }

    private async Task<RoomCandidate?> NearestRoomAsync(string regionPath, CancellationToken cancellationToken)
    {
        var parts = regionPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var paths = Enumerable.Range(1, parts.Length).Select(depth => "/" + string.Join('/', parts.Take(depth)) + "/").ToList();
        var rooms = await session.QueryAsync<RoomCandidate>(DisputeSql.RoomsAtPaths, new { Paths = paths }, cancellationToken);
        return rooms
            .OrderByDescending(r => r.RegionPath.Length)
            .ThenBy(r => r.Kind == MediationRoomKind.PeopleMediationCommittee ? 0 : 1)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Id)
            .FirstOrDefault();
    }

    private sealed record RoomCandidate(Guid Id, string Name, MediationRoomKind Kind, string RegionPath);
}
