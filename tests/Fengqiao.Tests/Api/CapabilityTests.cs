using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api;

/// <summary>
/// <c>GET /me</c>'s capabilities are what the server lets each demo user through: every endpoint that requires a capability
/// answers 403 exactly to the users /me does not list it for, and so does every tab of the case worklist.
/// </summary>
public sealed class CapabilityTests : IntakeTestBase
{
    private static readonly string[] Levels = ["city", "district", "town"];

    private static IEnumerable<Role> AllRoles => Enum.GetValues<Role>();

    [TestCase("city.admin", new[] { "view_audit", "manage_users", "manage_organization", "manage_routing_rules", "manage_settings", "view_receptions", "schedule_receptions", "schedule_leaders_receptions", "schedule_bureau_receptions", "plan_must_visits", "manage_reception_registers", "view_joint_meetings_and_letters", "manage_joint_meetings_and_letters", "view_mediation", "manage_mediation_rooms", "view_metrics", "manage_integrations", "case_tab_due_soon", "case_tab_overdue", "case_tab_replied" })]
    [TestCase("town.handler", new[] { "answer_assigned_suggestions", "case_tab_to_sign", "case_tab_in_progress", "case_tab_to_reply", "case_tab_due_soon", "case_tab_overdue", "case_tab_replied", "case_tab_supervision_orders" })]
    [TestCase("district.agent", new[] { "register_petition", "case_tab_due_soon", "case_tab_overdue", "case_tab_replied", "case_tab_agent" })]
    [TestCase("district.suggestion_reviewer", new[] { "view_suggestions", "manage_suggestion_topics", "handle_suggestions", "case_tab_due_soon", "case_tab_overdue", "case_tab_replied" })]
    [TestCase("district.analyst", new[] { "export_petitions", "view_supervision", "view_receptions", "view_joint_meetings_and_letters", "view_mediation", "view_disputes", "view_suggestions", "view_diary", "view_metrics", "case_tab_due_soon", "case_tab_overdue", "case_tab_replied" })]
    public async Task Me_ListsTheCapabilitiesOfTheUsersRoles(string user, string[] expected)
    {
        using var client = await Api.ClientForAsync(user);
        Assert.That(await CapabilitiesAsync(client), Is.EqualTo(expected));
    }

    [Test]
    public async Task Capabilities_DependOnTheRoleAlone_NotOnTheLevel()
    {
        var differences = new List<string>();
        foreach (var role in AllRoles)
        {
            using var city = await Api.ClientForAsync($"city.{RoleNames.Of(role)}");
            var expected = await CapabilitiesAsync(city);
            foreach (var level in Levels.Skip(1))
            {
                using var client = await Api.ClientForAsync($"{level}.{RoleNames.Of(role)}");
                var capabilities = await CapabilitiesAsync(client);
                if (!capabilities.SequenceEqual(expected))
                {
                    differences.Add($"{level}.{RoleNames.Of(role)}: {string.Join(", ", capabilities)}; city: {string.Join(", ", expected)}");
                }
            }
        }

        Assert.That(differences, Is.Empty);
    }

    [Test]
    public void EveryCapability_IsRequiredByAnEndpoint_OrOpensAWorklistTab()
    {
        var required = CapabilityEndpoints().Select(e => e.Capability).ToHashSet();
        var tabs = WorklistTabs().Select(TabCapability).ToHashSet(StringComparer.Ordinal);
        var sources = Directory.GetFiles(RepositoryPaths.Combine("api"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        bool CheckedByAHandler(Capability capability) =>
            sources.Any(source => source.Contains($"Capabilities.Require(caller, Capability.{capability},", StringComparison.Ordinal));
        var unused = Enum.GetValues<Capability>().Where(c => !required.Contains(c) && !tabs.Contains(SnakeCase(c)) && !CheckedByAHandler(c));
        Assert.That(unused, Is.Empty, "a capability that no endpoint, tab or handler requires would show the SPA something the server does not guard");
    }

    [Test]
    public async Task EachRole_IsLetThroughTheEndpointsOfItsCapabilities_AndRefusedTheOthers()
    {
        var endpoints = CapabilityEndpoints();
        Assert.That(endpoints, Has.Count.GreaterThan(20), "the endpoints carry the capability they require");
        var disagreements = new List<string>();
        foreach (var role in AllRoles)
        {
            // City users: their jurisdiction is the whole tree, so a 403 here comes from the capability alone.
            var user = $"city.{RoleNames.Of(role)}";
            using var client = await Api.ClientForAsync(user);
            var held = await CapabilitiesAsync(client);
            foreach (var (operation, capability) in endpoints)
            {
                var status = (await SendAsync(client, operation)).StatusCode;
                if ((status == HttpStatusCode.Forbidden) == held.Contains(SnakeCase(capability)))
                {
                    disagreements.Add($"{user} {operation.OperationId} ({SnakeCase(capability)} {(held.Contains(SnakeCase(capability)) ? "held" : "not held")}): {(int)status}");
                }
            }

            foreach (var tab in WorklistTabs())
            {
                var status = (await client.GetAsync($"/api/v1/cases?tab={tab}")).StatusCode;
                var holds = held.Contains(TabCapability(tab));
                if (status != (holds ? HttpStatusCode.OK : HttpStatusCode.Forbidden))
                {
                    disagreements.Add($"{user} tab {tab} ({(holds ? "held" : "not held")}): {(int)status}");
                }
            }

            var counts = await (await client.GetAsync("/api/v1/cases/counts")).ShouldBeOkAsync<JsonObject>();
            var counted = counts["tabs"]!.AsObject().Select(tab => TabCapability(tab.Key));
            if (!counted.SequenceEqual(held.Where(c => c.StartsWith("case_tab_", StringComparison.Ordinal))))
            {
                disagreements.Add($"{user} counts {string.Join(", ", counts["tabs"]!.AsObject().Select(t => t.Key))}: not the tabs it holds");
            }
        }

        Assert.That(disagreements, Is.Empty);
    }

    private static string TabCapability(string tab) => "case_tab_" + tab;

    private static string SnakeCase(Capability capability) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(capability.ToString());

    private static async Task<List<string>> CapabilitiesAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/me")).ShouldBeOkAsync<JsonObject>())["capabilities"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();

    /// <summary>The values the document gives ListCases' <c>tab</c> parameter.</summary>
    private static IEnumerable<string> WorklistTabs() =>
        OpenApiOperations.All.Single(o => o.OperationId == "ListCases").Parameters.Single(p => p["name"]!.GetValue<string>() == "tab")["schema"]!["enum"]!
            .AsArray().Select(t => t!.GetValue<string>());

    /// <summary>The operations of the committed document whose endpoint requires a capability, read from the running host's endpoints.</summary>
    private List<(OpenApiOperation Operation, Capability Capability)> CapabilityEndpoints()
    {
        var required = Api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, Required: e.Metadata.GetMetadata<RequiredCapability>()))
            .Where(e => e.Name is not null && e.Required is not null)
            .ToDictionary(e => e.Name!, e => e.Required!.Capability, StringComparer.Ordinal);
        return OpenApiOperations.All.Where(o => required.ContainsKey(o.OperationId)).Select(o => (o, required[o.OperationId])).ToList();
    }

    /// <summary>The operation with path values that name nothing and an empty body: authorization answers before anything else.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, OpenApiOperation operation)
    {
        var path = operation.FillPath(parameter => parameter switch
        {
            "year" => "2026",
            "name" => "national",
            _ => Guid.NewGuid().ToString(),
        });
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        if (operation.TakesFile)
        {
            // An upload endpoint is only selected for a multipart body; any other body would be answered 404 before authorization.
            request.Content = new MultipartFormDataContent { { new ByteArrayContent([1]), "file", "letter.pdf" } };
        }
        else if (operation.Method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(new { });
        }

        return client.SendAsync(request);
    }
}
