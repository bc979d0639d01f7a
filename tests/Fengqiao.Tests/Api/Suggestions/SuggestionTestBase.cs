using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Tests.Api.Dispatch;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Suggestions;

/// <summary>Topics and suggestions over HTTP; the dispatch helpers give units by name and pump the outbox.</summary>
public abstract class SuggestionTestBase : DispatchTestBase
{
    internal static DateOnly Today => WorkCalendar.LocalDate(DateTimeOffset.UtcNow);

    internal static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd");

    internal static object TopicBody(Guid regionId, Guid unitId, string title = "老旧小区改造方案征求意见", int opensIn = -1, int closesIn = 30) => new
    {
        title,
        description = "拟对辖区老旧小区实施综合改造，现公开征求居民意见。",
        regionId,
        unitId,
        opensOn = Day(opensIn),
        closesOn = Day(closesIn),
    };

    internal static async Task<(Guid Id, long Version)> CreateTopicAsync(HttpClient client, object body)
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/suggestion-topics", body)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        return (Guid.Parse(created["id"]!.GetValue<string>()), created["version"]!.GetValue<long>());
    }

    /// <summary>A topic of <paramref name="regionName"/> drafted by the district's reviewer for the district's housing bureau and published.</summary>
    internal async Task<(Guid Id, long Version)> PublishedTopicAsync(string regionName, string title = "老旧小区改造方案征求意见")
    {
        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var (id, version) = await CreateTopicAsync(reviewer, TopicBody(Region(regionName), await UnitAsync(DistrictHousing), title));
        var published = await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestion-topics/{id}/publication", null, version)).ShouldBeOkAsync<JsonObject>();
        return (id, published["version"]!.GetValue<long>());
    }

    internal static async Task<JsonObject> TopicAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/suggestion-topics/{id}")).ShouldBeOkAsync<JsonObject>();

    internal List<string> AuditActions(Guid objectId)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT action FROM audit_entries WHERE object_id = $id ORDER BY sequence", ("$id", objectId.ToString()));
    }

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An answer's JSON with its Chinese text as written (the default writer escapes it), for checking what it must not show.</summary>
    internal static string Text(JsonNode answer) => answer.ToJsonString(Unescaped);

    internal static List<string> Ids(JsonObject page) => page["items"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ToList();
}
