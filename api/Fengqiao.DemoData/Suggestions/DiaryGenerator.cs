using Bogus;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Suggestions.Diary;
using Fengqiao.Suggestions.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.DemoData.Suggestions;

/// <summary>
/// A few hundred diary entries from a fixed seed over the villages of each district's first town (the demo town among them),
/// across the past year: in every village two recurring matters told by many households in their own words, and single
/// matters besides; about one in five is a 民情微群 message. A recurring matter's entries older than two months were grouped as
/// one kind of matter, and about two thirds of those matters became a petition (through intake) or a suggestion; the recent
/// entries are left open, so the grouping proposals have work. About one in eight older single entries was converted alone.
/// </summary>
internal sealed class DiaryGenerator
{
    public const int DefaultSeed = 6203;

    private sealed record Theme(string Category, string Title, string Text, string Request);

    private static readonly Theme[] Themes =
    [
        new("urban_rural_construction", "村道年久失修积水", "村东头道路年久失修，路面坑洼，雨天积水严重，老人孩子出行困难", "请求尽快修缮村东头道路并解决积水问题"),
        new("urban_rural_construction", "路灯损坏夜间出行不便", "村口到文化礼堂一段路灯损坏多日，夜间照明不足，出行很不安全", "请求修复村内损坏路灯"),
        new("ecology_environment", "养殖场异味扰民", "村北养殖场气味很大，夏天尤其严重，附近住户开不了窗，影响正常生活", "请求督促养殖场整改异味问题"),
        new("agriculture_rural", "农田灌溉渠堵塞", "村西农田灌溉渠淤积堵塞，放水困难，影响今年水稻种植", "请求疏浚农田灌溉渠"),
        new("civil_affairs", "高龄老人助餐需求", "村里独居高龄老人较多，子女在外打工，吃饭成问题，希望村里能办老年食堂", "请求在村居家养老服务中心开设助餐点"),
        new("transport", "公交班次太少", "村里到镇上的公交车每天班次太少，看病赶集都不方便，错过一班要等很久", "请求增加村镇公交班次"),
    ];

    private static readonly string[] Openers = ["", "反映", "多次反映", "走访时提到", "群众说"];

    private static readonly string[] Closers = ["，希望尽快解决", "，要求有关部门处理", "，盼早日落实", "。", "，请村里向上反映"];

    private static readonly (string Category, string Text)[] Singles =
    [
        ("labour_social_security", "在外务工被拖欠工资两个月，咨询维权渠道"),
        ("civil_affairs", "低保申请材料已交三个月没有回音，想了解办理进度"),
        ("health", "村卫生室常用药经常缺货，配药要跑镇卫生院"),
        ("education", "孩子上学校车接送时间太早，冬天天还没亮"),
        ("land_resources", "宅基地审批手续不清楚，想翻建老房子不知道怎么办"),
        ("property_management", "安置小区物业服务差，垃圾清运不及时"),
        ("other", "邻里之间因排水沟问题有矛盾，希望村里出面协调"),
        ("agriculture_rural", "种粮补贴今年还没有到账，想问问原因"),
        ("ecology_environment", "河道里有人倒建筑垃圾，河水变浑"),
        ("transport", "村口三岔路口没有减速带，车辆开得很快"),
    ];

    private readonly Faker _faker = new("zh_CN") { Random = new Randomizer(DefaultSeed) };
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;
    private readonly List<SeedDiaryEntry> _entries = [];
    private readonly List<SeedDiaryMatter> _matters = [];

    private DiaryGenerator(DateTimeOffset now)
    {
        _now = now;
        _today = WorkCalendar.LocalDate(now);
    }

    public static async Task<(List<SeedDiaryEntry> Entries, List<SeedDiaryMatter> Matters)> GenerateAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var directory = scoped.GetRequiredService<IOrganizationDirectory>();
        var regions = await directory.ListRegionsAsync(cancellationToken);
        var units = await directory.ListUnitsAsync(cancellationToken);
        var generator = new DiaryGenerator(scoped.GetRequiredService<TimeProvider>().GetUtcNow());
        foreach (var district in regions.Where(r => r.Level == "district"))
        {
            var town = regions.FirstOrDefault(r => r.Level == "town" && r.Path.StartsWith(district.Path, StringComparison.Ordinal));
            var government = town is null ? null : units.FirstOrDefault(u => u.RegionId == town.Id && u.Kind == "town_government");
            if (town is null || government is null)
            {
                continue;
            }

            var receiver = new PetitionReceiver(null, government.Id, town.Path);
            foreach (var village in regions.Where(r => r.Level == "village" && r.Path.StartsWith(town.Path, StringComparison.Ordinal)))
            {
                generator.Village(town, village, receiver);
            }
        }

        return (generator._entries, generator._matters);
    }

    private void Village(RegionSnapshot town, RegionSnapshot village, PetitionReceiver receiver)
    {
        var themes = _faker.PickRandom(Themes, 2).ToList();
        foreach (var theme in themes)
        {
            var indexes = new List<int>();
            for (var i = _faker.Random.Int(5, 9); i > 0; i--)
            {
                indexes.Add(Add(town, village, theme.Category, $"{_faker.PickRandom(Openers)}{theme.Text}{_faker.PickRandom(Closers)}", _faker.Random.Int(0, 364)));
            }

            var older = indexes.Where(i => _entries[i].VisitedOn < _today.AddDays(-60)).ToList();
            if (older.Count >= 2)
            {
                var createdAt = Latest(older).AddDays(1);
                var conversion = _faker.Random.Int(0, 2) switch
                {
                    0 => new SeedDiaryConversion(DiaryConversion.Petition, theme.Request, receiver, createdAt.AddDays(1)),
                    1 => new SeedDiaryConversion(DiaryConversion.Suggestion, $"关于{theme.Title}的建议", receiver, createdAt.AddDays(1)),
                    _ => null,
                };
                _matters.Add(new SeedDiaryMatter(theme.Title, older, createdAt, conversion is null || conversion.At <= _now ? conversion : conversion with { At = _now }));
            }
        }

        for (var i = _faker.Random.Int(6, 10); i > 0; i--)
        {
            var (category, text) = _faker.PickRandom(Singles);
            var daysAgo = _faker.Random.Int(0, 364);
            var index = Add(town, village, category, text, daysAgo);
            if (daysAgo > 30 && _faker.Random.Bool(0.125f))
            {
                var at = _entries[index].LoggedAt.AddDays(2);
                _entries[index] = _entries[index] with
                {
                    Conversion = _faker.Random.Bool()
                        ? new SeedDiaryConversion(DiaryConversion.Petition, $"请求协调解决：{text}", receiver, at < _now ? at : _now)
                        : new SeedDiaryConversion(DiaryConversion.Suggestion, text.Length > 30 ? text[..30] : text, receiver, at < _now ? at : _now),
                };
            }
        }
    }

    private DateTimeOffset Latest(IEnumerable<int> indexes) => indexes.Max(i => _entries[i].LoggedAt);

    private int Add(RegionSnapshot town, RegionSnapshot village, string category, string text, int daysAgo)
    {
        var day = _today.AddDays(-daysAgo);
        var loggedAt = TopicGenerator.At(day, _now).AddMinutes(_faker.Random.Int(0, 540));
        var message = _faker.Random.Bool(0.2f);
        _entries.Add(new SeedDiaryEntry(
            message ? DiaryEntryKind.GroupMessage : DiaryEntryKind.Visit,
            message ? $"{village.Name}民情微群" : null,
            _faker.Name.LastName() + _faker.Name.FirstName(),
            day,
            text,
            category,
            village,
            loggedAt < _now ? loggedAt : _now,
            $"{town.Name}驻村干部"));
        return _entries.Count - 1;
    }
}
