using System.Collections.Concurrent;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Intake.Petitions;

internal static class PetitionSql
{
    /// <summary>
    /// What the caller may read, by its read scope (<see cref="PetitionReadScope"/>): petitions whose region lies in the
    /// caller's subtree or that the caller's unit registered; petitions of the cases its unit leads or co-handles; petitions
    /// the caller registered itself. Accusation material referred to discipline inspection only for its inspectors.
    /// </summary>
    private const string Visible = """
        (
            (@ReadsJurisdiction = 1 AND (p.region_path LIKE @JurisdictionPrefix OR p.registrar_unit_id = @JurisdictionUnitId))
            OR (@ReadsUnitCases = 1 AND EXISTS (SELECT 1 FROM intake_case_units cu WHERE cu.unit_id = @JurisdictionUnitId AND cu.petition_id = p.id))
            OR (@ReadsOwnRegistrations = 1 AND p.registered_by = @CallerUserId)
        )
        AND (p.status <> 'ReferredToDiscipline' OR @IsDisciplineInspector = 1)
        """;

    /// <summary>
    /// <see cref="Visible"/>, or the one petition <c>@ActedForPetitionId</c> names: the caller is the agent of one of its
    /// cases (never accusation material). Only single reads take it; lists do not.
    /// </summary>
    private const string Readable = $"""
        (({Visible}) OR (p.id = @ActedForPetitionId AND p.status <> 'ReferredToDiscipline'))
        """;

    public const string InsertPetition = """
        INSERT INTO intake_petitions (
            id, number, channel, status, region_id, region_path, district_path, town_path, region_name, registrar_unit_id, registrar_region_path, registered_by,
            received_at, registered_at, acceptance_due, category, persons, request_text, facts_text, reasons_text, channel_reference,
            is_first_time, is_repeat, is_skip_level, is_collective, is_business, is_cross_boundary, is_urgent, is_final_matter, flag_reasons, text_signature,
            first_petitioner_name, decision, decision_reason, decision_notice, legal_channel, decided_at,
            tracking_code, tracking_secret_hash, version)
        VALUES (
            @Id, @Number, @Channel, @Status, @RegionId, @RegionPath, @DistrictPath, @TownPath, @RegionName, @RegistrarUnitId, @RegistrarRegionPath, @RegisteredBy,
            @ReceivedAt, @RegisteredAt, @AcceptanceDue, @Category, @Persons, @RequestText, @FactsText, @ReasonsText, @ChannelReference,
            @IsFirstTime, @IsRepeat, @IsSkipLevel, @IsCollective, @IsBusiness, @IsCrossBoundary, @IsUrgent, @IsFinalMatter, @FlagReasons, @TextSignature,
            @FirstPetitionerName, @Decision, @DecisionReason, @DecisionNotice, @LegalChannel, @DecidedAt,
            @TrackingCode, @TrackingSecretHash, @Version)
        """;

    public const string InsertPetitioner = """
        INSERT INTO intake_petitioners (
            id, petition_id, ordinal, name, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked, address, is_representative)
        VALUES (
            @Id, @PetitionId, @Ordinal, @Name, @IdNumberCipher, @IdNumberHash, @IdNumberMasked, @PhoneCipher, @PhoneHash, @PhoneMasked, @Address, @IsRepresentative)
        """;

    public const string InsertTextKey = """
        INSERT INTO intake_text_keys (band_key, region_id, category, received_at, petition_id)
        VALUES (@BandKey, @RegionId, @Category, @ReceivedAt, @PetitionId)
        """;

    public const string InsertTimeline = """
        INSERT INTO intake_timeline (id, petition_id, occurred_at, kind, is_public, text, actor_unit_name, actor_user_id)
        VALUES (@Id, @PetitionId, @OccurredAt, @Kind, @IsPublic, @Text, @ActorUnitName, @ActorUserId)
        """;

    public const string IncrementCounter = """
        UPDATE intake_number_counters SET last_value = last_value + 1 WHERE prefix = @Prefix AND year = @Year
        """;

    public const string InsertCounter = """
        INSERT INTO intake_number_counters (prefix, year, last_value) VALUES (@Prefix, @Year, 1)
        """;

    public const string ReadCounter = """
        SELECT last_value FROM intake_number_counters WHERE prefix = @Prefix AND year = @Year
        """;

    public const string CategoryExists = "SELECT COUNT(*) FROM intake_categories WHERE code = @Code";

    public const string EarlierBySamePetitioner = """
        SELECT DISTINCT p.id AS Id, p.number AS Number, p.status AS Status, p.registrar_region_path AS RegistrarRegionPath, p.final_at AS FinalAt
        FROM intake_petitioners pp
        JOIN intake_petitions p ON p.id = pp.petition_id
        WHERE pp.id_number_hash IN @Hashes AND p.received_at >= @Since AND p.status <> 'Merged' AND p.id <> @ExcludeId
        """;

    public const string CandidatesByTextKey = """
        SELECT DISTINCT petition_id
        FROM intake_text_keys
        WHERE region_id = @RegionId AND category = @Category AND band_key IN @Keys AND received_at >= @Since AND petition_id <> @ExcludeId
        """;

    public const string SignaturesOf = """
        SELECT id AS Id, number AS Number, registrar_region_path AS RegistrarRegionPath, text_signature AS TextSignature, status AS Status, final_at AS FinalAt
        FROM intake_petitions
        WHERE id IN @Ids
        """;

    public const string Get = $"""
        SELECT p.id AS Id, p.number AS Number, p.channel AS Channel, p.status AS Status, p.region_id AS RegionId, p.region_name AS RegionName,
               p.region_path AS RegionPath, p.registrar_unit_id AS RegistrarUnitId, p.registered_by AS RegisteredBy, p.received_at AS ReceivedAt, p.registered_at AS RegisteredAt,
               p.acceptance_due AS AcceptanceDue, p.category AS Category, p.persons AS Persons, p.request_text AS RequestText,
               p.facts_text AS FactsText, p.reasons_text AS ReasonsText, p.channel_reference AS ChannelReference, p.flag_reasons AS FlagReasons,
               p.decision AS Decision, p.decision_reason AS DecisionReason, p.decision_notice AS DecisionNotice, p.legal_channel AS LegalChannel,
               p.decided_at AS DecidedAt, p.suggested_unit_id AS SuggestedUnitId, p.merged_into_id AS MergedIntoId, p.version AS Version
        FROM intake_petitions p
        WHERE p.id = @Id AND {Readable}
        """;

    /// <summary>The petitions among <c>@Numbers</c> made final (终结) that the caller may see: what a refusal to accept cites.</summary>
    public const string FinalDecisionsOf = $"""
        SELECT p.number AS Number, p.final_at AS FinalAt
        FROM intake_petitions p
        WHERE p.number IN @Numbers AND p.final_at IS NOT NULL AND {Visible}
        ORDER BY p.number
        """;

    /// <summary>The petitions among <c>@Numbers</c> the caller may open: what another module may show of its references.</summary>
    public const string VisibleByNumber = $"""
        SELECT p.id AS Id, p.number AS Number
        FROM intake_petitions p
        WHERE p.number IN @Numbers AND {Visible}
        ORDER BY p.number
        """;

    /// <summary>The petitions among <c>@Ids</c> the caller may open.</summary>
    public const string VisibleById = $"""
        SELECT p.id AS Id, p.number AS Number
        FROM intake_petitions p
        WHERE p.id IN @Ids AND {Visible}
        ORDER BY p.number
        """;

    /// <summary>The petitions a flag names, each with whether the caller may open it and whether it is accusation material.</summary>
    public const string RelatedPetitions = $"""
        SELECT p.number AS Number,
               CASE WHEN {Visible} THEN 1 ELSE 0 END AS IsVisible,
               CASE WHEN p.status = 'ReferredToDiscipline' THEN 1 ELSE 0 END AS IsAccusation
        FROM intake_petitions p
        WHERE p.number IN @Numbers
        """;

    public const string PetitionersOf = """
        SELECT id AS Id, ordinal AS Ordinal, name AS Name, id_number_masked AS IdNumberMasked, phone_masked AS PhoneMasked,
               address AS Address, is_representative AS IsRepresentative
        FROM intake_petitioners
        WHERE petition_id = @PetitionId
        ORDER BY ordinal
        """;

    /// <summary>Link and merge entries name the other petition's number: kept only when the caller may open that petition.</summary>
    public const string TimelineOf = $"""
        SELECT t.occurred_at AS OccurredAt, t.kind AS Kind, t.is_public AS IsPublic, t.text AS Text, t.actor_unit_name AS ActorUnitName
        FROM intake_timeline t
        WHERE t.petition_id = @PetitionId
          AND (t.kind NOT IN ('Linked', 'MergedInto', 'MergedFrom') OR EXISTS (SELECT 1 FROM intake_petitions p WHERE p.number = t.text AND {Visible}))
        ORDER BY t.occurred_at, t.id
        """;

    /// <summary>Only the linked petitions the caller may open itself: a link must not name an accusation or a petition out of reach.</summary>
    public const string LinksOf = $"""
        SELECT l.linked_petition_id AS PetitionId, p.number AS Number, l.kind AS Kind
        FROM intake_links l
        JOIN intake_petitions p ON p.id = l.linked_petition_id
        WHERE l.petition_id = @PetitionId AND {Visible}
        ORDER BY p.number
        """;

    /// <summary>Attachments of the petition and of every petition merged into it: merging loses nothing.</summary>
    public const string AttachmentsOf = """
        SELECT a.id AS Id, a.petition_id AS PetitionId, a.file_name AS FileName, a.content_type AS ContentType, a.size_bytes AS SizeBytes,
               a.sha256 AS Sha256, a.uploaded_at AS UploadedAt
        FROM intake_attachments a
        WHERE a.petition_id = @PetitionId
           OR a.petition_id IN (SELECT id FROM intake_petitions WHERE merged_into_id = @PetitionId)
        ORDER BY a.uploaded_at, a.id
        """;

    /// <summary>
    /// A petition with everything its page shows, in one command: the petition within the caller's jurisdiction, then its
    /// petitioners, timeline, attachments and links. An empty first result means not found; the others are then not read.
    /// </summary>
    public const string Details = $"{Get};\n{PetitionersOf};\n{TimelineOf};\n{AttachmentsOf};\n{LinksOf};";

    /// <summary>The worklist's first page, and the whole filtered list for the export, with every filter term: newest received first.</summary>
    public static string List(ISqlDialect dialect) => List(dialect, ListTerms.All, afterCursor: false, level: null);

    /// <summary>
    /// The worklist page after a cursor, with every filter term. The keyset is a range on received_at of its own, so the
    /// index is entered at the cursor; wrapped in "@After IS NULL OR …" it could not be, and every page would scan from the newest row.
    /// </summary>
    public static string ListAfter(ISqlDialect dialect) => List(dialect, ListTerms.All, afterCursor: true, level: null);

    /// <summary>The worklist of every caller but a city reader of its jurisdiction, by the caller's region level, first page and after a cursor, with every filter term.</summary>
    public static IReadOnlyDictionary<string, string> ListsInRegion(ISqlDialect dialect) =>
        InRegionTerms.Keys
            .SelectMany(level => new[] { false, true }.Select(after => (level, after)))
            .ToDictionary(v => $"{v.level}{(v.after ? "After" : string.Empty)}", v => List(dialect, ListTerms.All, v.after, v.level));

    /// <summary>
    /// The worklist with only the terms of the filters that are set. SQLite prepares every execution anew, and a statement
    /// carrying all fifteen optional "(@X IS NULL OR …)" terms cost more to prepare than the unfiltered page cost to read.
    /// A null level is the general form, for a caller who reads the whole tree; any other level picks the union of
    /// <see cref="ListInRegion"/>.
    /// </summary>
    public static string List(ISqlDialect dialect, ListTerms terms, bool afterCursor, RegionLevel? level) =>
        ListTexts.GetOrAdd(
            (dialect.Provider, terms, afterCursor, level),
            key => key.Level is { } inRegion ? ListInRegion(dialect, key.Terms, key.AfterCursor, inRegion) : ListWhere(dialect, key.Terms, key.AfterCursor));

    /// <summary>
    /// The shape of the worklist for a caller: the general form when it reads its jurisdiction at the city (everything), else
    /// the union by its region level (a caller without a region reads its unit's cases or its own registrations only).
    /// </summary>
    public static RegionLevel? ListLevel(PetitionReadScope scope, RegionLevel? callerLevel) =>
        scope.HasFlag(PetitionReadScope.Jurisdiction) && callerLevel == RegionLevel.City ? null : callerLevel ?? RegionLevel.City;

    private static readonly ConcurrentDictionary<(DatabaseProvider Provider, ListTerms Terms, bool AfterCursor, RegionLevel? Level), string> ListTexts = new();

    /// <summary>
    /// The term that holds exactly when a petition lies in the caller's subtree: the district and town paths are stored on the
    /// petition for this, and villages are the leaves of the tree. At the city the union reads no region (see <see cref="ListLevel"/>),
    /// so its term only has to be right.
    /// </summary>
    private static readonly Dictionary<RegionLevel, string> InRegionTerms = new()
    {
        [RegionLevel.City] = $"p.region_path LIKE @{Jurisdiction.PrefixParameter}",
        [RegionLevel.District] = $"p.district_path = @{Jurisdiction.PathParameter}",
        [RegionLevel.Town] = $"p.town_path = @{Jurisdiction.PathParameter}",
        [RegionLevel.Village] = $"p.region_path = @{Jurisdiction.PathParameter}",
    };

    private static readonly (ListTerms Term, string Sql)[] FilterTerms =
    [
        (ListTerms.Region, "AND p.region_path LIKE @RegionPrefix"),
        (ListTerms.Status, "AND p.status = @Status"),
        (ListTerms.Channel, "AND p.channel = @Channel"),
        (ListTerms.Category, "AND p.category = @Category"),
        (ListTerms.ReceivedFrom, "AND p.received_at >= @ReceivedFrom"),
        (ListTerms.ReceivedTo, "AND p.received_at < @ReceivedTo"),
        (ListTerms.FirstTime, "AND p.is_first_time = 1"),
        (ListTerms.Repeat, "AND p.is_repeat = 1"),
        (ListTerms.SkipLevel, "AND p.is_skip_level = 1"),
        (ListTerms.Collective, "AND p.is_collective = 1"),
        (ListTerms.Business, "AND p.is_business = 1"),
        (ListTerms.CrossBoundary, "AND p.is_cross_boundary = 1"),
        (ListTerms.Urgent, "AND p.is_urgent = 1"),
        (ListTerms.FinalMatter, "AND p.is_final_matter = 1"),
        (ListTerms.Overdue, "AND p.status = 'Registered' AND p.acceptance_due < @Today"),
        (ListTerms.Text, "AND (p.number LIKE @Text OR p.request_text LIKE @Text)"),
    ];

    private const string AfterCursor = """
        AND p.received_at <= @AfterReceivedAt AND (p.received_at < @AfterReceivedAt OR p.id < @AfterId)
        """;

    private const string Discipline = "AND (p.status <> 'ReferredToDiscipline' OR @IsDisciplineInspector = 1)";

    /// <summary>The worklist's columns, in the order <see cref="PetitionListItem.Read"/> reads them.</summary>
    private const string ListColumns = """
        SELECT p.id AS Id, p.number AS Number, p.channel AS Channel, p.status AS Status, p.region_name AS RegionName, p.category AS Category,
               p.persons AS Persons, p.received_at AS ReceivedAt, p.acceptance_due AS AcceptanceDue, p.request_text AS RequestText,
               p.is_first_time AS IsFirstTime, p.is_repeat AS IsRepeat, p.is_skip_level AS IsSkipLevel, p.is_collective AS IsCollective,
               p.is_business AS IsBusiness, p.is_cross_boundary AS IsCrossBoundary, p.is_urgent AS IsUrgent, p.is_final_matter AS IsFinalMatter,
               p.first_petitioner_name AS FirstPetitioner
        FROM intake_petitions p
        """;

    private const string Newest = "ORDER BY p.received_at DESC, p.id DESC";

    private static string Terms(ListTerms terms, bool afterCursor) =>
        string.Join("\n  ", FilterTerms.Where(t => terms.HasFlag(t.Term)).Select(t => t.Sql)) + (afterCursor ? "\n  " + AfterCursor : string.Empty);

    /// <summary>The worklist of a city reader of its jurisdiction (everything is in its subtree), and the export's rows for any caller.</summary>
    private static string ListWhere(ISqlDialect dialect, ListTerms terms, bool afterCursor) => $"""
        {ListColumns}
        WHERE {Visible}
          {Terms(terms, afterCursor)}
        {Newest}
        {dialect.Limit("@Limit")}
        """;

    /// <summary>
    /// A caller's worklist by region level: the newest page of each way the caller may read a petition, each read in order from
    /// its own index, merged. The arms the caller's scope does not grant stop at their constant guard before reading a row.
    /// In its region: the index on the stored ancestor path (the general form walks every petition newest first and keeps the
    /// caller's: a town with 1% of the petitions read 2,000 index entries per page); registered by its unit; of its unit's
    /// cases (looked up from the unit's case rows); registered by the caller itself.
    /// </summary>
    private static string ListInRegion(ISqlDialect dialect, ListTerms terms, bool afterCursor, RegionLevel level)
    {
        string Arm(string alias, string where) => $"""
            SELECT id FROM (
                SELECT p.id FROM intake_petitions p
                WHERE {where} {Discipline}
                  {Terms(terms, afterCursor)}
                {Newest}
                {dialect.Limit("@Limit")}) {alias}
            """;

        return $"""
            {ListColumns}
            WHERE p.id IN (
                {Arm("in_region", $"@ReadsJurisdiction = 1 AND {InRegionTerms[level]}")}
                UNION
                {Arm("registered", $"@ReadsJurisdiction = 1 AND p.registrar_unit_id = @{Jurisdiction.UnitParameter}")}
                UNION
                {Arm("unit_cases", $"@ReadsUnitCases = 1 AND p.id IN (SELECT cu.petition_id FROM intake_case_units cu WHERE cu.unit_id = @{Jurisdiction.UnitParameter})")}
                UNION
                {Arm("own", "@ReadsOwnRegistrations = 1 AND p.registered_by = @CallerUserId")})
            {Newest}
            {dialect.Limit("@Limit")}
            """;
    }

    /// <summary>
    /// The registered petitions the caller may read that await the acceptance decision, and those of them past their acceptance
    /// day; read by the (status, acceptance_due) index, as registered petitions are few beside the rest.
    /// </summary>
    public const string CountAwaitingAcceptance = $"""
        SELECT COUNT(*) AS ToAccept, COALESCE(SUM(CASE WHEN p.acceptance_due < @Today THEN 1 ELSE 0 END), 0) AS AcceptanceOverdue
        FROM intake_petitions p
        WHERE p.status = 'Registered' AND {Visible}
        """;

    /// <summary>After re-review the matter is final (Art 36¶3); later petitions on it are flagged.</summary>
    public const string MarkFinal = "UPDATE intake_petitions SET final_at = @FinalAt WHERE id = @PetitionId AND final_at IS NULL";
}

/// <summary>The optional terms of the worklist query, one per filter.</summary>
[Flags]
internal enum ListTerms
{
    None = 0,
    Region = 1 << 0,
    Status = 1 << 1,
    Channel = 1 << 2,
    Category = 1 << 3,
    ReceivedFrom = 1 << 4,
    ReceivedTo = 1 << 5,
    FirstTime = 1 << 6,
    Repeat = 1 << 7,
    SkipLevel = 1 << 8,
    Collective = 1 << 9,
    Business = 1 << 10,
    CrossBoundary = 1 << 11,
    Urgent = 1 << 12,
    Overdue = 1 << 13,
    Text = 1 << 14,
    FinalMatter = 1 << 15,
    All = (1 << 16) - 1,
}
