using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.BuildingBlocks.Text;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Suggestions.Diary;
using Fengqiao.Suggestions.Handling;

namespace Fengqiao.Suggestions.Seeding;

/// <summary>What a seeded entry or matter became: a petition registered through intake by <see cref="Receiver"/>, or a suggestion.</summary>
/// <param name="Text">The petition's request, or the suggestion's title.</param>
public sealed record SeedDiaryConversion(DiaryConversion Kind, string Text, PetitionReceiver Receiver, DateTimeOffset At);

/// <summary>A seeded diary entry, logged by a cadre of its town; open unless a matter takes it or it was converted itself.</summary>
public sealed record SeedDiaryEntry(
    DiaryEntryKind Kind,
    string? Source,
    string Household,
    DateOnly VisitedOn,
    string Matter,
    string Category,
    RegionSnapshot Region,
    DateTimeOffset LoggedAt,
    string LoggedByName,
    SeedDiaryConversion? Conversion = null);

/// <summary>A seeded kind of matter over the entries at <see cref="EntryIndexes"/> of the same load (one village and category).</summary>
public sealed record SeedDiaryMatter(string Title, IReadOnlyList<int> EntryIndexes, DateTimeOffset CreatedAt, SeedDiaryConversion? Conversion);

/// <summary>
/// The diary's seam for demo data: stores entries and matters with this module's statements in one unit of work, indexes the
/// open entries for grouping, and turns the converted ones into petitions through intake's <see cref="IPetitionRegistration"/>
/// (never intake's tables) or into suggestions of this module. Diary events are not published for seeded rows.
/// </summary>
public sealed class DiarySeeding(IDbSession session, UnitOfWork unitOfWork, IPetitionRegistration petitions)
{
    public async Task<bool> AnyEntryAsync(CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM suggestions_diary_entries", null, cancellationToken) > 0;

    public async Task LoadAsync(IReadOnlyList<SeedDiaryEntry> entries, IReadOnlyList<SeedDiaryMatter> matters, CancellationToken cancellationToken) =>
        await unitOfWork.ExecuteAsync(async token =>
        {
            var grouped = matters.SelectMany(m => m.EntryIndexes).ToHashSet();
            var ids = new List<Guid>();
            for (var index = 0; index < entries.Count; index++)
            {
                ids.Add(await InsertEntryAsync(entries[index], open: !grouped.Contains(index) && entries[index].Conversion is null, token));
            }

            for (var index = 0; index < entries.Count; index++)
            {
                if (entries[index].Conversion is { } conversion && !grouped.Contains(index))
                {
                    var entry = entries[index];
                    var facts = entry.Kind == DiaryEntryKind.GroupMessage ? $"{entry.Source}：{entry.Matter}" : entry.Matter;
                    await ConvertAsync(DiarySql.ConvertEntry, ids[index], conversion, entry.Kind, entry.Category, entry.Region, [entry.Household], 1, facts, entry.Household, token);
                }
            }

            foreach (var matter in matters)
            {
                await InsertMatterAsync(matter, matter.EntryIndexes.Select(i => entries[i]).ToList(), matter.EntryIndexes.Select(i => ids[i]).ToList(), token);
            }

            return ids.Count;
        }, cancellationToken);

    private async Task<Guid> InsertEntryAsync(SeedDiaryEntry entry, bool open, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(entry.LoggedAt);
        var signature = TextSignature.Compute(entry.Matter);
        await session.ExecuteAsync(
            DiarySql.InsertEntry,
            new
            {
                Id = id, Kind = entry.Kind.ToString(), entry.Source, entry.Household, entry.VisitedOn, entry.Matter, entry.Category, RegionId = entry.Region.Id,
                RegionPath = entry.Region.Path, RegionName = entry.Region.Name, TextSignature = TextSignature.Encode(signature), LoggedBy = (Guid?)null,
                entry.LoggedByName, entry.LoggedAt,
            },
            cancellationToken);
        if (open)
        {
            foreach (var key in TextSignature.BandKeys(signature).Distinct())
            {
                await session.ExecuteAsync(
                    DiarySql.InsertTextKey,
                    new { RegionId = entry.Region.Id, entry.Category, BandKey = key, EntryId = id, RegionPath = entry.Region.Path, entry.VisitedOn },
                    cancellationToken);
            }
        }

        return id;
    }

    private async Task InsertMatterAsync(SeedDiaryMatter matter, IReadOnlyList<SeedDiaryEntry> entries, IReadOnlyList<Guid> entryIds, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(matter.CreatedAt);
        var first = entries[0];
        var households = entries.GroupBy(e => DiaryRules.HouseholdKey(e.Household)).Select(g => g.First().Household).ToList();
        await session.ExecuteAsync(
            DiarySql.InsertMatter,
            new
            {
                Id = id, matter.Title, first.Category, RegionId = first.Region.Id, RegionPath = first.Region.Path, RegionName = first.Region.Name,
                EntryCount = entries.Count, HouseholdCount = households.Count, CreatedBy = (Guid?)null, matter.CreatedAt,
            },
            cancellationToken);
        await session.ExecuteAsync(DiarySql.Group, new { MatterId = id, Ids = entryIds.Select(e => e.ToString("D")).ToList() }, cancellationToken);
        if (matter.Conversion is { } conversion)
        {
            var facts = string.Join('\n', entries.Select(e => $"{e.VisitedOn:yyyy-MM-dd} {e.Household}：{e.Matter}"));
            await ConvertAsync(DiarySql.ConvertMatter, id, conversion, DiaryEntryKind.Visit, first.Category, first.Region, households, households.Count, facts, null, cancellationToken);
        }
    }

    private async Task ConvertAsync(
        string sql, Guid id, SeedDiaryConversion conversion, DiaryEntryKind kind, string category, RegionSnapshot region, IReadOnlyList<string> households, int persons,
        string facts, string? submitter, CancellationToken cancellationToken)
    {
        Guid? petitionId = null;
        string? petitionNumber = null;
        Guid? suggestionId = null;
        if (conversion.Kind == DiaryConversion.Petition)
        {
            var petition = await petitions.RegisterAsync(
                new ReceivedPetition(DiaryRules.PetitionChannelOf(kind), households.Take(DiaryRules.MaxPetitioners).Select(h => new ReceivedPetitioner(h, null, null)).ToList(),
                    persons, conversion.Text, facts, category, region.Id, conversion.At, false, conversion.Receiver),
                cancellationToken);
            (petitionId, petitionNumber) = (petition.Id, petition.Number);
        }
        else
        {
            suggestionId = Guid.CreateVersion7(conversion.At);
            var (code, _, _) = TrackingSecrets.New(SuggestionWriter.CodePrefix);
            await session.ExecuteAsync(
                SuggestionSql.Insert,
                new
                {
                    Id = suggestionId, TrackingCode = code, TrackingSecretHash = (string?)null, Status = nameof(SuggestionStatus.Submitted), Channel = nameof(SuggestionChannel.Diary),
                    TopicId = (Guid?)null, TopicTitle = (string?)null, Title = conversion.Text, Content = facts, RegionId = region.Id, RegionPath = region.Path,
                    RegionName = region.Name, SubmitterName = submitter, PhoneCipher = (string?)null, PhoneHash = (string?)null, PhoneMasked = (string?)null,
                    PetitionId = (Guid?)null, PetitionNumber = (string?)null, ScreeningReason = (string?)null, DuplicateOfId = (Guid?)null, ScreenedBy = (Guid?)null,
                    ScreenedAt = (DateTimeOffset?)null, RegisteredBy = (Guid?)null, SubmittedAt = conversion.At,
                },
                cancellationToken);
            await SimilarSuggestions.IndexAsync(session, suggestionId.Value, SimilarSuggestions.TextOf(conversion.Text, facts), region.Path, conversion.At, cancellationToken);
        }

        await session.ExecuteAsync(sql, new { Id = id, PetitionId = petitionId, PetitionNumber = petitionNumber, SuggestionId = suggestionId, Now = conversion.At, ExpectedVersion = 1L },
            cancellationToken);
    }
}
