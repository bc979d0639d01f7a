namespace Fengqiao.Integrations.Webhooks;

/// <summary>Webhook delivery settings (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Whether this instance sends deliveries; deliveries are still recorded from the outbox when it does not.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the sender waits when it found nothing due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many due deliveries one pass claims.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claim keeps other instances off a delivery; longer than one request with its quick retries.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait before the second attempt of a delivery; each later attempt waits twice as long, jittered.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts of a delivery.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A subscription whose endpoint failed every attempt for this long is disabled and its owner told.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The time one request may take, its quick retries excluded.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Quick retries within one attempt (for a dropped connection or a 5xx), before the delivery waits for its next attempt.</summary>
    public int QuickRetries { get; set; } = 2;

    /// <summary>The wait before the first quick retry; doubled and jittered for the next.</summary>
    public TimeSpan QuickRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an endpoint's circuit stays open once it broke: requests to it fail at once meanwhile.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Hosts (exact names, or <c>*.example.org</c>) and networks (CIDR, e.g. <c>10.20.0.0/16</c>) a subscription may target even
    /// though they are private, loopback or link-local: an intranet receiver, or a test's local one. Empty by default.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];
}
