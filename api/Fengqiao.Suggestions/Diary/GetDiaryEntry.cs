using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Diary;

/// <summary>What may be done to a diary entry or matter; serialised in snake_case in its <c>allowedActions</c>.</summary>
public enum DiaryAction
{
    AddPhoto,
    Group,
    ConvertToPetition,
    ConvertToSuggestion,
}

/// <summary>The matter an entry was grouped into.</summary>
internal sealed record DiaryMatterLink(Guid Id, string Title, int HouseholdCount);

/// <summary>
/// A diary entry with what came of it (its own conversion, or its matter's) as it stands now, and, while it is open, the open
/// entries of its village like it: the proposal to group them as one kind of matter.
/// </summary>
internal sealed record DiaryEntryDetail(
    DiaryEntryListItem Entry,
    DateTimeOffset LoggedAt,
    string? PhotoFileName,
    DiaryMatterLink? GroupedInto,
    DiaryOutcome? Outcome,
    IReadOnlyList<SimilarDiaryEntry> Similar,
    IReadOnlyList<DiaryAction> AllowedActions);

internal sealed record GetDiaryEntry(Guid Id) : IQuery<DiaryEntryDetail>;

internal sealed class GetDiaryEntryHandler(DiaryStore store, DiaryGrouping grouping, ICurrentUser caller) : IQueryHandler<GetDiaryEntry, DiaryEntryDetail>
{
    public async ValueTask<DiaryEntryDetail> Handle(GetDiaryEntry query, CancellationToken cancellationToken)
    {
        var row = await store.GetEntryAsync(query.Id, cancellationToken);
        DiaryMatterLink? matterLink = null;
        DiaryOutcome? outcome;
        if (row.MatterId is { } matterId)
        {
            var matter = await store.GetMatterAsync(matterId, cancellationToken);
            matterLink = new DiaryMatterLink(matter.Id, matter.Title, matter.HouseholdCount);
            outcome = await store.OutcomeAsync(matter.PetitionId, matter.PetitionNumber, matter.SuggestionId, matter.ConvertedAt, cancellationToken);
        }
        else
        {
            outcome = await store.OutcomeAsync(row.PetitionId, row.PetitionNumber, row.SuggestionId, row.ConvertedAt, cancellationToken);
        }

        var similar = row.IsOpen ? await grouping.SimilarAsync(row.RegionId, row.Category, row.Matter, row.Id, cancellationToken) : [];
        var keeps = Capabilities.Holds(caller, Capability.KeepDiary);
        List<DiaryAction> allowed = !keeps ? [] : row.IsOpen ? [DiaryAction.AddPhoto, DiaryAction.Group, DiaryAction.ConvertToPetition, DiaryAction.ConvertToSuggestion] : [DiaryAction.AddPhoto];
        if (similar.Count == 0)
        {
            allowed.Remove(DiaryAction.Group);
        }

        return new DiaryEntryDetail(DiaryEntryListItem.Of(row), row.LoggedAt, row.PhotoFileName, matterLink, outcome, similar, allowed);
    }
}

internal static class GetDiaryEntryEndpoint
{
    public static void Map(IEndpointRouteBuilder diary) =>
        diary.MapGet("/entries/{id:guid}", Handle)
            .WithName("GetDiaryEntry")
            .WithDescription("One diary entry of the caller's jurisdiction: what was raised, the matter it was grouped into, what it (or its matter) became and where that stands now (the petition's status as intake tells it, the suggestion's status and outcome), and while it is open the similar open entries of its village and category, proposed to be grouped as one kind of matter 同类事项; with `allowedActions` and the ETag for changing it.")
            .ProducesETag()
            .WithSummary("A diary entry with what came of it and the similar entries proposed to be grouped with it.")
            .RequireCapability(Capability.ViewDiary)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<DiaryEntryDetail>> Handle(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var entry = await sender.Send(new GetDiaryEntry(id), cancellationToken);
        Versioning.SetETag(context, entry.Entry.Version);
        return TypedResults.Ok(entry);
    }
}
