using Dapper;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Suggestions;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.Petitions;

internal sealed record GetPetition(Guid Id) : IQuery<PetitionDetail>;

internal sealed class GetPetitionHandler(
    IDbSession session, PetitionReader reader, CaseAgentReads agentReads, ISuggestionReferences suggestions, ICurrentUser caller, TimeProvider clock)
    : IQueryHandler<GetPetition, PetitionDetail>
{
    public async ValueTask<PetitionDetail> Handle(GetPetition query, CancellationToken cancellationToken)
    {
        var (parameters, asCaseAgent) = await agentReads.ParametersForReadingAsync(query.Id, new { query.Id, PetitionId = query.Id }, cancellationToken);
        await using var results = await session.QueryMultipleAsync(PetitionSql.Details, parameters, cancellationToken);
        var row = await results.ReadSingleOrDefaultAsync<PetitionRow>() ?? throw new NotFoundException("Petition");
        var petitioners = (await results.ReadAsync<PetitionerView>()).AsList();
        var timeline = (await results.ReadAsync<TimelineEntry>()).AsList();
        var attachments = (await results.ReadAsync<AttachmentView>()).AsList();
        var links = (await results.ReadAsync<LinkView>()).AsList();
        await results.DisposeAsync();
        if (asCaseAgent)
        {
            await agentReads.RecordCaseAgentReadAsync("petition.read_as_case_agent", row.Id, cancellationToken);
        }

        var flags = await reader.FlagsAsSeenAsync(PetitionFlags.Parse(row.FlagReasons), cancellationToken);
        var today = WorkCalendar.LocalDate(clock.GetUtcNow());
        // Linked both ways: the suggestion names its petition, and a converted petition names the suggestion it became.
        var suggestion = row.Status == PetitionStatus.ConvertedToSuggestion ? await suggestions.FromPetitionAsync(row.Id, cancellationToken) : null;
        return new PetitionDetail(
            row.Id,
            row.Number,
            row.Channel,
            row.Status,
            row.RegionId,
            row.RegionName,
            row.Category,
            row.Persons,
            row.ReceivedAt,
            row.RegisteredAt,
            row.AcceptanceDue,
            row.Status == PetitionStatus.Registered && row.AcceptanceDue < today,
            row.RequestText,
            row.FactsText,
            row.ReasonsText,
            row.ChannelReference,
            flags,
            petitioners,
            timeline,
            attachments,
            links,
            row.Decision is { } decision
                ? new DecisionView(decision, row.DecisionReason ?? string.Empty, row.DecisionNotice ?? string.Empty, row.LegalChannel, row.DecidedAt!.Value, row.SuggestedUnitId)
                : null,
            PetitionActions.Allowed(row, caller),
            row.Version,
            suggestion);
    }
}

internal static class GetPetitionEndpoint
{
    public static void Map(IEndpointRouteBuilder petitions) =>
        petitions.MapGet("/{id:guid}", Handle)
            .WithName("GetPetition")
            .WithDescription("One petition the caller may read (its jurisdiction, or by role: a handler the petitions of its unit's cases, an agent those it registered and, read-only and audited, those of the cases it acts for): its facts, flags and their reasons, masked petitioners, timeline, attachments, linked and merged petitions, and `allowedActions`, what this caller may do to it now. The ETag is what classify, link and merge take in If-Match. 404 when it does not exist or lies outside the caller's jurisdiction.")
            .ProducesETag()
            .WithSummary("A petition with its flags and reasons, masked petitioners, timeline, attachments, links and the caller's allowed actions.")
            .RequireSignedIn()
            .CachedForCaller()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<PetitionDetail>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var petition = await sender.Send(new GetPetition(id), cancellationToken);
        Versioning.SetETag(context, petition.Version);
        return TypedResults.Ok(petition);
    }
}
