using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Integrations;

/// <summary>
/// Webhooks over real HTTP to a real receiver on a loopback port (allowlisted): signed deliveries, retries while the receiver is
/// down, order per aggregate, jurisdiction, accusation material withheld, redelivery, and the subscriptions' access rules.
/// </summary>
public sealed class WebhookTests : ApiClientTestBase
{
    private const string ReferToDiscipline = "refer_to_discipline";
    private readonly WebhookReceiver _receiver = new();

    protected override Dictionary<string, string?> Settings => WebhookTestSettings.Fast;

    [OneTimeSetUp]
    public Task StartReceiver() => _receiver.StartAsync();

    [OneTimeTearDown]
    public async Task StopReceiver() => await _receiver.DisposeAsync();

    [Test]
    public async Task PetitionRegistered_IsDelivered_SignedAsStandardWebhooksDescribe()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        var path = NewPath();
        var (subscriptionId, secret) = await SubscribeAsync(admin, path, ["petition.registered"]);

        var petitionId = await RegisterPetitionAsync(await FushanVillageAsync());

        await WebhookReceiver.EventuallyAsync(() => _receiver.At(path).Any(r => DataOf(r)["petitionId"]?.GetValue<string>() == petitionId), "the registration's webhook");
        var received = _receiver.At(path).Single(r => DataOf(r)["petitionId"]!.GetValue<string>() == petitionId);
        Assert.Multiple(() =>
        {
            Assert.That(received.IsSignedWith(secret), Is.True, "the signature verifies with the secret shown at creation");
            Assert.That(received.IsSignedWith(WebhookTestSettings.OtherSecret), Is.False, "a signature check can fail");
            Assert.That(received.Type, Is.EqualTo("petition.registered"));
            Assert.That(long.Parse(received.Timestamp), Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(120));
            Assert.That(DataOf(received)["regionPath"]!.GetValue<string>(), Does.StartWith("/"));
            Assert.That(DataOf(received).ContainsKey("flags"), Is.False, "flags may rest on hidden accusations");
        });

        var log = await DeliveriesAsync(admin, subscriptionId);
        var delivery = log.Single(d => d!["id"]!.GetValue<string>() == received.Id)!;
        Assert.Multiple(() =>
        {
            Assert.That(delivery["status"]!.GetValue<string>(), Is.EqualTo("delivered"));
            Assert.That(delivery["lastStatusCode"]!.GetValue<int>(), Is.EqualTo(204));
            Assert.That(delivery["lastDurationMs"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(0));
            Assert.That(delivery["eventType"]!.GetValue<string>(), Is.EqualTo("petition.registered"));
        });
    }

    [Test]
    public async Task ReceiverDown_IsRetried_AndGetsAnAggregatesEventsInOrder_OnceItReturns()
    {
        await using var receiver = new WebhookReceiver { Status = 503 };
        await receiver.StartAsync();
        using var admin = await Api.ClientForAsync("district.admin");
        var path = NewPath();
        var (subscriptionId, secret) = await SubscribeAsync(admin, path, ["petition.registered", "petition.classified", "petition.accepted"], receiver);

        using var officer = await Api.ClientForAsync("district.petition_officer");
        var petitionId = await RegisterPetitionAsync(await FushanVillageAsync());
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{petitionId}/classification",
            new { decision = "accept", notice = "您的信访事项已受理。" }, 1)).ShouldBeOkAsync<JsonObject>();
        await WebhookReceiver.EventuallyAsync(async () => (await DeliveriesAsync(admin, subscriptionId)).Count == 3, "three deliveries recorded");
        await WebhookReceiver.EventuallyAsync(async () => (await DeliveriesAsync(admin, subscriptionId)).Any(d => d!["attempts"]!.GetValue<int>() >= 2), "a second failed attempt");
        await receiver.StopAsync();
        await WebhookReceiver.EventuallyAsync(
            async () => (await DeliveriesAsync(admin, subscriptionId)).Any(d => d!["lastError"]?.GetValue<string>() is { } error && !error.Contains("503")),
            "an attempt that found no receiver at all");

        receiver.Status = 200;
        await receiver.StartAsync();

        await WebhookReceiver.EventuallyAsync(() => receiver.At(path).Count(r => r.Answered == 200) == 3, "all three delivered after the receiver returned");
        await WebhookReceiver.EventuallyAsync(
            async () => (await DeliveriesAsync(admin, subscriptionId)).All(d => d!["status"]!.GetValue<string>() == "delivered"), "all three logged as delivered");
        var delivered = receiver.At(path).Where(r => r.Answered == 200).ToList();
        var log = await DeliveriesAsync(admin, subscriptionId);
        Assert.Multiple(() =>
        {
            Assert.That(delivered.Select(r => r.Type), Is.EqualTo(new[] { "petition.registered", "petition.classified", "petition.accepted" }), "in order per aggregate");
            Assert.That(receiver.At(path).Where(r => r.Answered == 503).Select(r => r.Type), Is.All.EqualTo("petition.registered"), "nothing overtook the failing first");
            Assert.That(delivered.All(r => r.IsSignedWith(secret)), Is.True);
            Assert.That(log.Max(d => d!["attempts"]!.GetValue<int>()), Is.GreaterThan(2));
        });
    }

    [Test]
    public async Task Subscription_GetsOnlyEventsWithinItsOwnersJurisdiction()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        var fushanPath = NewPath();
        var tashanPath = NewPath();
        await SubscribeAsync(admin, fushanPath, ["petition.registered"], ownerUnitId: await UnitAsync("府山街道办事处"));
        await SubscribeAsync(admin, tashanPath, ["petition.registered"], ownerUnitId: await UnitAsync("塔山街道人民调解委员会"));

        var fushanPetition = await RegisterPetitionAsync(await FushanVillageAsync());
        var tashanPetition = await RegisterPetitionAsync(Region("塔山街道"));

        await WebhookReceiver.EventuallyAsync(() => _receiver.At(tashanPath).Count == 1, "塔山街道's own petition");
        await WebhookReceiver.EventuallyAsync(() => _receiver.At(fushanPath).Count == 1, "府山街道's own petition");
        Assert.Multiple(() =>
        {
            Assert.That(DataOf(_receiver.At(fushanPath)[0])["petitionId"]!.GetValue<string>(), Is.EqualTo(fushanPetition));
            Assert.That(DataOf(_receiver.At(tashanPath)[0])["petitionId"]!.GetValue<string>(), Is.EqualTo(tashanPetition));
        });
    }

    [Test]
    public async Task PetitionReferredToDiscipline_IsNeverDelivered()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var path = NewPath();
        await SubscribeAsync(admin, path, ["petition.classified"]);
        var accusation = await RegisterPetitionAsync(await FushanVillageAsync());
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{accusation}/classification",
            new { decision = ReferToDiscipline, reason = "检举控告类", notice = "您的检举材料已转纪检监察机关处理。" }, 1)).ShouldBeOkAsync<JsonObject>();
        var accepted = await RegisterPetitionAsync(await FushanVillageAsync());
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{accepted}/classification",
            new { decision = "accept", notice = "您的信访事项已受理。" }, 1)).ShouldBeOkAsync<JsonObject>();

        // The outbox hands events over in order: once the later classification arrived, the referral was passed over.
        await WebhookReceiver.EventuallyAsync(() => _receiver.At(path).Any(r => DataOf(r)["petitionId"]!.GetValue<string>() == accepted), "the later classification");
        Assert.That(_receiver.At(path).Select(r => DataOf(r)["petitionId"]!.GetValue<string>()), Has.None.EqualTo(accusation));
        Assert.That(_receiver.At(path).Select(r => r.Body), Has.None.Contains(ReferToDiscipline));
    }

    [Test]
    public async Task Redelivery_SendsTheDeliveryAgain_WithTheSameWebhookId()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        var path = NewPath();
        var (subscriptionId, secret) = await SubscribeAsync(admin, path, ["petition.registered"]);
        var ping = await (await admin.PostAsync($"/api/v1/integrations/webhooks/{subscriptionId}/ping", null)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Accepted);
        var deliveryId = ping["deliveryId"]!.GetValue<string>();
        await WebhookReceiver.EventuallyAsync(() => _receiver.At(path).Count == 1, "the ping");
        Assert.That(_receiver.At(path)[0].Type, Is.EqualTo("webhook.ping"));
        await WebhookReceiver.EventuallyAsync(async () => (await DeliveryAsync(admin, subscriptionId, deliveryId))["delivery"]!["status"]!.GetValue<string>() == "delivered", "the ping recorded as delivered");

        await (await admin.PostAsync($"/api/v1/integrations/webhooks/{subscriptionId}/deliveries/{deliveryId}/redelivery", null)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Accepted);

        await WebhookReceiver.EventuallyAsync(() => _receiver.At(path).Count == 2, "the redelivery");
        var (first, second) = (_receiver.At(path)[0], _receiver.At(path)[1]);
        Assert.Multiple(() =>
        {
            Assert.That(second.Id, Is.EqualTo(first.Id).And.EqualTo(deliveryId));
            Assert.That(second.Body, Is.EqualTo(first.Body));
            Assert.That(second.IsSignedWith(secret), Is.True);
        });
        await WebhookReceiver.EventuallyAsync(async () => (await DeliveryAsync(admin, subscriptionId, deliveryId))["attempts"]!.AsArray().Count == 2, "both attempts logged");
        var attempts = (await DeliveryAsync(admin, subscriptionId, deliveryId))["attempts"]!.AsArray();
        Assert.That(attempts.Select(a => a!["statusCode"]!.GetValue<int>()), Is.All.EqualTo(204));
    }

    [Test]
    public async Task RotateSecret_SignsWithBothSecretsDuringTheOverlap_ThenWithTheNewOneOnly()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        var path = NewPath();
        var (id, original) = await SubscribeAsync(admin, path, ["petition.registered"]);
        var url = $"/api/v1/integrations/webhooks/{id}/secret-rotation";

        await (await admin.PostAsJsonAsync(url, new { overlapHours = 24 })).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(admin, HttpMethod.Post, url, new { overlapHours = 24 }, 7)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var invalid = await (await SendWithIfMatch(admin, HttpMethod.Post, url, new { overlapHours = 721 }, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(invalid["errors"]!.AsObject().ContainsKey("overlapHours"), Is.True, invalid.ToJsonString());

        var overlapping = await SendWithIfMatch(admin, HttpMethod.Post, url, new { overlapHours = 24 }, 1);
        Assert.That(overlapping.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        var rotated = await overlapping.ShouldBeOkAsync<JsonObject>();
        var next = rotated["secret"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(next, Does.StartWith("whsec_").And.Not.EqualTo(original));
            Assert.That(rotated["previousSecretExpiresAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow.AddHours(24)).Within(TimeSpan.FromMinutes(5)));
        });
        var duringOverlap = await DeliveredForAsync(path, await RegisterPetitionAsync(await FushanVillageAsync()));
        Assert.Multiple(() =>
        {
            Assert.That(duringOverlap.IsSignedWith(next), Is.True, "the new secret signs at once");
            Assert.That(duringOverlap.IsSignedWith(original), Is.True, "the previous secret still signs during the overlap");
        });

        var cutOver = await (await SendWithIfMatch(admin, HttpMethod.Post, url, new { overlapHours = 0 }, 2)).ShouldBeOkAsync<JsonObject>();
        var last = cutOver["secret"]!.GetValue<string>();
        Assert.That(cutOver["previousSecretExpiresAt"]?.GetValue<string>(), Is.Null);
        var afterwards = await DeliveredForAsync(path, await RegisterPetitionAsync(await FushanVillageAsync()));
        Assert.Multiple(() =>
        {
            Assert.That(afterwards.IsSignedWith(last), Is.True);
            Assert.That(afterwards.IsSignedWith(next), Is.False, "without an overlap the previous secret stops at once");
            Assert.That(afterwards.IsSignedWith(original), Is.False);
        });
    }

    [TestCase("http://10.0.0.5/hooks")]
    [TestCase("https://169.254.169.254/latest/meta-data")]
    [TestCase("https://192.168.1.20/hooks")]
    [TestCase("https://172.16.0.1/hooks")]
    [TestCase("https://[fd00::1]/hooks")]
    [TestCase("https://[fe80::1]/hooks")]
    [TestCase("https://224.0.0.1/hooks")]
    [TestCase("https://0.0.0.0/hooks")]
    [TestCase("ftp://203.0.113.7/hooks")]
    [TestCase("https://user:password@203.0.113.7/hooks")]
    public async Task Subscribe_ToAnInternalOrInvalidTarget_Returns400OnTheUrl(string url)
    {
        using var admin = await Api.ClientForAsync("district.admin");
        var problem = await (await admin.PostAsJsonAsync("/api/v1/integrations/webhooks", new { url, eventTypes = new[] { "petition.registered" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().ContainsKey("url"), Is.True, problem.ToJsonString());
    }

    [Test]
    public async Task Subscribe_WithUnknownEventTypes_Returns400OnTheEventTypes()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        var problem = await (await admin.PostAsJsonAsync("/api/v1/integrations/webhooks", new { url = _receiver.Url("x"), eventTypes = new[] { "user.created" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().ContainsKey("eventTypes"), Is.True, problem.ToJsonString());
    }

    [Test]
    public async Task Subscribe_ForAUnitOutsideTheJurisdiction_Returns400OnTheOwnerUnit()
    {
        using var townAdmin = await Api.ClientForAsync("town.admin");
        var problem = await (await townAdmin.PostAsJsonAsync("/api/v1/integrations/webhooks",
            new { url = _receiver.Url("x"), eventTypes = new[] { "petition.registered" }, ownerUnitId = await UnitAsync("塔山街道人民调解委员会") }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().ContainsKey("ownerUnitId"), Is.True, problem.ToJsonString());
    }

    [Test]
    public async Task Subscriptions_AreForAdministrators_AndOnlyWithinTheirJurisdiction()
    {
        using var districtAdmin = await Api.ClientForAsync("district.admin");
        using var townAdmin = await Api.ClientForAsync("town.admin");
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var (tashan, _) = await SubscribeAsync(districtAdmin, NewPath(), ["case.closed"], ownerUnitId: await UnitAsync("塔山街道人民调解委员会"));

        await (await officer.GetAsync("/api/v1/integrations/webhooks")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostAsJsonAsync("/api/v1/integrations/webhooks", new { url = _receiver.Url("x"), eventTypes = new[] { "case.closed" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await townAdmin.GetAsync($"/api/v1/integrations/webhooks/{tashan}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await townAdmin.GetAsync($"/api/v1/integrations/webhooks/{tashan}/deliveries")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(townAdmin, HttpMethod.Delete, $"/api/v1/integrations/webhooks/{tashan}", null, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var townList = await (await townAdmin.GetAsync("/api/v1/integrations/webhooks?limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(townList["items"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()), Has.None.EqualTo(tashan));
        var districtList = await (await districtAdmin.GetAsync("/api/v1/integrations/webhooks?limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(districtList["items"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()), Has.One.EqualTo(tashan));
    }

    [Test]
    public async Task Update_NeedsTheCurrentVersion_AndPausesAndResumes()
    {
        using var admin = await Api.ClientForAsync("district.admin");
        var (id, _) = await SubscribeAsync(admin, NewPath(), ["case.closed"]);
        var change = new { url = _receiver.Url(NewPath()), description = "12345 平台", eventTypes = new[] { "case.closed", "case.replied" }, isActive = false };
        var url = $"/api/v1/integrations/webhooks/{id}";

        await (await admin.PutAsJsonAsync(url, change)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(admin, HttpMethod.Put, url, change, 7)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var changed = await SendWithIfMatch(admin, HttpMethod.Put, url, change, 1);
        Assert.That(changed.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        await changed.ShouldBeOkAsync<JsonObject>();

        var paused = await (await admin.GetAsync(url)).ShouldBeOkAsync<JsonObject>();
        Assert.Multiple(() =>
        {
            Assert.That(paused["status"]!.GetValue<string>(), Is.EqualTo("paused"));
            Assert.That(paused["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "case.closed", "case.replied" }));
            Assert.That(paused["description"]!.GetValue<string>(), Is.EqualTo("12345 平台"));
            Assert.That(paused.ContainsKey("secret"), Is.False);
        });
        await (await admin.PostAsync($"{url}/ping", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await (await SendWithIfMatch(admin, HttpMethod.Delete, url, null, 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.That((await SendWithIfMatch(admin, HttpMethod.Delete, url, null, 2)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await admin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ApiClientWithWebhooksManage_ManagesItsOwnSubscriptionsOnly_ForItsUnit()
    {
        var issued = await TownClientAsync(["webhooks:manage"], name: "网格平台");
        using var key = KeyClient(issued.Key);
        using var townAdmin = await Api.ClientForAsync("town.admin");
        var path = NewPath();
        var created = await (await key.PostAsJsonAsync("/api/v1/integrations/webhooks",
            new { url = _receiver.Url(path), eventTypes = new[] { "petition.registered" }, ownerUnitId = await UnitAsync("塔山街道人民调解委员会") }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var own = created["id"]!.GetValue<string>();
        var (adminsOwn, _) = await SubscribeAsync(townAdmin, NewPath(), ["case.closed"]);

        var mine = await (await key.GetAsync($"/api/v1/integrations/webhooks/{own}")).ShouldBeOkAsync<JsonObject>();
        Assert.Multiple(() =>
        {
            Assert.That(mine["ownerClientId"]!.GetValue<string>(), Is.EqualTo(issued.Id.ToString()));
            Assert.That(mine["ownerUnitId"]!.GetValue<string>(), Is.Not.EqualTo(string.Empty));
            Assert.That(mine["ownerUnitName"]!.GetValue<string>(), Is.EqualTo(TownGovernment), "a client's subscriptions belong to its unit");
        });
        await (await key.GetAsync($"/api/v1/integrations/webhooks/{adminsOwn}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var listed = await (await key.GetAsync("/api/v1/integrations/webhooks?limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(listed["items"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()), Is.EqualTo(new[] { own }));
        var adminList = await (await townAdmin.GetAsync("/api/v1/integrations/webhooks?limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(adminList["items"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()), Does.Contain(own).And.Contain(adminsOwn));

        var petitionId = await RegisterPetitionAsync(await FushanVillageAsync());
        await WebhookReceiver.EventuallyAsync(() => _receiver.At(path).Any(r => DataOf(r)["petitionId"]!.GetValue<string>() == petitionId), "the client's webhook");
        Assert.That(_receiver.At(path).Single().IsSignedWith(created["secret"]!.GetValue<string>()), Is.True);

        using var reader = KeyClient((await TownClientAsync(["petitions:read"], name: "只读系统")).Key);
        await (await reader.GetAsync("/api/v1/integrations/webhooks")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task EventTypes_ListThePublicNames()
    {
        using var admin = await Api.ClientForAsync("town.admin");
        var types = await (await admin.GetAsync("/api/v1/integrations/webhooks/event-types")).ShouldBeOkAsync<JsonArray>();
        var names = types.Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.That(names, Does.Contain("petition.accepted").And.Contain("case.closed").And.Not.Contain("user.created"));
    }

    [Test]
    public async Task EventTypes_AreEachLabelledInBothLanguagesOfTheSpa()
    {
        using var admin = await Api.ClientForAsync("town.admin");
        var types = await (await admin.GetAsync("/api/v1/integrations/webhooks/event-types")).ShouldBeOkAsync<JsonArray>();
        var names = types.Select(t => t!["name"]!.GetValue<string>()).Append("webhook.ping").ToList();
        foreach (var messages in new[] { "zh-cn.ts", "en.ts" })
        {
            var text = await File.ReadAllTextAsync(RepositoryPaths.Combine("web-client", "src", "shared", "i18n", messages));
            Assert.That(names.Where(name => !text.Contains($"'webhookEvent.{name}':", StringComparison.Ordinal)), Is.Empty, $"event types without a label in {messages}");
        }
    }

    private static string NewPath() => "hooks/" + Guid.NewGuid().ToString("N");

    private static JsonObject DataOf(ReceivedWebhook webhook) => webhook.Json["data"]!.AsObject();

    private async Task<ReceivedWebhook> DeliveredForAsync(string path, string petitionId)
    {
        await WebhookReceiver.EventuallyAsync(() => _receiver.At(path).Any(r => DataOf(r)["petitionId"]?.GetValue<string>() == petitionId), $"the webhook of petition {petitionId}");
        return _receiver.At(path).First(r => DataOf(r)["petitionId"]!.GetValue<string>() == petitionId);
    }

    private async Task<(string Id, string Secret)> SubscribeAsync(HttpClient admin, string path, string[] eventTypes, WebhookReceiver? receiver = null, Guid? ownerUnitId = null)
    {
        var created = await (await admin.PostAsJsonAsync("/api/v1/integrations/webhooks",
            new { url = (receiver ?? _receiver).Url(path), eventTypes, ownerUnitId })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var secret = created["secret"]!.GetValue<string>();
        Assert.That(secret, Does.StartWith("whsec_"));
        return (created["id"]!.GetValue<string>(), secret);
    }

    private async Task<string> RegisterPetitionAsync(Guid regionId)
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        return (await IntakeData.RegisterAsync(officer, Data.Registration(regionId)))["id"]!.GetValue<string>();
    }

    internal static async Task<JsonArray> DeliveriesAsync(HttpClient admin, string subscriptionId) =>
        (await (await admin.GetAsync($"/api/v1/integrations/webhooks/{subscriptionId}/deliveries?limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();

    private static async Task<JsonObject> DeliveryAsync(HttpClient admin, string subscriptionId, string deliveryId) =>
        await (await admin.GetAsync($"/api/v1/integrations/webhooks/{subscriptionId}/deliveries/{deliveryId}")).ShouldBeOkAsync<JsonObject>();
}

/// <summary>Settings that let a test host send webhooks to a local receiver, quickly.</summary>
internal static class WebhookTestSettings
{
    public const string OtherSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static Dictionary<string, string?> Fast => new()
    {
        ["Webhooks:Enabled"] = "true",
        ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
        ["Webhooks:PollInterval"] = "00:00:00.100",
        ["Webhooks:RetryBaseDelay"] = "00:00:00.200",
        ["Webhooks:RetryMaxDelay"] = "00:00:01",
        ["Webhooks:QuickRetries"] = "1",
        ["Webhooks:QuickRetryDelay"] = "00:00:00.050",
        ["Webhooks:BreakDuration"] = "00:00:00.500",
        ["Webhooks:RequestTimeout"] = "00:00:02",
        // Short leases: a host stopped mid-claim holds its claims no longer than this.
        ["Webhooks:LeaseDuration"] = "00:00:06",
        ["Outbox:LeaseDuration"] = "00:00:06",
        ["Outbox:PollInterval"] = "00:00:00.100",
        ["DeadlineWatcher:Enabled"] = "false",
        ["MustVisitProposer:Enabled"] = "false",
    };
}
