using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.Integrations.ApiClients;

/// <summary>An API client as its administrators see it; never its secrets.</summary>
/// <param name="LastUsedAt">When a request last authenticated with its key, to the minute (written at most once a minute).</param>
internal sealed record ApiClientView(
    Guid Id,
    string Name,
    Guid UnitId,
    string UnitName,
    IReadOnlyList<string> Scopes,
    int RateLimitPerMinute,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt,
    long Version)
{
    public static ApiClientView Of(ApiClientRow row) =>
        new(row.Id, row.Name, row.UnitId, row.UnitName, row.ScopeList, row.RateLimitPerMinute, row.CreatedAt, row.RevokedAt, row.LastUsedAt, row.Version);
}

/// <summary>A client with a secret just issued: the only answer that ever carries the key.</summary>
/// <param name="ApiKey">Send it as the X-Api-Key header; it is not stored and cannot be shown again.</param>
/// <param name="PreviousSecretsExpireAt">After a rotation, when the earlier secrets stop working; null on creation.</param>
internal sealed record IssuedApiKey(Guid Id, long Version, string ApiKey, DateTimeOffset? PreviousSecretsExpireAt);

/// <summary>The clients within the caller's jurisdiction, for the commands that change one.</summary>
internal sealed class ApiClientStore(IDbSession session, ICurrentUser caller)
{
    public async Task<ApiClientRow> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleInJurisdictionAsync<ApiClientRow>(caller, ApiClientSql.GetInJurisdiction, new { Id = id }, cancellationToken)
            ?? throw new NotFoundException("API client");

    /// <summary>The client at the version the caller read; 412 when it changed since, 409 when it is revoked.</summary>
    public async Task<ApiClientRow> ForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var client = await GetAsync(id, cancellationToken);
        if (client.Version != expectedVersion)
        {
            throw new PreconditionFailedException(client.Version);
        }

        return client.RevokedAt is null ? client : throw new ConflictException("api_client_revoked", "The client is revoked.");
    }

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
