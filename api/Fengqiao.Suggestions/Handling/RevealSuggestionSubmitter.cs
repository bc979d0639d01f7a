using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.PersonalData;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Handling;

internal sealed record RevealedSuggestionSubmitter(string? Name, string Phone);

/// <summary>The submitter's full phone, to reply to them; every reveal is audited, as a petitioner's.</summary>
internal sealed record RevealSuggestionSubmitter(Guid Id) : ICommand<RevealedSuggestionSubmitter>;

internal sealed class RevealSuggestionSubmitterHandler(IDbSession session, SuggestionStore store, ICurrentUser caller, PersonalDataProtector protector, IAuditLog audit)
    : ICommandHandler<RevealSuggestionSubmitter, RevealedSuggestionSubmitter>
{
    public async ValueTask<RevealedSuggestionSubmitter> Handle(RevealSuggestionSubmitter command, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(command.Id, cancellationToken);
        var cipher = await session.QuerySingleInJurisdictionAsync<string?>(caller, SuggestionSql.PhoneCipher, new { row.Id }, cancellationToken)
            ?? throw new ConflictException("no_contact", "The submitter left no phone.");
        audit.Record(new AuditEntry("suggestion.submitter_revealed", "suggestion", row.Id));
        return new RevealedSuggestionSubmitter(row.SubmitterName, protector.Decrypt(cipher));
    }
}

internal static class RevealSuggestionSubmitterEndpoint
{
    public static void Map(IEndpointRouteBuilder suggestions) =>
        suggestions.MapPost("/{id:guid}/submitter/reveal", Handle)
            .WithName("RevealSuggestionSubmitter")
            .WithDescription("The submitter's full phone, so that staff can reply to them; every reveal is written to the audit trail, as a petitioner's is. 409 `no_contact` when the submitter left no phone; 404 outside the jurisdiction.")
            .WithSummary("The submitter's full phone, to reply to them; audited.")
            .RequireCapability(Capability.HandleSuggestions)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Ok<RevealedSuggestionSubmitter>> Handle(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RevealSuggestionSubmitter(id), cancellationToken));
}
