using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Receptions.Batches;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Schedule;

internal sealed record BatchPetitionerView
{
    public required Guid Id { get; init; }

    public required Guid BatchId { get; init; }

    public required int Ordinal { get; init; }

    public required string Name { get; init; }

    /// <summary>Masked, e.g. 330602********1234; the full value only through the audited reveal.</summary>
    public required string? IdNumberMasked { get; init; }

    public required string? PhoneMasked { get; init; }
}

internal sealed record BatchView(
    Guid Id,
    int Ordinal,
    int Persons,
    string Matter,
    Guid? PetitionId,
    string? PetitionNumber,
    bool PetitionRegistered,
    BatchOutcome Outcome,
    string? Instruction,
    bool IsMustVisit,
    string? InChargeName,
    Guid? CaseId,
    string? CaseNumber,
    DateTimeOffset? InChargeAt,
    DateTimeOffset RecordedAt,
    IReadOnlyList<BatchPetitionerView> Petitioners,
    long Version);

internal sealed record ReceptionDetail(
    Guid Id,
    ReceptionKind Kind,
    ReceptionStatus Status,
    ReceptionLevel Level,
    Guid? HostUserId,
    string? HostName,
    Guid? UnitId,
    string? UnitName,
    Guid RegionId,
    string RegionName,
    DateOnly Day,
    string StartsAt,
    string EndsAt,
    string Place,
    string? Theme,
    string? Purpose,
    bool IsPublished,
    Guid? PetitionId,
    string? PetitionNumber,
    string? CancelReason,
    DateTimeOffset? HeldAt,
    BatchTotals Totals,
    IReadOnlyList<BatchView> Batches,
    IReadOnlyList<ReceptionAction> AllowedActions,
    long Version);

internal sealed record GetReception(Guid Id) : IQuery<ReceptionDetail>;

internal sealed class GetReceptionHandler(IDbSession session, ReceptionStore store, ICurrentUser caller) : IQueryHandler<GetReception, ReceptionDetail>
{
    public async ValueTask<ReceptionDetail> Handle(GetReception query, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(query.Id, cancellationToken);
        var batches = await session.QueryAsync<BatchRow>(BatchSql.OfReception, new { ReceptionId = row.Id }, cancellationToken);
        var petitioners = (await session.QueryAsync<BatchPetitionerView>(BatchSql.PetitionersOfReception, new { ReceptionId = row.Id }, cancellationToken))
            .ToLookup(p => p.BatchId);
        var views = batches.Select(b => new BatchView(b.Id, b.Ordinal, b.Persons, b.Matter, b.PetitionId, b.PetitionNumber, b.PetitionRegistered, b.Outcome, b.Instruction,
            b.IsMustVisit, b.InChargeName, b.CaseId, b.CaseNumber, b.InChargeAt, b.RecordedAt, petitioners[b.Id].ToList(), b.Version)).ToList();
        return new ReceptionDetail(row.Id, row.Kind, row.Status, row.Level, row.HostUserId, row.HostName, row.UnitId, row.UnitName, row.RegionId, row.RegionName,
            row.Day, row.StartsAt, row.EndsAt, row.Place, row.Theme, row.Purpose, row.IsPublished, row.PetitionId, row.PetitionNumber, row.CancelReason, row.HeldAt,
            BatchRules.Tally(batches.Select(b => (b.Persons, b.Outcome))), views,
            ReceptionActions.Allowed(row.Kind, row.Status, row.HostUserId, caller), row.Version);
    }
}

internal static class GetReceptionEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapGet("/{id:guid}", Handle)
            .WithName("GetReception")
            .WithDescription("One reception of the caller's jurisdiction with its batches, their masked petitioners (the full values only through the audited reveal), outcomes and totals, and the ETag for changing it. 404 when it does not exist or lies outside the caller's jurisdiction.")
            .ProducesETag()
            .WithSummary("A reception with its batches, their masked petitioners, outcomes and totals.")
            .RequireCapability(Capability.ViewReceptions)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<ReceptionDetail>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var reception = await sender.Send(new GetReception(id), cancellationToken);
        Versioning.SetETag(context, reception.Version);
        return TypedResults.Ok(reception);
    }
}
