using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
}
