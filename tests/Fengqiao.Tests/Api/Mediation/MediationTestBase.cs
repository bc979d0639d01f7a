using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Mediation;

/// <summary>Mediation rooms and mediators over HTTP, on top of the seeded rooms and committees.</summary>
public abstract class MediationTestBase : Dispatch.DispatchTestBase
{
    internal static object Room(Guid regionId, string name = "老娘舅调解室", string kind = "brand_room", params string[] specialties) => new
    {
        name,
        kind,
        regionId,
        address = "解放北路 88 号",
        openingHours = "周一至周五 8:30-17:00",
        intro = "以老娘舅命名的品牌调解室。",
        specialties = specialties.Length == 0 ? ["neighbourhood", "marriage_family"] : specialties,
    };

    internal static async Task<Guid> CreateRoomAsync(HttpClient client, object body)
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/mediation/rooms", body)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    internal static async Task<JsonObject> RoomAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/mediation/rooms/{id}")).ShouldBeOkAsync<JsonObject>();

    internal static async Task<Guid> AddMediatorAsync(HttpClient client, Guid roomId, object body)
    {
        var created = await (await client.PostAsJsonAsync($"/api/v1/mediation/rooms/{roomId}/mediators", body)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    internal async Task<Guid> UserIdAsync(string userName)
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var users = await (await admin.GetAsync($"/api/v1/users?search={userName}&limit=100")).ShouldBeOkAsync<JsonObject>();
        return Guid.Parse(users["items"]!.AsArray().Single(u => u!["userName"]!.GetValue<string>() == userName)!["id"]!.GetValue<string>());
    }

    /// <summary>Every room the client sees for the query, following the cursors with pages of <paramref name="limit"/>.</summary>
    internal static async Task<List<JsonObject>> AllRoomsAsync(HttpClient client, string query = "", int limit = 100)
    {
        var rooms = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/mediation/rooms?limit={limit}{query}" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            var page = await (await client.GetAsync(url)).ShouldBeOkAsync<JsonObject>();
            rooms.AddRange(page["items"]!.AsArray().Select(r => r!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return rooms;
    }

    internal static List<string> Names(IEnumerable<JsonObject> rooms) => rooms.Select(r => r["name"]!.GetValue<string>()).ToList();

    /// <summary>A day from today (ahead, or past when negative), 09:00 Asia/Shanghai, plus <paramref name="halfHours"/> half hours.</summary>
    internal static DateTimeOffset At(int day, int halfHours = 0) =>
        new DateTimeOffset(WorkCalendar.LocalDate(DateTimeOffset.UtcNow).AddDays(day).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).AddMinutes(30 * halfHours);

    internal async Task<(Guid Room, Guid Lead, Guid Assistant)> RoomAsync(string town, string name, Guid? leadAccount = null)
    {
        using var district = await Api.ClientForAsync("district.mediator");
        var room = await CreateRoomAsync(district, Room(Region(town), name));
        var lead = await AddMediatorAsync(district, room, new { name = "王阿姨", specialty = "neighbourhood", regionId = Region(town), userId = leadAccount });
        var assistant = await AddMediatorAsync(district, room, new { name = "李大伯", specialty = "neighbourhood", regionId = Region(town) });
        return (room, lead, assistant);
    }

    /// <summary>A dispute of the room that both sides consented to.</summary>
    internal async Task<Guid> AcceptedDisputeAsync((Guid Room, Guid Lead, Guid Assistant) room, string town = "府山街道", bool accept = true)
    {
        using var mediator = await Api.ClientForAsync("district.mediator");
        var created = await (await mediator.PostAsJsonAsync("/api/v1/mediation/disputes", new
        {
            disputeType = "neighbourhood",
            summary = "相邻通行纠纷。",
            claims = "请求恢复通行。",
            regionId = Region(town),
            source = "walk_in",
            roomId = room.Room,
            leadMediatorId = room.Lead,
            assistingMediatorIds = new[] { room.Assistant },
            parties = new object[] { new { side = "applicant", kind = "person", name = "张三" }, new { side = "respondent", kind = "person", name = "李四" } },
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var id = Guid.Parse(created["id"]!.GetValue<string>());
        if (accept)
        {
            await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/consent", new { side = "applicant", consents = true }, 1)).ShouldBeOkAsync<JsonObject>();
            await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/consent", new { side = "respondent", consents = true }, 2)).ShouldBeOkAsync<JsonObject>();
        }

        return id;
    }

    /// <summary>Refers <paramref name="petition"/> to mediation and answers the dispute it opened, as 府山街道's mediator lists it.</summary>
    internal async Task<JsonNode> ReferToMediationAsync(HttpClient officer, JsonObject petition)
    {
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{petition["id"]!.GetValue<string>()}/classification",
            new { decision = "refer_to_mediation", reason = "属于民间纠纷", notice = "您反映的事项已转人民调解委员会调解。" }, 1)).ShouldBeOkAsync<JsonObject>();
        await PumpOutboxAsync();
        using var town = await Api.ClientForAsync("town.mediator");
        var opened = await ReferredDisputesAsync(town, petition);
        Assert.That(opened, Is.Not.Empty, $"a dispute opened for the referred petition {petition["number"]}");
        return opened[0];
    }

    /// <summary>The disputes opened for <paramref name="petition"/> that <paramref name="client"/> lists.</summary>
    internal static async Task<List<JsonNode>> ReferredDisputesAsync(HttpClient client, JsonObject petition)
    {
        var list = await (await client.GetAsync("/api/v1/mediation/disputes?source=referred_petition&limit=100")).ShouldBeOkAsync<JsonObject>();
        return list["items"]!.AsArray().Where(d => d!["petitionNumber"]?.GetValue<string>() == petition["number"]!.GetValue<string>()).Select(d => d!).ToList();
    }

    internal static Task<HttpResponseMessage> BookAsync(HttpClient client, Guid disputeId, DateTimeOffset start, DateTimeOffset end, Guid[]? mediatorIds = null) =>
        client.PostAsJsonAsync($"/api/v1/mediation/disputes/{disputeId}/sessions", new { startsAt = start, endsAt = end, mediatorIds });
}
