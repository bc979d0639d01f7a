using System.Collections.Concurrent;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Suggestions.Handling;

internal static class SuggestionSql
{
    public const string Insert = """
        INSERT INTO suggestions_suggestions (
            id, tracking_code, tracking_secret_hash, status, channel, topic_id, topic_title, title, content, region_id, region_path, district_path, town_path,
            region_name, submitter_name, phone_cipher, phone_hash, phone_masked, petition_id, petition_number, screening_reason, duplicate_of_id, screened_by,
            screened_at, registered_by, submitted_at, version)
        VALUES (
            @Id, @TrackingCode, @TrackingSecretHash, @Status, @Channel, @TopicId, @TopicTitle, @Title, @Content, @RegionId, @RegionPath, @DistrictPath, @TownPath,
            @RegionName, @SubmitterName, @PhoneCipher, @PhoneHash, @PhoneMasked, @PetitionId, @PetitionNumber, @ScreeningReason, @DuplicateOfId, @ScreenedBy,
            @ScreenedAt, @RegisteredBy, @SubmittedAt, 1)
        """;

    private const string Columns = """
        s.id AS Id, s.tracking_code AS TrackingCode, s.status AS Status, s.channel AS Channel, s.topic_id AS TopicId, s.topic_title AS TopicTitle,
        s.title AS Title, s.content AS Content, s.region_id AS RegionId, s.region_path AS RegionPath, s.region_name AS RegionName,
        s.submitter_name AS SubmitterName, s.phone_masked AS PhoneMasked, s.petition_id AS PetitionId, s.petition_number AS PetitionNumber,
        s.screening_reason AS ScreeningReason, s.duplicate_of_id AS DuplicateOfId, s.screened_at AS ScreenedAt, s.submitted_at AS SubmittedAt,
        s.outcome AS Outcome, s.answered_at AS AnsweredAt, s.rating AS Rating, s.rating_comment AS RatingComment, s.rated_at AS RatedAt,
        s.implementation AS Implementation, s.implemented_at AS ImplementedAt, s.award AS Award, s.awarded_at AS AwardedAt, s.version AS Version
        """;

    /// <summary>A suggestion within the caller's jurisdiction (region subtree); outside it, as missing.</summary>
    public const string ById = $"""
        SELECT {Columns}
        FROM suggestions_suggestions s
        WHERE s.id = @Id AND s.region_path LIKE @JurisdictionPrefix
        """;

    /// <summary>A suggestion of the caller's jurisdiction assigned to the caller's unit; any other, as missing.</summary>
    public const string ByIdAssignedToUnit = $"""
        SELECT {Columns}
        FROM suggestions_suggestions s
        WHERE s.id = @Id AND s.region_path LIKE @JurisdictionPrefix
          AND EXISTS (SELECT 1 FROM suggestions_assignments a WHERE a.suggestion_id = s.id AND a.unit_id = @JurisdictionUnitId)
        """;

    public const string PhoneCipher = """
        SELECT s.phone_cipher FROM suggestions_suggestions s WHERE s.id = @Id AND s.region_path LIKE @JurisdictionPrefix
        """;

    public const string ByPetition = "SELECT s.id FROM suggestions_suggestions s WHERE s.petition_id = @PetitionId";

    /// <summary>The suggestion a petition became, as its page names it.</summary>
    public const string FromPetition = """
        SELECT s.id AS Id, s.tracking_code AS TrackingCode, s.status AS Status
        FROM suggestions_suggestions s
        WHERE s.petition_id = @PetitionId
        """;

    public const string Screen = """
        UPDATE suggestions_suggestions
        SET status = @Status, screening_reason = @Reason, duplicate_of_id = @DuplicateOfId, screened_by = @ScreenedBy, screened_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    private const string ListColumns = """
        s.id AS Id, s.tracking_code AS TrackingCode, s.status AS Status, s.channel AS Channel, s.topic_id AS TopicId, s.topic_title AS TopicTitle,
        s.title AS Title, s.region_id AS RegionId, s.region_name AS RegionName, s.petition_number AS PetitionNumber, s.submitted_at AS SubmittedAt, s.version AS Version
        """;

    /// <summary>
    /// The term that holds exactly when a suggestion lies in the caller's subtree, by the caller's region level: the district
    /// and town paths are stored on the suggestion for this, so a district's or town's page is a range of its own index;
    /// villages are the leaves of the tree, and at the city (or for a caller without a region, who matches nothing) the subtree
    /// is a prefix.
    /// </summary>
    private static readonly Dictionary<RegionLevel, string> InRegionTerms = new()
    {
        [RegionLevel.City] = $"s.region_path LIKE @{Jurisdiction.PrefixParameter}",
        [RegionLevel.District] = $"s.district_path = @{Jurisdiction.PathParameter}",
        [RegionLevel.Town] = $"s.town_path = @{Jurisdiction.PathParameter}",
        [RegionLevel.Village] = $"s.region_path = @{Jurisdiction.PathParameter}",
    };

    private static string ListWhere(RegionLevel level) => $"""
        WHERE {InRegionTerms[level]} AND s.region_path LIKE @RegionPrefix
          AND (@Channel IS NULL OR s.channel = @Channel)
          AND (@TopicId IS NULL OR s.topic_id = @TopicId)
        """;

    /// <summary>
    /// A status asked for is a plain equality, so the page is a range of the (status, submitted_at) index at the city and of the
    /// (path, status, submitted_at) index of a district or town.
    /// </summary>
    private const string WithStatus = """
          AND s.status = @Status
        """;

    private const string AfterCursor = """
          AND (s.submitted_at < @AfterSubmittedAt OR (s.submitted_at = @AfterSubmittedAt AND s.id < @AfterId))
        """;

    /// <summary>The reviewer's waiting work in the jurisdiction, by the (status, submitted_at) index: to screen and to assign.</summary>
    public const string CountAwaitingReviewer = """
        SELECT COALESCE(SUM(CASE WHEN s.status = 'Submitted' THEN 1 ELSE 0 END), 0) AS ToScreen,
               COALESCE(SUM(CASE WHEN s.status = 'Valid' THEN 1 ELSE 0 END), 0) AS ToAssign
        FROM suggestions_suggestions s
        WHERE s.status IN ('Submitted', 'Valid') AND s.region_path LIKE @JurisdictionPrefix
        """;

    private static readonly ConcurrentDictionary<DatabaseProvider, IReadOnlyDictionary<string, string>> Lists = new();

    /// <summary>The key of the worklist's statement for a caller's region level, after a cursor or not, with a status or not.</summary>
    public static string ListKey(RegionLevel level, bool afterCursor, bool withStatus) =>
        $"{level}-{(afterCursor ? "after" : "first")}{(withStatus ? "-status" : string.Empty)}";

    /// <summary>
    /// The worklist: the jurisdiction's suggestions, newest first, filtered; the page after a cursor; each with a status or
    /// without one, for each region level of the caller (see <see cref="ListKey"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> List(ISqlDialect dialect) => Lists.GetOrAdd(dialect.Provider, _ =>
        (from level in InRegionTerms.Keys
         from afterCursor in new[] { false, true }
         from withStatus in new[] { false, true }
         select (Key: ListKey(level, afterCursor, withStatus), Sql: $"""
             SELECT {ListColumns} FROM suggestions_suggestions s {ListWhere(level)} {(withStatus ? WithStatus : string.Empty)} {(afterCursor ? AfterCursor : string.Empty)}
             ORDER BY s.submitted_at DESC, s.id DESC {dialect.Limit("@Limit")}
             """)).ToDictionary(v => v.Key, v => v.Sql));

    /// <summary>What the submitter sees with the tracking code and secret.</summary>
    public const string ByTrackingCode = """
        SELECT s.id AS Id, s.tracking_code AS TrackingCode, s.tracking_secret_hash AS TrackingSecretHash, s.status AS Status, s.topic_title AS TopicTitle,
               s.title AS Title, s.screening_reason AS ScreeningReason, s.submitted_at AS SubmittedAt, s.screened_at AS ScreenedAt,
               s.region_id AS RegionId, s.region_path AS RegionPath, s.outcome AS Outcome, s.answered_at AS AnsweredAt, s.rating AS Rating,
               s.implementation AS Implementation, s.implemented_at AS ImplementedAt, s.version AS Version
        FROM suggestions_suggestions s
        WHERE s.tracking_code = @TrackingCode
        """;

    /// <summary>The last department's answer closes the evaluation with the suggestion's outcome.</summary>
    public const string Answered = """
        UPDATE suggestions_suggestions
        SET status = 'Answered', outcome = @Outcome, answered_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    /// <summary>A department's answer while others are still evaluating: the suggestion changed, so its version moves on.</summary>
    public const string Touch = """
        UPDATE suggestions_suggestions
        SET version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    /// <summary>The submitter's rating, once: a second rating finds no row.</summary>
    public const string Rate = """
        UPDATE suggestions_suggestions
        SET rating = @Rating, rating_comment = @Comment, rated_at = @Now, version = version + 1
        WHERE id = @Id AND rating IS NULL AND status = @Status
        """;

    public const string Implement = """
        UPDATE suggestions_suggestions
        SET status = 'Implemented', implementation = @Implementation, implemented_by = @By, implemented_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Award = """
        UPDATE suggestions_suggestions
        SET award = @Award, awarded_by = @By, awarded_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    private const string PublicAdoptedColumns = """
        s.id AS Id, s.status AS Status, s.title AS Title, s.topic_title AS TopicTitle, s.region_name AS RegionName, s.outcome AS Outcome,
        s.answered_at AS AnsweredAt, s.implementation AS Implementation, s.implemented_at AS ImplementedAt, s.award AS Award, s.awarded_at AS AwardedAt
        """;

    /// <summary>The adopted suggestions, wholly or in part, newest answer first; the page after a cursor.</summary>
    public static IReadOnlyDictionary<string, string> PublicAdopted(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"""
            SELECT {PublicAdoptedColumns} FROM suggestions_suggestions s
            WHERE s.outcome IN ('Adopted', 'PartlyAdopted') AND s.status IN ('Answered', 'Implemented')
            ORDER BY s.answered_at DESC, s.id DESC {dialect.Limit("@Limit")}
            """,
        ["after"] = $"""
            SELECT {PublicAdoptedColumns} FROM suggestions_suggestions s
            WHERE s.outcome IN ('Adopted', 'PartlyAdopted') AND s.status IN ('Answered', 'Implemented')
              AND (s.answered_at < @AfterAt OR (s.answered_at = @AfterAt AND s.id < @AfterId))
            ORDER BY s.answered_at DESC, s.id DESC {dialect.Limit("@Limit")}
            """,
    };

    /// <summary>The excellent suggestions 优秀建议, newest award first; the page after a cursor.</summary>
    public static IReadOnlyDictionary<string, string> PublicAwarded(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"""
            SELECT {PublicAdoptedColumns} FROM suggestions_suggestions s
            WHERE s.awarded_at IS NOT NULL
            ORDER BY s.awarded_at DESC, s.id DESC {dialect.Limit("@Limit")}
            """,
        ["after"] = $"""
            SELECT {PublicAdoptedColumns} FROM suggestions_suggestions s
            WHERE s.awarded_at IS NOT NULL AND (s.awarded_at < @AfterAt OR (s.awarded_at = @AfterAt AND s.id < @AfterId))
            ORDER BY s.awarded_at DESC, s.id DESC {dialect.Limit("@Limit")}
            """,
    };
}
