using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Mediation;

public sealed class OutcomeTests : MediationTestBase
{
    private static string Today => WorkCalendar.LocalDate(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd");

    private static string InDays(int days) => WorkCalendar.LocalDate(DateTimeOffset.UtcNow).AddDays(days).ToString("yyyy-MM-dd");

    /// <summary>30 days after <paramref name="effectiveOn"/>, moved to the next working day when that is a rest day, on the host's calendar.</summary>
    private string ConfirmationDueOn(string effectiveOn)
    {
        var calendar = Api.Services.GetRequiredService<IWorkCalendarSource>().Current;
        return calendar.NextWorkingDayOnOrAfter(DateOnly.ParseExact(effectiveOn, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(30)).ToString("yyyy-MM-dd");
    }

    private static object Agreement(string? effectiveOn = null) => new
    {
        terms = "一、被申请人于三十日内赔偿申请人修缮费用 2,000 元；二、双方今后互相体谅，不再因此事发生争执。",
        amountAgreed = 2000m,
        form = "written",
        applicantSigned = true,
        respondentSigned = true,
        effectiveOn = effectiveOn ?? Today,
        performanceDeadline = InDays(30),
    };

    private static async Task<JsonObject> DisputeAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/mediation/disputes/{id}")).ShouldBeOkAsync<JsonObject>();

    /// <summary>Books a session that started yesterday and records it as held.</summary>
    private static async Task HeldSessionAsync(HttpClient client, Guid disputeId, Guid[]? mediatorIds = null)
    {
        var booked = await (await BookAsync(client, disputeId, At(-1), At(-1, 2), mediatorIds)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        await (await SendWithIfMatch(client, HttpMethod.Post, $"/api/v1/mediation/disputes/{disputeId}/sessions/{booked["id"]!.GetValue<string>()}/holding",
            new { applicantAttended = true, respondentAttended = true, record = "双方到场，经调解达成一致。" }, 1)).ShouldBeOkAsync<JsonObject>();
    }

    private List<string> OutboxTypesAbout(Guid id)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT type FROM outbox_messages WHERE payload LIKE $id ORDER BY stored_at", ("$id", $"%{id}%"));
    }

    [Test]
    public async Task AReferredPetitionsAgreement_EndsTheDispute_AndShowsOnThePetitionsTimeline()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var petition = await IntakeData.RegisterAsync(officer, Data.Registration(await FushanVillageAsync(), request: "与邻居因漏水发生纠纷，请求调解。"));
        var petitionId = petition["id"]!.GetValue<string>();
        var id = Guid.Parse((await ReferToMediationAsync(officer, petition))["id"]!.GetValue<string>());

        using var town = await Api.ClientForAsync("town.mediator");
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/consent", new { side = "applicant", consents = true }, 1)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/consent", new { side = "respondent", consents = true }, 2)).ShouldBeOkAsync<JsonObject>();
        var roomId = (await DisputeAsync(town, id))["roomId"]!.GetValue<string>();
        var room = await RoomAsync(town, Guid.Parse(roomId));
        var mediatorId = Guid.Parse(room["mediators"]!.AsArray().First(m => m!["retiredAt"] is null)!["id"]!.GetValue<string>());
        await HeldSessionAsync(town, id, [mediatorId]);

        var agreed = await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/agreement", Agreement(), 3)).ShouldBeOkAsync<JsonObject>();
        Assert.That(agreed["version"]!.GetValue<long>(), Is.EqualTo(4));

        var dispute = await DisputeAsync(town, id);
        Assert.That(dispute["status"]!.GetValue<string>(), Is.EqualTo("agreed"));
        Assert.That(dispute["closedAt"], Is.Not.Null);
        var agreement = dispute["agreement"]!;
        Assert.That(agreement["amountAgreed"]!.GetValue<decimal>(), Is.EqualTo(2000m));
        Assert.That(agreement["form"]!.GetValue<string>(), Is.EqualTo("written"));
        Assert.That(agreement["confirmationDueOn"]!.GetValue<string>(), Is.EqualTo(ConfirmationDueOn(Today)), "人民调解法 Art 33: 30 days from the day it took effect");
        Assert.That(dispute["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "record_follow_up" }));
        Assert.That(OutboxTypesAbout(id), Does.Contain("Mediation.MediationAgreementReached"));

        await PumpOutboxAsync();
        var timeline = (await (await officer.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeOkAsync<JsonObject>())["timeline"]!.AsArray();
        var entry = timeline.Single(e => e!["kind"]!.GetValue<string>() == "mediation_agreed")!;
        Assert.That(entry["text"]!.GetValue<string>(), Does.Contain(dispute["number"]!.GetValue<string>()));
        Assert.That(entry["isPublic"]!.GetValue<bool>(), Is.True);

        // A partly performed agreement leaves the petition as it was; the visit that finds it performed resolves it.
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/follow-ups",
            new { visitedOn = Today, performance = "partly_performed", note = "已支付一半。" }, 4)).ShouldBeOkAsync<JsonObject>();
        await PumpOutboxAsync();
        timeline = (await (await officer.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeOkAsync<JsonObject>())["timeline"]!.AsArray();
        Assert.That(timeline.Select(e => e!["kind"]!.GetValue<string>()), Does.Not.Contain("mediation_performed"));
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/follow-ups",
            new { visitedOn = Today, performance = "performed", note = "款项已全部付清，双方满意。" }, 5)).ShouldBeOkAsync<JsonObject>();
        Assert.That(OutboxTypesAbout(id).Count(t => t == "Mediation.AgreementPerformanceRecorded"), Is.EqualTo(2));
        await PumpOutboxAsync();
        timeline = (await (await officer.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeOkAsync<JsonObject>())["timeline"]!.AsArray();
        var resolved = timeline.Single(e => e!["kind"]!.GetValue<string>() == "mediation_performed")!;
        Assert.That(resolved["text"]!.GetValue<string>(), Does.Contain(dispute["number"]!.GetValue<string>()).And.Contain("化解"));
        Assert.That(resolved["isPublic"]!.GetValue<bool>(), Is.True);

        var performed = await DisputeAsync(town, id);
        Assert.That(performed["performance"]!.GetValue<string>(), Is.EqualTo("performed"));
        Assert.That(performed["performedOn"]!.GetValue<string>(), Is.EqualTo(Today));
        Assert.That(performed["followUps"]!.AsArray().Select(f => f!["performance"]!.GetValue<string>()), Is.EquivalentTo(new[] { "performed", "partly_performed" }));
        Assert.That(performed["allowedActions"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task FollowUps_ListUnperformedAgreements_UntilOneFindsItPerformed()
    {
        var room = await RoomAsync("塔山街道", "回访调解室");
        var id = await AcceptedDisputeAsync(room, "塔山街道");
        using var mediator = await Api.ClientForAsync("district.mediator");
        var url = $"/api/v1/mediation/disputes/{id}/follow-ups";
        var visit = new { visitedOn = Today, performance = "not_performed", note = "被申请人尚未支付。" };

        var noAgreement = await (await SendWithIfMatch(mediator, HttpMethod.Post, url, visit, 3)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(noAgreement["code"]!.GetValue<string>(), Is.EqualTo("dispute_action_not_allowed"));
        await HeldSessionAsync(mediator, id);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/agreement", Agreement(InDays(-3)), 3)).ShouldBeOkAsync<JsonObject>();

        var awaiting = $"/api/v1/mediation/disputes?awaitingPerformance=true&roomId={room.Room}&limit=100";
        Assert.That(await IdsAsync(mediator, awaiting), Is.EqualTo(new[] { id }), "an agreement no visit has found performed awaits action");

        var bad = await (await SendWithIfMatch(mediator, HttpMethod.Post, url, new { visitedOn = InDays(1), performance = "performed", note = " " }, 4))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "visitedOn", "note" }));
        var beforeEffect = await (await SendWithIfMatch(mediator, HttpMethod.Post, url, visit with { visitedOn = InDays(-4) }, 4)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(beforeEffect["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "visitedOn" }));
        await (await mediator.PostAsJsonAsync(url, visit)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, url, visit, 3)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        using (var officer = await Api.ClientForAsync("district.petition_officer"))
        {
            await (await SendWithIfMatch(officer, HttpMethod.Post, url, visit, 4)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var town = await Api.ClientForAsync("town.mediator"))
        {
            await (await SendWithIfMatch(town, HttpMethod.Post, url, visit, 4)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        await (await SendWithIfMatch(mediator, HttpMethod.Post, url, visit, 4)).ShouldBeOkAsync<JsonObject>();
        Assert.That(await IdsAsync(mediator, awaiting), Is.EqualTo(new[] { id }), "not performed: still awaiting");
        Assert.That((await DisputeAsync(mediator, id))["performance"]!.GetValue<string>(), Is.EqualTo("not_performed"));

        await (await SendWithIfMatch(mediator, HttpMethod.Post, url, visit with { performance = "performed", note = "已履行完毕。" }, 5)).ShouldBeOkAsync<JsonObject>();
        Assert.That(await IdsAsync(mediator, awaiting), Is.Empty, "performed: off the list");
        var again = await (await SendWithIfMatch(mediator, HttpMethod.Post, url, visit, 6)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("dispute_action_not_allowed"));
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string url) =>
        (await (await client.GetAsync(url)).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray().Select(d => Guid.Parse(d!["id"]!.GetValue<string>())).ToList();

    [Test]
    public async Task AnAgreement_NeedsAHeldSession_ValidFields_AndTheCurrentVersion()
    {
        var room = await RoomAsync("府山街道", "协议调解室");
        var id = await AcceptedDisputeAsync(room);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var url = $"/api/v1/mediation/disputes/{id}/agreement";

        var noSession = await (await SendWithIfMatch(mediator, HttpMethod.Post, url, Agreement(), 3)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(noSession["code"]!.GetValue<string>(), Is.EqualTo("no_session_held"));
        await HeldSessionAsync(mediator, id);

        var bad = await (await SendWithIfMatch(mediator, HttpMethod.Post, url, new
        {
            terms = "", amountAgreed = -1m, form = "written", applicantSigned = false, respondentSigned = true, effectiveOn = InDays(5), performanceDeadline = InDays(1),
        }, 3)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key),
            Is.EquivalentTo(new[] { "terms", "amountAgreed", "applicantSigned", "effectiveOn", "performanceDeadline" }));
        await (await mediator.PostAsJsonAsync(url, Agreement())).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, url, Agreement(), 2)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var oral = new { terms = "双方口头约定互不追究。", amountAgreed = (decimal?)null, form = "oral", applicantSigned = false, respondentSigned = false, effectiveOn = Today, performanceDeadline = Today };
        await (await SendWithIfMatch(mediator, HttpMethod.Post, url, oral, 3)).ShouldBeOkAsync<JsonObject>();
        var again = await (await SendWithIfMatch(mediator, HttpMethod.Post, url, Agreement(), 4)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("dispute_action_not_allowed"));
    }

    [Test]
    public async Task Failure_EndsTheDispute_WithTheReasonAndGuidance()
    {
        var room = await RoomAsync("府山街道", "不成调解室");
        var id = await AcceptedDisputeAsync(room);
        using var mediator = await Api.ClientForAsync("district.mediator");
        var url = $"/api/v1/mediation/disputes/{id}/failure";

        var bad = await (await SendWithIfMatch(mediator, HttpMethod.Post, url, new { reason = "", guidance = " " }, 3)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "reason", "guidance" }));
        await (await SendWithIfMatch(mediator, HttpMethod.Post, url, new { reason = "双方对赔偿金额分歧过大。", guidance = "可向越城区人民法院起诉。" }, 3)).ShouldBeOkAsync<JsonObject>();

        var dispute = await DisputeAsync(mediator, id);
        Assert.That(dispute["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That((dispute["failureReason"]!.GetValue<string>(), dispute["guidance"]!.GetValue<string>()), Is.EqualTo(("双方对赔偿金额分歧过大。", "可向越城区人民法院起诉。")));
        Assert.That(OutboxTypesAbout(id), Does.Contain("Mediation.MediationFailed"));
        var again = await (await SendWithIfMatch(mediator, HttpMethod.Post, url, new { reason = "再次。", guidance = "起诉。" }, 4)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("dispute_action_not_allowed"));
    }

    [Test]
    public async Task Outcomes_AreForMediators_OfTheirJurisdiction()
    {
        var room = await RoomAsync("塔山街道", "塔山协议室");
        var id = await AcceptedDisputeAsync(room, "塔山街道");
        var failure = new { reason = "分歧过大。", guidance = "可起诉。" };
        using var officer = await Api.ClientForAsync("district.petition_officer");
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/failure", failure, 3)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/agreement", Agreement(), 3)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var town = await Api.ClientForAsync("town.mediator");
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/failure", failure, 3)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(town, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/agreement", Agreement(), 3)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
