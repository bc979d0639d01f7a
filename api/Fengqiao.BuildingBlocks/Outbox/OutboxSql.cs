using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.BuildingBlocks.Outbox;

internal static class OutboxSql
{
    public const string Insert = """
        INSERT INTO outbox_messages (id, type, payload, occurred_at, stored_at, attempts)
        VALUES (@EventId, @Type, @Payload, @OccurredAt, @StoredAt, 0)
        """;

    /// <summary>An event of the past, stored as delivered: the dispatcher never claims it, a replay of the history reads it.</summary>
    public const string InsertHistory = """
        INSERT INTO outbox_messages (id, type, payload, occurred_at, stored_at, attempts, processed_at)
        VALUES (@EventId, @Type, @Payload, @OccurredAt, @StoredAt, 0, @StoredAt)
        """;

    /// <summary>
    /// The next page of the history of some event types in the order they happened, events of the same instant in the order
    /// they were stored, delivered or not: a replay sees what the consumers saw and what they will still be given. The page
    /// starts with a plain range on the history index (occurred_at, store_order, type), so each page reads only its own entries.
    /// </summary>
    public static string HistoryPage(ISqlDialect dialect) =>
        dialect.SelectTop("@PageSize", """
            id AS Id, type AS Type, payload AS Payload, occurred_at AS OccurredAt, store_order AS StoreOrder
            FROM outbox_messages
            WHERE occurred_at >= @AfterAt AND (occurred_at > @AfterAt OR store_order > @AfterOrder) AND type IN @Types
            ORDER BY occurred_at, store_order
            """);

    /// <summary>
    /// A page of <see cref="HistoryPage"/> among the messages stored up to a point (the history as it was when a rebuild in memory
    /// began), with whether each was delivered: one not yet delivered may still be given to the consumers by the dispatcher.
    /// </summary>
    public static string HistoryPageUpTo(ISqlDialect dialect) =>
        dialect.SelectTop("@PageSize", """
            id AS Id, type AS Type, payload AS Payload, occurred_at AS OccurredAt, store_order AS StoreOrder,
                CASE WHEN processed_at IS NULL THEN 0 ELSE 1 END AS Delivered
            FROM outbox_messages
            WHERE occurred_at >= @AfterAt AND (occurred_at > @AfterAt OR store_order > @AfterOrder) AND store_order <= @UpTo AND type IN @Types
            ORDER BY occurred_at, store_order
            """);

    /// <summary>The messages stored since a rebuild in memory began, in the order they happened: what it must still count.</summary>
    public const string HistoryStoredAfter = """
        SELECT id AS Id, type AS Type, payload AS Payload, occurred_at AS OccurredAt, store_order AS StoreOrder,
            CASE WHEN processed_at IS NULL THEN 0 ELSE 1 END AS Delivered
        FROM outbox_messages
        WHERE store_order > @UpTo AND type IN @Types
        ORDER BY occurred_at, store_order
        """;

    public const string LastStoreOrder = """
        SELECT COALESCE(MAX(store_order), 0) FROM outbox_messages
        """;

    /// <summary>Lets the named consumers be given again every event they had, for a projection rebuilt from nothing.</summary>
    public const string InboxForget = """
        DELETE FROM inbox_messages WHERE consumer IN @Consumers
        """;

    /// <summary>Whether any message is due; read before claiming so that a poll that finds nothing writes nothing.</summary>
    public static string AnyDue(ISqlDialect dialect) =>
        $"SELECT COUNT(*) FROM ({dialect.SelectTop("1", "id FROM outbox_messages WHERE processed_at IS NULL AND (lease_until IS NULL OR lease_until < @Now)")}) due";

    /// <summary>Leases a batch of due messages to one dispatcher; the outer WHERE re-checks the lease so two claims never overlap.</summary>
    public static string Claim(ISqlDialect dialect) => $"""
        UPDATE outbox_messages
        SET lease_owner = @Owner, lease_until = @LeaseUntil, attempts = attempts + 1
        WHERE id IN ({dialect.SelectTop("@BatchSize", "id FROM outbox_messages WHERE processed_at IS NULL AND (lease_until IS NULL OR lease_until < @Now) ORDER BY stored_at, id")})
          AND processed_at IS NULL AND (lease_until IS NULL OR lease_until < @Now)
        """;

    public const string SelectClaimed = """
        SELECT id AS Id, type AS Type, payload AS Payload
        FROM outbox_messages
        WHERE lease_owner = @Owner AND lease_until = @LeaseUntil AND processed_at IS NULL
        ORDER BY stored_at, id
        """;

    public const string Acknowledge = """
        UPDATE outbox_messages
        SET processed_at = @Now, lease_owner = NULL, lease_until = NULL, last_error = NULL
        WHERE id = @Id AND lease_owner = @Owner
        """;

    /// <summary>Keeps the failure visible and makes the message due again after a back-off.</summary>
    public const string Fail = """
        UPDATE outbox_messages
        SET lease_until = @RetryAt, last_error = @Error
        WHERE id = @Id AND lease_owner = @Owner
        """;

    public const string InboxContains = """
        SELECT COUNT(*) FROM inbox_messages WHERE consumer = @Consumer AND message_id = @MessageId
        """;

    public const string InboxInsert = """
        INSERT INTO inbox_messages (consumer, message_id, processed_at) VALUES (@Consumer, @MessageId, @Now)
        """;
}
