namespace Fengqiao.BuildingBlocks.Audit;

internal static class AuditSql
{
    public const string Insert = """
        INSERT INTO audit_entries (id, occurred_at, actor_user_id, actor_unit_id, action, object_type, object_id, before_json, after_json, trace_id)
        VALUES (@Id, @OccurredAt, @ActorUserId, @ActorUnitId, @Action, @ObjectType, @ObjectId, @BeforeJson, @AfterJson, @TraceId)
        """;
}
