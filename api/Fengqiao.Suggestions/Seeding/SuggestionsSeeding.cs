using System.Diagnostics;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.BuildingBlocks.Text;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Suggestions.Diary;
using Fengqiao.Suggestions.Evaluation;
using Fengqiao.Suggestions.Handling;
using Fengqiao.Suggestions.Topics;

namespace Fengqiao.Suggestions.Seeding;

/// <summary>
/// The suggestions module's one seam for loading data in bulk, used by the demo's first-start seeding and by the benchmarks'
/// generator: stores topics, suggestions (screened, assigned, answered, rated as the seed says) and diary entries with their
/// matters as this module's own statements would, the submitters' phones protected as any submitter's, each suggestion's and
/// open entry's MinHash signature and band keys filled in so screening and grouping find them. Rows are written in
/// transactions of <see cref="BatchSize"/> (prepared statements run over the batch's rows); converted diary entries and
/// matters become petitions through intake's <see cref="IPetitionRegistration"/> (never intake's tables) or suggestions of
/// this module. No events are published for loaded rows.
/// </summary>
public sealed class SuggestionsSeeding(IDbSession session, UnitOfWork unitOfWork, PersonalDataProtector protector, IPetitionRegistration petitions)
{
    /// <summary>Suggestions or diary entries per transaction.</summary>
    public const int BatchSize = 4000;

    public async Task<bool> AnyTopicAsync(CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(SeedingSql.AnyTopic, null, cancellationToken) > 0;

    public async Task<bool> AnyDiaryEntryAsync(CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(SeedingSql.AnyDiaryEntry, null, cancellationToken) > 0;

    /// <summary>
    /// Stores the topics, then the suggestions in the order given, in batches; a suggestion's <see cref="SeedSuggestion.TopicIndex"/>
    /// names one of <paramref name="topics"/>, its <see cref="SeedSuggestion.DuplicateOfIndex"/> an earlier suggestion of the same load.
    /// </summary>
    public async Task<SeedLoadProgress> LoadSuggestionsAsync(
        IReadOnlyList<SeedTopic> topics, IEnumerable<SeedSuggestion> suggestions, Action<SeedLoadProgress>? onBatch, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var topicRows = topics.Select(TopicRowOf).ToList();
        if (topicRows.Count > 0)
        {
            await unitOfWork.ExecuteAsync(token => new ValueTask<int>(session.ExecuteAsync(TopicSql.Insert, topicRows, token)), cancellationToken);
        }

        var ids = new List<Guid>();
        var progress = new SeedLoadProgress(0, topicRows.Count, TimeSpan.Zero);
        foreach (var batch in suggestions.Chunk(BatchSize))
        {
            var rows = new List<SuggestionRow>(batch.Length);
            var keys = new List<SuggestionKeyRow>(batch.Length * TextSignature.Bands);
            var assignments = new List<AssignmentRow>();
            foreach (var suggestion in batch)
            {
                var signature = TextSignature.Compute(SimilarSuggestions.TextOf(suggestion.Title, suggestion.Content));
                var row = SuggestionRowOf(suggestion, signature, topics, topicRows, ids);
                ids.Add(row.Id);
                rows.Add(row);
                keys.AddRange(TextSignature.BandKeys(signature).Distinct()
                    .Select(key => new SuggestionKeyRow(key, row.Id, row.RegionPath, row.SubmittedAt)));
                assignments.AddRange((suggestion.Evaluation?.Answers ?? []).Select(a => new AssignmentRow(
                    Guid.CreateVersion7(a.AssignedAt), row.Id, a.Unit.Id, a.Unit.Name, a.DueOn, a.AssignedAt, a.Outcome?.ToString(),
                    a.Outcome is null ? null : a.Reply, a.Outcome is null ? null : a.AnsweredAt)));
            }

            var written = await unitOfWork.ExecuteAsync(async token =>
                await session.ExecuteAsync(SeedingSql.InsertSuggestion, rows, token)
                + await session.ExecuteAsync(SimilarSuggestionSql.InsertKey, keys, token)
                + await session.ExecuteAsync(SeedingSql.InsertAssignment, assignments, token), cancellationToken);
            progress = new SeedLoadProgress(progress.Loaded + rows.Count, progress.Rows + written, stopwatch.Elapsed);
            onBatch?.Invoke(progress);
        }

        return progress with { Elapsed = stopwatch.Elapsed };
    }

    /// <summary>
    /// Stores the entries in the order given, in batches, the open ones (neither grouped by a matter nor converted) indexed for
    /// grouping; then, in one transaction, converts the converted entries and stores the matters over the entries at their
    /// <see cref="SeedDiaryMatter.EntryIndexes"/>, grouped and converted as the seed says.
    /// </summary>
    public async Task<SeedLoadProgress> LoadDiaryAsync(
        IEnumerable<SeedDiaryEntry> entries, IReadOnlyList<SeedDiaryMatter> matters, Action<SeedLoadProgress>? onBatch, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var grouped = matters.SelectMany(m => m.EntryIndexes).ToHashSet();
        var ids = new List<Guid>();
        var kept = new Dictionary<int, SeedDiaryEntry>();
        var progress = new SeedLoadProgress(0, 0, TimeSpan.Zero);
        foreach (var batch in entries.Chunk(BatchSize))
        {
            var rows = new List<DiaryEntryInsert>(batch.Length);
            var keys = new List<DiaryKeyRow>(batch.Length * TextSignature.Bands);
            foreach (var entry in batch)
            {
                var index = ids.Count;
                var signature = TextSignature.Compute(entry.Matter);
                var row = new DiaryEntryInsert(
                    Guid.CreateVersion7(entry.LoggedAt), entry.Kind.ToString(), entry.Source, entry.Household, entry.VisitedOn, entry.Matter, entry.Category,
                    entry.Region.Id, entry.Region.Path, entry.Region.Name, TextSignature.Encode(signature), null, entry.LoggedByName, entry.LoggedAt);
                ids.Add(row.Id);
                rows.Add(row);
                if (grouped.Contains(index) || entry.Conversion is not null)
                {
                    kept[index] = entry;
                }
                else
                {
                    keys.AddRange(TextSignature.BandKeys(signature).Distinct()
                        .Select(key => new DiaryKeyRow(entry.Region.Id, entry.Category, key, row.Id, entry.Region.Path, entry.VisitedOn)));
                }
            }

            var written = await unitOfWork.ExecuteAsync(async token =>
                await session.ExecuteAsync(DiarySql.InsertEntry, rows, token) + await session.ExecuteAsync(DiarySql.InsertTextKey, keys, token), cancellationToken);
            progress = new SeedLoadProgress(progress.Loaded + rows.Count, progress.Rows + written, stopwatch.Elapsed);
            onBatch?.Invoke(progress);
        }

        if (kept.Count > 0)
        {
            await unitOfWork.ExecuteAsync(async token =>
            {
                foreach (var (index, entry) in kept.OrderBy(k => k.Key))
                {
                    if (entry.Conversion is { } conversion && !grouped.Contains(index))
                    {
                        var facts = entry.Kind == DiaryEntryKind.GroupMessage ? $"{entry.Source}：{entry.Matter}" : entry.Matter;
                        await ConvertAsync(DiarySql.ConvertEntry, ids[index], conversion, entry.Kind, entry.Category, entry.Region, [entry.Household], 1, facts, entry.Household, token);
                    }
                }

                foreach (var matter in matters)
                {
                    await InsertMatterAsync(matter, matter.EntryIndexes.Select(i => kept[i]).ToList(), matter.EntryIndexes.Select(i => ids[i]).ToList(), token);
                }

                return matters.Count;
            }, cancellationToken);
        }

        return progress with { Elapsed = stopwatch.Elapsed };
    }

    private static TopicRow TopicRowOf(SeedTopic topic) => new(
        Guid.CreateVersion7(topic.CreatedAt), topic.Status.ToString(), topic.Title, topic.Description, topic.Region.Id, topic.Region.Path, topic.Region.Name, topic.Unit.Id,
        topic.Unit.Name, topic.OpensOn, topic.ClosesOn, topic.Summary, null, topic.CreatedAt, topic.PublishedAt, topic.ClosedAt, topic.ConcludedAt, 1L);

    private SuggestionRow SuggestionRowOf(
        SeedSuggestion suggestion, uint[] signature, IReadOnlyList<SeedTopic> topics, IReadOnlyList<TopicRow> topicRows, IReadOnlyList<Guid> earlier)
    {
        var (code, _, secretHash) = TrackingSecrets.New(SuggestionWriter.CodePrefix);
        var evaluation = suggestion.Evaluation;
        return new SuggestionRow(
            Guid.CreateVersion7(suggestion.SubmittedAt), code, secretHash, suggestion.Status.ToString(), suggestion.Channel.ToString(),
            suggestion.TopicIndex is { } topic ? topicRows[topic].Id : null, suggestion.TopicIndex is { } titled ? topics[titled].Title : null, suggestion.Title,
            suggestion.Content, suggestion.Region.Id, suggestion.Region.Path, RegionPaths.AncestorAt(suggestion.Region.Path, RegionLevel.District),
            RegionPaths.AncestorAt(suggestion.Region.Path, RegionLevel.Town), suggestion.Region.Name, suggestion.Name,
            suggestion.Phone is null ? null : protector.Encrypt(suggestion.Phone), suggestion.Phone is null ? null : protector.Hash(suggestion.Phone),
            suggestion.Phone is null ? null : PersonalDataProtector.MaskPhone(suggestion.Phone), suggestion.ScreeningReason,
            suggestion.DuplicateOfIndex is { } original ? earlier[original] : null, suggestion.ScreenedAt, suggestion.SubmittedAt,
            TextSignature.Encode(signature),
            evaluation?.Outcome?.ToString(), evaluation?.AnsweredAt, evaluation?.Rating?.ToString(), evaluation?.RatedAt, evaluation?.Implementation,
            evaluation?.ImplementedAt, evaluation?.Award, evaluation?.AwardedAt);
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
                    DistrictPath = RegionPaths.AncestorAt(region.Path, RegionLevel.District), TownPath = RegionPaths.AncestorAt(region.Path, RegionLevel.Town), RegionName = region.Name, SubmitterName = submitter, PhoneCipher = (string?)null, PhoneHash = (string?)null, PhoneMasked = (string?)null,
                    PetitionId = (Guid?)null, PetitionNumber = (string?)null, ScreeningReason = (string?)null, DuplicateOfId = (Guid?)null, ScreenedBy = (Guid?)null,
                    ScreenedAt = (DateTimeOffset?)null, RegisteredBy = (Guid?)null, SubmittedAt = conversion.At,
                },
                cancellationToken);
            await SimilarSuggestions.IndexAsync(session, suggestionId.Value, SimilarSuggestions.TextOf(conversion.Text, facts), region.Path, conversion.At, cancellationToken);
        }

        await session.ExecuteAsync(sql, new { Id = id, PetitionId = petitionId, PetitionNumber = petitionNumber, SuggestionId = suggestionId, Now = conversion.At, ExpectedVersion = 1L },
            cancellationToken);
    }

    private sealed record TopicRow(
        Guid Id, string Status, string Title, string Description, Guid RegionId, string RegionPath, string RegionName, Guid UnitId, string UnitName, DateOnly OpensOn,
        DateOnly ClosesOn, string? Summary, Guid? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? ClosedAt, DateTimeOffset? ConcludedAt,
        long Version);

    private sealed record SuggestionRow(
        Guid Id, string TrackingCode, string TrackingSecretHash, string Status, string Channel, Guid? TopicId, string? TopicTitle, string Title, string Content,
        Guid RegionId, string RegionPath, string? DistrictPath, string? TownPath, string RegionName, string? SubmitterName, string? PhoneCipher, string? PhoneHash, string? PhoneMasked, string? ScreeningReason,
        Guid? DuplicateOfId, DateTimeOffset? ScreenedAt, DateTimeOffset SubmittedAt, string TextSignature, string? Outcome, DateTimeOffset? AnsweredAt, string? Rating,
        DateTimeOffset? RatedAt, string? Implementation, DateTimeOffset? ImplementedAt, string? Award, DateTimeOffset? AwardedAt);

    private sealed record SuggestionKeyRow(string BandKey, Guid SuggestionId, string RegionPath, DateTimeOffset SubmittedAt);

    private sealed record AssignmentRow(
        Guid Id, Guid SuggestionId, Guid UnitId, string UnitName, DateOnly DueOn, DateTimeOffset AssignedAt, string? Outcome, string? Reply, DateTimeOffset? AnsweredAt);

    private sealed record DiaryEntryInsert(
        Guid Id, string Kind, string? Source, string Household, DateOnly VisitedOn, string Matter, string Category, Guid RegionId, string RegionPath, string RegionName,
        string TextSignature, Guid? LoggedBy, string LoggedByName, DateTimeOffset LoggedAt);

    private sealed record DiaryKeyRow(Guid RegionId, string Category, string BandKey, Guid EntryId, string RegionPath, DateOnly VisitedOn);
}

internal static class SeedingSql
{
    public const string AnyTopic = "SELECT COUNT(*) FROM suggestions_topics";

    public const string AnyDiaryEntry = "SELECT CASE WHEN EXISTS (SELECT 1 FROM suggestions_diary_entries) THEN 1 ELSE 0 END";

    /// <summary>A suggestion as registration, indexing, screening and evaluation would have left it, in one statement.</summary>
    public const string InsertSuggestion = """
        INSERT INTO suggestions_suggestions (
            id, tracking_code, tracking_secret_hash, status, channel, topic_id, topic_title, title, content, region_id, region_path, district_path, town_path,
            region_name, submitter_name, phone_cipher, phone_hash, phone_masked, petition_id, petition_number, screening_reason, duplicate_of_id, screened_by,
            screened_at, registered_by, submitted_at, version, text_signature, outcome, answered_at, rating, rated_at, implementation, implemented_at, award,
            awarded_at)
        VALUES (
            @Id, @TrackingCode, @TrackingSecretHash, @Status, @Channel, @TopicId, @TopicTitle, @Title, @Content, @RegionId, @RegionPath, @DistrictPath, @TownPath,
            @RegionName,
            @SubmitterName, @PhoneCipher, @PhoneHash, @PhoneMasked, NULL, NULL, @ScreeningReason, @DuplicateOfId, NULL, @ScreenedAt,
            NULL, @SubmittedAt, 1, @TextSignature, @Outcome, @AnsweredAt, @Rating, @RatedAt, @Implementation, @ImplementedAt, @Award, @AwardedAt)
        """;

    /// <summary>A department's assignment, with its answer once given.</summary>
    public const string InsertAssignment = """
        INSERT INTO suggestions_assignments (id, suggestion_id, unit_id, unit_name, due_on, assigned_by, assigned_at, outcome, reply, answered_by, answered_at)
        VALUES (@Id, @SuggestionId, @UnitId, @UnitName, @DueOn, NULL, @AssignedAt, @Outcome, @Reply, NULL, @AnsweredAt)
        """;
}
