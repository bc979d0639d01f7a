using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Integrations;

/// <summary>The Open311 GeoReport v2 facade: services, requests by a client's api_key, the public view, in JSON and XML.</summary>
public sealed class Open311Tests : ApiClientTestBase
{
    private static FormUrlEncodedContent Request(string? apiKey, string serviceCode = "urban_rural_construction", string description = "小区门口路灯损坏一个月无人修理，夜间出行不安全。")
    {
        var fields = new Dictionary<string, string>
        {
            ["service_code"] = serviceCode,
            ["description"] = description,
            ["lat"] = "30.0036",
            ["long"] = "120.5802",
            ["address_string"] = "府山街道胜利西路 18 号",
            ["last_name"] = "王",
            ["first_name"] = "建国",
            ["phone"] = "13800001111",
        };
        if (apiKey is not null)
        {
            fields["api_key"] = apiKey;
        }

        return new FormUrlEncodedContent(fields);
    }

    private static async Task<XDocument> XmlAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
        return XDocument.Parse(body);
    }

    [Test]
    public async Task Services_ListThePetitionCategories_InJsonAndXml()
    {
        using var anonymous = Api.CreateClient();
        var json = await (await anonymous.GetAsync("/open311/v2/services.json")).ShouldBeOkAsync<JsonArray>();
        var xml = await XmlAsync(await anonymous.GetAsync("/open311/v2/services.xml"));
        var codes = json.Select(s => s!["service_code"]!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(codes, Does.Contain("urban_rural_construction"));
            Assert.That(json[0]!["type"]!.GetValue<string>(), Is.EqualTo("realtime"));
            Assert.That(json[0]!["metadata"]!.GetValue<bool>(), Is.False);
            Assert.That(xml.Root!.Name.LocalName, Is.EqualTo("services"));
            Assert.That(xml.Root.Elements("service").Select(s => s.Element("service_code")!.Value), Is.EqualTo(codes));
        });

        var definition = await XmlAsync(await anonymous.GetAsync("/open311/v2/services/urban_rural_construction.xml"));
        Assert.That(definition.Root!.Element("service_code")!.Value, Is.EqualTo("urban_rural_construction"));
        var unknown = await XmlAsync(await anonymous.GetAsync("/open311/v2/services/no_such_category.xml"), HttpStatusCode.NotFound);
        Assert.That(unknown.Root!.Element("error")!.Element("code")!.Value, Is.EqualTo("404"));
    }

    [Test]
    public async Task PostedRequest_IsAnOnlinePetitionStaffSee_AndRoundTripsInJsonAndXml()
    {
        var client = await TownClientAsync(["petitions:write"], name: "市民 App");
        using var anonymous = Api.CreateClient();
        var receipt = await (await anonymous.PostAsync("/open311/v2/requests.json", Request(client.Key))).ShouldBeOkAsync<JsonArray>();
        var id = receipt[0]!["service_request_id"]!.GetValue<string>();

        using var officer = await Api.ClientForAsync("town.petition_officer");
        var petition = await (await officer.GetAsync($"/api/v1/petitions/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.Multiple(() =>
        {
            Assert.That(petition["channel"]!.GetValue<string>(), Is.EqualTo("online"));
            Assert.That(petition["category"]!.GetValue<string>(), Is.EqualTo("urban_rural_construction"));
            Assert.That(receipt[0]!["service_notice"]!.GetValue<string>(), Does.Contain(petition["number"]!.GetValue<string>()));
        });

        var json = await (await anonymous.GetAsync($"/open311/v2/requests/{id}.json")).ShouldBeOkAsync<JsonArray>();
        var xml = await XmlAsync(await anonymous.GetAsync($"/open311/v2/requests/{id}.xml"));
        var request = xml.Root!.Element("request")!;
        Assert.Multiple(() =>
        {
            Assert.That(json[0]!["service_request_id"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(json[0]!["status"]!.GetValue<string>(), Is.EqualTo("open"));
            Assert.That(json[0]!["service_code"]!.GetValue<string>(), Is.EqualTo("urban_rural_construction"));
            Assert.That(json[0]!.AsObject().ContainsKey("description"), Is.False, "the public view shows what the tracking page shows");
            Assert.That(xml.Root.Name.LocalName, Is.EqualTo("service_requests"));
            Assert.That(request.Element("service_request_id")!.Value, Is.EqualTo(id));
            Assert.That(request.Element("status")!.Value, Is.EqualTo("open"));
        });

        var listed = await (await anonymous.GetAsync($"/open311/v2/requests.json?service_request_id={id},{Guid.NewGuid()}&status=open")).ShouldBeOkAsync<JsonArray>();
        var closed = await (await anonymous.GetAsync($"/open311/v2/requests.json?service_request_id={id}&status=closed")).ShouldBeOkAsync<JsonArray>();
        var token = await XmlAsync(await anonymous.GetAsync($"/open311/v2/tokens/{receipt[0]!["token"]!.GetValue<string>()}.xml"));
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(r => r!["service_request_id"]!.GetValue<string>()), Is.EqualTo(new[] { id }));
            Assert.That(closed, Is.Empty);
            Assert.That(token.Root!.Element("request")!.Element("service_request_id")!.Value, Is.EqualTo(id));
        });
    }

    [Test]
    public async Task PostedRequest_WithoutAValidKeyWithPetitionsWrite_Is403InTheSpecificationsFormat()
    {
        var reader = await TownClientAsync(["petitions:read"]);
        var revoked = await TownClientAsync(["petitions:write"]);
        using var anonymous = Api.CreateClient();
        var missing = await (await anonymous.PostAsync("/open311/v2/requests.json", Request(null))).ShouldBeOkAsync<JsonArray>(HttpStatusCode.Forbidden);
        var wrongScope = await XmlAsync(await anonymous.PostAsync("/open311/v2/requests.xml", Request(reader.Key)), HttpStatusCode.Forbidden);
        var wrongSecret = await (await anonymous.PostAsync("/open311/v2/requests.json", Request(revoked.Key + "x"))).ShouldBeOkAsync<JsonArray>(HttpStatusCode.Forbidden);
        Assert.Multiple(() =>
        {
            Assert.That(missing[0]!["code"]!.GetValue<int>(), Is.EqualTo(403));
            Assert.That(missing[0]!["description"]!.GetValue<string>(), Does.Contain("api_key"));
            Assert.That(wrongScope.Root!.Name.LocalName, Is.EqualTo("errors"));
            Assert.That(wrongScope.Root.Element("error")!.Element("code")!.Value, Is.EqualTo("403"));
            Assert.That(wrongSecret[0]!["code"]!.GetValue<int>(), Is.EqualTo(403));
        });
    }

    [Test]
    public async Task PostedRequest_WhenInputBad_Is400NamingTheFields()
    {
        var client = await TownClientAsync(["petitions:write"]);
        using var anonymous = Api.CreateClient();
        var unknownService = await (await anonymous.PostAsync("/open311/v2/requests.json", Request(client.Key, serviceCode: "no_such_category"))).ShouldBeOkAsync<JsonArray>(HttpStatusCode.BadRequest);
        var empty = await (await anonymous.PostAsync("/open311/v2/requests.json", Request(client.Key, description: ""))).ShouldBeOkAsync<JsonArray>(HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(unknownService[0]!["description"]!.GetValue<string>(), Does.Contain("service_code"));
            Assert.That(empty[0]!["description"]!.GetValue<string>(), Does.Contain("description"));
        });
    }

    [Test]
    public async Task UnknownRequestOrToken_Is404_AndAnUnknownFormat400()
    {
        using var anonymous = Api.CreateClient();
        var json = await (await anonymous.GetAsync($"/open311/v2/requests/{Guid.NewGuid()}.json")).ShouldBeOkAsync<JsonArray>(HttpStatusCode.NotFound);
        var xml = await XmlAsync(await anonymous.GetAsync("/open311/v2/requests/not-an-id.xml"), HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/open311/v2/tokens/{Guid.NewGuid()}.json")).ShouldBeOkAsync<JsonArray>(HttpStatusCode.NotFound);
        var format = await (await anonymous.GetAsync("/open311/v2/services.csv")).ShouldBeOkAsync<JsonArray>(HttpStatusCode.BadRequest);
        var unlisted = await (await anonymous.GetAsync("/open311/v2/requests.json")).ShouldBeOkAsync<JsonArray>(HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(json[0]!["code"]!.GetValue<int>(), Is.EqualTo(404));
            Assert.That(xml.Root!.Element("error")!.Element("code")!.Value, Is.EqualTo("404"));
            Assert.That(format[0]!["code"]!.GetValue<int>(), Is.EqualTo(400));
            Assert.That(unlisted[0]!["description"]!.GetValue<string>(), Does.Contain("service_request_id"));
        });
    }
}
