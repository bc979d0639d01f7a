using Fengqiao.Contracts.Organization;
using Fengqiao.Suggestions.Seeding;
using Fengqiao.Suggestions.Topics;

namespace Fengqiao.DemoData.Suggestions;

/// <summary>
/// Topics 议题 in every status across Shaoxing: the city's and every district's four (a draft being prepared, one open now, one
/// closed last quarter, one concluded with its summary), and in each district's first town one open and one concluded, so the
/// demo town's reviewers and the public pages have work on first start. Deterministic: no randomness is needed.
/// </summary>
internal static class TopicGenerator
{
    private sealed record Theme(string Title, string Description, string Summary);

    private static readonly Theme[] Themes =
    [
        new("{0}2027年民生实事项目候选征集",
            "为更好回应群众关切，现面向社会公开征集{0}2027年民生实事候选项目。欢迎围绕教育、医疗、养老、交通、环境等方面提出具体建议，请写明项目内容、实施地点和理由。",
            "本次征集共收到建议{1}条，经梳理论证，“增设社区食堂”“学校周边交通安全整治”等{2}项建议已纳入年度民生实事项目，其余建议已转相关部门研究参考。"),
        new("{0}老旧小区改造方案征求意见",
            "{0}拟对辖区部分老旧小区实施综合改造，内容包括管网更新、加装电梯、停车位增设和绿化提升。现公开征求居民意见，欢迎就改造内容和实施顺序提出建议。",
            "共收到居民建议{1}条，采纳{2}条，主要涉及电梯加装顺序、施工时间安排和停车位布局，改造方案已据此修改并公示。"),
        new("{0}营商环境优化“金点子”征集",
            "围绕审批提速、惠企政策落实、涉企服务等方面，向企业和群众征集优化营商环境的意见建议。",
            "共收到建议{1}条，{2}条被采纳，其中“涉企事项一次办”建议已在政务服务中心落地实施。"),
        new("{0}养老服务设施布局规划征求意见",
            "为完善居家社区养老服务网络，{0}编制了养老服务设施布局规划（征求意见稿），现公开征求社会各界意见。",
            "共收到建议{1}条，采纳或部分采纳{2}条，规划已补充日间照料中心选址和助餐点布局。"),
        new("{0}生活垃圾分类与村容村貌整治建议征集",
            "欢迎群众就垃圾分类投放点设置、清运时间、村容村貌整治等方面提出意见建议，共建美丽家园。",
            "共收到建议{1}条，采纳{2}条，投放点已按建议调整，清运时间改为早晚两次。"),
        new("{0}公共停车设施规划建议征集",
            "针对停车难问题，{0}拟新建和改造一批公共停车场，现征集选址和收费管理方面的建议。",
            "共收到建议{1}条，采纳{2}条，新增停车场选址已优先考虑医院、学校和老旧小区周边。"),
    ];

    /// <summary>The demo topics over the demo organisation, or none when it has no city.</summary>
    public static List<SeedTopic> Generate(IReadOnlyList<RegionSnapshot> regions, IReadOnlyList<UnitSnapshot> units, DateOnly today, DateTimeOffset now)
    {
        var topics = new List<SeedTopic>();
        var unitsByRegion = units.ToLookup(u => u.RegionId);
        var ordinal = 0;
        foreach (var region in regions.Where(r => r.Level is "city" or "district"))
        {
            var unit = unitsByRegion[region.Id].FirstOrDefault(u => u.Kind == "functional_department");
            if (unit is null)
            {
                continue;
            }

            foreach (var status in Enum.GetValues<SuggestionTopicStatus>())
            {
                topics.Add(Topic(Themes[ordinal++ % Themes.Length], region, unit, status, today, now));
            }

            var town = regions.FirstOrDefault(r => r.Level == "town" && r.Path.StartsWith(region.Path, StringComparison.Ordinal) && region.Level == "district");
            var government = town is null ? null : unitsByRegion[town.Id].FirstOrDefault(u => u.Kind == "town_government");
            if (town is not null && government is not null)
            {
                topics.Add(Topic(Themes[ordinal++ % Themes.Length], town, government, SuggestionTopicStatus.Published, today, now));
                topics.Add(Topic(Themes[ordinal++ % Themes.Length], town, government, SuggestionTopicStatus.Concluded, today, now));
            }
        }

        return topics;
    }

    /// <summary>A topic that has reached <paramref name="status"/>, with days that fit it: a draft opens soon, an open one runs now, the others lie in the past.</summary>
    private static SeedTopic Topic(Theme theme, RegionSnapshot region, UnitSnapshot unit, SuggestionTopicStatus status, DateOnly today, DateTimeOffset now)
    {
        var (opens, closes) = status switch
        {
            SuggestionTopicStatus.Draft => (today.AddDays(10), today.AddDays(40)),
            SuggestionTopicStatus.Published => (today.AddDays(-20), today.AddDays(25)),
            SuggestionTopicStatus.Closed => (today.AddDays(-120), today.AddDays(-60)),
            _ => (today.AddDays(-300), today.AddDays(-240)),
        };
        var created = At(opens.AddDays(-14), now);
        var published = status == SuggestionTopicStatus.Draft ? (DateTimeOffset?)null : At(opens, now);
        var closed = status is SuggestionTopicStatus.Closed or SuggestionTopicStatus.Concluded ? At(closes.AddDays(1), now) : (DateTimeOffset?)null;
        var concluded = status == SuggestionTopicStatus.Concluded ? At(closes.AddDays(40), now) : (DateTimeOffset?)null;
        var received = 20 + (region.Name.Length * 7) % 40;
        var summary = status == SuggestionTopicStatus.Concluded ? string.Format(theme.Summary, region.Name, received, received / 5) : null;
        return new SeedTopic(string.Format(theme.Title, region.Name), string.Format(theme.Description, region.Name), region, unit, opens, closes, status, created,
            published, closed, concluded, summary);
    }

    /// <summary>Nine in the morning, local time, of <paramref name="day"/>; never after now.</summary>
    public static DateTimeOffset At(DateOnly day, DateTimeOffset now)
    {
        var instant = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
        return instant < now ? instant : now;
    }
}
