using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>
/// A petition's allowedActions and its commands follow one rule: what is not offered is refused, what is offered is taken,
/// for a petition of the demo town in each state and every demo user.
/// </summary>
public sealed class PetitionActionRuleTests : IntakeTestBase
{
    public enum Stage
    {
        Registered,
        Accepted,
        Merged,
    }

    private static readonly string[] Levels = ["city", "district", "town"];

    private static readonly string[] Roles =
        ["admin", "petition_officer", "handler", "supervisor", "leader", "mediator", "suggestion_reviewer", "analyst", "discipline_inspector", "agent"];

    private static readonly string[] Actions = ["classify", "link", "merge", "add_attachment", "reveal_petitioner"];

    private static IEnumerable<string> DemoUsers => Levels.SelectMany(level => Roles.Select(role => $"{level}.{role}"));

    [TestCase("district.petition_officer", new[] { "classify", "link", "merge", "add_attachment", "reveal_petitioner" })]
    [TestCase("district.leader", new[] { "classify", "reveal_petitioner" })]
    [TestCase("district.supervisor", new[] { "reveal_petitioner" })]
    [TestCase("district.discipline_inspector", new[] { "reveal_petitioner" })]
    [TestCase("district.analyst", new string[0])]
    public async Task AllowedActions_OfARegisteredPetition_DifferPerRole(string user, string[] expected)
    {
        var petitionId = await PetitionAtAsync(Stage.Registered);
        using var client = await Api.ClientForAsync(user);

        Assert.That(ActionsOf(await PetitionAsync(client, petitionId)), Is.EqualTo(expected));
    }

    [Test]
    public async Task Leader_WhoRegisteredThePetition_IsOfferedFiles_AndAnotherLeaderIsRefused()
    {
        using var registrar = await Api.ClientForAsync("district.leader");
        var petitionId = Guid.Parse((await IntakeData.RegisterAsync(registrar, Data.Registration(await FushanVillageAsync())))["id"]!.GetValue<string>());
        Assert.That(ActionsOf(await PetitionAsync(registrar, petitionId)), Does.Contain("add_attachment"));

        using var other = await Api.ClientForAsync("city.leader");
        Assert.That(ActionsOf(await PetitionAsync(other, petitionId)), Does.Not.Contain("add_attachment"));
        var refused = await (await FileUploads.PostFileAsync(other, $"/api/v1/petitions/{petitionId}/attachments", "材料.pdf", FileUploads.Pdf))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(refused["detail"]!.GetValue<string>(), Does.Contain("registered"));
    }

    [Test]
    public async Task Link_OnAMergedPetition_IsNotOffered_AndIsRefusedWith409()
    {
        var petitionId = await PetitionAtAsync(Stage.Merged);
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var detail = await PetitionAsync(officer, petitionId);
        Assert.That(ActionsOf(detail), Is.EquivalentTo(new[] { "add_attachment", "reveal_petitioner" }));

        var other = await RegisterAsync();
        var refused = await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{petitionId}/links", new { otherPetitionId = other }, VersionOf(detail)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(refused["code"]!.GetValue<string>(), Is.EqualTo("invalid_state"));
    }

    [TestCaseSource(nameof(AllStages))]
    public async Task EveryActionNotOffered_IsRefused_AndEveryOfferedOne_IsTaken(Stage stage)
    {
        var petitionId = await PetitionAtAsync(stage);
        var other = await RegisterAsync();
        var disagreements = new List<string>();
        var offeredTo = new Dictionary<string, string>();
        foreach (var user in DemoUsers)
        {
            using var client = await Api.ClientForAsync(user);
            var read = await client.GetAsync($"/api/v1/petitions/{petitionId}");
            var detail = read.StatusCode == HttpStatusCode.OK ? await read.ShouldBeOkAsync<JsonObject>() : null;
            var offered = detail is null ? [] : ActionsOf(detail);
            foreach (var action in Actions)
            {
                if (offered.Contains(action))
                {
                    offeredTo.TryAdd(action, user);
                    continue;
                }

                var response = await TakeAsync(client, action, petitionId, detail, other);
                if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Conflict))
                {
                    disagreements.Add($"{user} {action}: not offered, answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        foreach (var (action, user) in offeredTo)
        {
            var fresh = await PetitionAtAsync(stage);
            using var client = await Api.ClientForAsync(user);
            var response = await TakeAsync(client, action, fresh, await PetitionAsync(client, fresh), await RegisterAsync());
            if (!response.IsSuccessStatusCode)
            {
                disagreements.Add($"{user} {action}: offered, answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.That(offeredTo.Keys, Is.Not.Empty, "someone may act in every state");
        Assert.That(disagreements, Is.Empty);
    }

    private static IEnumerable<Stage> AllStages() => Enum.GetValues<Stage>();

    private static List<string> ActionsOf(JsonObject detail) => detail["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();

    private static long VersionOf(JsonObject detail) => detail["version"]!.GetValue<long>();

    private static async Task<JsonObject> PetitionAsync(HttpClient client, Guid petitionId) =>
        await (await client.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeOkAsync<JsonObject>();

    /// <summary>The action's request, valid for its validator, so that only the rule can refuse it.</summary>
    private static Task<HttpResponseMessage> TakeAsync(HttpClient client, string action, Guid petitionId, JsonObject? detail, Guid other)
    {
        var url = $"/api/v1/petitions/{petitionId}";
        var version = detail is null ? 1 : VersionOf(detail);
        return action switch
        {
            "classify" => SendWithIfMatch(client, HttpMethod.Post, $"{url}/classification",
                new { decision = "accept", reason = "符合受理条件。", notice = "您的信访事项已受理。" }, version),
            "link" => SendWithIfMatch(client, HttpMethod.Post, $"{url}/links", new { otherPetitionId = other }, version),
            "merge" => SendWithIfMatch(client, HttpMethod.Post, $"{url}/merge", new { intoPetitionId = other }, version),
            "add_attachment" => FileUploads.PostFileAsync(client, $"{url}/attachments", "材料.pdf", FileUploads.Pdf),
            "reveal_petitioner" => client.PostAsync($"{url}/petitioners/{detail?["petitioners"]![0]!["id"]!.GetValue<string>() ?? Guid.NewGuid().ToString()}/reveal", null),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "no request for this action"),
        };
    }

    /// <summary>A petition of 府山街道 (the demo town, so users of every level may read it) brought to <paramref name="stage"/>.</summary>
    private async Task<Guid> PetitionAtAsync(Stage stage)
    {
        var petitionId = await RegisterAsync();
        using var officer = await Api.ClientForAsync("district.petition_officer");
        switch (stage)
        {
            case Stage.Registered:
                break;
            case Stage.Accepted:
                await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{petitionId}/classification",
                    new { decision = "accept", reason = "符合受理条件。", notice = "您的信访事项已受理。" }, 1)).ShouldBeOkAsync<JsonObject>();
                break;
            case Stage.Merged:
                await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{petitionId}/merge", new { intoPetitionId = await RegisterAsync() }, 1))
                    .ShouldBeOkAsync<JsonObject>();
                break;
        }

        return petitionId;
    }

    private async Task<Guid> RegisterAsync()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        return Guid.Parse((await IntakeData.RegisterAsync(officer, Data.Registration(await FushanVillageAsync())))["id"]!.GetValue<string>());
    }
}
