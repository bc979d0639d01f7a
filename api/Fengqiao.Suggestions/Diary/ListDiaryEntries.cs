using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using Fengqiao.Suggestions.Topics;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Diary;

/// <summary>Where an entry stands: open (may be grouped or converted), grouped into a matter, or converted itself.</summary>
public enum DiaryEntryState
{
    Open,
    Grouped,
    Converted,
}

/// <summary>An entry of the diary list, with what became of it: its matter, or the petition's number or the suggestion it became.</summary>
internal sealed record DiaryEntryListItem(
    Guid Id,
    DiaryEntryKind Kind,
    string? Source,
    string Household,
    DateOnly VisitedOn,
    string Matter,
    string Category,
    Guid RegionId,
    string RegionName,
    string? LoggedByName,
    DiaryEntryState State,
    Guid? MatterId,
    string? PetitionNumber,
    Guid? SuggestionId,
    bool HasPhoto,
    long Version)
{
    public static DiaryEntryListItem Of(DiaryEntryRow row) => new(
        row.Id, row.Kind, row.Source, row.Household, row.VisitedOn, row.Matter, row.Category, row.RegionId, row.RegionName, row.LoggedByName,
        row.MatterId is not null ? DiaryEntryState.Grouped : row.IsOpen ? DiaryEntryState.Open : DiaryEntryState.Converted,
        row.MatterId, row.PetitionNumber, row.SuggestionId, row.PhotoFileName is not null, row.Version);
}

internal sealed record DiaryEntryCursor(DateOnly D, Guid I);

/// <summary>The diary of the caller's jurisdiction, latest visit first, by kind, category, state and region.</summary>
internal sealed record ListDiaryEntries(DiaryEntryKind? Kind, string? Category, DiaryEntryState? State, Guid? RegionId, string? Cursor, int? Limit)
    : IQuery<Page<DiaryEntryListItem>>;

internal sealed class ListDiaryEntriesValidator : AbstractValidator<ListDiaryEntries>
{
    public ListDiaryEntriesValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Category).MaximumLength(40);
    }
}

internal sealed class ListDiaryEntriesHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory)
    : IQueryHandler<ListDiaryEntries, Page<DiaryEntryListItem>>
{
    public async ValueTask<Page<DiaryEntryListItem>> Handle(ListDiaryEntries query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? BuildingBlocks.Http.Cursor.DefaultLimit;
        var after = BuildingBlocks.Http.Cursor.Decode<DiaryEntryCursor>(query.Cursor);
        var rows = await session.QueryInJurisdictionAsync<DiaryEntryRow>(
            caller,
            DiarySql.List(session.Dialect)[after is null ? "first" : "after"],
            new
            {
                RegionPrefix = await ListSuggestionTopicsHandler.RegionPrefixAsync(directory, query.RegionId, cancellationToken),
                Kind = query.Kind?.ToString(),
                Category = string.IsNullOrWhiteSpace(query.Category) ? null : query.Category,
                State = query.State?.ToString(),
                Limit = limit + 1,
                AfterVisitedOn = after?.D,
                AfterId = after?.I,
            },
            cancellationToken);
        var page = BuildingBlocks.Http.Cursor.ToPage(rows, limit, r => new DiaryEntryCursor(r.VisitedOn, r.Id));
        return new Page<DiaryEntryListItem>(page.Items.Select(DiaryEntryListItem.Of).ToList(), page.NextCursor);
    }
}

internal static class ListDiaryEntriesEndpoint
{
    public static void Map(IEndpointRouteBuilder diary) =>
        diary.MapGet("/entries", Handle)
            .WithName("ListDiaryEntries")
            .WithDescription("The people's-sentiment diary of the caller's jurisdiction, latest visit first, by kind, category, state (open, grouped, converted) and region, keyset-paginated: pass the `next` cursor of one page to get the following one.")
            .WithSummary("The diary entries of the caller's jurisdiction, latest visit first, a page after a cursor.")
            .RequireCapability(Capability.ViewDiary)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<DiaryEntryListItem>>> Handle(
        [QueryEnum(typeof(DiaryEntryKind))] string? kind,
        string? category,
        [QueryEnum(typeof(DiaryEntryState))] string? state,
        Guid? regionId,
        string? cursor,
        int? limit,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new ListDiaryEntries(QueryEnum.Parse<DiaryEntryKind>(kind, nameof(kind)), category, QueryEnum.Parse<DiaryEntryState>(state, nameof(state)), regionId, cursor, limit),
            cancellationToken));
}
