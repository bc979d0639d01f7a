using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Fengqiao.Sample.Integration;
using Fengqiao.Sample.Integration.Api;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Integrations;

/// <summary>
/// The sample integration of samples/, its client generated from api/openapi.json, run against the real host on Kestrel with
/// a subscription to its own listener; an officer accepts its petition while it waits, as one would in the SPA.
/// </summary>
public sealed class SampleIntegrationTests : ApiClientTestBase
{
    protected override bool OverKestrel => true;

    protected override Dictionary<string, string?> Settings => WebhookTestSettings.Fast;

    [Test]
    public async Task Sample_RegistersAPetition_VerifiesTheAcceptanceWebhook_AndReadsTheCaseItOpened()
    {
        var issued = await TownClientAsync(["petitions:write", "cases:read"], name: "网格化治理平台");
        var listen = $"http://127.0.0.1:{FreeLoopbackPort()}/webhooks/";
        using var townAdmin = await Api.ClientForAsync("town.admin");
        var subscription = await (await townAdmin.PostAsJsonAsync("/api/v1/integrations/webhooks", new { url = listen, eventTypes = new[] { "petition.accepted" } }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        using var host = Api.CreateClient();
        var settings = new SampleSettings(host.BaseAddress!, issued.Key, subscription["secret"]!.GetValue<string>(), listen, await FushanVillageAsync(), TimeSpan.FromSeconds(20));
        using var stop = new CancellationTokenSource(settings.Timeout);
        var written = new StringWriter();
        using var log = TextWriter.Synchronized(written);

        var run = SampleIntegration.RunAsync(settings, log, stop.Token);
        var accepted = await AcceptTheOnlyPetitionAsync(run);
        var outcome = await run;

        Assert.Multiple(() =>
        {
            Assert.That(outcome.PetitionId, Is.EqualTo(accepted), written.ToString());
            Assert.That(outcome.CasePetitionId, Is.EqualTo(accepted), "the case read is the one the acceptance opened");
            Assert.That(outcome.CaseStatus, Is.EqualTo(CaseStatus.Awaiting_assignment));
            Assert.That(written.ToString(), Does.Contain("petition.accepted").And.Not.Contain("Refused"));
        });
        var subscriptionId = subscription["id"]!.GetValue<string>();
        await WebhookReceiver.EventuallyAsync(
            async () => (await WebhookTests.DeliveriesAsync(townAdmin, subscriptionId)).Any(d => d!["id"]!.GetValue<string>() == outcome.AcceptanceWebhookId && d["status"]!.GetValue<string>() == "delivered"),
            "the acceptance logged as delivered to the sample", seconds: 10);
    }

    [Test]
    public void Sample_RefusesAWebhookNotSignedWithItsSecret_OrTooOld()
    {
        var now = new ManualClock(DateTimeOffset.Parse("2026-03-09T09:30:00+08:00", System.Globalization.CultureInfo.InvariantCulture));
        var timestamp = now.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string body = """{"type":"petition.accepted","timestamp":"2026-03-09T01:30:00Z","data":{}}""";
        var signed = new ReceivedWebhook("/webhooks/", "msg_1", timestamp, string.Empty, body, 204);
        var secret = "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var signature = SignatureOf(secret, signed);
        var verifier = new StandardWebhook(secret, now);

        Assert.Multiple(() =>
        {
            Assert.That(verifier.IsAuthentic("msg_1", timestamp, $"v1,{SignatureOf(WebhookTestSettings.OtherSecret, signed)} v1,{signature}", body), Is.True,
                "one matching signature among several, as while the sender rotates its secret");
            Assert.That(verifier.IsAuthentic("msg_1", timestamp, $"v1,{SignatureOf(WebhookTestSettings.OtherSecret, signed)}", body), Is.False);
            Assert.That(verifier.IsAuthentic("msg_1", timestamp, $"v1,{signature}", body + " "), Is.False, "a body changed on the way");
            Assert.That(verifier.IsAuthentic("msg_2", timestamp, $"v1,{signature}", body), Is.False, "another webhook-id");
            Assert.That(verifier.IsAuthentic("msg_1", timestamp, "v1,not-base64!", body), Is.False);
        });
        now.Advance(TimeSpan.FromMinutes(6));
        Assert.That(verifier.IsAuthentic("msg_1", timestamp, $"v1,{signature}", body), Is.False, "a replay beyond the tolerance");
    }

    /// <summary>Waits for the petition the sample registers (the fixture's host has no other) and accepts it as the district's officer.</summary>
    private async Task<Guid> AcceptTheOnlyPetitionAsync(Task run)
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        JsonArray petitions = [];
        await WebhookReceiver.EventuallyAsync(async () =>
        {
            if (run.IsFaulted)
            {
                await run;
            }

            petitions = (await (await officer.GetAsync("/api/v1/petitions?limit=10")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
            return petitions.Count > 0;
        }, "the sample's petition", seconds: 10);
        Assert.That(petitions, Has.Count.EqualTo(1), "the retry with the same Idempotency-Key registered nothing more");
        var id = petitions[0]!["id"]!.GetValue<string>();
        var petition = await (await officer.GetAsync($"/api/v1/petitions/{id}")).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{id}/classification",
            new { decision = "accept", notice = "您的信访事项已受理。" }, petition["version"]!.GetValue<long>())).ShouldBeOkAsync<JsonObject>();
        return Guid.Parse(id);
    }

    private static string SignatureOf(string secret, ReceivedWebhook webhook)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        return Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes($"{webhook.Id}.{webhook.Timestamp}.{webhook.Body}")));
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
