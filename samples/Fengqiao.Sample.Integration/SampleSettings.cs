namespace Fengqiao.Sample.Integration;

/// <summary>What the integration needs to know, from an administrator of Fengqiao: see samples/README.md.</summary>
/// <param name="BaseUrl">The Fengqiao host, e.g. https://fengqiao.example.gov.cn/.</param>
/// <param name="ApiKey">The API client's key, shown once when the client was created; scopes petitions:write, cases:read.</param>
/// <param name="WebhookSecret">The subscription's signing secret (whsec_...), shown once when it was created.</param>
/// <param name="ListenPrefix">Where this program receives webhooks, as the subscription's URL names it, e.g. http://+:5080/webhooks/.</param>
/// <param name="RegionId">The region the petitions it registers come from, within the client's unit's jurisdiction.</param>
internal sealed record SampleSettings(Uri BaseUrl, string ApiKey, string WebhookSecret, string ListenPrefix, Guid RegionId, TimeSpan Timeout)
{
    public static SampleSettings FromEnvironment(Func<string, string?> variable)
    {
        string Required(string name) =>
            variable(name) is { Length: > 0 } value ? value : throw new ArgumentException($"Set {name} (see samples/README.md).", name);

        var timeout = variable("FENGQIAO_TIMEOUT_SECONDS") is { Length: > 0 } seconds ? TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)) : TimeSpan.FromMinutes(30);
        return new SampleSettings(
            new Uri(Required("FENGQIAO_BASE_URL")),
            Required("FENGQIAO_API_KEY"),
            Required("FENGQIAO_WEBHOOK_SECRET"),
            Required("FENGQIAO_WEBHOOK_LISTEN"),
            Guid.Parse(Required("FENGQIAO_REGION_ID")),
            timeout);
    }
}
