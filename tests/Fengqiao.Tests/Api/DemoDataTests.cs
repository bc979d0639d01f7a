using Fengqiao.BuildingBlocks.PersonalData;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.Dispatch.Cases;
using Fengqiao.Intake.Petitions;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>
/// A fresh host with generated demo petitions and their cases: the petitions look like registered ones in every respect
/// staff can see, and every demo user finds work in each worklist their roles have.
/// </summary>
public sealed class DemoDataTests : IntakeTestBase
{
    /// <summary>The worklist tabs only some roles have (as the SPA shows them); every role watches due_soon, overdue and replied.</summary>
    private static readonly Dictionary<Role, string[]> RoleTabs = new()
    {
        [Role.PetitionOfficer] = ["to_assign", "returned"],
        [Role.Handler] = ["to_sign", "in_progress", "to_reply"],
        [Role.Agent] = ["agent"],
    };

    private static readonly string[] WatchTabs = ["due_soon", "overdue", "replied"];

    /// <summary>Roles whose units lead no cases: mediation committees and discipline inspection work on petitions referred to them.</summary>
    private static readonly Role[] WithoutCases = [Role.Mediator, Role.DisciplineInspector];

    /// <summary>Least privilege (see docs/architecture.md): these roles read no petitions at all.</summary>
    private static readonly Role[] ReadingNoPetitions = [Role.Admin, Role.Mediator, Role.SuggestionReviewer];

    private static readonly Role[] SupervisionBoardRoles = [Role.PetitionOfficer, Role.Supervisor, Role.Leader, Role.Analyst];

    private static IEnumerable<TestCaseData> DemoUsers() =>
        from level in new[] { "city", "district", "town" }
        from role in Enum.GetValues<Role>()
        select new TestCaseData(level, role).SetArgDisplayNames($"{level}.{RoleNames.Of(role)}");

    private List<JsonObject> _worklist = null!;

    protected override Dictionary<string, string?> Settings => new() { ["Demo:Petitions"] = "300", ["Demo:Disputes"] = "true" };

    [OneTimeSetUp]
    public async Task ReadTheCityWorklist()
    {
        using var officer = await Api.ClientForAsync("city.petition_officer");
        _worklist = [];
        string? cursor = null;
        do
        {
            var page = await (await officer.GetAsync("/api/v1/petitions?limit=100" + (cursor is null ? string.Empty : "&cursor=" + cursor))).ShouldBeOkAsync<JsonObject>();
            _worklist.AddRange(page["items"]!.AsArray().Select(item => item!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
    }

    [Test]
    public async Task Worklist_HoldsTheSeededPetitions_FromManyChannels()
    {
        // Accusations referred to discipline inspection stay hidden from petition officers; their inspectors see them.
        using var inspector = await Api.ClientForAsync("city.discipline_inspector");
        var referred = await (await inspector.GetAsync("/api/v1/petitions?limit=100&status=referred_to_discipline")).ShouldBeOkAsync<JsonObject>();
        Assert.That(_worklist.Select(p => p["status"]!.GetValue<string>()), Has.None.EqualTo("referred_to_discipline"));
        Assert.That(_worklist.Count + referred["items"]!.AsArray().Count, Is.EqualTo(300));
        Assert.That(_worklist.Select(p => p["channel"]!.GetValue<string>()).Distinct().Count(), Is.GreaterThanOrEqualTo(8));
        Assert.That(_worklist.Select(p => p["status"]!.GetValue<string>()).Distinct(), Is.SupersetOf(new[] { "registered", "accepted", "not_accepted" }));
    }

    [TestCaseSource(nameof(DemoUsers))]
    public async Task EveryDemoUser_FindsWork_InEachWorklistTheirRoleHas(string level, Role role)
    {
        using var user = await Api.ClientForAsync($"{level}.{RoleNames.Of(role)}");
        var petitions = await (await user.GetAsync("/api/v1/petitions?limit=1")).ShouldBeOkAsync<JsonObject>();
        if (ReadingNoPetitions.Contains(role))
        {
            Assert.That(petitions["items"]!.AsArray(), Is.Empty, "a role that reads no petitions");
        }
        else if (role != Role.Agent)
        {
            // An agent reads the petitions it registered itself (none seeded) and works on the cases it acts for, checked below.
            Assert.That(petitions["items"]!.AsArray(), Is.Not.Empty, "petition worklist");
        }

        var counts = (await (await user.GetAsync("/api/v1/cases/counts")).ShouldBeOkAsync<JsonObject>())["tabs"]!.AsObject()
            .ToDictionary(tab => tab.Key, tab => tab.Value!.GetValue<long>());
        foreach (var tab in RoleTabs.GetValueOrDefault(role, []))
        {
            Assert.That(counts[tab], Is.GreaterThan(0), $"cases tab {tab}");
        }

        if (CaseStore.RegionWideRoles.Contains(role) || role == Role.Handler)
        {
            Assert.That(WatchTabs.Where(tab => counts[tab] == 0), Is.Empty, "cases tabs due_soon, overdue and replied");
        }
        else if (!WithoutCases.Contains(role))
        {
            Assert.That(WatchTabs.Sum(tab => counts[tab]), Is.GreaterThan(0), "cases tabs due_soon, overdue and replied together");
        }

        if (SupervisionBoardRoles.Contains(role))
        {
            var board = await (await user.GetAsync("/api/v1/supervision-board")).ShouldBeOkAsync<JsonObject>();
            Assert.That(board["byUnit"]!["items"]!.AsArray(), Is.Not.Empty, "supervision board");
        }
    }

    [Test]
    public void Cases_StartFromSeededPetitions_InEveryState()
    {
        using var db = TestDatabase.Open(Api);
        Assert.That(TestDatabase.Strings(db, "SELECT c.number FROM dispatch_cases c WHERE NOT EXISTS (SELECT 1 FROM intake_petitions p WHERE p.id = c.petition_id)"), Is.Empty);
        var states = TestDatabase.Strings(db, "SELECT DISTINCT kind || ':' || status || CASE WHEN final_at IS NOT NULL THEN ':final' ELSE '' END FROM dispatch_cases");
        Assert.That(states, Is.SupersetOf(new[]
        {
            "Handling:AwaitingAssignment", "Handling:Returned", "Handling:AwaitingSignature", "Handling:InProgress", "Handling:Replied", "Handling:Closed",
            "Review:Replied", "Review:Closed", "ReReview:Replied", "ReReview:Closed:final",
        }));
        Assert.That(TestDatabase.Strings(db, "SELECT DISTINCT light FROM dispatch_cases WHERE status = 'InProgress'"), Is.SupersetOf(new[] { "Green", "Yellow", "Red" }));
        Assert.That(TestDatabase.Strings(db, "SELECT id FROM dispatch_supervision_orders WHERE answered_at IS NULL"), Is.Not.Empty, "an unanswered supervision order");
        Assert.That(TestDatabase.Strings(db, "SELECT id FROM dispatch_cases WHERE agent_user_id IS NOT NULL AND status <> 'Closed'"), Is.Not.Empty, "a case with an agent");
    }

    /// <summary>About five hundred disputes of the last year in every state, so each demo mediator's worklist holds real work.</summary>
    [Test]
    public async Task MediatorsWorklists_HoldTheSeededDisputes_InEveryState()
    {
        using (var db = TestDatabase.Open(Api))
        {
            Assert.That(int.Parse(TestDatabase.Strings(db, "SELECT CAST(COUNT(*) AS TEXT) FROM mediation_disputes").Single()), Is.InRange(450, 550));
            Assert.That(int.Parse(TestDatabase.Strings(db, "SELECT CAST(COUNT(DISTINCT room_id) AS TEXT) FROM mediation_disputes").Single()),
                Is.EqualTo(int.Parse(TestDatabase.Strings(db, "SELECT CAST(COUNT(*) AS TEXT) FROM mediation_rooms").Single())), "every seeded room has disputes");
            var states = TestDatabase.Strings(db, """
                SELECT DISTINCT d.status || ':' || d.applicant_consent || '/' || d.respondent_consent || ':' || COALESCE(d.performance, '-') || ':'
                    || COALESCE(a.confirmation_ruling, CASE WHEN a.confirmation_applied_on IS NOT NULL THEN 'Applied' ELSE '-' END)
                FROM mediation_disputes d LEFT JOIN mediation_agreements a ON a.dispute_id = d.id
                """);
            Assert.That(states, Is.SupersetOf(new[]
            {
                "Registered:Pending/Pending:-:-", "Registered:Given/Pending:-:-", "NotMediated:Given/Refused:-:-", "Accepted:Given/Given:-:-",
                "Agreed:Given/Given:-:-", "Agreed:Given/Given:-:Applied", "Agreed:Given/Given:-:Confirmed", "Agreed:Given/Given:-:Refused",
                "Agreed:Given/Given:Performed:-", "Agreed:Given/Given:PartlyPerformed:-", "Agreed:Given/Given:NotPerformed:-",
                "Failed:Given/Given:-:-", "Withdrawn:Given/Given:-:-",
            }));
            Assert.That(TestDatabase.Strings(db, "SELECT DISTINCT status FROM mediation_sessions"), Is.EquivalentTo(new[] { "Scheduled", "Held" }));
            var registered = TestDatabase.Strings(db, "SELECT registered_at FROM mediation_disputes").Select(DateTimeOffset.Parse).ToList();
            Assert.That(registered.Min(), Is.GreaterThan(DateTimeOffset.UtcNow.AddDays(-380)).And.LessThan(DateTimeOffset.UtcNow.AddDays(-330)), "over the last year");
        }

        using var city = await Api.ClientForAsync("city.mediator");
        foreach (var status in new[] { "registered", "accepted", "not_mediated", "withdrawn", "agreed", "failed" })
        {
            var page = await (await city.GetAsync($"/api/v1/mediation/disputes?limit=1&status={status}")).ShouldBeOkAsync<JsonObject>();
            Assert.That(page["items"]!.AsArray(), Is.Not.Empty, $"the city mediator's {status} disputes");
        }

        foreach (var user in new[] { "district.mediator", "town.mediator" })
        {
            using var mediator = await Api.ClientForAsync(user);
            var page = await (await mediator.GetAsync("/api/v1/mediation/disputes?limit=100")).ShouldBeOkAsync<JsonObject>();
            Assert.That(page["items"]!.AsArray().Select(d => d!["status"]!.GetValue<string>()).Distinct().Count(), Is.GreaterThanOrEqualTo(3), $"{user}'s worklist");
        }
    }

    [Test]
    public async Task Metrics_HoldTheSeededFigures_OnFirstStart()
    {
        using var leader = await Api.ClientForAsync("city.leader");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var table = await (await leader.GetAsync($"/api/v1/metrics/indicators?from={today.AddDays(-3650):yyyy-MM-dd}&to={today:yyyy-MM-dd}")).ShouldBeOkAsync<JsonObject>();
        var figures = table["total"]!["figures"]!.AsArray().ToDictionary(f => f!["key"]!.GetValue<string>(), f => f!.AsObject());

        using var db = TestDatabase.Open(Api);
        var petitions = TestDatabase.Strings(db, "SELECT CAST(COUNT(*) AS TEXT) FROM intake_petitions").Single();
        Assert.That(figures["registered"]["numerator"]!.ToString(), Is.EqualTo(petitions));
        foreach (var rate in new[] { "on_time_acceptance_rate", "on_time_conclusion_rate", "satisfaction_rate", "resolution_rate", "mediation_success_rate" })
        {
            Assert.That(figures[rate]["denominator"]!.GetValue<long>(), Is.GreaterThan(0), rate);
        }

        var disputes = TestDatabase.Strings(db, "SELECT CAST(COUNT(*) AS TEXT) FROM mediation_disputes").Single();
        Assert.That(figures["disputes_opened"]["numerator"]!.ToString(), Is.EqualTo(disputes), "the seeded disputes' history is counted");
    }

    [Test]
    public async Task AuditTrail_OfTheSeededDatabase_VerifiesIntact()
    {
        using var admin = await Api.ClientForAsync("city.admin");
        var report = await (await admin.GetAsync("/api/v1/audit/verification")).ShouldBeOkAsync<JsonObject>();
        Assert.That(report["intact"]!.GetValue<bool>(), Is.True, report.ToJsonString());
        Assert.That(report["unchainedEntries"]!.GetValue<long>(), Is.Zero, "a fresh database chains every entry");
        using var db = TestDatabase.Open(Api);
        Assert.That(TestDatabase.Strings(db, "SELECT action FROM audit_entries"), Does.Contain("demo.seeded").And.Contain("demo.petitions_loaded"));
    }

    [Test]
    public void Numbers_FollowDistrictYearSequence_AndAreUnique()
    {
        var numbers = _worklist.Select(p => p["number"]!.GetValue<string>()).ToList();
        Assert.That(numbers, Is.Unique);
        Assert.That(numbers, Has.All.Match(@"^(越城|柯桥|上虞|诸暨|嵊州|新昌)-20\d\d-\d{6}$"));
        Assert.That(numbers, Has.Some.Match(@"^越城-20\d\d-\d{6}$"));
    }

    [Test]
    public async Task SomePetitionsAreFlaggedRepeat_WithTheEarlierPetitionsNamed()
    {
        var repeats = _worklist.Where(p => p["isRepeat"]!.GetValue<bool>()).ToList();
        Assert.That(repeats, Is.Not.Empty);
        Assert.That(_worklist.Where(p => p["isFirstTime"]!.GetValue<bool>()).Count(), Is.GreaterThan(repeats.Count));

        using var officer = await Api.ClientForAsync("city.petition_officer");
        var detail = await (await officer.GetAsync($"/api/v1/petitions/{repeats[0]["id"]}")).ShouldBeOkAsync<JsonObject>();
        var reason = detail["flags"]!.AsArray().First(f => f!["flag"]!.GetValue<string>() == "repeat")!;
        var earlier = reason["related"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var district = repeats[0]["number"]!.GetValue<string>().Split('-')[0];
        Assert.That(earlier, Is.Not.Empty);
        Assert.That(earlier, Has.All.StartWith(district + "-"), "a matter comes back in the same region");
    }

    [Test]
    public async Task PersonalData_IsMaskedInViews_AndDecryptsToValidNumbersOnReveal()
    {
        using var officer = await Api.ClientForAsync("city.petition_officer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var checkedPetitioners = 0;
        foreach (var item in _worklist.Take(20))
        {
            var detail = await (await officer.GetAsync($"/api/v1/petitions/{item["id"]}")).ShouldBeOkAsync<JsonObject>();
            foreach (var petitioner in detail["petitioners"]!.AsArray().Select(p => p!.AsObject()).Where(p => p["idNumberMasked"] is not null))
            {
                var masked = petitioner["idNumberMasked"]!.GetValue<string>();
                Assert.That(masked, Does.Match(@"^\d{6}\*{8}\d{3}[\dX]$"));
                if (petitioner["phoneMasked"]?.GetValue<string>() is { } phone)
                {
                    Assert.That(phone, Does.Match(@"^(1\d{2}\*{4}\d{4}|0575\*+\d{2})$"));
                }

                var revealed = await (await officer.PostAsync($"/api/v1/petitions/{item["id"]}/petitioners/{petitioner["id"]}/reveal", null)).ShouldBeOkAsync<JsonObject>();
                var idNumber = revealed["idNumber"]!.GetValue<string>();
                Assert.That(IdentityNumbers.IsValidIdNumber(idNumber, today), Is.True, idNumber);
                Assert.That(idNumber[..6] + "********" + idNumber[^4..], Is.EqualTo(masked));
                checkedPetitioners++;
            }
        }

        Assert.That(checkedPetitioners, Is.GreaterThan(10));
        using var db = TestDatabase.Open(Api);
        Assert.That(TestDatabase.Strings(db, "SELECT id_number_cipher FROM intake_petitioners WHERE id_number_cipher IS NOT NULL"), Has.All.StartsWith("v1:"));
    }
}
