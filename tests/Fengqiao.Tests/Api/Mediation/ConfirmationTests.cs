using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Mediation;

public sealed class ConfirmationTests : MediationTestBase
{
    private static string InDays(int days) => WorkCalendar.LocalDate(DateTimeOffset.UtcNow).AddDays(days).ToString("yyyy-MM-dd");

    /// <summary>A dispute of a new room with a held session and an agreement that took effect <paramref name="effectiveDaysAgo"/> days ago; version 4.</summary>
    private async Task<Guid> AgreedDisputeAsync(string town, string roomName, int effectiveDaysAgo = 2) =>
        await AgreedDisputeAsync(town, await RoomAsync(town, roomName), effectiveDaysAgo, 0);

    /// <summary>A dispute of <paramref name="room"/> with a session held yesterday in the <paramref name="slot"/>th hour and an agreement; version 4.</summary>
    private async Task<Guid> AgreedDisputeAsync(string town, (Guid Room, Guid Lead, Guid Assistant) room, int effectiveDaysAgo, int slot)
    {
        var id = await AcceptedDisputeAsync(room, town);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var booked = await (await BookAsync(mediator, id, At(-1, 2 * slot), At(-1, 2 * slot + 2))).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/sessions/{booked["id"]!.GetValue<string>()}/holding",
            new { applicantAttended = true, respondentAttended = true, record = "达成一致。" }, 1)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/agreement", new
        {
            terms = "被申请人赔偿 5,000 元。", amountAgreed = 5000m, form = "written", applicantSigned = true, respondentSigned = true,
            effectiveOn = InDays(-effectiveDaysAgo), performanceDeadline = InDays(20),
        }, 3)).ShouldBeOkAsync<JsonObject>();
        return id;
    }

    private string ConfirmationDueOn(string effectiveOn)
    {
        var calendar = Api.Services.GetRequiredService<IWorkCalendarSource>().Current;
        return calendar.NextWorkingDayOnOrAfter(DateOnly.ParseExact(effectiveOn, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(30)).ToString("yyyy-MM-dd");
    }

    private static string Url(Guid id, string step = "") => $"/api/v1/mediation/disputes/{id}/judicial-confirmation{step}";

    [Test]
    public async Task AnApplicationWithinTheWindow_AndTheRuling_AreRecorded_AndPublished()
    {
        var id = await AgreedDisputeAsync("府山街道", "司法确认调解室");
        using var mediator = await Api.ClientForAsync("district.mediator");

        await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), new { appliedOn = InDays(-1), court = "越城区人民法院" }, 4)).ShouldBeOkAsync<JsonObject>();
        var again = await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), new { appliedOn = InDays(0), court = "越城区人民法院" }, 5)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("confirmation_already_applied"));
        var early = await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id, "/ruling"), new { ruling = "confirmed", decidedOn = InDays(-2) }, 5))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(early["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "decidedOn" }));
        await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id, "/ruling"), new { ruling = "confirmed", decidedOn = InDays(0), note = "(2026)浙0602民特1号" }, 5))
            .ShouldBeOkAsync<JsonObject>();

        var agreement = (await (await mediator.GetAsync($"/api/v1/mediation/disputes/{id}")).ShouldBeOkAsync<JsonObject>())["agreement"]!;
        Assert.That(agreement["confirmationAppliedOn"]!.GetValue<string>(), Is.EqualTo(InDays(-1)));
        Assert.That(agreement["confirmationCourt"]!.GetValue<string>(), Is.EqualTo("越城区人民法院"));
        Assert.That(agreement["confirmationRuling"]!.GetValue<string>(), Is.EqualTo("confirmed"));
        using var db = TestDatabase.Open(Api);
        Assert.That(TestDatabase.Strings(db, "SELECT type FROM outbox_messages WHERE payload LIKE $id", ("$id", $"%{id}%")), Does.Contain("Mediation.JudicialConfirmationDecided"));
        var twice = await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id, "/ruling"), new { ruling = "refused", decidedOn = InDays(0) }, 6))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(twice["code"]!.GetValue<string>(), Is.EqualTo("confirmation_already_decided"));
    }

    [Test]
    public async Task AnApplication_AfterTheThirtyDayWindow_Is400_AndARulingWithoutOne_Is409()
    {
        var id = await AgreedDisputeAsync("府山街道", "逾期确认调解室", effectiveDaysAgo: 40);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var dispute = await (await mediator.GetAsync($"/api/v1/mediation/disputes/{id}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(dispute["agreement"]!["confirmationDueOn"]!.GetValue<string>(), Is.EqualTo(ConfirmationDueOn(InDays(-40))),
            "30 days from the day it took effect, moved to the next working day when that is a rest day");

        var late = await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), new { appliedOn = InDays(0), court = "越城区人民法院" }, 4)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(late["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "appliedOn" }));
        var bad = await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), new { appliedOn = InDays(3), court = "" }, 4)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "appliedOn", "court" }));
        var noApplication = await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id, "/ruling"), new { ruling = "confirmed", decidedOn = InDays(0) }, 4))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(noApplication["code"]!.GetValue<string>(), Is.EqualTo("confirmation_not_applied"));
        await (await mediator.PostAsJsonAsync(Url(id), new { appliedOn = InDays(-35), court = "越城区人民法院" })).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), new { appliedOn = InDays(-35), court = "越城区人民法院" }, 3)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(id), new { appliedOn = InDays(-35), court = "越城区人民法院" }, 4)).ShouldBeOkAsync<JsonObject>();
    }

    [Test]
    public async Task TheWorklist_ListsTheAgreementsWhoseConfirmationDeadlineIsNear_ByTheRuleSetsReminderDays()
    {
        var today = WorkCalendar.LocalDate(DateTimeOffset.UtcNow);
        var calendar = Api.Services.GetRequiredService<IWorkCalendarSource>().Current;
        // An agreement whose last day (30 days on, moved past rest days) falls within the 7 reminder days; none can only while
        // every one of the next eight days is a rest day (the Spring Festival's first days).
        var nearDaysAgo = Enumerable.Range(23, 8).Where(ago => calendar.NextWorkingDayOnOrAfter(today.AddDays(30 - ago)) <= today.AddDays(7)).DefaultIfEmpty(-1).First();
        Assume.That(nearDaysAgo, Is.Not.EqualTo(-1), "no working day among the next eight days");
        var room = await RoomAsync("府山街道", "确认提醒调解室");
        var near = await AgreedDisputeAsync("府山街道", room, nearDaysAgo, 0);
        var applied = await AgreedDisputeAsync("府山街道", room, nearDaysAgo, 1);
        var far = await AgreedDisputeAsync("府山街道", room, 0, 2);
        var passed = await AgreedDisputeAsync("府山街道", room, 40, 3);
        using var mediator = await Api.ClientForAsync("district.mediator");
        await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(applied), new { appliedOn = InDays(0), court = "越城区人民法院" }, 4)).ShouldBeOkAsync<JsonObject>();

        var agreement = (await (await mediator.GetAsync($"/api/v1/mediation/disputes/{near}")).ShouldBeOkAsync<JsonObject>())["agreement"]!;
        Assert.That(agreement["confirmationReminderDays"]!.GetValue<int>(), Is.EqualTo(7), "the rule set's reminder, served with the dispute");
        var listed = await (await mediator.GetAsync($"/api/v1/mediation/disputes?confirmationDueSoon=true&roomId={room.Room}&limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(listed["items"]!.AsArray().Select(d => Guid.Parse(d!["id"]!.GetValue<string>())), Is.EqualTo(new[] { near }),
            $"not the one applied for ({applied}), the one far off ({far}) nor the one past ({passed})");
        var all = await (await mediator.GetAsync($"/api/v1/mediation/disputes?roomId={room.Room}&limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(all["items"]!.AsArray(), Has.Count.EqualTo(4));
        await (await mediator.GetAsync("/api/v1/mediation/disputes?confirmationDueSoon=maybe")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task JudicialConfirmation_IsForMediators_OfTheirJurisdiction_AndForAgreements()
    {
        var id = await AgreedDisputeAsync("塔山街道", "塔山确认室");
        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await SendWithIfMatch(officer, HttpMethod.Post, Url(id), new { appliedOn = InDays(0), court = "越城区人民法院" }, 4)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var town = await Api.ClientForAsync("town.mediator");
        await (await SendWithIfMatch(town, HttpMethod.Post, Url(id), new { appliedOn = InDays(0), court = "越城区人民法院" }, 4)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(town, HttpMethod.Post, Url(id, "/ruling"), new { ruling = "confirmed", decidedOn = InDays(0) }, 4)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var room = await RoomAsync("府山街道", "未协议确认室");
        var accepted = await AcceptedDisputeAsync(room);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var none = await (await SendWithIfMatch(mediator, HttpMethod.Post, Url(accepted), new { appliedOn = InDays(0), court = "越城区人民法院" }, 3)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(none["code"]!.GetValue<string>(), Is.EqualTo("no_agreement"));
    }
}
