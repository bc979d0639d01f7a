namespace Fengqiao.Suggestions.Evaluation;

internal static class AssignmentSql
{
    public const string Insert = """
        INSERT INTO suggestions_assignments (id, suggestion_id, unit_id, unit_name, due_on, assigned_by, assigned_at)
        VALUES (@Id, @SuggestionId, @UnitId, @UnitName, @DueOn, @AssignedBy, @AssignedAt)
        """;

    public const string Assign = """
        UPDATE suggestions_suggestions
        SET status = 'Assigned', version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string OfSuggestion = """
        SELECT a.unit_id AS UnitId, a.unit_name AS UnitName, a.due_on AS DueOn, a.assigned_at AS AssignedAt,
               a.outcome AS Outcome, a.reply AS Reply, a.answered_at AS AnsweredAt
        FROM suggestions_assignments a
        WHERE a.suggestion_id = @SuggestionId
        ORDER BY a.unit_name, a.unit_id
        """;

    /// <summary>Records a department's answer once; a second answer of the same department finds no row.</summary>
    public const string Answer = """
        UPDATE suggestions_assignments
        SET outcome = @Outcome, reply = @Reply, answered_by = @AnsweredBy, answered_at = @Now
        WHERE suggestion_id = @SuggestionId AND unit_id = @UnitId AND outcome IS NULL
        """;

    public const string AnswersOf = """
        SELECT a.unit_id AS UnitId, a.outcome AS Outcome
        FROM suggestions_assignments a
        WHERE a.suggestion_id = @SuggestionId
        """;

    /// <summary>The departments' replies, for the submitter.</summary>
    public const string RepliesOf = """
        SELECT a.unit_name AS UnitName, a.outcome AS Outcome, a.reply AS Reply, a.answered_at AS AnsweredAt
        FROM suggestions_assignments a
        WHERE a.suggestion_id = @SuggestionId AND a.outcome IS NOT NULL
        ORDER BY a.answered_at, a.unit_id
        """;
}
