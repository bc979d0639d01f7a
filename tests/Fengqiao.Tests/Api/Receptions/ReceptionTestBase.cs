using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Tests.Api.Dispatch;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Receptions;

/// <summary>Receptions scheduled and held over HTTP; the dispatch helpers deliver the acceptance events of assigned batches.</summary>
public abstract class ReceptionTestBase : DispatchTestBase
{
    internal static string Today => WorkCalendar.LocalDate(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd");

    internal static string ThisMonth => Today[..7];

    internal static object LeaderDay(Guid regionId, string? day = null, bool published = true, string theme = "城市建设和物业管理") => new
    {
        kind = "leader_day",
        regionId,
        day = day ?? Today,
        startsAt = "00:00",
        endsAt = "23:59",
        place = "区信访接待中心一楼接待室",
        theme,
        isPublished = published,
    };

    internal async Task<(Guid Id, long Version)> ScheduleAsync(HttpClient client, object body)
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/receptions", body)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        return (Guid.Parse(created["id"]!.GetValue<string>()), created["version"]!.GetValue<long>());
    }

    /// <summary>A leader's reception day of today at <paramref name="regionId"/>, scheduled by <paramref name="leader"/> and held.</summary>
    internal async Task<Guid> HeldLeaderDayAsync(string leader, Guid regionId)
    {
        using var client = await Api.ClientForAsync(leader);
        var (id, version) = await ScheduleAsync(client, LeaderDay(regionId));
        await (await SendWithIfMatch(client, HttpMethod.Post, $"/api/v1/receptions/{id}/holding", null, version)).ShouldBeOkAsync<JsonObject>();
        return id;
    }

    internal static async Task<JsonObject> ReceptionAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/receptions/{id}")).ShouldBeOkAsync<JsonObject>();

    internal async Task<JsonObject> RecordAsync(HttpClient client, Guid receptionId, object body) =>
        await (await client.PostAsJsonAsync($"/api/v1/receptions/{receptionId}/batches", body)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

    internal object Petitioner() => new { name = Data.Name(), idNumber = Data.NewIdNumber(), phone = Data.MobilePhone() };

    internal static object Explained(int persons = 1, params object[] petitioners) => new
    {
        persons,
        petitioners,
        matter = "咨询老旧小区改造政策，经当场解释表示理解。",
        outcome = "explained",
    };

    internal List<string> AuditActions(Guid objectId)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT action FROM audit_entries WHERE object_id = $id ORDER BY sequence", ("$id", objectId.ToString()));
    }
}
