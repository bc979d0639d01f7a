using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Mediation;

public sealed class SessionOutcomeTests : MediationTestBase
{
    private static string SessionUrl(Guid disputeId, string sessionId, string step) => $"/api/v1/mediation/disputes/{disputeId}/sessions/{sessionId}/{step}";

    private static async Task<string> BookedAsync(HttpClient client, Guid disputeId, DateTimeOffset start, DateTimeOffset end) =>
        (await (await BookAsync(client, disputeId, start, end)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<string>();

    private static async Task<JsonObject> SessionOfAsync(HttpClient client, Guid disputeId, string sessionId)
    {
        var dispute = await (await client.GetAsync($"/api/v1/mediation/disputes/{disputeId}")).ShouldBeOkAsync<JsonObject>();
        return dispute["sessions"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == sessionId)!.AsObject();
    }

    [Test]
    public async Task Holding_RecordsAttendanceAndTheRecord_AndAHeldSessionDoesNotChangeAgain()
    {
        var room = await RoomAsync("府山街道", "笔录调解室");
        var dispute = await AcceptedDisputeAsync(room);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var sessionId = await BookedAsync(mediator, dispute, At(-2), At(-2, 2));

        var held = await (await SendWithIfMatch(mediator, HttpMethod.Post, SessionUrl(dispute, sessionId, "holding"),
            new { applicantAttended = true, respondentAttended = false, record = "申请人到场陈述，被申请人未到。" }, 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That(held["version"]!.GetValue<long>(), Is.EqualTo(2));

        var session = await SessionOfAsync(mediator, dispute, sessionId);
        Assert.That(session["status"]!.GetValue<string>(), Is.EqualTo("held"));
        Assert.That((session["applicantAttended"]!.GetValue<bool>(), session["respondentAttended"]!.GetValue<bool>()), Is.EqualTo((true, false)));
        Assert.That(session["record"]!.GetValue<string>(), Is.EqualTo("申请人到场陈述，被申请人未到。"));
        Assert.That(session["heldAt"], Is.Not.Null);

        var again = await (await SendWithIfMatch(mediator, HttpMethod.Post, SessionUrl(dispute, sessionId, "cancellation"), new { reason = "误登记。" }, 2))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("session_not_scheduled"));
    }

    [Test]
    public async Task Holding_BeforeTheStart_Is409_AndNeedsARecord_AndTheCurrentVersion()
    {
        var room = await RoomAsync("府山街道", "未开始调解室");
        var dispute = await AcceptedDisputeAsync(room);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var sessionId = await BookedAsync(mediator, dispute, At(9), At(9, 1));
        var url = SessionUrl(dispute, sessionId, "holding");

        var early = await (await SendWithIfMatch(mediator, HttpMethod.Post, url, new { applicantAttended = true, respondentAttended = true, record = "到场。" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(early["code"]!.GetValue<string>(), Is.EqualTo("session_not_started"));
        var empty = await (await SendWithIfMatch(mediator, HttpMethod.Post, url, new { applicantAttended = true, respondentAttended = true, record = "" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(empty["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "record" }));
        await (await mediator.PostAsJsonAsync(url, new { applicantAttended = true, respondentAttended = true, record = "到场。" }))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, url, new { applicantAttended = true, respondentAttended = true, record = "到场。" }, 7))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, SessionUrl(dispute, Guid.NewGuid().ToString(), "holding"),
            new { applicantAttended = true, respondentAttended = true, record = "到场。" }, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Rescheduling_MovesTheSession_FreesItsOldSlots_AndRefusesAClash()
    {
        var room = await RoomAsync("府山街道", "改期调解室");
        var first = await AcceptedDisputeAsync(room);
        var second = await AcceptedDisputeAsync(room);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var moved = await BookedAsync(mediator, first, At(10), At(10, 2));
        await BookedAsync(mediator, second, At(10, 4), At(10, 6));

        var answer = await (await SendWithIfMatch(mediator, HttpMethod.Post, SessionUrl(first, moved, "rescheduling"),
            new { startsAt = At(10, 1), endsAt = At(10, 3), reason = "申请人上午有事。" }, 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That(answer["version"]!.GetValue<long>(), Is.EqualTo(2));
        var session = await SessionOfAsync(mediator, first, moved);
        Assert.That(session["startsAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(At(10, 1)));
        Assert.That(session["rescheduleReason"]!.GetValue<string>(), Is.EqualTo("申请人上午有事。"));
        await (await BookAsync(mediator, second, At(10), At(10, 1))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        var clash = await (await SendWithIfMatch(mediator, HttpMethod.Post, SessionUrl(first, moved, "rescheduling"),
            new { startsAt = At(10, 3), endsAt = At(10, 5), reason = "再改期。" }, 2)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(clash["code"]!.GetValue<string>(), Is.EqualTo("room_booked"));
        Assert.That((await SessionOfAsync(mediator, first, moved))["startsAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(At(10, 1)), "a refused move changes nothing");

        var bad = await (await SendWithIfMatch(mediator, HttpMethod.Post, SessionUrl(first, moved, "rescheduling"),
            new { startsAt = At(10, 3).AddMinutes(5), endsAt = At(10, 2), reason = "" }, 2)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "startsAt", "endsAt", "reason" }));
    }

    [Test]
    public async Task Cancelling_FreesTheSlots_ForAnotherBooking()
    {
        var room = await RoomAsync("府山街道", "取消调解室");
        var first = await AcceptedDisputeAsync(room);
        var second = await AcceptedDisputeAsync(room);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var cancelled = await BookedAsync(mediator, first, At(11), At(11, 2));
        await (await BookAsync(mediator, second, At(11), At(11, 2))).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var bad = await (await SendWithIfMatch(mediator, HttpMethod.Post, SessionUrl(first, cancelled, "cancellation"), new { reason = " " }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "reason" }));
        await (await SendWithIfMatch(mediator, HttpMethod.Post, SessionUrl(first, cancelled, "cancellation"), new { reason = "被申请人住院。" }, 1)).ShouldBeOkAsync<JsonObject>();

        var session = await SessionOfAsync(mediator, first, cancelled);
        Assert.That((session["status"]!.GetValue<string>(), session["cancelReason"]!.GetValue<string>()), Is.EqualTo(("cancelled", "被申请人住院。")));
        await (await BookAsync(mediator, second, At(11), At(11, 2))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
    }

    [Test]
    public async Task SessionSteps_AreForMediators_OfTheirJurisdiction()
    {
        var room = await RoomAsync("塔山街道", "塔山笔录室");
        var dispute = await AcceptedDisputeAsync(room, "塔山街道");
        using var district = await Api.ClientForAsync("district.mediator");
        var sessionId = await BookedAsync(district, dispute, At(-3), At(-3, 1));
        var body = new { applicantAttended = true, respondentAttended = true, record = "到场。" };

        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await SendWithIfMatch(officer, HttpMethod.Post, SessionUrl(dispute, sessionId, "holding"), body, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var town = await Api.ClientForAsync("town.mediator");
        await (await SendWithIfMatch(town, HttpMethod.Post, SessionUrl(dispute, sessionId, "holding"), body, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(town, HttpMethod.Post, SessionUrl(dispute, sessionId, "cancellation"), new { reason = "改期。" }, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(district, HttpMethod.Post, SessionUrl(dispute, sessionId, "holding"), body, 1)).ShouldBeOkAsync<JsonObject>();
    }
}
