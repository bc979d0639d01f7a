using System.Net;
using Fengqiao.Integrations.Webhooks;
using Microsoft.Extensions.Options;

namespace Fengqiao.Tests.Unit;

/// <summary>The SSRF rule: internal addresses refused, at subscription and at connection, unless the configuration allows them.</summary>
public sealed class OutboundAddressPolicyTests
{
    private static OutboundAddressPolicy Policy(params string[] allowed) => new(Options.Create(new WebhookOptions { AllowedHosts = allowed }));

    [TestCase("127.0.0.1", false)]
    [TestCase("10.1.2.3", false)]
    [TestCase("172.31.255.1", false)]
    [TestCase("192.168.0.1", false)]
    [TestCase("169.254.169.254", false)]
    [TestCase("100.64.0.1", false)]
    [TestCase("::1", false)]
    [TestCase("fe80::1", false)]
    [TestCase("fd12:3456::1", false)]
    [TestCase("ff02::1", false)]
    [TestCase("::ffff:127.0.0.1", false)]
    [TestCase("203.0.113.7", true)]
    [TestCase("2001:db8::1", true)]
    public void Address_IsAllowedOnlyWhenPublic(string address, bool allowed) =>
        Assert.That(Policy().IsAllowedAddress(IPAddress.Parse(address)), Is.EqualTo(allowed));

    [Test]
    public void AllowedNetworksAndHosts_LetInternalTargetsThrough()
    {
        var policy = Policy("10.20.0.0/16", "127.0.0.1", "*.intranet.example");
        Assert.Multiple(() =>
        {
            Assert.That(policy.IsAllowedAddress(IPAddress.Parse("10.20.5.6")), Is.True);
            Assert.That(policy.IsAllowedAddress(IPAddress.Parse("10.21.5.6")), Is.False);
            Assert.That(policy.IsAllowedAddress(IPAddress.Parse("127.0.0.1")), Is.True);
            Assert.That(policy.IsAllowedHost("hooks.intranet.example"), Is.True);
            Assert.That(policy.IsAllowedHost("intranet.example.evil.org"), Is.False);
        });
    }

    [TestCase("http://localhost/hooks")]
    [TestCase("https://localhost:8443/hooks")]
    [TestCase("https://127.0.0.1/hooks")]
    [TestCase("http://[::1]/hooks")]
    public async Task Subscription_ToALoopbackTarget_IsRefused_WithoutTheAllowlist(string url) =>
        Assert.That(await Policy().RefusalAsync(url, CancellationToken.None), Is.Not.Null);

    [Test]
    public async Task Subscription_OverHttp_NeedsAnAllowedNetwork()
    {
        Assert.That(await Policy().RefusalAsync("http://203.0.113.7/hooks", CancellationToken.None), Is.EqualTo("Use https."));
        Assert.That(await Policy("127.0.0.1").RefusalAsync("http://127.0.0.1:8080/hooks", CancellationToken.None), Is.Null);
    }

    /// <summary>The connection check resolves the name itself, so a name that now resolves to loopback (rebinding) is refused.</summary>
    [Test]
    public void Connection_ToANameResolvingToLoopback_IsRefused_BeforeAnySocketOpens() =>
        Assert.ThrowsAsync<HttpRequestException>(async () => await Policy().ConnectAsync(new DnsEndPoint("localhost", 9), CancellationToken.None));
}
