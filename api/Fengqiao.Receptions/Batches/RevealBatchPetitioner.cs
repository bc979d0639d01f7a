using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.Receptions.Schedule;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Batches;

internal sealed record RevealedBatchPetitioner(string? IdNumber, string? Phone);

/// <summary>The full ID number and phone of a batch's petitioner, for the roles that may see a petition's; every reveal is audited.</summary>
internal sealed record RevealReceptionPetitioner(Guid ReceptionId, Guid BatchId, Guid PetitionerId) : ICommand<RevealedBatchPetitioner>;

internal sealed record BatchPetitionerCiphers
{
    public required string? IdNumberCipher { get; init; }

    public required string? PhoneCipher { get; init; }
}

internal sealed class RevealReceptionPetitionerHandler(IDbSession session, ICurrentUser caller, ReceptionStore store, PersonalDataProtector protector, IAuditLog audit)
    : ICommandHandler<RevealReceptionPetitioner, RevealedBatchPetitioner>
{
    public async ValueTask<RevealedBatchPetitioner> Handle(RevealReceptionPetitioner command, CancellationToken cancellationToken)
    {
        var reception = await store.GetAsync(command.ReceptionId, cancellationToken);
        var batch = await session.QuerySingleOrDefaultAsync<BatchRow>(BatchSql.ById, new { command.BatchId, ReceptionId = reception.Id }, cancellationToken)
            ?? throw new NotFoundException("Batch");
        var ciphers = await session.QuerySingleOrDefaultAsync<BatchPetitionerCiphers>(BatchSql.Ciphers, new { command.PetitionerId, BatchId = batch.Id }, cancellationToken)
            ?? throw new NotFoundException("Petitioner");
        ReceptionActions.Require(ReceptionAction.RevealPetitioner, reception.Kind, reception.Status, reception.HostUserId, caller);
        audit.Record(new AuditEntry("personal_data.revealed", "reception_petitioner", command.PetitionerId, After: new { ReceptionId = reception.Id, BatchId = batch.Id }));
        return new RevealedBatchPetitioner(
            ciphers.IdNumberCipher is null ? null : protector.Decrypt(ciphers.IdNumberCipher),
            ciphers.PhoneCipher is null ? null : protector.Decrypt(ciphers.PhoneCipher));
    }
}

internal static class RevealReceptionPetitionerEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapPost("/{id:guid}/batches/{batchId:guid}/petitioners/{petitionerId:guid}/reveal", Handle)
            .WithName("RevealReceptionPetitioner")
            .WithDescription("The full ID number and phone of one petitioner of a batch, for the roles that may see a petition's; lists and details show them masked. Every reveal is written to the audit trail. 404 outside the caller's jurisdiction.")
            .WithSummary("The unmasked ID number and phone of a batch's petitioner; the view is audited.")
            .RequireRoles(ReceptionActions.RolesFor(ReceptionAction.RevealPetitioner))
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<RevealedBatchPetitioner>> Handle(Guid id, Guid batchId, Guid petitionerId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RevealReceptionPetitioner(id, batchId, petitionerId), cancellationToken));
}
