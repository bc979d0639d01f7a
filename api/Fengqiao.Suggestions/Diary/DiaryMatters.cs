using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Organization;
using Fengqiao.Contracts.Suggestions;
using Fengqiao.Suggestions.Handling;
using Fengqiao.Suggestions.Topics;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Diary;

/// <summary>Reads diary entries by id in slices, so a long list stays within SQL Server's parameter limit.</summary>
internal static class DiaryEntries
{
    private const int Slice = 500;

    public static async Task<IReadOnlyList<DiaryEntryRow>> ByIdsAsync(IDbSession session, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = new List<DiaryEntryRow>();
        foreach (var slice in ids.Distinct().Chunk(Slice))
        {
            // Dapper expands IN lists without the type handlers, so ids go as text: SQLite stores them so and SQL Server converts.
            rows.AddRange(await session.QueryAsync<DiaryEntryRow>(DiarySql.EntriesByIds, new { Ids = slice.Select(id => id.ToString("D")).ToList() }, cancellationToken));
        }

        return rows;
    }
}

/// <summary>A group of similar open entries of one village and category, proposed to become one kind of matter.</summary>
internal sealed record DiaryMatterProposal(Guid RegionId, string RegionName, string Category, int HouseholdCount, string SuggestedTitle, IReadOnlyList<DiaryEntryListItem> Entries);

/// <summary>The proposals of the caller's jurisdiction (or of one region within it), the most households first.</summary>
internal sealed record ListDiaryMatterProposals(Guid? RegionId) : IQuery<IReadOnlyList<DiaryMatterProposal>>;

internal sealed class ListDiaryMatterProposalsHandler(IDbSession session, DiaryGrouping grouping, IOrganizationDirectory directory)
    : IQueryHandler<ListDiaryMatterProposals, IReadOnlyList<DiaryMatterProposal>>
{
    /// <summary>A page of the proposals worth a cadre's look; the smaller ones follow as entries are grouped.</summary>
    private const int MaxProposals = 30;

    public async ValueTask<IReadOnlyList<DiaryMatterProposal>> Handle(ListDiaryMatterProposals query, CancellationToken cancellationToken)
    {
        var clusters = (await grouping.ProposalsAsync(await ListSuggestionTopicsHandler.RegionPrefixAsync(directory, query.RegionId, cancellationToken), cancellationToken))
            .Take(MaxProposals)
            .ToList();
        var rows = (await DiaryEntries.ByIdsAsync(session, clusters.SelectMany(c => c), cancellationToken)).ToDictionary(r => r.Id);
        return clusters
            .Select(ids => ids.Select(id => rows[id]).OrderByDescending(r => r.VisitedOn).ToList())
            .Select(entries => new DiaryMatterProposal(
                entries[0].RegionId,
                entries[0].RegionName,
                entries[0].Category,
                DiaryRules.CountHouseholds(entries.Select(e => e.Household)),
                SuggestedTitle(entries[^1].Matter),
                entries.Select(DiaryEntryListItem.Of).ToList()))
            .OrderByDescending(p => p.HouseholdCount)
            .ToList();
    }

    /// <summary>The earliest entry's first sentence, as a starting point the cadre edits.</summary>
    private static string SuggestedTitle(string matter)
    {
        var end = matter.IndexOfAny(['。', '，', '；', '！', '？', '.', ',', ';', '\n']);
        var sentence = end > 0 ? matter[..end] : matter;
        return sentence.Length > 60 ? sentence[..60] : sentence;
    }
}

/// <summary>Groups open entries of one village and category as one kind of matter 同类事项, counting their households.</summary>
internal sealed record GroupDiaryEntries(string Title, IReadOnlyList<Guid> EntryIds) : ICommand<EntityVersion>;

internal sealed class GroupDiaryEntriesValidator : AbstractValidator<GroupDiaryEntries>
{
    public GroupDiaryEntriesValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.EntryIds).NotNull().Must(ids => ids is null || ids.Distinct().Count() is >= 2 and <= 200)
            .WithMessage("Group between 2 and 200 different entries.");
    }
}

internal sealed class GroupDiaryEntriesHandler(IDbSession session, ICurrentUser caller, IAuditLog audit, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<GroupDiaryEntries, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(GroupDiaryEntries command, CancellationToken cancellationToken)
    {
        var ids = command.EntryIds.Distinct().ToList();
        var entries = (await DiaryEntries.ByIdsAsync(session, ids, cancellationToken)).Where(e => Jurisdiction.Contains(caller, e.RegionPath)).ToList();
        if (entries.Count != ids.Count)
        {
            throw SuggestionStore.Invalid(nameof(GroupDiaryEntries.EntryIds), "No such entry in your jurisdiction.");
        }

        if (entries.Select(e => (e.RegionId, e.Category)).Distinct().Count() > 1)
        {
            throw SuggestionStore.Invalid(nameof(GroupDiaryEntries.EntryIds), "One kind of matter is of one village and one category.");
        }

        if (entries.Any(e => !e.IsOpen))
        {
            throw new ConflictException("not_open", "An entry was grouped or converted already.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var first = entries[0];
        var households = DiaryRules.CountHouseholds(entries.Select(e => e.Household));
        await session.ExecuteAsync(
            DiarySql.InsertMatter,
            new
            {
                Id = id, Title = command.Title.Trim(), first.Category, first.RegionId, first.RegionPath, first.RegionName, EntryCount = entries.Count,
                HouseholdCount = households, CreatedBy = caller.UserId, CreatedAt = now,
            },
            cancellationToken);
        var textIds = ids.Select(e => e.ToString("D")).ToList();
        if (await session.ExecuteAsync(DiarySql.Group, new { MatterId = id, Ids = textIds }, cancellationToken) != ids.Count)
        {
            throw new ConflictException("not_open", "An entry was grouped or converted meanwhile.");
        }

        await session.ExecuteAsync(DiarySql.DeleteTextKeys, new { Ids = textIds }, cancellationToken);
        audit.Record(new AuditEntry("diary.matter_raised", "diary_matter", id, After: new { command.Title, EntryIds = ids, Households = households }));
        events.Publish(new DiaryMatterRaised(Guid.CreateVersion7(now), now, id, first.Category, entries.Count, households, first.RegionId, first.RegionPath));
        return new EntityVersion(id, 1);
    }
}

internal sealed record DiaryMatterListItem(
    Guid Id, string Title, string Category, Guid RegionId, string RegionName, int EntryCount, int HouseholdCount, DateTimeOffset CreatedAt,
    DiaryConversion? ConvertedTo, string? PetitionNumber, long Version)
{
    public static DiaryMatterListItem Of(DiaryMatterRow row) => new(
        row.Id, row.Title, row.Category, row.RegionId, row.RegionName, row.EntryCount, row.HouseholdCount, row.CreatedAt,
        row.PetitionId is not null ? DiaryConversion.Petition : row.SuggestionId is not null ? DiaryConversion.Suggestion : null, row.PetitionNumber, row.Version);
}

internal sealed record DiaryMatterCursor(DateTimeOffset C, Guid I);

internal sealed record ListDiaryMatters(Guid? RegionId, string? Cursor, int? Limit) : IQuery<Page<DiaryMatterListItem>>;

internal sealed class ListDiaryMattersValidator : AbstractValidator<ListDiaryMatters>
{
    public ListDiaryMattersValidator() => RuleFor(q => q.Limit).ValidLimit();
}

internal sealed class ListDiaryMattersHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory)
    : IQueryHandler<ListDiaryMatters, Page<DiaryMatterListItem>>
{
    public async ValueTask<Page<DiaryMatterListItem>> Handle(ListDiaryMatters query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? BuildingBlocks.Http.Cursor.DefaultLimit;
        var after = BuildingBlocks.Http.Cursor.Decode<DiaryMatterCursor>(query.Cursor);
        var rows = await session.QueryInJurisdictionAsync<DiaryMatterRow>(
            caller,
            DiarySql.Matters(session.Dialect)[after is null ? "first" : "after"],
            new
            {
                RegionPrefix = await ListSuggestionTopicsHandler.RegionPrefixAsync(directory, query.RegionId, cancellationToken),
                Limit = limit + 1,
                AfterCreatedAt = after?.C,
                AfterId = after?.I,
            },
            cancellationToken);
        var page = BuildingBlocks.Http.Cursor.ToPage(rows, limit, r => new DiaryMatterCursor(r.CreatedAt, r.Id));
        return new Page<DiaryMatterListItem>(page.Items.Select(DiaryMatterListItem.Of).ToList(), page.NextCursor);
    }
}

/// <summary>A matter with its entries and what it became, as that stands now.</summary>
internal sealed record DiaryMatterDetail(DiaryMatterListItem Matter, IReadOnlyList<DiaryEntryListItem> Entries, DiaryOutcome? Outcome, IReadOnlyList<DiaryAction> AllowedActions);

internal sealed record GetDiaryMatter(Guid Id) : IQuery<DiaryMatterDetail>;

internal sealed class GetDiaryMatterHandler(DiaryStore store, ICurrentUser caller) : IQueryHandler<GetDiaryMatter, DiaryMatterDetail>
{
    public async ValueTask<DiaryMatterDetail> Handle(GetDiaryMatter query, CancellationToken cancellationToken)
    {
        var row = await store.GetMatterAsync(query.Id, cancellationToken);
        var entries = await store.EntriesOfMatterAsync(row.Id, cancellationToken);
        var outcome = await store.OutcomeAsync(row.PetitionId, row.PetitionNumber, row.SuggestionId, row.ConvertedAt, cancellationToken);
        IReadOnlyList<DiaryAction> allowed = Capabilities.Holds(caller, Capability.KeepDiary) && row.ConvertedAt is null
            ? [DiaryAction.ConvertToPetition, DiaryAction.ConvertToSuggestion]
            : [];
        return new DiaryMatterDetail(DiaryMatterListItem.Of(row), entries.Select(DiaryEntryListItem.Of).ToList(), outcome, allowed);
    }
}

internal static class DiaryMatterEndpoints
{
    public static void Map(IEndpointRouteBuilder diary)
    {
        diary.MapGet("/matter-proposals", ListProposalsAsync)
            .WithName("ListDiaryMatterProposals")
            .WithDescription("The groups of similar open diary entries of the caller's jurisdiction (or one region within it), each of one village and category, proposed to be grouped as one kind of matter 同类事项, with their count of households and a title to start from; the most households first, at most 30.")
            .WithSummary("Groups of similar open diary entries proposed to become one kind of matter each.")
            .RequireCapability(Capability.ViewDiary)
            .ProducesValidationProblem();

        diary.MapPost("/matters", GroupAsync)
            .WithName("GroupDiaryEntries")
            .WithDescription("Groups open diary entries of one village and category as one kind of matter 同类事项 under a title, counting their households; the entries leave the grouping proposals. 400 names `entryIds` for fewer than two, an entry outside the jurisdiction or entries of different villages or categories; 409 `not_open` when one was grouped or converted already.")
            .ProducesETag()
            .WithSummary("Groups similar open diary entries as one kind of matter.")
            .RequireCapability(Capability.KeepDiary)
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        diary.MapGet("/matters", ListAsync)
            .WithName("ListDiaryMatters")
            .WithDescription("The kinds of matter 同类事项 of the caller's jurisdiction, newest first, with their households and what each became, keyset-paginated: pass the `next` cursor of one page to get the following one.")
            .WithSummary("The kinds of matter grouped from the diary, newest first, a page after a cursor.")
            .RequireCapability(Capability.ViewDiary)
            .ProducesValidationProblem();

        diary.MapGet("/matters/{id:guid}", GetAsync)
            .WithName("GetDiaryMatter")
            .WithDescription("One kind of matter of the caller's jurisdiction: its entries, what it became and where that stands now, `allowedActions` and the ETag for converting it.")
            .ProducesETag()
            .WithSummary("A kind of matter grouped from the diary, with its entries and what came of it.")
            .RequireCapability(Capability.ViewDiary)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<IReadOnlyList<DiaryMatterProposal>>> ListProposalsAsync(Guid? regionId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListDiaryMatterProposals(regionId), cancellationToken));

    private static async Task<Created<EntityVersion>> GroupAsync(GroupDiaryEntries request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var grouped = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, grouped.Version);
        return TypedResults.Created($"/api/v1/diary/matters/{grouped.Id}", grouped);
    }

    private static async Task<Ok<Page<DiaryMatterListItem>>> ListAsync(Guid? regionId, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListDiaryMatters(regionId, cursor, limit), cancellationToken));

    private static async Task<Ok<DiaryMatterDetail>> GetAsync(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var matter = await sender.Send(new GetDiaryMatter(id), cancellationToken);
        Versioning.SetETag(context, matter.Matter.Version);
        return TypedResults.Ok(matter);
    }
}
