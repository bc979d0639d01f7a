namespace Fengqiao.DemoData.Suggestions;

/// <summary>
/// What the load generator's diary entries tell, composed rather than copied: a problem of a category (its subject and what is
/// wrong with it) at a place of the village, what that does to people, how long it has lasted and how the household put it.
/// Each village has a few recurring matters of its own (a problem at a place) that many of its households raise in their own
/// words; the rest of its entries are matters drawn at large. So a village's entries alike are its recurring matters and the
/// problems it shares with others, not every copy of the demo's sixteen texts.
/// </summary>
internal sealed class DiaryLoadTexts(int seed)
{
    /// <summary>The recurring matters of a village and how often its households raise one of them rather than a matter at large.</summary>
    private const int RecurringPerVillage = 5;

    private const double RecurringShare = 0.5;

    /// <param name="Located">Whether the problem is at a place of the village (a road, a canal) rather than a household's affair.</param>
    private sealed record Problem(string Category, string Subject, string[] Faults, string[] Effects, bool Located = true);

    private sealed record Matter(Problem Problem, string Place, string Fault);

    private static readonly Problem[] Problems =
    [
        new("urban_rural_construction", "道路", ["年久失修路面坑洼", "雨天积水严重", "路面开裂塌陷"], ["老人孩子出行困难", "电瓶车经常摔倒"]),
        new("urban_rural_construction", "路灯", ["损坏多日不亮", "线路老化时亮时灭"], ["夜间出行很不安全", "晚上散步看不清路"]),
        new("urban_rural_construction", "排水沟", ["淤积堵塞", "盖板破损"], ["下大雨就倒灌进屋", "污水漫到路上"]),
        new("ecology_environment", "养殖场", ["气味很大", "粪污直排沟渠"], ["附近住户开不了窗", "夏天蚊蝇很多"]),
        new("ecology_environment", "河道", ["有人倾倒建筑垃圾", "水质发黑发臭"], ["河水变浑没法洗衣", "影响周边环境"]),
        new("ecology_environment", "垃圾桶", ["清运不及时", "数量太少"], ["垃圾堆到路边", "天热异味扰民"]),
        new("agriculture_rural", "灌溉渠", ["淤积堵塞放水困难", "渠道破损漏水"], ["影响今年水稻种植", "田里缺水"]),
        new("agriculture_rural", "种粮补贴", ["今年还没有到账", "发放标准不清楚"], ["农户心里没底", "想问问原因"], false),
        new("civil_affairs", "老年食堂", ["还没有开起来", "饭菜价格偏高"], ["独居老人吃饭成问题", "子女在外放心不下"], false),
        new("civil_affairs", "低保申请", ["材料交了三个月没有回音", "审核进度不公开"], ["家里生活困难", "想了解办理进度"], false),
        new("transport", "公交", ["班次太少", "末班车太早"], ["看病赶集都不方便", "错过一班要等很久"], false),
        new("transport", "三岔路口", ["没有减速带", "没有红绿灯"], ["车辆开得很快", "孩子上学过马路危险"]),
        new("health", "村卫生室", ["常用药经常缺货", "医生只有上午在"], ["配药要跑镇卫生院", "老人看病不方便"], false),
        new("education", "校车", ["接送时间太早", "座位不够"], ["冬天天还没亮就出门", "孩子只能站着"], false),
        new("land_resources", "宅基地审批", ["手续不清楚", "办了半年还没批"], ["想翻建老房子不知道怎么办", "一家人挤在危房里"], false),
        new("property_management", "安置小区物业", ["服务差", "乱收停车费"], ["楼道卫生没人管", "业主意见很大"], false),
        new("labour_social_security", "务工工资", ["被拖欠两个月", "工地老板联系不上"], ["家里等钱用", "想咨询维权渠道"], false),
        new("other", "邻里排水", ["因排水沟走向有矛盾", "因搭建围墙起争执"], ["两家多次争吵", "希望村里出面协调"], false),
    ];

    private static readonly string[] Places =
    [
        "村东头", "村西头", "村口", "文化礼堂旁", "老年活动中心门口", "小学门口", "菜市场边", "河埠头", "祠堂前", "新村三排",
        "安置小区", "村委会后面", "桥头", "后山脚下", "工业区路口", "卫生室旁",
    ];

    private static readonly string[] Durations = ["", "已经好几天了", "有半个多月了", "一年多了", "反映过几次"];

    private static readonly string[] Openers = ["", "反映", "多次反映", "走访时提到", "群众说", "村民讲"];

    private static readonly string[] Closers = ["，希望尽快解决", "，要求有关部门处理", "，盼早日落实", "。", "，请村里向上反映", "，希望干部来看看"];

    private readonly Dictionary<int, Matter[]> _recurring = [];

    /// <summary>An entry of the village numbered <paramref name="village"/>: its category and what it tells.</summary>
    public (string Category, string Text) Next(Random random, int village)
    {
        var matter = random.NextDouble() < RecurringShare ? Pick(random, RecurringOf(village)) : Draw(random);
        var duration = Pick(random, Durations);
        var text = $"{Pick(random, Openers)}{matter.Place}{matter.Problem.Subject}{matter.Fault}{(duration.Length == 0 ? string.Empty : "，" + duration)}，{Pick(random, matter.Problem.Effects)}{Pick(random, Closers)}";
        return (matter.Problem.Category, text);
    }

    private Matter[] RecurringOf(int village)
    {
        if (!_recurring.TryGetValue(village, out var matters))
        {
            var random = new Random((seed * 7919) + village);
            matters = Enumerable.Range(0, RecurringPerVillage).Select(_ => Draw(random)).ToArray();
            _recurring[village] = matters;
        }

        return matters;
    }

    private static Matter Draw(Random random)
    {
        var problem = Pick(random, Problems);
        return new Matter(problem, problem.Located ? Pick(random, Places) : string.Empty, Pick(random, problem.Faults));
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
