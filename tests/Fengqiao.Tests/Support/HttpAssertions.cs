using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Fengqiao.Tests.Support;

internal static class HttpAssertions
{
    /// <summary>Asserts the status and that the body is RFC 9457 problem details; returns the parsed body.</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo((int)status));
        Assert.That(body, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack traces or exception names in problem details");
        return problem;
    }

    public static async Task<T> ShouldBeOkAsync<T>(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        return (await response.Content.ReadFromJsonAsync<T>(ApiFactory.Json))!;
    }
}
