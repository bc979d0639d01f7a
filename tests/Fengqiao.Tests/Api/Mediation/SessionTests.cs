using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Mediation;

public sealed class SessionTests : MediationTestBase
{
    [Test]
    public async Task Booking_ShowsOnTheDispute_AndAnOverlappingBookingOfTheRoom_Gets409NamingTheSession()
    {
        var room = await RoomAsync("府山街道", "会客调解室");
        var first = await AcceptedDisputeAsync(room);
        var second = await AcceptedDisputeAsync(room);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var booked = await (await BookAsync(mediator, first, At(3), At(3, 2))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        var dispute = await (await mediator.GetAsync($"/api/v1/mediation/disputes/{first}")).ShouldBeOkAsync<JsonObject>();
        var session = dispute["sessions"]!.AsArray().Single()!;
        Assert.That(session["startsAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(At(3)));
        Assert.That(session["mediatorNames"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EquivalentTo(new[] { "王阿姨", "李大伯" }), "the dispute's mediators by default");

        var clash = await (await BookAsync(mediator, second, At(3, 1), At(3, 3), [room.Assistant])).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(clash["code"]!.GetValue<string>(), Is.EqualTo("room_booked"));
        Assert.That(clash["detail"]!.GetValue<string>(), Does.Contain(booked["id"]!.GetValue<string>()).And.Contain("会客调解室"));
        await (await BookAsync(mediator, second, At(3, 2), At(3, 4))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        var card = (await AllRoomsAsync(mediator, $"&regionId={Region("府山街道")}")).Single(r => r["name"]!.GetValue<string>() == "会客调解室");
        var thisMonth = WorkCalendar.LocalDate(DateTimeOffset.UtcNow).Month == WorkCalendar.LocalDate(At(3)).Month ? 2 : 0;
        Assert.That((card["openDisputes"]!.GetValue<int>(), card["sessionsThisMonth"]!.GetValue<int>()), Is.EqualTo((2, thisMonth)));
    }

    [Test]
    public async Task ASession_InvitesEveryPartyByDefault_OrThePartiesNamed_AndNoOneElse()
    {
        var room = await RoomAsync("府山街道", "邀约调解室");
        var id = await AcceptedDisputeAsync(room);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var parties = (await (await mediator.GetAsync($"/api/v1/mediation/disputes/{id}")).ShouldBeOkAsync<JsonObject>())["parties"]!.AsArray();
        var applicant = parties.Single(p => p!["side"]!.GetValue<string>() == "applicant")!["id"]!.GetValue<Guid>();
        var url = $"/api/v1/mediation/disputes/{id}/sessions";

        await (await BookAsync(mediator, id, At(4), At(4, 2))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        await (await mediator.PostAsJsonAsync(url, new { startsAt = At(5), endsAt = At(5, 2), invitedPartyIds = new[] { applicant } })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var stranger = await (await mediator.PostAsJsonAsync(url, new { startsAt = At(6), endsAt = At(6, 2), invitedPartyIds = new[] { applicant, Guid.NewGuid() } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(stranger["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "invitedPartyIds" }));
        var none = await (await mediator.PostAsJsonAsync(url, new { startsAt = At(6), endsAt = At(6, 2), invitedPartyIds = Array.Empty<Guid>() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(none["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "invitedPartyIds" }));

        var sessions = (await (await mediator.GetAsync($"/api/v1/mediation/disputes/{id}")).ShouldBeOkAsync<JsonObject>())["sessions"]!.AsArray();
        Assert.That(sessions.Select(s => s!["invitedPartyNames"]!.AsArray().Select(n => n!.GetValue<string>()).ToList()),
            Is.EqualTo(new[] { new List<string> { "张三", "李四" }, new List<string> { "张三" } }), "everyone by default; only the applicant for a separate talk");
    }

    [Test]
    public async Task TwentyConcurrentBookingsOfOneRoomSlot_OneIsCreated_TheRest409()
    {
        var room = await RoomAsync("府山街道", "并发调解室");
        var disputes = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            disputes.Add(await AcceptedDisputeAsync(room));
        }

        var clients = new List<HttpClient>();
        for (var i = 0; i < 20; i++)
        {
            clients.Add(await Api.ClientForAsync("district.mediator"));
        }

        var answers = await Task.WhenAll(disputes.Select((id, i) => BookAsync(clients[i], id, At(5), At(5, 2), [room.Assistant])));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(19));
        using var db = TestDatabase.Open(Api);
        Assert.That(TestDatabase.Strings(db, "SELECT s.id FROM mediation_sessions s JOIN mediation_rooms r ON r.id = s.room_id WHERE r.name = '并发调解室'"), Has.Count.EqualTo(1));
        clients.ForEach(c => c.Dispose());
    }

    [Test]
    public async Task AMediatorWithAnAccount_IsNotBookedInTwoRoomsAtOnce()
    {
        var account = await UserIdAsync("town.mediator");
        var east = await RoomAsync("府山街道", "东调解室", account);
        var west = await RoomAsync("府山街道", "西调解室", account);
        var inEast = await AcceptedDisputeAsync(east);
        var inWest = await AcceptedDisputeAsync(west);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var booked = await (await BookAsync(mediator, inEast, At(4), At(4, 2), [east.Lead])).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        var clash = await (await BookAsync(mediator, inWest, At(4, 1), At(4, 2), [west.Lead])).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(clash["code"]!.GetValue<string>(), Is.EqualTo("mediator_booked"));
        Assert.That(clash["detail"]!.GetValue<string>(), Does.Contain(booked["id"]!.GetValue<string>()));
        await (await BookAsync(mediator, inWest, At(4, 1), At(4, 2), [west.Assistant])).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
    }

    [Test]
    public async Task Booking_NeedsAnAcceptedDispute_SlotTimes_AndTheRoomsMediators()
    {
        var room = await RoomAsync("府山街道", "规则调解室");
        var other = await RoomAsync("府山街道", "别的调解室");
        var registered = await AcceptedDisputeAsync(room, accept: false);
        var accepted = await AcceptedDisputeAsync(room);
        using var mediator = await Api.ClientForAsync("district.mediator");

        var notAccepted = await (await BookAsync(mediator, registered, At(6), At(6, 1))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(notAccepted["code"]!.GetValue<string>(), Is.EqualTo("dispute_not_accepted"));
        var badTimes = await (await BookAsync(mediator, accepted, At(6).AddMinutes(10), At(6))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(badTimes["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "startsAt", "endsAt" }));
        var foreignMediator = await (await BookAsync(mediator, accepted, At(6), At(6, 1), [other.Lead])).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(foreignMediator["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "mediatorIds" }));

        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await BookAsync(officer, accepted, At(6), At(6, 1))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var tashan = await RoomAsync("塔山街道", "塔山会客室");
        var foreign = await AcceptedDisputeAsync(tashan, "塔山街道");
        using var town = await Api.ClientForAsync("town.mediator");
        await (await BookAsync(town, foreign, At(6), At(6, 1))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
