using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Mediation;

public sealed class SessionCalendarTests : MediationTestBase
{
    private static string Day(int day) => WorkCalendar.LocalDate(At(day)).ToString("yyyy-MM-dd");

    private static List<string> Ids(JsonObject calendar) => calendar["sessions"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();

    [Test]
    public async Task ARoomsWeek_ShowsItsScheduledAndHeldSessions_WithTheirDisputesAndMediators_ButNotCancelledOnesOrOtherWeeks()
    {
        var room = await RoomAsync("府山街道", "周历调解室");
        var first = await AcceptedDisputeAsync(room);
        var second = await AcceptedDisputeAsync(room);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var morning = await (await BookAsync(mediator, first, At(10), At(10, 2))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var afternoon = await (await BookAsync(mediator, second, At(10, 10), At(10, 11), [room.Assistant])).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var cancelled = await (await BookAsync(mediator, second, At(11), At(11, 1))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{second}/sessions/{cancelled["id"]}/cancellation", new { reason = "当事人请假。" }, 1))
            .ShouldBeOkAsync<JsonObject>();
        await (await BookAsync(mediator, first, At(20), At(20, 1))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        var week = await (await mediator.GetAsync($"/api/v1/mediation/rooms/{room.Room}/sessions?from={Day(9)}")).ShouldBeOkAsync<JsonObject>();

        Assert.That((week["from"]!.GetValue<string>(), week["to"]!.GetValue<string>()), Is.EqualTo((Day(9), Day(16))));
        Assert.That(Ids(week), Is.EqualTo(new[] { morning["id"]!.GetValue<string>(), afternoon["id"]!.GetValue<string>() }));
        var block = week["sessions"]![0]!;
        Assert.That(block["disputeId"]!.GetValue<string>(), Is.EqualTo(first.ToString()));
        Assert.That(block["disputeNumber"]!.GetValue<string>(), Does.Contain("调-"));
        Assert.That(block["roomName"]!.GetValue<string>(), Is.EqualTo("周历调解室"));
        Assert.That(block["status"]!.GetValue<string>(), Is.EqualTo("scheduled"));
        Assert.That((block["startsAt"]!.GetValue<DateTimeOffset>(), block["endsAt"]!.GetValue<DateTimeOffset>()), Is.EqualTo((At(10), At(10, 2))));
        Assert.That(block["mediators"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()), Is.EquivalentTo(new[] { "王阿姨", "李大伯" }));

        var oneDay = await (await mediator.GetAsync($"/api/v1/mediation/rooms/{room.Room}/sessions?from={Day(20)}&days=1")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Ids(oneDay), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AMediatorsWeek_ShowsTheSessionsNamingThem_AndThoseOfTheirAccountInAnotherRoom()
    {
        var account = await UserIdAsync("town.mediator");
        var east = await RoomAsync("府山街道", "东周历室", account);
        var west = await RoomAsync("府山街道", "西周历室", account);
        var inEast = await AcceptedDisputeAsync(east);
        var inWest = await AcceptedDisputeAsync(west);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var eastLead = await (await BookAsync(mediator, inEast, At(12), At(12, 1), [east.Lead])).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var westLead = await (await BookAsync(mediator, inWest, At(12, 4), At(12, 5), [west.Lead])).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        await (await BookAsync(mediator, inEast, At(13), At(13, 1), [east.Assistant])).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        var lead = await (await mediator.GetAsync($"/api/v1/mediation/rooms/{east.Room}/mediators/{east.Lead}/sessions?from={Day(12)}&days=7")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Ids(lead), Is.EqualTo(new[] { eastLead["id"]!.GetValue<string>(), westLead["id"]!.GetValue<string>() }));
        Assert.That(lead["sessions"]![1]!["roomName"]!.GetValue<string>(), Is.EqualTo("西周历室"));

        var assistant = await (await mediator.GetAsync($"/api/v1/mediation/rooms/{east.Room}/mediators/{east.Assistant}/sessions?from={Day(12)}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(assistant["sessions"]!.AsArray().Select(s => s!["startsAt"]!.GetValue<DateTimeOffset>()), Is.EqualTo(new[] { At(13) }));
    }

    [Test]
    public async Task ByDefault_TheCalendarIsThisWeek_FromMonday()
    {
        var room = await RoomAsync("府山街道", "本周调解室");
        using var mediator = await Api.ClientForAsync("district.mediator");
        var week = await (await mediator.GetAsync($"/api/v1/mediation/rooms/{room.Room}/sessions")).ShouldBeOkAsync<JsonObject>();
        var from = DateOnly.Parse(week["from"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var today = WorkCalendar.LocalDate(DateTimeOffset.UtcNow);
        Assert.That(from.DayOfWeek, Is.EqualTo(DayOfWeek.Monday));
        Assert.That(today.DayNumber - from.DayNumber, Is.InRange(0, 6));
        Assert.That(week["sessions"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task BadRange_400WithTheField_WrongRole403_OutOfJurisdiction404_AMediatorOfAnotherRoom404()
    {
        var room = await RoomAsync("府山街道", "校验周历室");
        var other = await RoomAsync("府山街道", "另一周历室");
        var tashan = await RoomAsync("塔山街道", "塔山周历室");
        using var town = await Api.ClientForAsync("town.mediator");

        foreach (var days in new[] { 0, 43 })
        {
            var bad = await (await town.GetAsync($"/api/v1/mediation/rooms/{room.Room}/sessions?days={days}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "days" }));
        }

        await (await town.GetAsync($"/api/v1/mediation/rooms/{room.Room}/sessions")).ShouldBeOkAsync<JsonObject>();
        using var admin = await Api.ClientForAsync("town.admin");
        await (await admin.GetAsync($"/api/v1/mediation/rooms/{room.Room}/sessions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await town.GetAsync($"/api/v1/mediation/rooms/{tashan.Room}/sessions")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await town.GetAsync($"/api/v1/mediation/rooms/{tashan.Room}/mediators/{tashan.Lead}/sessions")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await town.GetAsync($"/api/v1/mediation/rooms/{room.Room}/mediators/{other.Lead}/sessions")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await town.GetAsync($"/api/v1/mediation/rooms/{Guid.NewGuid()}/sessions")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
