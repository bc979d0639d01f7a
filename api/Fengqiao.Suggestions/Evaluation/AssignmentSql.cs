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
        SELECT a.unit_id AS UnitId, a.unit_name AS UnitName, a.due_on AS DueOn, a.assigned_at AS AssignedAt
        FROM suggestions_assignments a
        WHERE a.suggestion_id = @SuggestionId
        ORDER BY a.unit_name, a.unit_id
        """;
}
