namespace Fengqiao.Mediation.FollowUps;

internal static class FollowUpSql
{
    public const string Insert = """
        INSERT INTO mediation_follow_ups (id, dispute_id, visited_on, performance, note, recorded_by, recorded_at)
        VALUES (@Id, @DisputeId, @VisitedOn, @Performance, @Note, @RecordedBy, @RecordedAt)
        """;

    /// <summary>The visit's finding becomes the dispute's; the day it was found performed is kept.</summary>
    public const string RecordOnDispute = """
        UPDATE mediation_disputes
        SET performance = @Performance, performed_on = @PerformedOn, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string OfDispute = """
        SELECT id AS Id, visited_on AS VisitedOn, performance AS Performance, note AS Note, recorded_at AS RecordedAt
        FROM mediation_follow_ups
        WHERE dispute_id = @DisputeId
        ORDER BY visited_on DESC, recorded_at DESC
        """;
}
