using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Integrations.Webhooks;

internal static class WebhookSql
{
    /// <summary>
    /// The subscriptions a caller manages: an administrator those owned within the jurisdiction, an API client its own
    /// (<c>@ClientId</c> is null for a person).
    /// </summary>
    private const string InScope = "((@ClientId IS NULL AND s.owner_region_path LIKE @JurisdictionPrefix) OR s.owner_client_id = @ClientId)";

    private const string SubscriptionColumns = """
        s.id AS Id, s.url AS Url, s.description AS Description, s.owner_unit_id AS OwnerUnitId, s.owner_unit_name AS OwnerUnitName,
        s.owner_client_id AS OwnerClientId, s.status AS Status, s.failing_since AS FailingSince, s.disabled_at AS DisabledAt,
        s.created_at AS CreatedAt, s.version AS Version
        """;

    public const string InsertSubscription = """
        INSERT INTO integrations_webhook_subscriptions
            (id, url, description, secret_protected, owner_unit_id, owner_unit_name, owner_region_path, owner_client_id, status, failing_since,
             disabled_at, created_by, created_at, version)
        VALUES (@Id, @Url, @Description, @SecretProtected, @OwnerUnitId, @OwnerUnitName, @OwnerRegionPath, @OwnerClientId, 'active', NULL,
             NULL, @CreatedBy, @CreatedAt, 1)
        """;

    public const string InsertSubscriptionEvent = """
        INSERT INTO integrations_webhook_subscription_events (subscription_id, event_type) VALUES (@SubscriptionId, @EventType)
        """;

    public const string DeleteSubscriptionEvents = "DELETE FROM integrations_webhook_subscription_events WHERE subscription_id = @Id";

    public const string SubscriptionById = $"""
        SELECT {SubscriptionColumns}
        FROM integrations_webhook_subscriptions s
        WHERE s.id = @Id AND {InScope}
        """;

    public const string EventTypesOf = """
        SELECT subscription_id AS SubscriptionId, event_type AS EventType
        FROM integrations_webhook_subscription_events
        WHERE subscription_id IN @Ids
        ORDER BY event_type
        """;

    /// <summary>Newest first, keyset on (created_at, id).</summary>
    public static IReadOnlyDictionary<string, string> Subscriptions(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"""
            SELECT {SubscriptionColumns}
            FROM integrations_webhook_subscriptions s
            WHERE {InScope}
            ORDER BY s.created_at DESC, s.id DESC
            {dialect.Limit("@Limit")}
            """,
        ["after"] = $"""
            SELECT {SubscriptionColumns}
            FROM integrations_webhook_subscriptions s
            WHERE {InScope} AND (s.created_at < @AfterCreatedAt OR (s.created_at = @AfterCreatedAt AND s.id < @AfterId))
            ORDER BY s.created_at DESC, s.id DESC
            {dialect.Limit("@Limit")}
            """,
    };

    public const string UpdateSubscription = """
        UPDATE integrations_webhook_subscriptions
        SET url = @Url, description = @Description, status = @Status, failing_since = @FailingSince, disabled_at = @DisabledAt, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    /// <summary>The previous secret keeps signing until @PreviousExpiresAt; with no overlap it is dropped at once.</summary>
    public const string RotateSecret = """
        UPDATE integrations_webhook_subscriptions
        SET previous_secret_protected = CASE WHEN @PreviousExpiresAt IS NULL THEN NULL ELSE secret_protected END,
            previous_secret_expires_at = @PreviousExpiresAt, secret_protected = @SecretProtected, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string DeleteSubscription = "DELETE FROM integrations_webhook_subscriptions WHERE id = @Id AND version = @ExpectedVersion";

    public const string DeleteAttemptsOf = "DELETE FROM integrations_webhook_attempts WHERE subscription_id = @Id";

    public const string DeleteDeliveriesOf = "DELETE FROM integrations_webhook_deliveries WHERE subscription_id = @Id";

    /// <summary>Every subscription taking an event type, whatever its status: a paused or disabled one keeps its deliveries for when it resumes.</summary>
    public const string SubscribersOf = """
        SELECT s.id AS Id, s.owner_unit_id AS OwnerUnitId, s.owner_region_path AS OwnerRegionPath
        FROM integrations_webhook_subscriptions s
        JOIN integrations_webhook_subscription_events e ON e.subscription_id = s.id
        WHERE e.event_type = @EventType
        """;

    /// <summary>The next number in delivery order, holding the range so that two concurrent fan-outs take turns.</summary>
    public static string NextSequence(ISqlDialect dialect) =>
        $"SELECT COALESCE(MAX(sequence), 0) + 1 FROM integrations_webhook_deliveries {dialect.KeyRangeLock}";

    public const string InsertDelivery = """
        INSERT INTO integrations_webhook_deliveries
            (id, subscription_id, event_id, event_type, aggregate_key, occurred_at, sequence, body, status, attempts, next_attempt_at,
             last_attempt_at, last_status_code, last_duration_ms, last_error, delivered_at, created_at, lease_owner, lease_until)
        VALUES (@Id, @SubscriptionId, @EventId, @EventType, @AggregateKey, @OccurredAt, @Sequence, @Body, 'pending', 0, @Now,
             NULL, NULL, NULL, NULL, NULL, @Now, NULL, NULL)
        """;

    public const string InsertPetition = """
        INSERT INTO integrations_webhook_petitions (petition_id, region_path, withheld)
        SELECT @PetitionId, @RegionPath, 0
        WHERE NOT EXISTS (SELECT 1 FROM integrations_webhook_petitions WHERE petition_id = @PetitionId)
        """;

    public const string PetitionById = """
        SELECT region_path AS RegionPath, withheld AS Withheld FROM integrations_webhook_petitions WHERE petition_id = @PetitionId
        """;

    /// <summary>Marks a petition referred to discipline inspection; one registered before webhooks existed is recorded as such.</summary>
    public const string WithholdPetition = """
        UPDATE integrations_webhook_petitions SET withheld = 1 WHERE petition_id = @PetitionId
        """;

    public const string InsertWithheldPetition = """
        INSERT INTO integrations_webhook_petitions (petition_id, region_path, withheld)
        SELECT @PetitionId, '', 1
        WHERE NOT EXISTS (SELECT 1 FROM integrations_webhook_petitions WHERE petition_id = @PetitionId)
        """;

    /// <summary>What had not gone out yet of a petition now referred to discipline inspection stays in: its body is emptied too.</summary>
    public const string WithholdPendingDeliveries = """
        UPDATE integrations_webhook_deliveries
        SET status = 'withheld', body = '{}', lease_owner = NULL, lease_until = NULL
        WHERE aggregate_key = @AggregateKey AND status = 'pending'
        """;

    private const string Due = """
        d.status = 'pending' AND d.next_attempt_at <= @Now AND (d.lease_until IS NULL OR d.lease_until < @Now) AND s.status = 'active'
        AND NOT EXISTS (
            SELECT 1 FROM integrations_webhook_deliveries earlier
            WHERE earlier.subscription_id = d.subscription_id AND earlier.aggregate_key = d.aggregate_key AND earlier.status = 'pending'
              AND (earlier.occurred_at < d.occurred_at OR (earlier.occurred_at = d.occurred_at AND earlier.sequence < d.sequence)))
        """;

    /// <summary>Whether anything is due; read first so that an idle poll writes nothing.</summary>
    public static string AnyDue(ISqlDialect dialect) => $"""
        SELECT COUNT(*) FROM ({dialect.SelectTop("1", $"d.id FROM integrations_webhook_deliveries d JOIN integrations_webhook_subscriptions s ON s.id = d.subscription_id WHERE {Due}")}) due
        """;

    /// <summary>
    /// Leases due deliveries to one sender: only the earliest pending delivery of each subscription's aggregate is due, so an
    /// aggregate's deliveries go out one after another, in order. The outer WHERE re-checks the lease so two claims never overlap.
    /// </summary>
    public static string Claim(ISqlDialect dialect) => $"""
        UPDATE integrations_webhook_deliveries
        SET lease_owner = @Owner, lease_until = @LeaseUntil
        WHERE id IN ({dialect.SelectTop("@BatchSize", $"d.id FROM integrations_webhook_deliveries d JOIN integrations_webhook_subscriptions s ON s.id = d.subscription_id WHERE {Due} ORDER BY d.occurred_at, d.sequence")})
          AND status = 'pending' AND (lease_until IS NULL OR lease_until < @Now)
        """;

    public const string SelectClaimed = """
        SELECT d.id AS Id, d.subscription_id AS SubscriptionId, d.body AS Body, d.attempts AS Attempts, s.url AS Url, s.secret_protected AS SecretProtected,
            s.previous_secret_protected AS PreviousSecretProtected, s.previous_secret_expires_at AS PreviousSecretExpiresAt
        FROM integrations_webhook_deliveries d
        JOIN integrations_webhook_subscriptions s ON s.id = d.subscription_id
        WHERE d.lease_owner = @Owner AND d.lease_until = @LeaseUntil AND d.status = 'pending'
        ORDER BY d.occurred_at, d.sequence
        """;

    public const string InsertAttempt = """
        INSERT INTO integrations_webhook_attempts (id, delivery_id, subscription_id, attempted_at, status_code, duration_ms, succeeded, error)
        VALUES (@Id, @DeliveryId, @SubscriptionId, @AttemptedAt, @StatusCode, @DurationMs, @Succeeded, @Error)
        """;

    public const string MarkDelivered = """
        UPDATE integrations_webhook_deliveries
        SET status = 'delivered', attempts = attempts + 1, last_attempt_at = @AttemptedAt, last_status_code = @StatusCode, last_duration_ms = @DurationMs,
            last_error = NULL, delivered_at = @AttemptedAt, lease_owner = NULL, lease_until = NULL
        WHERE id = @Id AND lease_owner = @Owner AND status = 'pending'
        """;

    public const string MarkFailed = """
        UPDATE integrations_webhook_deliveries
        SET attempts = attempts + 1, last_attempt_at = @AttemptedAt, last_status_code = @StatusCode, last_duration_ms = @DurationMs,
            last_error = @Error, next_attempt_at = @RetryAt, lease_owner = NULL, lease_until = NULL
        WHERE id = @Id AND lease_owner = @Owner AND status = 'pending'
        """;

    public const string SubscriptionSucceeded = """
        UPDATE integrations_webhook_subscriptions SET failing_since = NULL WHERE id = @Id AND failing_since IS NOT NULL
        """;

    public const string SubscriptionFailed = """
        UPDATE integrations_webhook_subscriptions SET failing_since = @Now WHERE id = @Id AND failing_since IS NULL
        """;

    /// <summary>Disables an active subscription failing since <c>@Threshold</c> or earlier; one row changed means it was disabled now.</summary>
    public const string DisableFailing = """
        UPDATE integrations_webhook_subscriptions
        SET status = 'disabled', disabled_at = @Now, version = version + 1
        WHERE id = @Id AND status = 'active' AND failing_since IS NOT NULL AND failing_since <= @Threshold
        """;

    public const string DisabledSubscription = """
        SELECT s.url AS Url, s.owner_unit_id AS OwnerUnitId, s.owner_client_id AS OwnerClientId, s.failing_since AS FailingSince
        FROM integrations_webhook_subscriptions s WHERE s.id = @Id
        """;

    private const string DeliveryColumns = """
        d.id AS Id, d.event_id AS EventId, d.event_type AS EventType, d.status AS Status, d.attempts AS Attempts, d.next_attempt_at AS NextAttemptAt,
        d.last_attempt_at AS LastAttemptAt, d.last_status_code AS LastStatusCode, d.last_duration_ms AS LastDurationMs, d.last_error AS LastError,
        d.delivered_at AS DeliveredAt, d.created_at AS CreatedAt, d.sequence AS Sequence
        """;

    /// <summary>A subscription's deliveries, latest first, optionally of one status; keyset on sequence.</summary>
    public static IReadOnlyDictionary<string, string> Deliveries(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"""
            SELECT {DeliveryColumns}
            FROM integrations_webhook_deliveries d
            WHERE d.subscription_id = @SubscriptionId AND (@Status IS NULL OR d.status = @Status)
            ORDER BY d.sequence DESC
            {dialect.Limit("@Limit")}
            """,
        ["after"] = $"""
            SELECT {DeliveryColumns}
            FROM integrations_webhook_deliveries d
            WHERE d.subscription_id = @SubscriptionId AND (@Status IS NULL OR d.status = @Status) AND d.sequence < @AfterSequence
            ORDER BY d.sequence DESC
            {dialect.Limit("@Limit")}
            """,
    };

    public const string DeliveryById = $"""
        SELECT {DeliveryColumns}, d.body AS Body
        FROM integrations_webhook_deliveries d
        WHERE d.id = @DeliveryId AND d.subscription_id = @SubscriptionId
        """;

    public const string AttemptsOf = """
        SELECT a.attempted_at AS AttemptedAt, a.status_code AS StatusCode, a.duration_ms AS DurationMs, a.succeeded AS Succeeded, a.error AS Error
        FROM integrations_webhook_attempts a
        WHERE a.delivery_id = @DeliveryId
        ORDER BY a.attempted_at DESC
        """;

    /// <summary>Queues a delivery again, unless it is withheld or a sender holds it right now.</summary>
    public const string Redeliver = """
        UPDATE integrations_webhook_deliveries
        SET status = 'pending', next_attempt_at = @Now, lease_owner = NULL, lease_until = NULL
        WHERE id = @DeliveryId AND subscription_id = @SubscriptionId AND status <> 'withheld' AND (lease_until IS NULL OR lease_until < @Now)
        """;
}
