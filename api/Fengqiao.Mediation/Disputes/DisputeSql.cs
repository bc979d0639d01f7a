using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Mediation.Disputes;

internal static class DisputeSql
{
    public const string Insert = """
        INSERT INTO mediation_disputes (
            id, number, status, dispute_type, summary, claims, amount_claimed, region_id, region_path, region_name, source, court_name, court_case_number,
            petition_id, petition_number, room_id, room_name, lead_mediator_id, lead_mediator_name, applicant_names, respondent_names,
            applicant_consent, respondent_consent, guidance, withdrawal_reason, registered_by, registered_at, accepted_at, closed_at, version)
        VALUES (
            @Id, @Number, 'Registered', @DisputeType, @Summary, @Claims, @AmountClaimed, @RegionId, @RegionPath, @RegionName, @Source, @CourtName, @CourtCaseNumber,
            @PetitionId, @PetitionNumber, @RoomId, @RoomName, @LeadMediatorId, @LeadMediatorName, @ApplicantNames, @RespondentNames,
            'Pending', 'Pending', NULL, NULL, @RegisteredBy, @RegisteredAt, NULL, NULL, 1)
        """;

    public const string InsertParty = """
        INSERT INTO mediation_dispute_parties (
            id, dispute_id, ordinal, side, kind, name, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked, organisation_code)
        VALUES (
            @Id, @DisputeId, @Ordinal, @Side, @Kind, @Name, @IdNumberCipher, @IdNumberHash, @IdNumberMasked, @PhoneCipher, @PhoneHash, @PhoneMasked, @OrganisationCode)
        """;

    public const string InsertRepresentative = """
        INSERT INTO mediation_dispute_representatives (
            id, dispute_id, side, name, role, relation, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked, added_by, added_at)
        VALUES (
            @Id, @DisputeId, @Side, @Name, @Role, @Relation, @IdNumberCipher, @IdNumberHash, @IdNumberMasked, @PhoneCipher, @PhoneHash, @PhoneMasked, @AddedBy, @AddedAt)
        """;

    private const string RepresentativeColumns = """
        id AS Id, side AS Side, name AS Name, role AS Role, relation AS Relation, id_number_masked AS IdNumberMasked, phone_masked AS PhoneMasked
        """;

    /// <summary>A dispute's representatives, each side's in the order they were named.</summary>
    public const string RepresentativesOf = $"""
        SELECT {RepresentativeColumns}
        FROM mediation_dispute_representatives
        WHERE dispute_id = @DisputeId
        ORDER BY side, added_at, id
        """;

    public const string RepresentativeById = $"SELECT {RepresentativeColumns} FROM mediation_dispute_representatives WHERE dispute_id = @DisputeId AND id = @Id";

    public const string RepresentativesOnSide = "SELECT COUNT(*) FROM mediation_dispute_representatives WHERE dispute_id = @DisputeId AND side = @Side";

    /// <summary>Whether a person, matched by the keyed hash of the ID number or the phone, represents the dispute already.</summary>
    public const string RepresentativeMatches = """
        SELECT COUNT(*) FROM mediation_dispute_representatives
        WHERE dispute_id = @DisputeId AND (phone_hash = @PhoneHash OR id_number_hash = @IdNumberHash)
        """;

    public const string DeleteRepresentative = "DELETE FROM mediation_dispute_representatives WHERE dispute_id = @DisputeId AND id = @Id";

    /// <summary>A change of the dispute's own rows (its representatives) moves the dispute's version, which the caller's If-Match named.</summary>
    public const string Touch = "UPDATE mediation_disputes SET version = version + 1 WHERE id = @Id AND version = @ExpectedVersion";

    /// <summary>Puts the dispute in a room under a lead mediator; the assisting mediators are replaced alongside.</summary>
    public const string Assign = """
        UPDATE mediation_disputes
        SET room_id = @RoomId, room_name = @RoomName, lead_mediator_id = @LeadMediatorId, lead_mediator_name = @LeadMediatorName, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string DeleteAssistants = "DELETE FROM mediation_dispute_assistants WHERE dispute_id = @DisputeId";

    /// <summary>The sessions still booked for the dispute: they hold slots of its room, so the room cannot change under them.</summary>
    public const string ScheduledSessionCount = "SELECT COUNT(*) FROM mediation_sessions WHERE dispute_id = @DisputeId AND status = 'Scheduled'";

    public const string InsertAssistant = "INSERT INTO mediation_dispute_assistants (dispute_id, mediator_id, mediator_name) VALUES (@DisputeId, @MediatorId, @MediatorName)";

    public const string IncrementCounter = "UPDATE mediation_number_counters SET last_value = last_value + 1 WHERE prefix = @Prefix AND year = @Year";

    public const string InsertCounter = "INSERT INTO mediation_number_counters (prefix, year, last_value) VALUES (@Prefix, @Year, 1)";

    public const string ReadCounter = "SELECT last_value FROM mediation_number_counters WHERE prefix = @Prefix AND year = @Year";

    public const string ReferralType = "SELECT dispute_type FROM mediation_referral_types WHERE petition_category = @Category";

    public const string ByPetition = "SELECT id FROM mediation_disputes WHERE petition_id = @PetitionId";

    private const string Columns = """
        d.id AS Id, d.number AS Number, d.status AS Status, d.dispute_type AS DisputeType, d.summary AS Summary, d.claims AS Claims,
        d.amount_claimed AS AmountClaimed, d.region_id AS RegionId, d.region_path AS RegionPath, d.region_name AS RegionName, d.source AS Source,
        d.court_name AS CourtName, d.court_case_number AS CourtCaseNumber, d.petition_id AS PetitionId, d.petition_number AS PetitionNumber,
        d.room_id AS RoomId, d.room_name AS RoomName, d.lead_mediator_id AS LeadMediatorId, d.lead_mediator_name AS LeadMediatorName,
        d.applicant_names AS ApplicantNames, d.respondent_names AS RespondentNames, d.applicant_consent AS ApplicantConsent,
        d.respondent_consent AS RespondentConsent, d.guidance AS Guidance, d.withdrawal_reason AS WithdrawalReason, d.failure_reason AS FailureReason,
        d.registered_at AS RegisteredAt, d.accepted_at AS AcceptedAt, d.closed_at AS ClosedAt, d.performance AS Performance, d.performed_on AS PerformedOn,
        d.clock_due_on AS ClockDueOn, d.clock_paused_at AS ClockPausedAt, d.clock_pause_reason AS ClockPauseReason, d.clock_paused_days AS ClockPausedDays,
        d.clock_extended_days AS ClockExtendedDays, d.version AS Version
        """;

    /// <summary>A dispute within the caller's jurisdiction (region subtree); outside it, as missing.</summary>
    public const string ById = $"""
        SELECT {Columns}
        FROM mediation_disputes d
        WHERE d.id = @Id AND d.region_path LIKE @JurisdictionPrefix
        """;

    public const string PartiesOf = """
        SELECT id AS Id, side AS Side, kind AS Kind, name AS Name, id_number_masked AS IdNumberMasked, phone_masked AS PhoneMasked,
               organisation_code AS OrganisationCode
        FROM mediation_dispute_parties
        WHERE dispute_id = @DisputeId
        ORDER BY ordinal
        """;

    public const string AssistantsOf = """
        SELECT mediator_id AS MediatorId, mediator_name AS MediatorName FROM mediation_dispute_assistants WHERE dispute_id = @DisputeId ORDER BY mediator_name
        """;

    public const string RecordConsent = """
        UPDATE mediation_disputes
        SET status = @Status, applicant_consent = @ApplicantConsent, respondent_consent = @RespondentConsent, guidance = @Guidance,
            accepted_at = @AcceptedAt, closed_at = @ClosedAt, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Withdraw = """
        UPDATE mediation_disputes
        SET status = 'Withdrawn', withdrawal_reason = @Reason, closed_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    /// <summary>The rooms of the regions at these paths: a referred dispute's candidates, the rooms of its region and its ancestors.</summary>
    public const string RoomsAtPaths = "SELECT id AS Id, name AS Name, kind AS Kind, region_path AS RegionPath FROM mediation_rooms WHERE region_path IN @Paths";

    private const string ListColumns = """
        d.id AS Id, d.number AS Number, d.status AS Status, d.dispute_type AS DisputeType, d.source AS Source, d.summary AS Summary,
        d.region_id AS RegionId, d.region_name AS RegionName, d.room_id AS RoomId, d.room_name AS RoomName, d.lead_mediator_name AS LeadMediatorName,
        d.applicant_names AS ApplicantNames, d.respondent_names AS RespondentNames, d.petition_number AS PetitionNumber,
        d.performance AS Performance, d.clock_due_on AS ClockDueOn, d.clock_paused_at AS ClockPausedAt, d.registered_at AS RegisteredAt, d.version AS Version
        """;

    private const string ListWhere = """
        WHERE d.region_path LIKE @JurisdictionPrefix AND d.region_path LIKE @RegionPrefix
          AND (@Status IS NULL OR d.status = @Status)
          AND (@DisputeType IS NULL OR d.dispute_type = @DisputeType)
          AND (@Source IS NULL OR d.source = @Source)
          AND (@RoomId IS NULL OR d.room_id = @RoomId)
          AND (@ClockOverdue = 0 OR (d.status = 'Accepted' AND d.clock_paused_at IS NULL AND d.clock_due_on < @Today))
          AND (@AwaitingPerformance = 0 OR (d.status = 'Agreed' AND (d.performance IS NULL OR d.performance <> 'Performed')))
          AND (@ConfirmationDueSoon = 0 OR (d.status = 'Agreed' AND EXISTS (
                SELECT 1 FROM mediation_agreements a
                WHERE a.dispute_id = d.id AND a.confirmation_applied_on IS NULL AND a.confirmation_due_on >= @Today AND a.confirmation_due_on <= @ConfirmationDueBy)))
        """;

    private const string AfterCursor = """
          AND (d.registered_at < @AfterAt OR (d.registered_at = @AfterAt AND d.id < @AfterId))
        """;

    /// <summary>The worklist: the latest registered first; the page after a cursor.</summary>
    public static IReadOnlyDictionary<string, string> List(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"SELECT {ListColumns} FROM mediation_disputes d {ListWhere} ORDER BY d.registered_at DESC, d.id DESC {dialect.Limit("@Limit")}",
        ["after"] = $"SELECT {ListColumns} FROM mediation_disputes d {ListWhere} {AfterCursor} ORDER BY d.registered_at DESC, d.id DESC {dialect.Limit("@Limit")}",
    };
}
