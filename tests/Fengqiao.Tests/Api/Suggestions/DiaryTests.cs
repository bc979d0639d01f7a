using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Suggestions.Diary;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Suggestions;

public sealed class DiaryTests : SuggestionTestBase
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private static object Visit(Guid regionId, string household, string matter, string category = "urban_rural_construction", int day = -1) => new
    {
        kind = "visit", household, visitedOn = Day(day), matter, category, regionId,
    };

    private static async Task<Guid> LogAsync(HttpClient client, object body)
    {
        var logged = await (await client.PostAsJsonAsync("/api/v1/diary/entries", body)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        Assert.That(logged["version"]!.GetValue<long>(), Is.EqualTo(1));
        return Guid.Parse(logged["id"]!.GetValue<string>());
    }

    private static async Task<JsonObject> EntryAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/diary/entries/{id}")).ShouldBeOkAsync<JsonObject>();

    [Test]
    public async Task ThreeSimilarVisits_AreProposedAsOneMatter_WhichBecomesAPetitionInIntakesWorklist()
    {
        var village = await FushanVillageAsync();
        using var cadre = await Api.ClientForAsync("town.petition_officer");
        var first = await LogAsync(cadre, Visit(village, "王建国", "村东头道路年久失修，雨天积水严重，村民出行困难，希望尽快修缮道路"));
        var second = await LogAsync(cadre, Visit(village, "李秀英", "村东头道路年久失修，雨天积水严重，老人孩子出行困难，希望修缮道路"));
        var third = await LogAsync(cadre, Visit(village, "王 建国", "村东头道路年久失修，雨天积水很严重，村民出行困难，要求尽快修缮道路"));
        var unrelated = await LogAsync(cadre, Visit(village, "赵大妈", "低保申请材料已交三个月没有回音，想了解办理进度", "civil_affairs"));

        var entry = await EntryAsync(cadre, first);
        Assert.That(entry["similar"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()), Is.EquivalentTo(new[] { second.ToString(), third.ToString() }));
        Assert.That(entry["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Does.Contain("group"));
        Assert.That((await EntryAsync(cadre, unrelated))["similar"]!.AsArray(), Is.Empty);

        var proposals = await (await cadre.GetAsync($"/api/v1/diary/matter-proposals?regionId={village}")).ShouldBeOkAsync<JsonArray>();
        var proposal = proposals.Single(p => p!["entries"]!.AsArray().Any(e => e!["id"]!.GetValue<string>() == first.ToString()))!;
        Assert.That(proposal["entries"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()), Is.EquivalentTo(new[] { first.ToString(), second.ToString(), third.ToString() }));
        Assert.That(proposal["householdCount"]!.GetValue<int>(), Is.EqualTo(2), "王建国 and 王 建国 are one household");

        var matter = await (await cadre.PostAsJsonAsync("/api/v1/diary/matters", new { title = "村东头道路失修积水", entryIds = new[] { first, second, third } }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var matterId = matter["id"]!.GetValue<string>();
        var proposalsAfter = await (await cadre.GetAsync($"/api/v1/diary/matter-proposals?regionId={village}")).ShouldBeOkAsync<JsonArray>();
        Assert.That(proposalsAfter.SelectMany(p => p!["entries"]!.AsArray()).Select(e => e!["id"]!.GetValue<string>()), Does.Not.Contain(first.ToString()));
        var grouped = await EntryAsync(cadre, second);
        Assert.That(grouped["entry"]!["state"]!.GetValue<string>(), Is.EqualTo("grouped"));
        Assert.That(grouped["groupedInto"]!["householdCount"]!.GetValue<int>(), Is.EqualTo(2));
        await (await SendWithIfMatch(cadre, HttpMethod.Post, $"/api/v1/diary/entries/{second}/petition", new { request = "修缮道路" }, 2))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var converted = await (await SendWithIfMatch(cadre, HttpMethod.Post, $"/api/v1/diary/matters/{matterId}/petition",
            new { request = "请求尽快修缮村东头道路并解决积水问题", urgent = false }, 1)).ShouldBeOkAsync<JsonObject>();
        var number = converted["reference"]!.GetValue<string>();
        Assert.That(converted["kind"]!.GetValue<string>(), Is.EqualTo("petition"));
        var petitions = await (await cadre.GetAsync("/api/v1/petitions?limit=100")).ShouldBeOkAsync<JsonObject>();
        var petition = petitions["items"]!.AsArray().Single(p => p!["number"]!.GetValue<string>() == number)!;
        Assert.That(petition["channel"]!.GetValue<string>(), Is.EqualTo("door_to_door_visit"));

        var detail = await (await cadre.GetAsync($"/api/v1/diary/matters/{matterId}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(detail["outcome"]!["status"]!.GetValue<string>(), Is.EqualTo("registered"), "the cadre sees the petition's status");
        Assert.That(detail["allowedActions"]!.AsArray(), Is.Empty);
        Assert.That((await EntryAsync(cadre, third))["outcome"]!["reference"]!.GetValue<string>(), Is.EqualTo(number));
        await (await SendWithIfMatch(cadre, HttpMethod.Post, $"/api/v1/diary/matters/{matterId}/suggestion", new { title = "道路" }, 2))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(AuditActions(Guid.Parse(matterId)), Is.EqualTo(new[] { "diary.matter_raised", "diary.converted_to_petition" }));
    }

    [Test]
    public async Task AnEntrysProposal_IsBounded_ToTheLatestOfItsManyAlike()
    {
        var village = await FushanVillageAsync();
        using var cadre = await Api.ClientForAsync("town.petition_officer");
        const string matter = "卫生室常用降压药连续两个月缺货，老人配药要跑镇卫生院";
        var examined = await LogAsync(cadre, Visit(village, "周阿婆", matter, "health", -100));
        var alike = new List<Guid>();
        for (var day = 1; day <= DiaryRules.MaxGroupingCandidates + 2; day++)
        {
            alike.Add(await LogAsync(cadre, Visit(village, $"住户{day}", matter, "health", -day)));
        }

        var similar = (await EntryAsync(cadre, examined))["similar"]!.AsArray();
        Assert.That(similar.Select(s => s!["id"]!.GetValue<string>()), Is.EqualTo(alike.Take(DiaryRules.MaxGroupingCandidates).Select(id => id.ToString())),
            "the latest visits alike, the latest first; the two earliest are left for the matters view");
        Assert.That(similar.Select(s => s!["similarity"]!.GetValue<double>()), Is.All.EqualTo(1.0));
        Assert.That((await EntryAsync(cadre, alike[0]))["similar"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()),
            Is.EqualTo(alike.Skip(1).Take(DiaryRules.MaxGroupingCandidates).Select(id => id.ToString())), "an entry is never its own candidate");
    }

    [Test]
    public async Task AMatterOfMessagesAndVisits_BecomesOneSuggestion_NamingItsGroups_AndEachEntryFollowsIt()
    {
        var village = await FushanVillageAsync();
        using var cadre = await Api.ClientForAsync("town.leader");
        var message = await LogAsync(cadre, new
        {
            kind = "group_message", source = "府山村民情微群", household = "孙大伯", visitedOn = Day(0), matter = "建议村里开办老年食堂，解决独居老人吃饭难", category = "other", regionId = village,
        });
        var visit = await LogAsync(cadre, Visit(village, "钱阿婆", "建议村里开办老年食堂，解决独居老人吃饭问题", "other"));
        var matter = await (await cadre.PostAsJsonAsync("/api/v1/diary/matters", new { title = "开办老年食堂", entryIds = new[] { message, visit } }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var matterId = matter["id"]!.GetValue<string>();

        var path = $"/api/v1/diary/matters/{matterId}/suggestion";
        var noTitle = await (await SendWithIfMatch(cadre, HttpMethod.Post, path, new { title = " " }, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(noTitle["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "title" }));
        await (await cadre.PostAsJsonAsync(path, new { title = "开办老年食堂" })).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(cadre, HttpMethod.Post, path, new { title = "开办老年食堂" }, 2)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        using var supervisor = await Api.ClientForAsync("town.supervisor");
        await (await SendWithIfMatch(supervisor, HttpMethod.Post, path, new { title = "开办老年食堂" }, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var converted = await (await SendWithIfMatch(cadre, HttpMethod.Post, path, new { title = "开办老年食堂" }, 1)).ShouldBeOkAsync<JsonObject>();
        Assert.That(converted["kind"]!.GetValue<string>(), Is.EqualTo("suggestion"));

        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var suggestion = await (await reviewer.GetAsync($"/api/v1/suggestions/{converted["targetId"]!.GetValue<string>()}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(suggestion["channel"]!.GetValue<string>(), Is.EqualTo("diary"));
        Assert.That(suggestion["title"]!.GetValue<string>(), Is.EqualTo("开办老年食堂"));
        Assert.That(suggestion["content"]!.GetValue<string>(), Does.Contain("府山村民情微群"), "the message keeps its source");
        Assert.That(suggestion["trackingCode"]!.GetValue<string>(), Is.EqualTo(converted["reference"]!.GetValue<string>()));
        foreach (var entry in new[] { message, visit })
        {
            var outcome = (await EntryAsync(cadre, entry))["outcome"]!;
            Assert.That(outcome["kind"]!.GetValue<string>(), Is.EqualTo("suggestion"));
            Assert.That(outcome["status"]!.GetValue<string>(), Is.EqualTo("submitted"));
        }

        Assert.That(AuditActions(Guid.Parse(matterId)), Is.EqualTo(new[] { "diary.matter_raised", "diary.converted_to_suggestion" }));
    }

    [Test]
    public async Task AGroupMessage_BecomesASuggestion_WhoseStatusTheCadreFollows()
    {
        var village = await FushanVillageAsync();
        using var cadre = await Api.ClientForAsync("town.leader");
        var id = await LogAsync(cadre, new
        {
            kind = "group_message", source = "府山村民情微群", household = "陈师傅", visitedOn = Day(0), matter = "建议在村文化礼堂旁增设健身器材", category = "other", regionId = village,
        });
        var converted = await (await SendWithIfMatch(cadre, HttpMethod.Post, $"/api/v1/diary/entries/{id}/suggestion", new { title = "增设健身器材" }, 1))
            .ShouldBeOkAsync<JsonObject>();
        Assert.That(converted["version"]!.GetValue<long>(), Is.EqualTo(2));
        var suggestionId = converted["targetId"]!.GetValue<string>();

        using var reviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var suggestion = await (await reviewer.GetAsync($"/api/v1/suggestions/{suggestionId}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(suggestion["channel"]!.GetValue<string>(), Is.EqualTo("diary"));
        Assert.That(suggestion["content"]!.GetValue<string>(), Does.Contain("府山村民情微群"));
        await (await SendWithIfMatch(reviewer, HttpMethod.Post, $"/api/v1/suggestions/{suggestionId}/screening", new { outcome = "valid" }, 1)).ShouldBeOkAsync<JsonObject>();

        var entry = await EntryAsync(cadre, id);
        Assert.That(entry["entry"]!["state"]!.GetValue<string>(), Is.EqualTo("converted"));
        Assert.That(entry["outcome"]!["kind"]!.GetValue<string>(), Is.EqualTo("suggestion"));
        Assert.That(entry["outcome"]!["status"]!.GetValue<string>(), Is.EqualTo("valid"));
        Assert.That(entry["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "add_photo" }));
        var list = await (await cadre.GetAsync($"/api/v1/diary/entries?kind=group_message&state=converted&regionId={village}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(Ids(list), Does.Contain(id.ToString()));
    }

    [Test]
    public async Task AGroupMessage_BecomesAPetitionOfTheSocialGroupChannel_WhileAVisitStaysDoorToDoor()
    {
        var village = await FushanVillageAsync();
        using var cadre = await Api.ClientForAsync("town.petition_officer");
        var message = await LogAsync(cadre, new
        {
            kind = "group_message", source = "府山村民情微群", household = "周阿姨", visitedOn = Day(0), matter = "小区电梯故障一周无人维修，老人上下楼困难", category = "urban_rural_construction",
            regionId = village,
        });
        var visit = await LogAsync(cadre, Visit(village, "钱师傅", "菜市场周边占道经营严重，早高峰车辆无法通行"));

        var fromMessage = await (await SendWithIfMatch(cadre, HttpMethod.Post, $"/api/v1/diary/entries/{message}/petition", new { request = "请求尽快维修小区电梯" }, 1))
            .ShouldBeOkAsync<JsonObject>();
        var fromVisit = await (await SendWithIfMatch(cadre, HttpMethod.Post, $"/api/v1/diary/entries/{visit}/petition", new { request = "请求整治占道经营" }, 1))
            .ShouldBeOkAsync<JsonObject>();

        var petitions = (await (await cadre.GetAsync("/api/v1/petitions?limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        string ChannelOf(JsonObject converted) =>
            petitions.Single(p => p!["number"]!.GetValue<string>() == converted["reference"]!.GetValue<string>())!["channel"]!.GetValue<string>();
        Assert.That(ChannelOf(fromMessage), Is.EqualTo("social_group"), "intake's channel list has 民情微群");
        Assert.That(ChannelOf(fromVisit), Is.EqualTo("door_to_door_visit"));
    }

    [Test]
    public async Task AMatterOfGroupMessagesOnly_BecomesAPetitionOfTheSocialGroupChannel_WhoseFactsNameTheGroups()
    {
        var village = await FushanVillageAsync();
        using var cadre = await Api.ClientForAsync("town.petition_officer");
        object Message(string group, string sender) => new
        {
            kind = "group_message", source = group, household = sender, visitedOn = Day(0), matter = "村口桥梁护栏松动，孩子上学经过很危险", category = "urban_rural_construction",
            regionId = village,
        };
        var first = await LogAsync(cadre, Message("府山村民情微群", "吴大姐"));
        var second = await LogAsync(cadre, Message("府山村老年协会群", "郑大爷"));
        var matter = await (await cadre.PostAsJsonAsync("/api/v1/diary/matters", new { title = "村口桥梁护栏松动", entryIds = new[] { first, second } }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        var converted = await (await SendWithIfMatch(cadre, HttpMethod.Post, $"/api/v1/diary/matters/{matter["id"]!.GetValue<string>()}/petition",
            new { request = "请求尽快加固村口桥梁护栏" }, 1)).ShouldBeOkAsync<JsonObject>();
        var petitions = (await (await cadre.GetAsync("/api/v1/petitions?limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray();
        var petition = petitions.Single(p => p!["number"]!.GetValue<string>() == converted["reference"]!.GetValue<string>())!;
        Assert.That(petition["channel"]!.GetValue<string>(), Is.EqualTo("social_group"), "every entry came from a 民情微群");
        var detail = await (await cadre.GetAsync($"/api/v1/petitions/{petition["id"]!.GetValue<string>()}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(detail["facts"]!.GetValue<string>(), Does.Contain("吴大姐（府山村民情微群）").And.Contain("郑大爷（府山村老年协会群）"));
    }

    [Test]
    public async Task BadInput_Returns400_NamingTheFields()
    {
        var village = await FushanVillageAsync();
        using var cadre = await Api.ClientForAsync("town.petition_officer");
        var problem = await (await cadre.PostAsJsonAsync("/api/v1/diary/entries", new
        {
            kind = "group_message", household = "", visitedOn = Day(2), matter = "反映问题", category = "urban_rural_construction", regionId = village,
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "source", "household", "visitedOn" }));

        var category = await (await cadre.PostAsJsonAsync("/api/v1/diary/entries", Visit(village, "周某", "反映问题", "pigeons"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(category["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "category" }));
        var region = await (await cadre.PostAsJsonAsync("/api/v1/diary/entries", Visit(Region("塔山街道"), "周某", "反映问题"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(region["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "regionId" }));

        var inVillage = await LogAsync(cadre, Visit(village, "周某", "反映路灯损坏"));
        var inTown = await LogAsync(cadre, Visit(Region("府山街道"), "吴某", "反映路灯损坏"));
        var mixed = await (await cadre.PostAsJsonAsync("/api/v1/diary/matters", new { title = "路灯", entryIds = new[] { inVillage, inTown } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(mixed["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "entryIds" }));
        var one = await (await cadre.PostAsJsonAsync("/api/v1/diary/matters", new { title = "路灯", entryIds = new[] { inVillage } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(one["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "entryIds" }));
        var noRequest = await (await SendWithIfMatch(cadre, HttpMethod.Post, $"/api/v1/diary/entries/{inVillage}/petition", new { request = "" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(noRequest["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "request" }));
        await (await cadre.GetAsync("/api/v1/diary/entries?state=lost")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task ReadersMayNotLog_AndOtherRolesMayNotRead()
    {
        var village = await FushanVillageAsync();
        using var supervisor = await Api.ClientForAsync("town.supervisor");
        await (await supervisor.GetAsync("/api/v1/diary/entries")).ShouldBeOkAsync<JsonObject>();
        await (await supervisor.PostAsJsonAsync("/api/v1/diary/entries", Visit(village, "周某", "反映问题"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var reviewer = await Api.ClientForAsync("town.suggestion_reviewer");
        await (await reviewer.GetAsync("/api/v1/diary/entries")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var handler = await Api.ClientForAsync("town.handler");
        await (await handler.GetAsync("/api/v1/diary/matters")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task AnotherTownsEntries_AreMissing_AndChangesNeedTheCurrentVersion()
    {
        using var district = await Api.ClientForAsync("district.petition_officer");
        var foreign = await LogAsync(district, Visit(Region("塔山街道"), "孙某", "反映噪音扰民"));
        using var cadre = await Api.ClientForAsync("town.petition_officer");
        await (await cadre.GetAsync($"/api/v1/diary/entries/{foreign}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SendWithIfMatch(cadre, HttpMethod.Post, $"/api/v1/diary/entries/{foreign}/suggestion", new { title = "噪音" }, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var grouping = await (await cadre.PostAsJsonAsync("/api/v1/diary/matters", new { title = "噪音", entryIds = new[] { foreign, Guid.NewGuid() } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(grouping["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "entryIds" }));

        var own = await LogAsync(cadre, Visit(await FushanVillageAsync(), "钱某", "反映垃圾清运不及时"));
        var photo = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/diary/entries/{own}/photo") { Content = File(Png, "走访.png") };
        photo.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await cadre.SendAsync(photo)).ShouldBeOkAsync<JsonObject>();
        var download = await cadre.GetAsync($"/api/v1/diary/entries/{own}/photo");
        Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        var pdf = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/diary/entries/{own}/photo") { Content = File(FileUploads.Pdf, "走访.pdf") };
        pdf.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        var notAPhoto = await (await cadre.SendAsync(pdf)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(notAPhoto["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "file" }));

        await (await SendWithIfMatch(cadre, HttpMethod.Post, $"/api/v1/diary/entries/{own}/suggestion", new { title = "垃圾清运" }, 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await cadre.PostAsJsonAsync($"/api/v1/diary/entries/{own}/suggestion", new { title = "垃圾清运" })).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await SendWithIfMatch(cadre, HttpMethod.Post, $"/api/v1/diary/entries/{own}/suggestion", new { title = "垃圾清运" }, 2)).ShouldBeOkAsync<JsonObject>();
    }

    private static MultipartFormDataContent File(byte[] content, string name)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }
}
