using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Text;

namespace Fengqiao.Suggestions.Diary;

internal static class DiarySql
{
    public const string InsertEntry = """
        INSERT INTO suggestions_diary_entries (
            id, kind, source, household, visited_on, matter, category, region_id, region_path, region_name, text_signature,
            logged_by, logged_by_name, logged_at, version)
        VALUES (
            @Id, @Kind, @Source, @Household, @VisitedOn, @Matter, @Category, @RegionId, @RegionPath, @RegionName, @TextSignature,
            @LoggedBy, @LoggedByName, @LoggedAt, 1)
        """;

    public const string InsertTextKey = """
        INSERT INTO suggestions_diary_text_keys (region_id, category, band_key, entry_id, region_path, visited_on)
        VALUES (@RegionId, @Category, @BandKey, @EntryId, @RegionPath, @VisitedOn)
        """;

    private const string EntryColumns = """
        e.id AS Id, e.kind AS Kind, e.source AS Source, e.household AS Household, e.visited_on AS VisitedOn, e.matter AS Matter,
        e.category AS Category, e.region_id AS RegionId, e.region_path AS RegionPath, e.region_name AS RegionName,
        e.text_signature AS TextSignature, e.logged_by_name AS LoggedByName, e.logged_at AS LoggedAt, e.matter_id AS MatterId,
        e.petition_id AS PetitionId, e.petition_number AS PetitionNumber, e.suggestion_id AS SuggestionId, e.converted_at AS ConvertedAt,
        e.photo_file_name AS PhotoFileName, e.photo_content_type AS PhotoContentType, e.photo_size_bytes AS PhotoSizeBytes, e.version AS Version
        """;

    /// <summary>An entry within the caller's jurisdiction (region subtree); outside it, as missing.</summary>
    public const string EntryById = $"""
        SELECT {EntryColumns}
        FROM suggestions_diary_entries e
        WHERE e.id = @Id AND e.region_path LIKE @JurisdictionPrefix
        """;

    public const string EntriesOfMatter = $"""
        SELECT {EntryColumns}
        FROM suggestions_diary_entries e
        WHERE e.matter_id = @MatterId
        ORDER BY e.visited_on, e.id
        """;

    private const string ListWhere = """
        WHERE e.region_path LIKE @JurisdictionPrefix AND e.region_path LIKE @RegionPrefix
          AND (@Kind IS NULL OR e.kind = @Kind)
          AND (@Category IS NULL OR e.category = @Category)
          AND (@State IS NULL
               OR (@State = 'Open' AND e.matter_id IS NULL AND e.petition_id IS NULL AND e.suggestion_id IS NULL)
               OR (@State = 'Grouped' AND e.matter_id IS NOT NULL)
               OR (@State = 'Converted' AND (e.petition_id IS NOT NULL OR e.suggestion_id IS NOT NULL)))
        """;

    private const string AfterCursor = """
          AND (e.visited_on < @AfterVisitedOn OR (e.visited_on = @AfterVisitedOn AND e.id < @AfterId))
        """;

    /// <summary>The diary: the jurisdiction's entries, latest visit first, filtered; the page after a cursor.</summary>
    public static IReadOnlyDictionary<string, string> List(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"SELECT {EntryColumns} FROM suggestions_diary_entries e {ListWhere} ORDER BY e.visited_on DESC, e.id DESC {dialect.Limit("@Limit")}",
        ["after"] = $"SELECT {EntryColumns} FROM suggestions_diary_entries e {ListWhere} {AfterCursor} ORDER BY e.visited_on DESC, e.id DESC {dialect.Limit("@Limit")}",
    };

    /// <summary>
    /// A diary entry's grouping candidates, bounded whatever the village holds: for each band key of its text, the latest
    /// visits of its village and category within the window sharing that key (at most @Limit each, read backwards along the
    /// candidates index); of these, the @Limit sharing the most keys with it (the likeliest alike), the latest first among
    /// equals; with what scoring them needs and the answer shows, not the whole entry.
    /// </summary>
    public static string Candidates(ISqlDialect dialect)
    {
        var arms = Enumerable.Range(0, TextSignature.Bands).Select(band => $"""
            SELECT b{band}.entry_id, b{band}.visited_on FROM (
                SELECT k.entry_id, k.visited_on FROM suggestions_diary_text_keys k
                WHERE k.region_id = @RegionId AND k.category = @Category AND k.band_key = @Key{band} AND k.visited_on >= @Since AND k.entry_id <> @ExcludeId
                ORDER BY k.visited_on DESC, k.entry_id DESC
                {dialect.Limit("@Limit")}) b{band}
            """);
        return $"""
            SELECT e.id AS Id, e.household AS Household, e.visited_on AS VisitedOn, e.matter AS Matter, e.text_signature AS TextSignature
            FROM (
                SELECT shared.entry_id FROM (
                {string.Join("\nUNION ALL\n", arms)}) shared
                GROUP BY shared.entry_id, shared.visited_on
                ORDER BY COUNT(*) DESC, shared.visited_on DESC, shared.entry_id DESC
                {dialect.Limit("@Limit")}) ranked
            JOIN suggestions_diary_entries e ON e.id = ranked.entry_id
            """;
    }

    /// <summary>Every open recent entry of the jurisdiction, with its signature: the ground of the grouping proposals.</summary>
    public const string OpenSignatures = """
        SELECT e.id AS EntryId, e.household AS Household, e.text_signature AS TextSignature
        FROM suggestions_diary_entries e
        WHERE e.id IN (
            SELECT k.entry_id FROM suggestions_diary_text_keys k
            WHERE k.region_path LIKE @JurisdictionPrefix AND k.region_path LIKE @RegionPrefix AND k.visited_on >= @Since)
        """;

    /// <summary>Pairs of open recent entries of one village and category that share a band key: the candidates to score.</summary>
    public const string OpenPairs = """
        SELECT DISTINCT a.entry_id AS A, b.entry_id AS B
        FROM suggestions_diary_text_keys a
        JOIN suggestions_diary_text_keys b
          ON b.region_id = a.region_id AND b.category = a.category AND b.band_key = a.band_key AND b.entry_id <> a.entry_id
        WHERE a.region_path LIKE @JurisdictionPrefix AND a.region_path LIKE @RegionPrefix AND a.visited_on >= @Since AND b.visited_on >= @Since
        """;

    public const string EntriesByIds = $"""
        SELECT {EntryColumns}
        FROM suggestions_diary_entries e
        WHERE e.id IN @Ids
        """;

    /// <summary>An entry grouped or converted is no longer open: it leaves the grouping index.</summary>
    public const string DeleteTextKeys = "DELETE FROM suggestions_diary_text_keys WHERE entry_id IN @Ids";

    public const string Group = """
        UPDATE suggestions_diary_entries
        SET matter_id = @MatterId, version = version + 1
        WHERE id IN @Ids AND matter_id IS NULL AND petition_id IS NULL AND suggestion_id IS NULL
        """;

    public const string ConvertEntry = """
        UPDATE suggestions_diary_entries
        SET petition_id = @PetitionId, petition_number = @PetitionNumber, suggestion_id = @SuggestionId, converted_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND matter_id IS NULL AND petition_id IS NULL AND suggestion_id IS NULL
        """;

    public const string SetPhoto = """
        UPDATE suggestions_diary_entries
        SET photo_file_name = @FileName, photo_content_type = @ContentType, photo_size_bytes = @SizeBytes, photo_sha256 = @Sha256,
            photo_storage_key = @StorageKey, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string PhotoOf = """
        SELECT e.photo_file_name AS FileName, e.photo_content_type AS ContentType, e.photo_storage_key AS StorageKey
        FROM suggestions_diary_entries e
        WHERE e.id = @Id AND e.region_path LIKE @JurisdictionPrefix AND e.photo_storage_key IS NOT NULL
        """;

    public const string InsertMatter = """
        INSERT INTO suggestions_diary_matters (
            id, title, category, region_id, region_path, region_name, entry_count, household_count, created_by, created_at, version)
        VALUES (
            @Id, @Title, @Category, @RegionId, @RegionPath, @RegionName, @EntryCount, @HouseholdCount, @CreatedBy, @CreatedAt, 1)
        """;

    private const string MatterColumns = """
        m.id AS Id, m.title AS Title, m.category AS Category, m.region_id AS RegionId, m.region_path AS RegionPath, m.region_name AS RegionName,
        m.entry_count AS EntryCount, m.household_count AS HouseholdCount, m.created_at AS CreatedAt, m.petition_id AS PetitionId,
        m.petition_number AS PetitionNumber, m.suggestion_id AS SuggestionId, m.converted_at AS ConvertedAt, m.version AS Version
        """;

    public const string MatterById = $"""
        SELECT {MatterColumns}
        FROM suggestions_diary_matters m
        WHERE m.id = @Id AND m.region_path LIKE @JurisdictionPrefix
        """;

    private const string MatterListWhere = """
        WHERE m.region_path LIKE @JurisdictionPrefix AND m.region_path LIKE @RegionPrefix
        """;

    /// <summary>The matters of the jurisdiction, newest first; the page after a cursor.</summary>
    public static IReadOnlyDictionary<string, string> Matters(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"SELECT {MatterColumns} FROM suggestions_diary_matters m {MatterListWhere} ORDER BY m.created_at DESC, m.id DESC {dialect.Limit("@Limit")}",
        ["after"] = $"""
            SELECT {MatterColumns} FROM suggestions_diary_matters m {MatterListWhere}
              AND (m.created_at < @AfterCreatedAt OR (m.created_at = @AfterCreatedAt AND m.id < @AfterId))
            ORDER BY m.created_at DESC, m.id DESC {dialect.Limit("@Limit")}
            """,
    };

    public const string ConvertMatter = """
        UPDATE suggestions_diary_matters
        SET petition_id = @PetitionId, petition_number = @PetitionNumber, suggestion_id = @SuggestionId, converted_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND petition_id IS NULL AND suggestion_id IS NULL
        """;

    /// <summary>Where a suggestion made from the diary stands now, for the cadre who made it.</summary>
    public const string SuggestionState = """
        SELECT s.id AS Id, s.tracking_code AS TrackingCode, s.status AS Status, s.outcome AS Outcome
        FROM suggestions_suggestions s
        WHERE s.id = @Id
        """;
}
