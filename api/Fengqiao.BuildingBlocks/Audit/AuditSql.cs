using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.BuildingBlocks.Audit;

internal static class AuditSql
{
    private const string Columns = """
        id AS Id, sequence AS Sequence, occurred_at AS OccurredAt, actor_user_id AS ActorUserId, actor_unit_id AS ActorUnitId,
        actor_region_path AS ActorRegionPath, action AS Action, object_type AS ObjectType, object_id AS ObjectId,
        discipline_only AS DisciplineOnly, before_json AS BeforeJson, after_json AS AfterJson, trace_id AS TraceId,
        previous_hash AS PreviousHash, entry_hash AS EntryHash, actor_kind AS ActorKind
        """;

    public const string Insert = """
        INSERT INTO audit_entries (
            id, sequence, occurred_at, actor_user_id, actor_unit_id, actor_region_path, action, object_type, object_id,
            discipline_only, before_json, after_json, trace_id, previous_hash, entry_hash, actor_kind)
        VALUES (
            @Id, @Sequence, @OccurredAt, @ActorUserId, @ActorUnitId, @ActorRegionPath, @Action, @ObjectType, @ObjectId,
            @DisciplineOnly, @BeforeJson, @AfterJson, @TraceId, @PreviousHash, @EntryHash, @ActorKind)
        """;

    /// <summary>
    /// Claims the next sequence numbers by writing the head row first: the row stays locked until commit, so a concurrent
    /// writer (another instance on SQL Server) waits here and then reads the head this transaction leaves.
    /// </summary>
    public const string ReserveSequences = "UPDATE platform_audit_chain_head SET last_sequence = last_sequence + @Count WHERE id = 1";

    public const string Head = """
        SELECT last_sequence AS LastSequence, last_hash AS LastHash, seal AS Seal, forged_after AS ForgedAfter
        FROM platform_audit_chain_head WHERE id = 1
        """;

    public const string SetHead = """
        UPDATE platform_audit_chain_head SET last_hash = @LastHash, seal = @Seal, forged_after = @ForgedAfter
        WHERE id = 1 AND last_sequence = @LastSequence
        """;

    /// <summary>Seals the head only if it still is what was read (see <see cref="AuditHeadSeal.SealAfterUpgradeAsync"/>).</summary>
    public const string SealHead = """
        UPDATE platform_audit_chain_head SET seal = @Seal
        WHERE id = 1 AND last_sequence = @LastSequence AND last_hash = @LastHash AND seal IS NULL
        """;

    public static string ChainPage(ISqlDialect dialect) => $"""
        SELECT {Columns}
        FROM audit_entries
        WHERE sequence > @AfterSequence AND sequence <= @LastSequence
        ORDER BY sequence
        {dialect.Limit("@Limit")}
        """;

    public const string UnchainedCount = "SELECT COUNT(*) FROM audit_entries WHERE sequence IS NULL";

    /// <summary>
    /// Entries of actors within the caller's region subtree (entries without an actor's region, such as anonymous
    /// sign-in attempts, public submissions and background work, only for callers of the whole tree), and entries about
    /// accusation material only for discipline inspectors; newest first.
    /// </summary>
    public static string List(ISqlDialect dialect) => $"""
        SELECT {Columns}
        FROM audit_entries
        WHERE (actor_region_path LIKE @JurisdictionPrefix OR (actor_region_path IS NULL AND @SeesEntriesWithoutRegion = 1))
          AND (discipline_only = 0 OR @IsDisciplineInspector = 1)
          AND (@ActorUserId IS NULL OR actor_user_id = @ActorUserId)
          AND (@ObjectType IS NULL OR object_type = @ObjectType)
          AND (@ObjectId IS NULL OR object_id = @ObjectId)
          AND (@Action IS NULL OR action = @Action)
          AND (@From IS NULL OR occurred_at >= @From)
          AND (@To IS NULL OR occurred_at < @To)
          AND (@AfterOccurredAt IS NULL OR occurred_at < @AfterOccurredAt OR (occurred_at = @AfterOccurredAt AND id < @AfterId))
        ORDER BY occurred_at DESC, id DESC
        {dialect.Limit("@Limit")}
        """;
}
