using System.Diagnostics;
using System.Text;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.PersonalData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fengqiao.Integrations.Webhooks;

/// <summary>
/// Sends the recorded deliveries: claims the due ones under a database lease (so any number of instances can run it), signs
/// and posts each through the webhook HTTP client (quick retries, a circuit breaker per endpoint and a timeout, see
/// <see cref="WebhookServices"/>), and records every attempt. A failed delivery is tried again after a jittered, doubling
/// wait; a subscription whose attempts have all failed for <see cref="WebhookOptions.DisableAfter"/> is disabled and its owner
/// told. Deliveries of one aggregate go out one after another, in order (see <see cref="WebhookSql.Claim"/>).
/// </summary>
internal sealed partial class WebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    PersonalDataProtector protector,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "Fengqiao.Webhooks";
    private const int ErrorLength = 2000;
    private const int Parallelism = 4;
    private readonly string _owner = Guid.NewGuid().ToString("N");

    private sealed record ClaimedDelivery
    {
        public required Guid Id { get; init; }

        public required Guid SubscriptionId { get; init; }

        public required string Body { get; init; }

        public required int Attempts { get; init; }

        public required string Url { get; init; }

        public required string SecretProtected { get; init; }

        public required string? PreviousSecretProtected { get; init; }

        public required DateTimeOffset? PreviousSecretExpiresAt { get; init; }
    }

    private sealed record AttemptResult(DateTimeOffset AttemptedAt, int? StatusCode, int DurationMs, string? Error)
    {
        public bool Succeeded => Error is null;
    }

    private sealed record DisabledSubscription
    {
        public required string Url { get; init; }

        public required Guid OwnerUnitId { get; init; }

        public required Guid? OwnerClientId { get; init; }

        public required DateTimeOffset? FailingSince { get; init; }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SendOnceAsync(stoppingToken) == 0)
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(logger, exception);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Claims one batch of due deliveries and attempts each; returns how many were attempted.</summary>
    public async Task<int> SendOnceAsync(CancellationToken cancellationToken)
    {
        var (claimed, leaseUntil) = await ClaimAsync(cancellationToken);
        var attempted = 0;
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (delivery, token) =>
            {
                if (clock.GetUtcNow() >= leaseUntil)
                {
                    return; // the lease ran out: another sender may own the delivery now
                }

                var result = await AttemptAsync(delivery, token);
                await RecordAsync(delivery, result, token);
                Interlocked.Increment(ref attempted);
            });
        return attempted;
    }

    private async Task<(IReadOnlyList<ClaimedDelivery> Claimed, DateTimeOffset LeaseUntil)> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var now = clock.GetUtcNow();
        var leaseUntil = now + options.Value.LeaseDuration;
        // An idle poll writes nothing: every commit empties the read cache.
        if (await session.ExecuteScalarAsync<long>(WebhookSql.AnyDue(session.Dialect), new { Now = now }, cancellationToken) == 0)
        {
            return ([], leaseUntil);
        }

        var claimed = await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(
            async token =>
            {
                await session.ExecuteAsync(WebhookSql.Claim(session.Dialect), new { Owner = _owner, LeaseUntil = leaseUntil, Now = now, options.Value.BatchSize }, token);
                return await session.QueryAsync<ClaimedDelivery>(WebhookSql.SelectClaimed, new { Owner = _owner, LeaseUntil = leaseUntil }, token);
            },
            cancellationToken);
        return (claimed, leaseUntil);
    }

    /// <summary>The current secret's signature, and the previous secret's while a rotation's overlap lasts, space-separated.</summary>
    private string Signatures(ClaimedDelivery delivery, string messageId, DateTimeOffset attemptedAt)
    {
        var current = WebhookSignature.Sign(protector.Decrypt(delivery.SecretProtected), messageId, attemptedAt, delivery.Body);
        return delivery is { PreviousSecretProtected: { } previous, PreviousSecretExpiresAt: { } until } && until > attemptedAt
            ? $"{current} {WebhookSignature.Sign(protector.Decrypt(previous), messageId, attemptedAt, delivery.Body)}"
            : current;
    }

    private async Task<AttemptResult> AttemptAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var attemptedAt = clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        int? statusCode = null;
        string? error;
        try
        {
            var messageId = delivery.Id.ToString();
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookSignature.IdHeader, messageId);
            request.Headers.Add(WebhookSignature.TimestampHeader, WebhookSignature.Timestamp(attemptedAt));
            request.Headers.Add(WebhookSignature.SignatureHeader, Signatures(delivery, messageId, attemptedAt));
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            statusCode = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"The receiver answered {statusCode} {response.ReasonPhrase}.";
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A refused address, a dropped connection, a timeout or an open circuit: recorded, and tried again later.
            error = $"{exception.GetType().Name}: {exception.Message}";
        }

        var durationMs = (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new AttemptResult(attemptedAt, statusCode, durationMs, error is { Length: > ErrorLength } ? error[..ErrorLength] : error);
    }

    private async Task RecordAsync(ClaimedDelivery delivery, AttemptResult result, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(
            async token =>
            {
                await session.ExecuteAsync(WebhookSql.InsertAttempt, new
                {
                    Id = Guid.CreateVersion7(result.AttemptedAt),
                    DeliveryId = delivery.Id,
                    delivery.SubscriptionId,
                    result.AttemptedAt,
                    result.StatusCode,
                    result.DurationMs,
                    result.Succeeded,
                    result.Error,
                }, token);
                var outcome = new { delivery.Id, Owner = _owner, result.AttemptedAt, result.StatusCode, result.DurationMs, result.Error, RetryAt = result.AttemptedAt + RetryDelay(delivery.Attempts + 1) };
                if (result.Succeeded)
                {
                    await session.ExecuteAsync(WebhookSql.MarkDelivered, outcome, token);
                    await session.ExecuteAsync(WebhookSql.SubscriptionSucceeded, new { Id = delivery.SubscriptionId }, token);
                    return true;
                }

                await session.ExecuteAsync(WebhookSql.MarkFailed, outcome, token);
                await session.ExecuteAsync(WebhookSql.SubscriptionFailed, new { Id = delivery.SubscriptionId, Now = result.AttemptedAt }, token);
                var threshold = result.AttemptedAt - options.Value.DisableAfter;
                if (await session.ExecuteAsync(WebhookSql.DisableFailing, new { Id = delivery.SubscriptionId, Now = result.AttemptedAt, Threshold = threshold }, token) > 0)
                {
                    var disabled = await session.QuerySingleOrDefaultAsync<DisabledSubscription>(WebhookSql.DisabledSubscription, new { Id = delivery.SubscriptionId }, token);
                    audit.Record(new AuditEntry("webhook.subscription_disabled", "webhook_subscription", delivery.SubscriptionId,
                        new { Status = WebhookSubscriptionStatus.Active, disabled?.FailingSince },
                        new { Status = WebhookSubscriptionStatus.Disabled, disabled?.Url, disabled?.OwnerUnitId, disabled?.OwnerClientId, result.Error }));
                    LogSubscriptionDisabled(logger, delivery.SubscriptionId, disabled?.FailingSince);
                }

                return false;
            },
            cancellationToken);
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: doubling from the base delay up to the maximum, jittered by ±25%.</summary>
    internal TimeSpan RetryDelay(int attempt)
    {
        var doubled = options.Value.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(doubled, options.Value.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.75 + (Random.Shared.NextDouble() * 0.5)));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook sender pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscription {SubscriptionId} disabled: every attempt failed since {FailingSince}")]
    private static partial void LogSubscriptionDisabled(ILogger logger, Guid subscriptionId, DateTimeOffset? failingSince);
}
