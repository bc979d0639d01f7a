using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Integrations;

/// <summary>The 12345 platform pushes work orders as an API client; each order number becomes one petition.</summary>
public sealed class WorkOrderTests : ApiClientTestBase
{
    private object Order(Guid regionId, string orderNumber, string line = "hotline12345") => new
    {
        orderNumber,
        line,
        caller = new { name = Data.Name(), phone = Data.MobilePhone() },
        content = "小区门口道路破损，雨天积水严重，请求尽快修复。",
        category = "urban_rural_construction",
        regionId,
        location = "府山街道胜利西路 18 号",
        receivedAt = DateTimeOffset.UtcNow.AddHours(-2),
        dueAt = DateTimeOffset.UtcNow.AddDays(5),
    };

    [Test]
    public async Task WorkOrderPushedTwice_RegistersOnePetition_AndTheSecondAnswerNamesIt()
    {
        var platform = await TownClientAsync(["petitions:write"]);
        using var key = KeyClient(platform.Key);
        var village = await FushanVillageAsync();
        var orderNumber = "GD" + Guid.NewGuid().ToString("N")[..10];

        var first = await (await key.PostAsJsonAsync("/api/v1/integrations/work-orders", Order(village, orderNumber))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var second = await (await key.PostAsJsonAsync("/api/v1/integrations/work-orders", Order(village, orderNumber))).ShouldBeOkAsync<JsonObject>();
        Assert.Multiple(() =>
        {
            Assert.That(first["registered"]!.GetValue<bool>(), Is.True);
            Assert.That(second["registered"]!.GetValue<bool>(), Is.False);
            Assert.That(second["petitionId"]!.GetValue<string>(), Is.EqualTo(first["petitionId"]!.GetValue<string>()));
            Assert.That(second["petitionNumber"]!.GetValue<string>(), Is.EqualTo(first["petitionNumber"]!.GetValue<string>()));
        });

        using var officer = await Api.ClientForAsync("town.petition_officer");
        var petition = await (await officer.GetAsync($"/api/v1/petitions/{first["petitionId"]!.GetValue<string>()}")).ShouldBeOkAsync<JsonObject>();
        Assert.Multiple(() =>
        {
            Assert.That(petition["channel"]!.GetValue<string>(), Is.EqualTo("hotline12345"));
            Assert.That(petition["channelReference"]!.GetValue<string>(), Is.EqualTo(orderNumber));
        });

        using var db = TestDatabase.Open(Api);
        var petitions = TestDatabase.Strings(db, "SELECT id FROM intake_petitions WHERE channel_reference = $number", ("$number", orderNumber));
        Assert.That(petitions, Has.Count.EqualTo(1));
        var events = TestDatabase.Strings(db, "SELECT type FROM outbox_messages WHERE payload LIKE $id", ("$id", $"%{first["petitionId"]!.GetValue<string>()}%"));
        Assert.That(events, Is.Not.Empty, "the petition's events carry its id, which the platform correlates by");
    }

    [Test]
    public async Task BusinessHotlineOrder_IsABusinessHotlinePetition()
    {
        var platform = await TownClientAsync(["petitions:write"]);
        using var key = KeyClient(platform.Key);
        var created = await (await key.PostAsJsonAsync("/api/v1/integrations/work-orders", Order(await FushanVillageAsync(), "QY" + Guid.NewGuid().ToString("N")[..10], "business_hotline")))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        using var officer = await Api.ClientForAsync("town.petition_officer");
        var petition = await (await officer.GetAsync($"/api/v1/petitions/{created["petitionId"]!.GetValue<string>()}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(petition["channel"]!.GetValue<string>(), Is.EqualTo("business_hotline"));
    }

    [Test]
    public async Task WorkOrder_WhenInputBad_Returns400NamingTheFields()
    {
        var platform = await TownClientAsync(["petitions:write"]);
        using var key = KeyClient(platform.Key);
        var bad = await (await key.PostAsJsonAsync("/api/v1/integrations/work-orders", new
        {
            orderNumber = "",
            line = "hotline12345",
            caller = new { name = "" },
            content = "",
            category = "urban_rural_construction",
            regionId = await FushanVillageAsync(),
            receivedAt = DateTimeOffset.UtcNow,
            dueAt = DateTimeOffset.UtcNow.AddDays(-1),
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "orderNumber", "caller.name", "content", "dueAt" }));

        var outside = await (await key.PostAsJsonAsync("/api/v1/integrations/work-orders", Order(Region("塔山街道"), "GD" + Guid.NewGuid().ToString("N")[..10])))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(outside["errors"]!.AsObject().Select(e => e.Key), Does.Contain("regionId"), "a region outside the client's jurisdiction");
    }

    [Test]
    public async Task WorkOrder_WithoutPetitionsWrite_Returns403()
    {
        var reader = await TownClientAsync(["petitions:read", "cases:write"]);
        using var key = KeyClient(reader.Key);
        await (await key.PostAsJsonAsync("/api/v1/integrations/work-orders", Order(await FushanVillageAsync(), "GD" + Guid.NewGuid().ToString("N")[..10])))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
