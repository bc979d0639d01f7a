using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Mediation;

/// <summary>Representatives 代理人/代表 of a dispute's sides: named on registration, added and removed, within the rule set's limits.</summary>
public sealed class RepresentativeTests : MediationTestBase
{
    private (Guid Room, Guid Lead, Guid Assistant)? _room;

    private async Task<(Guid Room, Guid Lead, Guid Assistant)> RoomAsync() => _room ??= await RoomAsync("府山街道", "府山医调工作室");

    private object Representative(string side, string name = "王律师", string role = "lawyer", string? relation = null, string? phone = null, string? idNumber = null) =>
        new { side, name, role, relation, phone = phone ?? Data.MobilePhone(), idNumber };

    private object Registration((Guid Room, Guid Lead, Guid Assistant) room, string disputeType, params object[] representatives) => new
    {
        disputeType,
        summary = "患者家属对诊疗过程有异议。",
        claims = "请求医院赔偿并作出说明。",
        regionId = Region("府山街道"),
        source = "walk_in",
        roomId = room.Room,
        leadMediatorId = room.Lead,
        parties = new object[]
        {
            new { side = "applicant", kind = "person", name = "张三" },
            new { side = "respondent", kind = "organisation", name = "绍兴某医院", organisationCode = "12330600470000000X" },
        },
        representatives,
    };

    private async Task<Guid> RegisterAsync(HttpClient client, string disputeType, params object[] representatives)
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/mediation/disputes", Registration(await RoomAsync(), disputeType, representatives)))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    private static async Task<JsonObject> DisputeAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/mediation/disputes/{id}")).ShouldBeOkAsync<JsonObject>();

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, Guid id, object representative, long version) =>
        SendWithIfMatch(client, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/representatives", representative, version);

    private static Task<HttpResponseMessage> RemoveAsync(HttpClient client, Guid id, string representativeId, long version) =>
        SendWithIfMatch(client, HttpMethod.Delete, $"/api/v1/mediation/disputes/{id}/representatives/{representativeId}", null, version);

    private static List<string> Keys(JsonObject problem) => problem["errors"]!.AsObject().Select(e => e.Key).ToList();

    [Test]
    public async Task Registration_StoresRepresentativesProtected_AndTheyAreAddedAndRemoved_MovingTheVersion()
    {
        using var mediator = await Api.ClientForAsync("district.mediator");
        var idNumber = Data.NewIdNumber();
        var id = await RegisterAsync(mediator, "medical",
            Representative("applicant", "张小三", "close_relative", "之子", idNumber: idNumber),
            Representative("respondent", "刘律师", "lawyer"));

        var dispute = await DisputeAsync(mediator, id);
        Assert.That(dispute["representativeLimitPerSide"]!.GetValue<int>(), Is.EqualTo(5), "the rule set's limit of medical disputes");
        Assert.That(dispute["canChangeRepresentatives"]!.GetValue<bool>(), Is.True);
        var representatives = dispute["representatives"]!.AsArray();
        Assert.That(representatives.Select(r => (r!["side"]!.GetValue<string>(), r["name"]!.GetValue<string>(), r["role"]!.GetValue<string>())),
            Is.EqualTo(new[] { ("applicant", "张小三", "close_relative"), ("respondent", "刘律师", "lawyer") }));
        Assert.That(representatives[0]!["relation"]!.GetValue<string>(), Is.EqualTo("之子"));
        Assert.That(representatives[0]!["idNumberMasked"]!.GetValue<string>(), Does.Match(@"^\d{6}\*+[0-9X]{4}$"), "ID numbers are masked");
        Assert.That(representatives[0]!["phoneMasked"]!.GetValue<string>(), Does.Contain("****"));
        Assert.That(representatives[1]!["idNumberMasked"], Is.Null);
        using (var db = TestDatabase.Open(Api))
        {
            var stored = TestDatabase.Strings(db, "SELECT id_number_cipher || '|' || id_number_hash || '|' || phone_cipher FROM mediation_dispute_representatives WHERE dispute_id = $id AND side = 'Applicant'",
                ("$id", id.ToString())).Single().Split('|');
            Assert.That(stored[0], Does.StartWith("v1:").And.Not.Contain(idNumber), "stored encrypted");
            Assert.That(stored[1], Is.Not.Empty.And.Not.Contain(idNumber), "matched by a keyed hash");
            Assert.That(stored[2], Does.StartWith("v1:"));
        }

        var added = await AddAsync(mediator, id, Representative("applicant", "张小四", "close_relative", "之女"), 1);
        Assert.That(added.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        var created = await added.ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        Assert.That(created["version"]!.GetValue<long>(), Is.EqualTo(2));
        var addedId = created["id"]!.GetValue<string>();

        var removed = await (await RemoveAsync(mediator, id, representatives[1]!["id"]!.GetValue<string>(), 2)).ShouldBeOkAsync<JsonObject>();
        Assert.That(removed["version"]!.GetValue<long>(), Is.EqualTo(3));
        var after = await DisputeAsync(mediator, id);
        Assert.That(after["version"]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(after["representatives"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()),
            Is.EqualTo(new[] { representatives[0]!["id"]!.GetValue<string>(), addedId }), "the applicant's two, in the order named; the respondent's lawyer removed");

        using (var db = TestDatabase.Open(Api))
        {
            Assert.That(TestDatabase.Strings(db, "SELECT action FROM audit_entries WHERE object_id = $id AND action LIKE 'mediation.representative%' ORDER BY occurred_at", ("$id", id.ToString())),
                Is.EqualTo(new[] { "mediation.representative_added", "mediation.representative_removed" }));
        }

        using var officer = await Api.ClientForAsync("district.petition_officer");
        var read = await DisputeAsync(officer, id);
        Assert.That(read["representatives"]!.AsArray(), Has.Count.EqualTo(2), "the petition bureau reads them");
        Assert.That(read["canChangeRepresentatives"]!.GetValue<bool>(), Is.False, "but does not mediate");
    }

    [Test]
    public async Task MoreRepresentativesThanTheRuleSetAllows_Answer400NamingTheField()
    {
        using var mediator = await Api.ClientForAsync("district.mediator");
        var six = Enumerable.Range(1, 6).Select(i => Representative("applicant", $"家属{i}", "elected_representative")).ToArray();
        var tooMany = await (await mediator.PostAsJsonAsync("/api/v1/mediation/disputes", Registration(await RoomAsync(), "medical", six)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(Keys(tooMany), Is.EqualTo(new[] { "representatives" }));
        Assert.That(tooMany["errors"]!["representatives"]!.ToString(), Does.Contain("5"));

        var id = await RegisterAsync(mediator, "medical", six[..5]);
        var sixth = await (await AddAsync(mediator, id, six[5], 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(Keys(sixth), Is.EqualTo(new[] { "side" }));
        await (await AddAsync(mediator, id, Representative("respondent", "医院法务", "employee"), 1)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        // A type without a limit in the rule set takes more than five per side, up to the module's bound.
        var neighbours = await RegisterAsync(mediator, "neighbourhood", six);
        Assert.That((await DisputeAsync(mediator, neighbours))["representatives"]!.AsArray(), Has.Count.EqualTo(6));
    }

    [Test]
    public async Task BadRepresentatives_Answer400NamingTheFields()
    {
        using var mediator = await Api.ClientForAsync("district.mediator");
        var phone = Data.MobilePhone();
        var registration = await (await mediator.PostAsJsonAsync("/api/v1/mediation/disputes", Registration(await RoomAsync(), "medical",
            new { side = "applicant", name = "", role = "lawyer", phone = "12", idNumber = "12345" },
            Representative("applicant", "甲", phone: phone), Representative("respondent", "乙", phone: phone)))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(Keys(registration), Is.SupersetOf(new[] { "representatives[0].name", "representatives[0].phone", "representatives[0].idNumber", "representatives" }));

        var id = await RegisterAsync(mediator, "medical", Representative("applicant", "甲", phone: phone));
        var added = await (await AddAsync(mediator, id, new { side = "applicant", name = new string('名', 101), role = "lawyer", phone = "", idNumber = "330602" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(Keys(added), Is.EquivalentTo(new[] { "name", "phone", "idNumber" }));
        var again = await (await AddAsync(mediator, id, Representative("respondent", "甲", phone: phone), 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(Keys(again), Is.EqualTo(new[] { "phone" }), "one person represents a dispute once, matched by the keyed hash");
    }

    [Test]
    public async Task WrongRole_Gets403_AnotherTown_404_AndAnEndedDispute_409()
    {
        using var mediator = await Api.ClientForAsync("district.mediator");
        var id = await RegisterAsync(mediator, "medical", Representative("applicant"));
        var representativeId = (await DisputeAsync(mediator, id))["representatives"]!.AsArray()[0]!["id"]!.GetValue<string>();

        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await AddAsync(officer, id, Representative("respondent"), 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await RemoveAsync(officer, id, representativeId, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var district = await Api.ClientForAsync("district.mediator");
        var tashanRoom = await RoomAsync("塔山街道", "塔山医调工作室");
        var elsewhere = await (await district.PostAsJsonAsync("/api/v1/mediation/disputes", new
        {
            disputeType = "medical", summary = "诊疗争议。", claims = "请求赔偿。", regionId = Region("塔山街道"), source = "walk_in", roomId = tashanRoom.Room, leadMediatorId = tashanRoom.Lead,
            parties = new object[] { new { side = "applicant", kind = "person", name = "张三" }, new { side = "respondent", kind = "person", name = "李四" } },
            representatives = new[] { Representative("applicant") },
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var elsewhereId = Guid.Parse(elsewhere["id"]!.GetValue<string>());
        var elsewhereRepresentative = (await DisputeAsync(district, elsewhereId))["representatives"]!.AsArray()[0]!["id"]!.GetValue<string>();
        using var town = await Api.ClientForAsync("town.mediator");
        await (await AddAsync(town, elsewhereId, Representative("respondent"), 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await RemoveAsync(town, elsewhereId, elsewhereRepresentative, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await RemoveAsync(mediator, id, Guid.NewGuid().ToString(), 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await RemoveAsync(mediator, id, elsewhereRepresentative, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/withdrawal", new { reason = "双方已自行和解。" }, 1)).ShouldBeOkAsync<JsonObject>();
        var ended = await (await AddAsync(mediator, id, Representative("respondent"), 2)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(ended["code"]!.GetValue<string>(), Is.EqualTo("dispute_action_not_allowed"));
        await (await RemoveAsync(mediator, id, representativeId, 2)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That((await DisputeAsync(mediator, id))["canChangeRepresentatives"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task AStaleETag_Gets412_AndNoIfMatch_428()
    {
        using var mediator = await Api.ClientForAsync("district.mediator");
        var id = await RegisterAsync(mediator, "medical", Representative("applicant"));
        var representativeId = (await DisputeAsync(mediator, id))["representatives"]!.AsArray()[0]!["id"]!.GetValue<string>();
        await (await AddAsync(mediator, id, Representative("respondent"), 1)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        await (await AddAsync(mediator, id, Representative("respondent"), 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await RemoveAsync(mediator, id, representativeId, 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await mediator.PostAsJsonAsync($"/api/v1/mediation/disputes/{id}/representatives", Representative("respondent"))).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await mediator.DeleteAsync($"/api/v1/mediation/disputes/{id}/representatives/{representativeId}")).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.That((await DisputeAsync(mediator, id))["representatives"]!.AsArray(), Has.Count.EqualTo(2), "refused changes leave them as they were");
    }
}
