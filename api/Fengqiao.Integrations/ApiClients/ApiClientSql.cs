using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Integrations.ApiClients;

internal static class ApiClientSql
{
    private const string Columns = """
        c.id AS Id, c.name AS Name, c.unit_id AS UnitId, c.unit_name AS UnitName, c.region_path AS RegionPath, c.scopes AS Scopes,
        c.rate_limit_per_minute AS RateLimitPerMinute, c.created_at AS CreatedAt, c.revoked_at AS RevokedAt, c.last_used_at AS LastUsedAt,
        c.version AS Version
        """;

    public const string Insert = """
        INSERT INTO integrations_api_clients (id, name, unit_id, unit_name, region_path, scopes, rate_limit_per_minute, created_by, created_at, revoked_at, last_used_at, version)
        VALUES (@Id, @Name, @UnitId, @UnitName, @RegionPath, @Scopes, @RateLimitPerMinute, @CreatedBy, @CreatedAt, NULL, NULL, 1)
        """;

    public const string InsertSecret = """
        INSERT INTO integrations_api_client_secrets (id, client_id, secret_hash, created_at, expires_at)
        VALUES (@Id, @ClientId, @SecretHash, @CreatedAt, NULL)
        """;

    public const string GetInJurisdiction = $"SELECT {Columns} FROM integrations_api_clients c WHERE c.id = @Id AND c.region_path LIKE @JurisdictionPrefix";

    public static string List(ISqlDialect dialect) => $"""
        SELECT {Columns} FROM integrations_api_clients c
        WHERE c.region_path LIKE @JurisdictionPrefix AND (@After IS NULL OR c.id > @After)
        ORDER BY c.id
        {dialect.Limit("@Limit")}
        """;

    /// <summary>The client a key names, whatever its state; the authentication handler refuses a revoked one.</summary>
    public const string Credential = $"SELECT {Columns} FROM integrations_api_clients c WHERE c.id = @Id";

    /// <summary>The hashes a key's secret may match: those not expired. A rotation leaves one without expiry, the new one.</summary>
    public const string LiveSecretHashes = """
        SELECT s.secret_hash FROM integrations_api_client_secrets s
        WHERE s.client_id = @ClientId AND (s.expires_at IS NULL OR s.expires_at > @Now)
        """;

    /// <summary>Ends the earlier secrets' validity at the end of the overlap, never extending one that already ends sooner.</summary>
    public const string ExpirePreviousSecrets = """
        UPDATE integrations_api_client_secrets
        SET expires_at = @ExpiresAt
        WHERE client_id = @ClientId AND id <> @KeepId AND (expires_at IS NULL OR expires_at > @ExpiresAt)
        """;

    public const string Touch = "UPDATE integrations_api_clients SET version = version + 1 WHERE id = @Id AND version = @ExpectedVersion AND revoked_at IS NULL";

    public const string Revoke = "UPDATE integrations_api_clients SET revoked_at = @RevokedAt, version = version + 1 WHERE id = @Id AND version = @ExpectedVersion AND revoked_at IS NULL";

    /// <summary>Written at most once per throttle interval per client, not on every request.</summary>
    public const string RecordUse = """
        UPDATE integrations_api_clients SET last_used_at = @Now
        WHERE id = @Id AND (last_used_at IS NULL OR last_used_at < @Before)
        """;
}

/// <summary>An API client as stored; its scopes space-separated.</summary>
internal sealed record ApiClientRow
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required Guid UnitId { get; init; }

    public required string UnitName { get; init; }

    public required string RegionPath { get; init; }

    public required string Scopes { get; init; }

    public required int RateLimitPerMinute { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset? RevokedAt { get; init; }

    public required DateTimeOffset? LastUsedAt { get; init; }

    public required long Version { get; init; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
