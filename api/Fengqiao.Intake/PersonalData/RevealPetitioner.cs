using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.Intake.Petitions;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.PersonalData;

internal sealed record RevealedPetitioner(string? IdNumber, string? Phone);

/// <summary>
/// The full ID number and phone of one petitioner, for roles that must contact or identify them. Every
/// reveal is audited; lists and details only ever show masked values.
/// </summary>
internal sealed record RevealPetitioner(Guid PetitionId, Guid PetitionerId) : ICommand<RevealedPetitioner>;

internal static class RevealSql
{
    public const string Ciphers = """
        SELECT id_number_cipher AS IdNumberCipher, phone_cipher AS PhoneCipher
        FROM intake_petitioners
        WHERE id = @PetitionerId AND petition_id = @PetitionId
        """;
}

internal sealed record PetitionerCiphers
{
    public required string? IdNumberCipher { get; init; }

    public required string? PhoneCipher { get; init; }
}

internal sealed class RevealPetitionerHandler(IDbSession session, ICurrentUser caller, PetitionReader reader, PersonalDataProtector protector, IAuditLog audit)
    : ICommandHandler<RevealPetitioner, RevealedPetitioner>
{
    public async ValueTask<RevealedPetitioner> Handle(RevealPetitioner command, CancellationToken cancellationToken)
    {
        var petition = await reader.GetAsync(command.PetitionId, cancellationToken);
        PetitionActions.Require(PetitionAction.RevealPetitioner, petition, caller);
        var ciphers = await session.QuerySingleOrDefaultAsync<PetitionerCiphers>(RevealSql.Ciphers, new { command.PetitionerId, PetitionId = petition.Id }, cancellationToken)
            ?? throw new NotFoundException("Petitioner");
        audit.Record(new AuditEntry("personal_data.revealed", "petitioner", command.PetitionerId, After: new { PetitionId = petition.Id, petition.Number })
        {
            DisciplineOnly = petition.Status == PetitionStatus.ReferredToDiscipline,
        });
        return new RevealedPetitioner(
            ciphers.IdNumberCipher is null ? null : protector.Decrypt(ciphers.IdNumberCipher),
            ciphers.PhoneCipher is null ? null : protector.Decrypt(ciphers.PhoneCipher));
    }
}

internal static class RevealPetitionerEndpoint
{
    public static void Map(IEndpointRouteBuilder petitions) =>
        petitions.MapPost("/{id:guid}/petitioners/{petitionerId:guid}/reveal", Handle)
            .WithName("RevealPetitioner")
            .WithDescription("The full ID number and phone of one petitioner, for staff who must contact or identify them; every list and detail shows them masked. Each reveal is written to the audit trail with who asked and when. 404 when the petition is outside the caller's jurisdiction.")
            .WithSummary("The unmasked ID number and phone of a petitioner; the view is audited.")
            .RequireRoles(PetitionActions.RolesFor(PetitionAction.RevealPetitioner))
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<RevealedPetitioner>> Handle(Guid id, Guid petitionerId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RevealPetitioner(id, petitionerId), cancellationToken));
}
