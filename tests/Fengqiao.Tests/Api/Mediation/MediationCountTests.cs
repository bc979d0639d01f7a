using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Mediation;

/// <summary>The home page's counts of a mediator: their sessions today and the jurisdiction's disputes awaiting consent.</summary>
public sealed class MediationCountTests : MediationTestBase
{
    [Test]
    public async Task Counts_TheMediatorsSessionsToday_AndTheJurisdictionsDisputesAwaitingConsent()
    {
        using var town = await Api.ClientForAsync("town.mediator");
        using var district = await Api.ClientForAsync("district.mediator");
        var townBefore = await CountsAsync(town);
        var districtBefore = await CountsAsync(district);

        var room = await RoomAsync("府山街道", "首页计数调解室", await UserIdAsync("town.mediator"));
        var tashan = await RoomAsync("塔山街道", "塔山计数调解室");
        await AcceptedDisputeAsync(room, accept: false);
        await AcceptedDisputeAsync(tashan, "塔山街道", accept: false);
        var accepted = await AcceptedDisputeAsync(room);
        var today = await (await BookAsync(district, accepted, At(3), At(3, 2), [room.Lead])).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        await (await BookAsync(district, accepted, At(4), At(4, 2), [room.Lead])).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        MoveToToday(Guid.Parse(today["id"]!.GetValue<string>()));

        Assert.That(await CountsAsync(town), Is.EqualTo((townBefore.SessionsToday + 1, townBefore.DisputesToAccept + 1)),
            "the session today names town.mediator's account; 塔山街道's dispute lies outside 府山街道");
        Assert.That(await CountsAsync(district), Is.EqualTo((districtBefore.SessionsToday, districtBefore.DisputesToAccept + 2)),
            "district.mediator is named in no session");
    }

    [TestCase("town.petition_officer")]
    [TestCase("town.handler")]
    [TestCase("city.admin")]
    public async Task Counts_ForRolesThatDoNotMediate_Answer403(string user)
    {
        using var client = await Api.ClientForAsync(user);
        await (await client.GetAsync("/api/v1/mediation/counts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>Sessions are booked ahead; this one is moved to 08:00–09:00 of today (Asia/Shanghai), as time would bring it.</summary>
    private void MoveToToday(Guid sessionId)
    {
        var start = WorkCalendar.StartOfLocalDay(WorkCalendar.LocalDate(DateTimeOffset.UtcNow)).AddHours(8);
        static string Stored(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);
        using var db = TestDatabase.Open(Api);
        TestDatabase.Strings(db, "UPDATE mediation_sessions SET starts_at = $start, ends_at = $end WHERE id = $id",
            ("$start", Stored(start)), ("$end", Stored(start.AddHours(1))), ("$id", sessionId.ToString()));
    }

    private static async Task<(long SessionsToday, long DisputesToAccept)> CountsAsync(HttpClient client)
    {
        var counts = await (await client.GetAsync("/api/v1/mediation/counts")).ShouldBeOkAsync<JsonObject>();
        return (counts["sessionsToday"]!.GetValue<long>(), counts["disputesToAccept"]!.GetValue<long>());
    }
}
