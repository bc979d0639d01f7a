using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Api.Dispatch;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>The home page's count of petitions awaiting the acceptance decision: the classifiers' jurisdiction only.</summary>
public sealed class PetitionCountTests : DispatchTestBase
{
    [Test]
    public async Task Counts_TheRegisteredPetitionsOfTheJurisdiction_AndThoseOverdue_UntilDecided()
    {
        using var town = await Api.ClientForAsync("town.petition_officer");
        using var district = await Api.ClientForAsync("district.petition_officer");
        using var leader = await Api.ClientForAsync("town.leader");
        var townBefore = await CountsAsync(town);
        var districtBefore = await CountsAsync(district);
        var leaderBefore = await CountsAsync(leader);

        var own = await RegisterAsync(district, await FushanVillageAsync());
        var late = await RegisterAsync(district, await FushanVillageAsync());
        await RegisterAsync(district, Region("塔山街道"));
        using (var db = TestDatabase.Open(Api))
        {
            TestDatabase.Strings(db, "UPDATE intake_petitions SET acceptance_due = '2020-01-06' WHERE id = $id", ("$id", late.ToString()));
        }

        Assert.That(await CountsAsync(town), Is.EqualTo((townBefore.ToAccept + 2, townBefore.Overdue + 1)), "塔山街道's petition lies outside 府山街道");
        Assert.That(await CountsAsync(leader), Is.EqualTo((leaderBefore.ToAccept + 2, leaderBefore.Overdue + 1)));
        Assert.That(await CountsAsync(district), Is.EqualTo((districtBefore.ToAccept + 3, districtBefore.Overdue + 1)));

        await (await SendWithIfMatch(district, HttpMethod.Post, $"/api/v1/petitions/{own}/classification",
            new { decision = "accept", notice = "您的信访事项已受理。" }, 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That(await CountsAsync(town), Is.EqualTo((townBefore.ToAccept + 1, townBefore.Overdue + 1)), "a decided petition waits no longer");
    }

    [TestCase("town.handler")]
    [TestCase("town.analyst")]
    [TestCase("town.supervisor")]
    [TestCase("town.agent")]
    [TestCase("city.admin")]
    public async Task Counts_ForRolesThatDoNotClassify_Answers403(string user)
    {
        using var client = await Api.ClientForAsync(user);
        await (await client.GetAsync("/api/v1/petitions/counts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<(long ToAccept, long Overdue)> CountsAsync(HttpClient client)
    {
        var counts = await (await client.GetAsync("/api/v1/petitions/counts")).ShouldBeOkAsync<JsonObject>();
        return (counts["toAccept"]!.GetValue<long>(), counts["acceptanceOverdue"]!.GetValue<long>());
    }

    private async Task<Guid> RegisterAsync(HttpClient officer, Guid regionId) =>
        Guid.Parse((await IntakeData.RegisterAsync(officer, Data.Registration(regionId, idNumber: Data.NewIdNumber())))["id"]!.GetValue<string>());
}
