using Bogus;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Organization.Seeding;
using Fengqiao.Receptions.Batches;
using Fengqiao.Receptions.MustVisits;
using Fengqiao.Receptions.Schedule;
using Fengqiao.Receptions.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.DemoData.Receptions;

/// <summary>
/// A year of receptions up to today and two months ahead, from a fixed seed: the city leader's monthly reception day, two
/// leaders of every district receiving weekly in turn, every town's leader monthly, a district department on duty each week,
/// leaders' visits to towns, and home visits in 越城区 and 新昌县. Held ones carry batches, mostly solved on the spot or
/// explained; a few are assigned, registering and accepting a real petition, some followed up by appointment. The demo
/// leader accounts (city.leader, district.leader of 越城区, town.leader of 府山街道) receive as one of their level's leaders.
/// In 新昌县 the county's leaders also make two must-visits (四个必访) a month, planned from the month's proposal, beside a few
/// major policies and emergencies in the registers; the county leaders' visits of the last year carry exactly the figures
/// Xinchang reports (see <see cref="XinchangMustVisitBatches"/>), so they show on first start.
/// </summary>
internal sealed class ReceptionGenerator
{
    public const int DefaultSeed = 3433;

    /// <summary>Xinchang's four must-visits of a year (DOMAIN §5): 193 batches of 331 persons.</summary>
    public const int XinchangMustVisitBatches = 193;

    public const int XinchangMustVisitPersons = 331;

    /// <summary>
    /// The county leaders' other visits of the year, so that the must-visits are 63% of them in batches (193 of 306) and in persons
    /// (331 of 525).
    /// </summary>
    public const int XinchangOtherVisitBatches = 113;

    public const int XinchangOtherVisitPersons = 194;

    /// <summary>
    /// Must-visit batches assigned rather than resolved at the visit. Xinchang reports 97.35% resolved; of 193 batches 188 (97.41%)
    /// is the nearest a whole number of batches comes.
    /// </summary>
    public const int XinchangMustVisitsAssigned = 5;

    private static readonly string[] Matters =
    [
        "反映小区物业服务不到位，公共区域卫生长期无人打扫",
        "咨询老旧小区加装电梯补助政策",
        "反映企业拖欠工资，要求协调支付",
        "反映村道路灯损坏，夜间出行不便",
        "反映征地补偿款分配不公，要求公开明细",
        "咨询孩子入学片区划分政策",
        "反映餐馆油烟扰民，要求整改",
        "反映医保报销比例疑问，要求解释",
        "反映农村宅基地审批进度缓慢",
        "反映安置房交付延期，要求明确时间",
    ];

    private static readonly string[] Categories =
    [
        "property_management", "urban_rural_construction", "labour_social_security", "urban_rural_construction", "land_resources",
        "education", "ecology_environment", "health", "agriculture_rural", "urban_rural_construction",
    ];

    private static readonly string?[] Themes = ["城市建设和物业管理", "劳动保障", "征地拆迁", "教育医疗", "营商环境", "农业农村", "生态环境", null];

    private readonly Faker _faker = new("zh_CN") { Random = new Randomizer(DefaultSeed) };
    private readonly DateOnly _today;
    private readonly List<SeedReception> _receptions = [];
    private readonly List<SeedPolicy> _policies = [];
    private readonly List<SeedIncident> _incidents = [];

    private ReceptionGenerator(DateOnly today) => _today = today;

    /// <summary>The year's receptions over the demo organisation and the must-visit registers, or none when it is not the demo one.</summary>
    public static async Task<ReceptionDemo> GenerateAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var directory = scoped.GetRequiredService<IOrganizationDirectory>();
        var seeding = scoped.GetRequiredService<OrganizationSeeding>();
        var regions = await directory.ListRegionsAsync(cancellationToken);
        var units = await directory.ListUnitsAsync(cancellationToken);
        var generator = new ReceptionGenerator(WorkCalendar.LocalDate(scoped.GetRequiredService<TimeProvider>().GetUtcNow()));
        var accounts = new Dictionary<string, UserSnapshot>(StringComparer.Ordinal);
        foreach (var level in new[] { "city", "district", "town" })
        {
            if (await seeding.FindUserIdAsync($"{level}.leader", cancellationToken) is { } id && await directory.FindUserAsync(id, cancellationToken) is { } user)
            {
                accounts[level] = user;
            }
        }

        generator.Generate(regions, units, accounts);
        return new ReceptionDemo(generator._receptions, generator._policies, generator._incidents);
    }

    private void Generate(IReadOnlyList<RegionSnapshot> regions, IReadOnlyList<UnitSnapshot> units, Dictionary<string, UserSnapshot> accounts)
    {
        var city = regions.FirstOrDefault(r => r.Level == "city");
        if (city is null)
        {
            return;
        }

        var unitsByRegion = units.ToLookup(u => u.RegionId);
        var bureaus = units.Where(u => u.Kind == "petition_bureau").ToDictionary(u => u.RegionId);
        var start = _today.AddDays(-364);
        var end = _today.AddDays(60);

        var cityLeaders = new[] { Leader(accounts, "city", unitsByRegion[city.Id]) };
        for (var day = FirstWeekday(start, DayOfWeek.Wednesday); day <= end; day = day.AddDays(28))
        {
            Day(ReceptionKind.LeaderDay, ReceptionLevel.City, cityLeaders[0], city, day, "市信访局接待大厅", 6, 10, bureaus.GetValueOrDefault(city.Id));
        }

        foreach (var district in regions.Where(r => r.Level == "district"))
        {
            var districtUnits = unitsByRegion[district.Id].ToList();
            var leaders = new[] { Leader(accounts, "district", districtUnits, district.Name == "越城区"), Leader(accounts, "district", districtUnits, false) };
            var towns = regions.Where(r => r.Level == "town" && r.Path.StartsWith(district.Path, StringComparison.Ordinal)).ToList();
            var departments = districtUnits.Where(u => u.Kind == "functional_department").ToList();
            var week = 0;
            var countyVisits = new List<int>();
            for (var day = FirstWeekday(start, DayOfWeek.Tuesday); day <= end; day = day.AddDays(7), week++)
            {
                Day(ReceptionKind.LeaderDay, ReceptionLevel.District, leaders[week % 2], district, day, $"{district.Name}信访接待中心", 3, 6, bureaus.GetValueOrDefault(district.Id));
                if (departments.Count > 0)
                {
                    var unit = departments[week % departments.Count];
                    Add(ReceptionKind.DepartmentDuty, ReceptionLevel.District, new Host(null, null, unit), district, day.AddDays(2), "09:00", "11:30",
                        $"{district.Name}信访接待中心", null, null, true, 0, 3, null);
                }

                if (week % 4 == 1 && towns.Count > 0)
                {
                    var town = towns[week / 4 % towns.Count];
                    Add(ReceptionKind.LeaderVisit, ReceptionLevel.District, leaders[(week / 4) % 2], town, day.AddDays(1), "14:00", "17:00",
                        $"{town.Name}便民服务中心", null, "下访化解重点信访事项", false, 1, 4, bureaus.GetValueOrDefault(district.Id));
                    if (_receptions[^1].Held)
                    {
                        countyVisits.Add(_receptions.Count - 1);
                    }
                }
            }

            if (district.Name == "新昌县" && towns.Count > 0)
            {
                var bureau = bureaus.GetValueOrDefault(district.Id) ?? throw new InvalidOperationException("新昌县 has no petition bureau to assign must-visit batches to.");
                Exactly(MustVisits(district, towns, leaders, start, bureau), XinchangMustVisitBatches, XinchangMustVisitPersons, XinchangMustVisitsAssigned, bureau);
                Exactly(countyVisits, XinchangOtherVisitBatches, XinchangOtherVisitPersons, 2, bureau);
            }

            foreach (var town in towns)
            {
                var townUnits = unitsByRegion[town.Id].ToList();
                var government = townUnits.FirstOrDefault(u => u.Kind == "town_government");
                var leader = Leader(accounts, "town", townUnits, town.Name == "府山街道");
                for (var day = FirstWeekday(start, DayOfWeek.Monday).AddDays(_faker.Random.Int(0, 3)); day <= end; day = day.AddDays(28))
                {
                    Day(ReceptionKind.LeaderDay, ReceptionLevel.Town, leader, town, day, $"{town.Name}便民服务中心", 0, 3, government);
                }

                if (government is not null && district.Name is "越城区" or "新昌县")
                {
                    var villages = regions.Where(r => r.Level == "village" && r.Path.StartsWith(town.Path, StringComparison.Ordinal)).ToList();
                    for (var day = FirstWeekday(start, DayOfWeek.Thursday); day <= _today && villages.Count > 0; day = day.AddDays(42))
                    {
                        Add(ReceptionKind.HomeVisit, ReceptionLevel.Town, new Host(null, _faker.Name.LastName() + _faker.Name.FirstName(), government),
                            _faker.PickRandom(villages), day, "15:00", "16:30", "信访人家中", null, "上门走访了解诉求", false, 1, 2, null);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The county's registers and two must-visits a month: the first to a town with many petitions or hard work in turn, the
    /// second to where a registered policy or emergency is, else to another town for both of the first reasons. Answers the
    /// indexes of the visits held, all within the year from <paramref name="start"/>.
    /// </summary>
    private List<int> MustVisits(RegionSnapshot district, List<RegionSnapshot> towns, Host[] leaders, DateOnly start, UnitSnapshot bureau)
    {
        RegionSnapshot Town(string name, int fallback) => towns.FirstOrDefault(t => t.Name == name) ?? towns[fallback % towns.Count];
        _policies.Add(new SeedPolicy("城区有机更新房屋征收补偿方案", Town("南明街道", 0), _today.AddDays(-200), null, "涉及旧城改造片区住户约八百户。"));
        _policies.Add(new SeedPolicy("澄潭江流域生态修复工程土地征用", Town("澄潭镇", 5), _today.AddDays(-120), _today.AddDays(180), "涉及三个行政村的承包地。"));
        _policies.Add(new SeedPolicy("义务教育学区划分调整", Town("七星街道", 1), _today.AddDays(-320), _today.AddDays(-230), null));
        _policies.Add(new SeedPolicy("集镇老旧小区改造及加装电梯实施办法", Town("儒岙镇", 4), _today.AddDays(20), null, null));
        _incidents.Add(new SeedIncident(Town("回山镇", 9), _today.AddDays(-20), "暴雨引发山体滑坡，部分农房受损，群众临时安置。"));
        _incidents.Add(new SeedIncident(Town("镜岭镇", 8), _today.AddDays(-150), "一家企业停产，百余名职工聚集讨要工资。"));
        _incidents.Add(new SeedIncident(Town("沃洲镇", 3), _today.AddDays(-75), "水库移民后期扶持资金发放引发聚集。"));

        var held = new List<int>();
        for (var (month, k) = (new DateOnly(start.Year, start.Month, 1), 0); month <= _today; month = month.AddMonths(1), k++)
        {
            var last = month.AddMonths(1).AddDays(-1);
            var key = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            MustVisit(district, towns[2 * k % towns.Count], leaders[k % 2], month.AddDays(9), key, [k % 2 == 0 ? MustVisitReason.ManyPetitions : MustVisitReason.HardWork], bureau, start, held);
            var policy = _policies.FirstOrDefault(p => p.EffectiveFrom <= last.AddDays(30) && (p.EffectiveTo is null || p.EffectiveTo >= month));
            var incident = _incidents.FirstOrDefault(i => i.Day >= month.AddDays(-30) && i.Day <= last);
            var (town, reasons) = incident is not null ? (incident.Region, new[] { MustVisitReason.Emergency })
                : policy is not null ? (policy.Region, new[] { MustVisitReason.MajorPolicy })
                : (towns[(2 * k + 1) % towns.Count], new[] { MustVisitReason.ManyPetitions, MustVisitReason.HardWork });
            MustVisit(district, town, leaders[(k + 1) % 2], month.AddDays(19), key, reasons, bureau, start, held);
        }

        return held;
    }

    /// <summary>A must-visit on <paramref name="day"/> unless it falls before the year's <paramref name="start"/>; a held one joins <paramref name="held"/>.</summary>
    private void MustVisit(
        RegionSnapshot district, RegionSnapshot town, Host leader, DateOnly day, string month, MustVisitReason[] reasons, UnitSnapshot bureau, DateOnly start, List<int> held)
    {
        if (day < start)
        {
            return;
        }

        Add(ReceptionKind.LeaderVisit, ReceptionLevel.District, leader, town, day, "09:00", "11:30", $"{town.Name}便民服务中心", null, "四个必访：下访化解", false, 1, 4, bureau);
        _receptions[^1] = _receptions[^1] with { MustVisit = new SeedMustVisit(month, district.Id, reasons) };
        if (_receptions[^1].Held)
        {
            held.Add(_receptions.Count - 1);
        }
    }

    /// <summary>
    /// Replaces the batches of the held receptions at <paramref name="indexes"/> (in the order they were held) with exactly
    /// <paramref name="batches"/> batches of <paramref name="persons"/> persons in all, spread evenly; the last
    /// <paramref name="assigned"/> receptions assign one batch each to <paramref name="bureau"/>, the others are resolved.
    /// </summary>
    private void Exactly(IReadOnlyList<int> indexes, int batches, int persons, int assigned, UnitSnapshot bureau)
    {
        if (indexes.Count == 0)
        {
            return;
        }

        var personsOf = Enumerable.Repeat(1, batches).ToArray();
        for (var left = persons - batches; left > 0;)
        {
            var more = Math.Min(left, _faker.Random.WeightedRandom([1, 2, 4], [0.6f, 0.3f, 0.1f]));
            personsOf[_faker.Random.Int(0, batches - 1)] += more;
            left -= more;
        }

        var next = 0;
        for (var i = 0; i < indexes.Count; i++)
        {
            var reception = _receptions[indexes[i]];
            var count = batches / indexes.Count + (i < batches % indexes.Count ? 1 : 0);
            var receiver = indexes.Count - i <= assigned ? bureau : null;
            var laid = new List<SeedBatch>(count);
            for (var b = 0; b < count; b++, next++)
            {
                laid.Add(Batch(reception.HostUserId, reception.Day, personsOf[next], b == 0 ? receiver : null, _faker.Random.Double()));
            }

            _receptions[indexes[i]] = reception with { Batches = laid };
        }
    }

    private sealed record Host(UserSnapshot? Account, string? Name, UnitSnapshot? Unit);

    /// <summary>The demo account of the level where it works there, otherwise a leader without an account.</summary>
    private Host Leader(Dictionary<string, UserSnapshot> accounts, string level, IEnumerable<UnitSnapshot> unitsOfRegion, bool useAccount = true) =>
        useAccount && accounts.TryGetValue(level, out var account) && unitsOfRegion.Any(u => u.Id == account.UnitId)
            ? new Host(account, account.DisplayName, null)
            : new Host(null, _faker.Name.LastName() + _faker.Name.FirstName(), null);

    private void Day(ReceptionKind kind, ReceptionLevel level, Host host, RegionSnapshot region, DateOnly day, string place, int minBatches, int maxBatches, UnitSnapshot? receiverUnit) =>
        Add(kind, level, host, region, day, "08:30", "11:30", place, _faker.PickRandom(Themes), null, true, minBatches, maxBatches, receiverUnit);

    private void Add(
        ReceptionKind kind, ReceptionLevel level, Host host, RegionSnapshot region, DateOnly day, string startsAt, string endsAt, string place, string? theme, string? purpose,
        bool published, int minBatches, int maxBatches, UnitSnapshot? receiverUnit)
    {
        var held = day < _today;
        var batches = held ? Enumerable.Range(0, _faker.Random.Int(minBatches, maxBatches)).Select(_ => Batch(host, day, receiverUnit)).ToList() : [];
        _receptions.Add(new SeedReception(kind, level, host.Account?.Id, host.Name, host.Unit?.Id, host.Unit?.Name,
            region, day, startsAt, endsAt, place, theme, purpose, published && kind is ReceptionKind.LeaderDay or ReceptionKind.DepartmentDuty, held, batches));
    }

    private SeedBatch Batch(Host host, DateOnly day, UnitSnapshot? receiverUnit)
    {
        var persons = _faker.Random.WeightedRandom([1, 2, 3, 5, 8], [0.62f, 0.2f, 0.1f, 0.06f, 0.02f]);
        // About 97% resolved at the reception, as Xinchang reports (97.35%); assignments only in the last half year keep seeding fast.
        var roll = _faker.Random.Double();
        return Batch(host.Account?.Id, day, persons, roll < 0.028 && day >= _today.AddDays(-182) ? receiverUnit : null, roll);
    }

    /// <summary>A batch assigned to <paramref name="assignTo"/> when given, else solved on the spot or explained as <paramref name="roll"/> falls.</summary>
    private SeedBatch Batch(Guid? hostUserId, DateOnly day, int persons, UnitSnapshot? assignTo, double roll)
    {
        var named = Enumerable.Range(0, Math.Min(persons, 2)).Select(_ => new ReceivedPetitioner(_faker.Name.LastName() + _faker.Name.FirstName(), null, null)).ToList();
        var matter = _faker.Random.Int(0, Matters.Length - 1);
        if (assignTo is not null)
        {
            var receiver = new PetitionReceiver(hostUserId, assignTo.Id, assignTo.RegionPath);
            var followUp = assignTo.Kind == "town_government" ? day.AddDays(14) : (DateOnly?)null;
            return new SeedBatch(persons, named, Matters[matter], BatchOutcome.Assigned,
                new SeedAssignment(Categories[matter], "群众在领导接访日当面反映。", "您反映的事项已受理，并由接访领导交办相关单位办理。", "请相关单位依法依规办理，按期答复信访人。", receiver, followUp));
        }

        return new SeedBatch(persons, named, Matters[matter], roll < 0.6 ? BatchOutcome.SolvedOnTheSpot : BatchOutcome.Explained, null);
    }

    private static DateOnly FirstWeekday(DateOnly from, DayOfWeek weekday) => from.AddDays(((int)weekday - (int)from.DayOfWeek + 7) % 7);
}

/// <summary>The demo receptions and the must-visit registers.</summary>
internal sealed record ReceptionDemo(IReadOnlyList<SeedReception> Receptions, IReadOnlyList<SeedPolicy> Policies, IReadOnlyList<SeedIncident> Incidents);
