using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Integrations;

/// <summary>
/// Deliveries survive the host: pending ones recorded before a stop, and events stored but not yet handed to the webhooks
/// before it, all go out once a new host runs on the same database. And a subscription failing for the configured time is
/// disabled, and its owner told.
/// </summary>
public sealed class WebhookRestartTests
{
    private readonly IntakeData _data = new();

    [Test]
    public async Task HostRestarted_WhileTheReceiverIsDown_LosesNothing()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "fengqiao-tests", Guid.NewGuid().ToString("N"));
        await using var receiver = new WebhookReceiver { Status = 503 };
        await receiver.StartAsync();
        var petitions = new List<string>();
        try
        {
            using (var first = new ApiFactory(settings: WebhookTestSettings.Fast, dataDirectory: dataDirectory))
            {
                using var admin = await first.ClientForAsync("district.admin");
                var subscription = (await (await admin.PostAsJsonAsync("/api/v1/integrations/webhooks",
                    new { url = receiver.Url("restart"), eventTypes = new[] { "petition.registered" } })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<string>();
                using var officer = await first.ClientForAsync("district.petition_officer");
                var village = await VillageAsync(first);
                for (var i = 0; i < 3; i++)
                {
                    petitions.Add((await IntakeData.RegisterAsync(officer, _data.Registration(village)))["id"]!.GetValue<string>());
                }

                await WebhookReceiver.EventuallyAsync(() => receiver.At("restart").Count > 0, "a first, failed attempt");
                Assert.That(
                    (await WebhookTests.DeliveriesAsync(admin, subscription)).Select(d => d!["status"]!.GetValue<string>()),
                    Has.None.EqualTo("delivered"));
            }

            receiver.Status = 204;
            using var second = new ApiFactory(settings: WebhookTestSettings.Fast, dataDirectory: dataDirectory);
            using var started = second.CreateClient(); // the factory starts its host on first use
            await WebhookReceiver.EventuallyAsync(
                () => receiver.At("restart").Where(r => r.Answered == 204).Select(r => r.Json["data"]!["petitionId"]!.GetValue<string>()).Distinct().Count() == 3,
                "every petition's webhook after the restart");
            Assert.That(receiver.At("restart").Where(r => r.Answered == 204).Select(r => r.Json["data"]!["petitionId"]!.GetValue<string>()), Is.EquivalentTo(petitions));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing connection; the OS temp folder is cleaned eventually.
            }
        }
    }

    [Test]
    public async Task SubscriptionFailingForTheConfiguredTime_IsDisabled_AndItsOwnerTold()
    {
        await using var receiver = new WebhookReceiver { Status = 500 };
        await receiver.StartAsync();
        var settings = WebhookTestSettings.Fast;
        settings["Webhooks:DisableAfter"] = "00:00:01";
        using var api = new ApiFactory(settings: settings);
        using var admin = await api.ClientForAsync("district.admin");
        var id = (await (await admin.PostAsJsonAsync("/api/v1/integrations/webhooks",
            new { url = receiver.Url("failing"), eventTypes = new[] { "case.closed" } })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<string>();
        await (await admin.PostAsync($"/api/v1/integrations/webhooks/{id}/ping", null)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Accepted);

        await WebhookReceiver.EventuallyAsync(
            async () => (await (await admin.GetAsync($"/api/v1/integrations/webhooks/{id}")).ShouldBeOkAsync<JsonObject>())["status"]!.GetValue<string>() == "disabled",
            "the subscription disabled");
        var disabled = await (await admin.GetAsync($"/api/v1/integrations/webhooks/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(disabled["disabledAt"], Is.Not.Null);
        using (var db = TestDatabase.Open(api))
        {
            Assert.That(TestDatabase.Strings(db, "SELECT action FROM audit_entries WHERE object_id = $id", ("$id", id)), Does.Contain("webhook.subscription_disabled"));
        }

        var attemptsWhenDisabled = receiver.At("failing").Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.That(receiver.At("failing"), Has.Count.EqualTo(attemptsWhenDisabled), "a disabled subscription is not sent to");

        receiver.Status = 204;
        var version = disabled["version"]!.GetValue<long>();
        var resume = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/integrations/webhooks/{id}")
        {
            Content = JsonContent.Create(new { url = receiver.Url("failing"), eventTypes = new[] { "case.closed" }, isActive = true }),
        };
        resume.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        await (await admin.SendAsync(resume)).ShouldBeOkAsync<JsonObject>();
        await WebhookReceiver.EventuallyAsync(() => receiver.At("failing").Any(r => r.Answered == 204), "the held-back ping once enabled again");
        var resumed = await (await admin.GetAsync($"/api/v1/integrations/webhooks/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(resumed["status"]!.GetValue<string>(), Is.EqualTo("active"));
    }

    private static async Task<Guid> VillageAsync(ApiFactory api)
    {
        using var town = await api.ClientForAsync("town.petition_officer");
        var regions = (await (await town.GetAsync("/api/v1/regions")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        return Guid.Parse(regions.First(r => r!["level"]!.GetValue<string>() == "village")!["id"]!.GetValue<string>());
    }
}
