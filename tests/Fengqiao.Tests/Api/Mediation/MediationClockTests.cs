using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Mediation.Clock;
using Fengqiao.Mediation.Outcomes;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Mediation;

/// <summary>The medical disputes' time limit over HTTP, on a clock the test moves.</summary>
public sealed class MediationClockTests : MediationTestBase
{
    private static readonly WorkCalendar Calendar = WorkCalendar.LoadFromDirectory(RepositoryPaths.Combine("api", "Fengqiao.Api", "WorkCalendar"));
    private static readonly MediationPeriod Medical = new(30, WorkingDays: true);

    // Starts at the real time: tokens are checked against it; clients are signed in again after the clock moves.
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    protected override Action<IServiceCollection>? ConfigureServices => services => services.AddSingleton<TimeProvider>(_clock);

    private DateOnly Today => WorkCalendar.LocalDate(_clock.GetUtcNow());

    private void MoveTo(DateOnly day) =>
        _clock.Advance(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)) - _clock.GetUtcNow());

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> AcceptedAsync(HttpClient mediator, (Guid Room, Guid Lead, Guid Assistant) room, string disputeType)
    {
        var created = await (await mediator.PostAsJsonAsync("/api/v1/mediation/disputes", new
        {
            disputeType,
            summary = "术后感染，患方认为医院存在过错。",
            claims = "请求赔偿医疗费、误工费。",
            amountClaimed = 80000m,
            regionId = Region("塔山街道"),
            source = "walk_in",
            roomId = room.Room,
            leadMediatorId = room.Lead,
            parties = new object[] { new { side = "applicant", kind = "person", name = "张三" }, new { side = "respondent", kind = "organisation", name = "越城区人民医院" } },
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var id = Guid.Parse(created["id"]!.GetValue<string>());
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/consent", new { side = "applicant", consents = true }, 1)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/consent", new { side = "respondent", consents = true }, 2)).ShouldBeOkAsync<JsonObject>();
        return id;
    }

    private static async Task<JsonObject> ClockAsync(HttpClient client, Guid id) =>
        (await (await client.GetAsync($"/api/v1/mediation/disputes/{id}")).ShouldBeOkAsync<JsonObject>())["clock"]!.AsObject();

    [Test]
    public async Task AMedicalDispute_Ends30WorkingDaysAfterAcceptance_AppraisalExcluded_ExtendedOnlyWhenBothAgree()
    {
        var room = await RoomAsync("塔山街道", "医调委调解室");
        var mediator = await Api.ClientForAsync("district.mediator");
        var id = await AcceptedAsync(mediator, room, "medical");
        var due = MediationClock.DueOn(Today, Medical, Calendar);
        var clock = await ClockAsync(mediator, id);
        Assert.That((clock["dueOn"]!.GetValue<string>(), clock["limitDays"]!.GetValue<int>(), clock["overdue"]!.GetValue<bool>()), Is.EqualTo((Text(due), 30, false)));

        var pause = $"/api/v1/mediation/disputes/{id}/clock/pause";
        var bad = await (await SendWithIfMatch(mediator, HttpMethod.Post, pause, new { reason = " " }, 3)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "reason" }));
        await (await mediator.PostAsJsonAsync(pause, new { reason = "医疗损害鉴定" })).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(mediator, HttpMethod.Post, pause, new { reason = "医疗损害鉴定" }, 2)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        using (var officer = await Api.ClientForAsync("district.petition_officer"))
        {
            await (await SendWithIfMatch(officer, HttpMethod.Post, pause, new { reason = "医疗损害鉴定" }, 3)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var town = await Api.ClientForAsync("town.mediator"))
        {
            await (await SendWithIfMatch(town, HttpMethod.Post, pause, new { reason = "医疗损害鉴定" }, 3)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        await (await SendWithIfMatch(mediator, HttpMethod.Post, pause, new { reason = "委托医疗损害鉴定" }, 3)).ShouldBeOkAsync<JsonObject>();
        var again = await (await SendWithIfMatch(mediator, HttpMethod.Post, pause, new { reason = "再次" }, 4)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("clock_already_paused"));

        // Twenty days of appraisal: only their working days are given back.
        var pausedOn = Today;
        MoveTo(Today.AddDays(20));
        mediator.Dispose();
        mediator = await Api.ClientForAsync("district.mediator");
        await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/clock/resume", new { note = "鉴定意见已出具" }, 4)).ShouldBeOkAsync<JsonObject>();
        due = MediationClock.MovedBy(due, MediationClock.PausedDays(pausedOn, Today, Medical, Calendar), Medical, Calendar);
        clock = await ClockAsync(mediator, id);
        Assert.That(clock["dueOn"]!.GetValue<string>(), Is.EqualTo(Text(due)));
        Assert.That(clock["entries"]!.AsArray().Single()!["days"]!.GetValue<int>(), Is.EqualTo(Calendar.WorkingDaysBetween(pausedOn, Today)));

        // Past the deadline the dispute is flagged, on its page and in the worklist.
        MoveTo(due.AddDays(1));
        mediator.Dispose();
        mediator = await Api.ClientForAsync("district.mediator");
        Assert.That((await ClockAsync(mediator, id))["overdue"]!.GetValue<bool>(), Is.True);
        var flagged = await (await mediator.GetAsync($"/api/v1/mediation/disputes?clockOverdue=true&roomId={room.Room}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(flagged["items"]!.AsArray().Select(d => (d!["id"]!.GetValue<string>(), d["clockOverdue"]!.GetValue<bool>())), Is.EqualTo(new[] { (id.ToString(), true) }));

        var extension = $"/api/v1/mediation/disputes/{id}/clock/extension";
        var oneSided = await (await SendWithIfMatch(mediator, HttpMethod.Post, extension,
            new { days = 10, applicantAgrees = true, respondentAgrees = false, reason = "患方申请延长" }, 5)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(oneSided["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "respondentAgrees" }));
        await (await SendWithIfMatch(mediator, HttpMethod.Post, extension, new { days = 10, applicantAgrees = true, respondentAgrees = true, reason = "双方同意延长" }, 5))
            .ShouldBeOkAsync<JsonObject>();
        clock = await ClockAsync(mediator, id);
        Assert.That((clock["dueOn"]!.GetValue<string>(), clock["extendedDays"]!.GetValue<int>(), clock["overdue"]!.GetValue<bool>()),
            Is.EqualTo((Text(MediationClock.MovedBy(due, 10, Medical, Calendar)), 10, false)));
        Assert.That((await (await mediator.GetAsync($"/api/v1/mediation/disputes?clockOverdue=true&roomId={room.Room}")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray(), Is.Empty);
        mediator.Dispose();
    }

    [Test]
    public async Task ATypeWithoutATimeLimit_HasNoClock()
    {
        var room = await RoomAsync("塔山街道", "邻里调解室");
        using var mediator = await Api.ClientForAsync("district.mediator");
        var id = await AcceptedAsync(mediator, room, "neighbourhood");
        Assert.That((await (await mediator.GetAsync($"/api/v1/mediation/disputes/{id}")).ShouldBeOkAsync<JsonObject>())["clock"], Is.Null);
        var refused = await (await SendWithIfMatch(mediator, HttpMethod.Post, $"/api/v1/mediation/disputes/{id}/clock/pause", new { reason = "鉴定" }, 3))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(refused["code"]!.GetValue<string>(), Is.EqualTo("no_mediation_clock"));
    }
}
