using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Dispatch.Attachments;
using Fengqiao.Dispatch.Supervision;

namespace Fengqiao.Dispatch.Cases;

internal static class CaseSql
{
    private const string Columns = """
        c.id AS Id, c.petition_id AS PetitionId, c.kind AS Kind, c.parent_case_id AS ParentCaseId, c.number AS Number, c.category AS Category,
        c.region_id AS RegionId, c.region_path AS RegionPath, c.region_name AS RegionName, c.summary AS Summary, c.received_at AS ReceivedAt,
        c.accepted_at AS AcceptedAt, c.is_first_time AS IsFirstTime, c.is_repeat AS IsRepeat, c.is_skip_level AS IsSkipLevel, c.status AS Status,
        c.suggested_unit_id AS SuggestedUnitId, c.lead_unit_id AS LeadUnitId, c.lead_unit_name AS LeadUnitName, c.assignment_mode AS AssignmentMode,
        c.report_required AS ReportRequired, c.assigned_at AS AssignedAt, c.assignment_due AS AssignmentDue, c.sign_due AS SignDue,
        c.signed_at AS SignedAt, c.return_due AS ReturnDue, c.reply_due AS ReplyDue, c.extension_days AS ExtensionDays, c.paused_days AS PausedDays,
        c.paused_at AS PausedAt, c.pause_reason AS PauseReason, c.replied_at AS RepliedAt, c.opinion AS Opinion, c.reply_text AS ReplyText,
        c.rating AS Rating, c.rating_source AS RatingSource, c.rating_note AS RatingNote, c.rated_at AS RatedAt, c.closed_at AS ClosedAt,
        c.final_at AS FinalAt, c.review_requested_at AS ReviewRequestedAt, c.current_step AS CurrentStep, c.current_due_on AS CurrentDueOn,
        c.current_yellow_on AS CurrentYellowOn, c.light AS Light, c.agent_user_id AS AgentUserId, c.agent_name AS AgentName,
        c.leader_user_id AS LeaderUserId, c.leader_name AS LeaderName, c.is_listed AS IsListed, c.listed_reason AS ListedReason,
        c.created_at AS CreatedAt, c.version AS Version
        """;

    /// <summary>
    /// The jurisdiction of cases: the petition bureau's roles see their region subtree; every caller sees the cases
    /// their unit leads or co-handles and the cases they are the agent of.
    /// </summary>
    private const string Visible = """
        ((@SeesRegion = 1 AND c.region_path LIKE @JurisdictionPrefix)
         OR c.lead_unit_id = @JurisdictionUnitId
         OR c.agent_user_id = @CallerId
         OR EXISTS (SELECT 1 FROM dispatch_case_units cu WHERE cu.case_id = c.id AND cu.unit_id = @JurisdictionUnitId))
        """;

    /// <summary>The cases of a petition the caller is the agent of.</summary>
    public const string AgentCasesOfPetition = "SELECT COUNT(*) FROM dispatch_cases WHERE petition_id = @PetitionId AND agent_user_id = @CallerId";

    public const string ById = $"""
        SELECT {Columns}
        FROM dispatch_cases c
        WHERE c.id = @Id AND {Visible}
        """;

    /// <summary>The cases among <c>@Ids</c> the caller may open: what another module may show of its references.</summary>
    public const string VisibleByIds = $"""
        SELECT c.id AS Id, c.number AS Number
        FROM dispatch_cases c
        WHERE c.id IN @Ids AND {Visible}
        ORDER BY c.number, c.id
        """;

    public const string ByPetition = $"""
        SELECT {Columns}
        FROM dispatch_cases c
        WHERE c.petition_id = @PetitionId
        ORDER BY c.created_at DESC, c.id DESC
        """;

    /// <summary>The handling case of a petition, when the caller may see it (a petition has at most one).</summary>
    public const string HandlingOfPetition = $"""
        SELECT c.id AS Id, c.version AS Version
        FROM dispatch_cases c
        WHERE c.petition_id = @PetitionId AND c.kind = 'Handling' AND {Visible}
        """;

    public const string CountForPetition = "SELECT COUNT(*) FROM dispatch_cases WHERE petition_id = @PetitionId AND kind = @Kind";

    public const string Insert = """
        INSERT INTO dispatch_cases (
            id, petition_id, kind, parent_case_id, number, category, region_id, region_path, region_name, summary, received_at, accepted_at,
            is_first_time, is_repeat, is_skip_level, status, suggested_unit_id, lead_unit_id, lead_unit_name, assignment_mode, report_required,
            assigned_at, assignment_due, sign_due, signed_at, return_due, reply_due, extension_days, paused_days, paused_at, pause_reason,
            replied_at, opinion, reply_text, rating, rating_source, rating_note, rated_at, closed_at, final_at, review_requested_at,
            current_step, current_due_on, current_yellow_on, light, agent_user_id, agent_name, leader_user_id, leader_name, is_listed,
            listed_reason, created_at, version)
        VALUES (
            @Id, @PetitionId, @Kind, @ParentCaseId, @Number, @Category, @RegionId, @RegionPath, @RegionName, @Summary, @ReceivedAt, @AcceptedAt,
            @IsFirstTime, @IsRepeat, @IsSkipLevel, @Status, @SuggestedUnitId, @LeadUnitId, @LeadUnitName, @AssignmentMode, @ReportRequired,
            @AssignedAt, @AssignmentDue, @SignDue, @SignedAt, @ReturnDue, @ReplyDue, @ExtensionDays, @PausedDays, @PausedAt, @PauseReason,
            @RepliedAt, @Opinion, @ReplyText, @Rating, @RatingSource, @RatingNote, @RatedAt, @ClosedAt, @FinalAt, @ReviewRequestedAt,
            @CurrentStep, @CurrentDueOn, @CurrentYellowOn, @Light, @AgentUserId, @AgentName, @LeaderUserId, @LeaderName, @IsListed,
            @ListedReason, @CreatedAt, 1)
        """;

    /// <summary>Every mutable column, guarded by the version the handler read.</summary>
    public const string Update = """
        UPDATE dispatch_cases
        SET status = @Status, suggested_unit_id = @SuggestedUnitId, lead_unit_id = @LeadUnitId, lead_unit_name = @LeadUnitName,
            assignment_mode = @AssignmentMode, report_required = @ReportRequired, assigned_at = @AssignedAt, sign_due = @SignDue,
            signed_at = @SignedAt, return_due = @ReturnDue, reply_due = @ReplyDue, extension_days = @ExtensionDays, paused_days = @PausedDays,
            paused_at = @PausedAt, pause_reason = @PauseReason, replied_at = @RepliedAt, opinion = @Opinion, reply_text = @ReplyText,
            rating = @Rating, rating_source = @RatingSource, rating_note = @RatingNote, rated_at = @RatedAt, closed_at = @ClosedAt,
            final_at = @FinalAt, review_requested_at = @ReviewRequestedAt, current_step = @CurrentStep, current_due_on = @CurrentDueOn,
            current_yellow_on = @CurrentYellowOn, light = @Light, agent_user_id = @AgentUserId, agent_name = @AgentName,
            leader_user_id = @LeaderUserId, leader_name = @LeaderName, is_listed = @IsListed, listed_reason = @ListedReason,
            version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    /// <summary>
    /// What <see cref="CaseActions"/> reads beyond the row, in one round trip: each co-unit's and each supervised unit's part and
    /// whether it is done, a pending extension request, open checklist items.
    /// </summary>
    public const string SituationOf = """
        SELECT 'CoUnit' AS Part, cu.unit_id AS UnitId, CASE WHEN cu.input_at IS NULL THEN 0 ELSE 1 END AS Done
        FROM dispatch_case_units cu WHERE cu.case_id = @CaseId
        UNION ALL
        SELECT 'SupervisionOrder', so.unit_id, CASE WHEN so.answered_at IS NULL THEN 0 ELSE 1 END
        FROM dispatch_supervision_orders so WHERE so.case_id = @CaseId
        UNION ALL
        SELECT 'PendingExtension', NULL, 0 FROM dispatch_extensions e WHERE e.case_id = @CaseId AND e.status = 'Pending'
        UNION ALL
        SELECT 'OpenChecklistItem', NULL, 0 FROM dispatch_checklist_items ci WHERE ci.case_id = @CaseId AND ci.done_at IS NULL
        """;

    private const string CoUnitsOf = """
        SELECT unit_id AS UnitId, unit_name AS UnitName, input_text AS InputText, input_at AS InputAt, input_by_name AS InputByName
        FROM dispatch_case_units
        WHERE case_id = @CaseId
        ORDER BY unit_name
        """;

    public const string DeleteCoUnits = "DELETE FROM dispatch_case_units WHERE case_id = @CaseId";

    public const string InsertCoUnit = """
        INSERT INTO dispatch_case_units (case_id, unit_id, unit_name, input_text, input_at, input_by_name)
        VALUES (@CaseId, @UnitId, @UnitName, NULL, NULL, NULL)
        """;

    public const string SubmitCoUnitInput = """
        UPDATE dispatch_case_units SET input_text = @Text, input_at = @Now, input_by_name = @ByName
        WHERE case_id = @CaseId AND unit_id = @UnitId
        """;

    public const string InsertTimeline = """
        INSERT INTO dispatch_timeline (id, case_id, occurred_at, kind, is_public, text, unit_name, user_id, user_name, by_agent)
        VALUES (@Id, @CaseId, @OccurredAt, @Kind, @IsPublic, @Text, @UnitName, @UserId, @UserName, @ByAgent)
        """;

    private const string TimelineOf = """
        SELECT occurred_at AS OccurredAt, kind AS Kind, is_public AS IsPublic, text AS Text, unit_name AS UnitName, user_name AS UserName, by_agent AS ByAgent
        FROM dispatch_timeline
        WHERE case_id = @CaseId
        ORDER BY occurred_at, id
        """;

    public const string PublicTimelineOf = """
        SELECT occurred_at AS OccurredAt, kind AS Kind, text AS Text, unit_name AS UnitName
        FROM dispatch_timeline
        WHERE case_id = @CaseId AND is_public = 1
        ORDER BY occurred_at, id
        """;

    public const string InsertChecklistItem = """
        INSERT INTO dispatch_checklist_items (case_id, item_key, ordinal, label_zh, label_en, done_at, done_by_name)
        VALUES (@CaseId, @ItemKey, @Ordinal, @LabelZh, @LabelEn, NULL, NULL)
        """;

    public const string ChecklistOf = """
        SELECT item_key AS ItemKey, label_zh AS LabelZh, label_en AS LabelEn, done_at AS DoneAt, done_by_name AS DoneByName
        FROM dispatch_checklist_items
        WHERE case_id = @CaseId
        ORDER BY ordinal
        """;

    public const string TickChecklistItem = """
        UPDATE dispatch_checklist_items SET done_at = @Now, done_by_name = @ByName
        WHERE case_id = @CaseId AND item_key = @ItemKey AND done_at IS NULL
        """;

    public const string InsertExtension = """
        INSERT INTO dispatch_extensions (id, case_id, days, reason, status, requested_at, requested_by_name, decided_at, decided_by_name, decision_reason)
        VALUES (@Id, @CaseId, @Days, @Reason, 'Pending', @Now, @ByName, NULL, NULL, NULL)
        """;

    public const string PendingExtension = """
        SELECT id AS Id, days AS Days, reason AS Reason FROM dispatch_extensions WHERE case_id = @CaseId AND status = 'Pending'
        """;

    public const string DecideExtension = """
        UPDATE dispatch_extensions SET status = @Status, decided_at = @Now, decided_by_name = @ByName, decision_reason = @Reason
        WHERE id = @Id AND status = 'Pending'
        """;

    private const string ExtensionsOf = """
        SELECT id AS Id, days AS Days, reason AS Reason, status AS Status, requested_at AS RequestedAt, requested_by_name AS RequestedByName,
               decided_at AS DecidedAt, decided_by_name AS DecidedByName, decision_reason AS DecisionReason
        FROM dispatch_extensions
        WHERE case_id = @CaseId
        ORDER BY requested_at
        """;

    public const string InsertPause = """
        INSERT INTO dispatch_pauses (id, case_id, reason, paused_at, resumed_at, paused_days) VALUES (@Id, @CaseId, @Reason, @Now, NULL, NULL)
        """;

    public const string EndPause = """
        UPDATE dispatch_pauses SET resumed_at = @Now, paused_days = @Days WHERE case_id = @CaseId AND resumed_at IS NULL
        """;

    private const string PausesOf = """
        SELECT reason AS Reason, paused_at AS PausedAt, resumed_at AS ResumedAt, paused_days AS PausedDays
        FROM dispatch_pauses
        WHERE case_id = @CaseId
        ORDER BY paused_at
        """;

    public const string InsertBreach = """
        INSERT INTO dispatch_breaches (case_id, kind, detected_at)
        SELECT @CaseId, @Kind, @Now
        WHERE NOT EXISTS (SELECT 1 FROM dispatch_breaches WHERE case_id = @CaseId AND kind = @Kind)
        """;

    private const string BreachesOf = "SELECT kind FROM dispatch_breaches WHERE case_id = @CaseId ORDER BY detected_at, kind";

    private const string RemindersOf = """
        SELECT step AS Step, light AS Light, due_on AS DueOn, occurred_at AS OccurredAt
        FROM dispatch_reminders
        WHERE case_id = @CaseId
        ORDER BY occurred_at
        """;

    /// <summary>
    /// The case detail in one command: the case row when the caller may see it (<see cref="ById"/>), then its co-units,
    /// checklist, extensions, pauses, supervision orders, reminders, breaches, timeline and files. The handler reads the
    /// later sets only when the first has the row, so a case outside the jurisdiction answers 404 whatever they hold.
    /// </summary>
    public const string Detail = $"{ById};\n{CoUnitsOf};\n{ChecklistOf};\n{ExtensionsOf};\n{PausesOf};\n{SupervisionSql.OrdersOf};\n{RemindersOf};\n{BreachesOf};\n{TimelineOf};\n{CaseAttachmentSql.OfCase};";
}
