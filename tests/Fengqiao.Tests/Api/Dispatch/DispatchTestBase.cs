using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api.Dispatch;

/// <summary>Cases come from accepted petitions through the outbox; these helpers drive that path over HTTP.</summary>
public abstract class DispatchTestBase : IntakeTestBase
{
    internal const string TownGovernment = "府山街道办事处";
    internal const string DistrictHousing = "越城区住房和城乡建设局";

    private readonly Dictionary<string, Guid> _units = [];

    protected override Dictionary<string, string?> Settings => new() { ["RateLimits:PublicPerMinute"] = "1000" };

    internal async Task<Guid> UnitAsync(string name)
    {
        if (!_units.TryGetValue(name, out var id))
        {
            using var admin = await Api.ClientForAsync("city.admin");
            id = _units[name] = await UserAdminTests.UnitIdAsync(admin, name);
        }

        return id;
    }

    /// <summary>
    /// Delivers every stored event and waits for the ones the host's own dispatcher holds under its lease: a pump that
    /// found them leased would otherwise return before they reach their consumers. Events whose delivery failed wait for
    /// their retry and are not waited for.
    /// </summary>
    internal async Task PumpOutboxAsync()
    {
        var dispatcher = Api.Services.GetRequiredService<OutboxDispatcher>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
            {
            }

            using var db = TestDatabase.Open(Api);
            if (TestDatabase.Strings(db, "SELECT id FROM outbox_messages WHERE processed_at IS NULL AND last_error IS NULL").Count == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new AssertionException("The host's outbox dispatcher held events for 10 s.");
    }

    /// <summary>
    /// A petition of a village of 府山街道 (or of <paramref name="regionId"/>) registered by the district bureau (or by the
    /// <paramref name="officerUser"/>) and accepted: its case awaits assignment.
    /// </summary>
    internal async Task<(Guid CaseId, Guid PetitionId)> OpenCaseAsync(
        string? idNumber = null, string? request = null, Guid? regionId = null, string officerUser = "district.petition_officer")
    {
        using var officer = await Api.ClientForAsync(officerUser);
        var petition = await IntakeData.RegisterAsync(officer, Data.Registration(regionId ?? await FushanVillageAsync(), idNumber: idNumber ?? Data.NewIdNumber(), request: request));
        var petitionId = Guid.Parse(petition["id"]!.GetValue<string>());
        return (await AcceptAsync(officer, petitionId), petitionId);
    }

    /// <summary>An online petition accepted by the district bureau, with the citizen's tracking code and secret.</summary>
    internal async Task<(Guid CaseId, string Code, string Secret)> OpenPublicCaseAsync()
    {
        using var anonymous = Api.CreateClient();
        var credentials = await (await anonymous.PostAsJsonAsync("/api/v1/public/petitions", new
        {
            name = Data.Name(),
            phone = Data.MobilePhone(),
            regionId = await FushanVillageAsync(),
            category = "urban_rural_construction",
            request = Data.Request(),
            facts = "小区楼道内堆放杂物长期无人清理。",
            reasons = "存在消防安全隐患。",
        })).ShouldBeOkAsync<JsonObject>(System.Net.HttpStatusCode.Created);
        var code = credentials["trackingCode"]!.GetValue<string>();
        using var db = TestDatabase.Open(Api);
        var petitionId = Guid.Parse(TestDatabase.Strings(db, "SELECT id FROM intake_petitions WHERE tracking_code = $code", ("$code", code)).Single());
        using var officer = await Api.ClientForAsync("district.petition_officer");
        return (await AcceptAsync(officer, petitionId), code, credentials["secret"]!.GetValue<string>());
    }

    internal async Task<JsonObject> CaseAsync(HttpClient client, Guid caseId) =>
        await (await client.GetAsync($"/api/v1/cases/{caseId}")).ShouldBeOkAsync<JsonObject>();

    internal static long VersionOf(JsonObject detail) => detail["version"]!.GetValue<long>();

    /// <summary>Reads the case's current version and posts the change with it as If-Match.</summary>
    internal async Task<HttpResponseMessage> ChangeAsync(HttpClient client, Guid caseId, string action, object body)
    {
        var version = VersionOf(await CaseAsync(client, caseId));
        return await SendWithIfMatch(client, HttpMethod.Post, $"/api/v1/cases/{caseId}/{action}", body, version);
    }

    internal async Task AssignAsync(Guid caseId, string unitName, string mode = "assign", params string[] coUnits)
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var coUnitIds = new List<Guid>();
        foreach (var name in coUnits)
        {
            coUnitIds.Add(await UnitAsync(name));
        }

        await (await ChangeAsync(officer, caseId, "assignment",
            new { mode, leadUnitId = await UnitAsync(unitName), coUnitIds, instructions = "请依法依规办理并按期答复。" })).ShouldBeOkAsync<JsonObject>();
    }

    internal async Task ReplyAsync(HttpClient unit, Guid caseId)
    {
        await (await ChangeAsync(unit, caseId, "signature", new { })).ShouldBeOkAsync<JsonObject>();
        await (await ChangeAsync(unit, caseId, "reply", new { opinion = "support", text = "经核查，已责成物业于三日内清理完毕。" })).ShouldBeOkAsync<JsonObject>();
    }

    internal async Task TickChecklistAsync(HttpClient unit, Guid caseId)
    {
        foreach (var item in (await CaseAsync(unit, caseId))["checklist"]!.AsArray())
        {
            await (await ChangeAsync(unit, caseId, "checklist", new { itemKey = item!["itemKey"]!.GetValue<string>() })).ShouldBeOkAsync<JsonObject>();
        }
    }

    internal List<string> EventsOf(Guid caseId)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, "SELECT type FROM outbox_messages WHERE payload LIKE $id ORDER BY stored_at", ("$id", $"%{caseId}%"));
    }

    /// <summary>
    /// The supervision board of the region <paramref name="regionPath"/> counted straight from the case rows of its subtree, per
    /// lead unit: "unit id|red|yellow|backlog|repeat|skip level|listed|open", sorted.
    /// </summary>
    internal List<string> BoardByUnitFromCaseRows(string regionPath) => BoardFromCaseRows("c.lead_unit_id", regionPath);

    /// <summary>
    /// The same per direct child region of <paramref name="regionPath"/> with the child's whole subtree, and under the region's
    /// own id for the cases of the region itself: the case's path cut after the next code below the region's path.
    /// </summary>
    internal List<string> BoardByRegionFromCaseRows(string regionPath) => BoardFromCaseRows(
        "(SELECT r.id FROM org_regions r WHERE r.path = SUBSTR(c.region_path, 1, LENGTH($path) + INSTR(SUBSTR(c.region_path, LENGTH($path) + 1), '/')))",
        regionPath);

    /// <summary>The lead-unit rows of a board's page.</summary>
    internal static JsonArray UnitRows(JsonObject board) => board["byUnit"]!["items"]!.AsArray();

    /// <summary>The region rows of a board.</summary>
    internal static JsonArray RegionRows(JsonObject board) => board["byRegion"]!.AsArray();

    /// <summary>Board rows (of <see cref="UnitRows"/> or <see cref="RegionRows"/>) in the form of <see cref="BoardByUnitFromCaseRows"/>.</summary>
    internal static List<string> BoardRows(JsonArray rows, string idProperty) =>
        rows.Select(r => string.Join('|', new[] { idProperty, "red", "yellow", "backlog", "repeat", "skipLevel", "listed", "openCases" }
            .Select(p => r![p]?.ToString() ?? string.Empty))).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The board's counters next to the same counts taken from the case rows, per lead unit of each region path that
    /// contains a case's region and per region: "scope or region|lead unit|red|yellow|backlog|repeat|skip level|listed|open", sorted.
    /// </summary>
    internal (List<string> Counters, List<string> CaseRows) BoardCountersAndCaseRows()
    {
        using var db = TestDatabase.Open(Api);
        var counters = TestDatabase.Strings(db, """
            SELECT scope_path || '|' || lead_unit_id || '|' || red || '|' || yellow || '|' || backlog || '|' || repeat_cases || '|' || skip_level || '|' || listed || '|' || open_cases
            FROM dispatch_board_unit_counts WHERE open_cases > 0
            UNION ALL
            SELECT region_id || '|' || '' || '|' || red || '|' || yellow || '|' || backlog || '|' || repeat_cases || '|' || skip_level || '|' || listed || '|' || open_cases
            FROM dispatch_board_region_counts WHERE open_cases > 0
            """).Order(StringComparer.Ordinal).ToList();
        var open = TestDatabase.Strings(db, """
            SELECT COALESCE(lead_unit_id, '00000000-0000-0000-0000-000000000000') || '|' || region_path || '|' || region_id || '|' || light
                   || '|' || is_repeat || '|' || is_skip_level || '|' || is_listed || '|' || current_step
            FROM dispatch_cases WHERE light <> 'None'
            """).Select(row => row.Split('|')).ToList();
        var byScope = open.SelectMany(c => Enumerable.Range(2, c[1].Count(ch => ch == '/') - 1)
                .Select(segments => (Key: string.Join('/', c[1].Split('/').Take(segments)) + "/|" + c[0], Case: c)))
            .Concat(open.Select(c => (Key: c[2] + "|", Case: c)));
        var caseRows = byScope.GroupBy(s => s.Key).Select(g => string.Join('|', g.Key,
                g.Count(s => s.Case[3] == "Red"), g.Count(s => s.Case[3] == "Yellow"), g.Count(s => s.Case[3] == "Red" && s.Case[7] == "Reply"), g.Count(s => s.Case[4] == "1"), g.Count(s => s.Case[5] == "1"),
                g.Count(s => s.Case[6] == "1"), g.Count()))
            .Order(StringComparer.Ordinal).ToList();
        return (counters, caseRows);
    }

    private List<string> BoardFromCaseRows(string groupExpression, string regionPath)
    {
        using var db = TestDatabase.Open(Api);
        return TestDatabase.Strings(db, $"""
            SELECT COALESCE(g.grp, '') || '|' || SUM(CASE WHEN g.light = 'Red' THEN 1 ELSE 0 END) || '|' || SUM(CASE WHEN g.light = 'Yellow' THEN 1 ELSE 0 END)
                   || '|' || SUM(CASE WHEN g.light = 'Red' AND g.current_step = 'Reply' THEN 1 ELSE 0 END) || '|' || SUM(g.is_repeat) || '|' || SUM(g.is_skip_level)
                   || '|' || SUM(g.is_listed) || '|' || COUNT(*)
            FROM (SELECT {groupExpression} AS grp, c.light, c.current_step, c.is_repeat, c.is_skip_level, c.is_listed
                  FROM dispatch_cases c
                  WHERE c.light <> 'None' AND c.region_path LIKE $prefix) g
            GROUP BY g.grp
            """, ("$prefix", regionPath + "%"), ("$path", regionPath)).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<Guid> AcceptAsync(HttpClient officer, Guid petitionId)
    {
        await (await SendWithIfMatch(officer, HttpMethod.Post, $"/api/v1/petitions/{petitionId}/classification",
            new { decision = "accept", notice = "您的信访事项已受理。" }, 1)).ShouldBeOkAsync<JsonObject>();
        await PumpOutboxAsync();
        using var db = TestDatabase.Open(Api);
        var opened = TestDatabase.Strings(db, "SELECT id FROM dispatch_cases WHERE petition_id = $id AND kind = 'Handling'", ("$id", petitionId.ToString()));
        Assert.That(opened, Has.Count.EqualTo(1), $"one case opened for the accepted petition {petitionId}");
        return Guid.Parse(opened[0]);
    }
}
