using Bogus;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.Organization.Seeding;

namespace Fengqiao.DemoData.Organization;

/// <summary>
/// Joint-meeting systems and responsibility letters for the seeded region tree: a system in every district and in every
/// town of 越城区 (coverage 17 of 17, DOMAIN §1) and in the first towns of the other districts, each meeting monthly over the
/// past year; this year's letters from every district to each of its towns, and from 越城区's towns to their villages.
/// </summary>
internal static class WorkSystemSeeder
{
    /// <summary>Towns of the other districts with a joint-meeting system; the rest show what coverage below 100% looks like.</summary>
    private const int TownsWithSystemElsewhere = 4;

    private static readonly string[] Matters =
    [
        "研究城中村改造征迁补偿中的信访矛盾化解工作",
        "协调农民工工资拖欠问题的联合处置",
        "通报本季度信访形势，分析重复信访和越级信访情况",
        "研究物业服务纠纷多发小区的联合整治方案",
        "协调医患纠纷的调解与信访事项衔接",
        "部署重大节日和敏感时期的矛盾纠纷排查化解",
        "研究涉众型经济纠纷的稳控与化解",
        "协调土地承包经营权流转纠纷的处置",
    ];

    private static readonly string[] Decisions =
    [
        "明确牵头单位和责任人，十五日内报送化解方案",
        "由住建、人社部门联合约谈相关企业，限期整改",
        "对重复信访事项实行领导包案，逐件销号",
        "建立周报制度，由信访局汇总跟踪落实情况",
        "组织人民调解委员会入户调解，必要时召开听证会",
        "将排查出的矛盾纠纷纳入台账，实行清单化管理",
    ];

    public static (IReadOnlyList<SeedJointMeetingSystem> Systems, IReadOnlyList<SeedResponsibilityLetter> Letters) Build(SeedRegion city, DateOnly today)
    {
        var faker = new Faker("zh_CN") { Random = new Randomizer(2027) };
        var systems = new List<SeedJointMeetingSystem>();
        var letters = new List<SeedResponsibilityLetter>();
        foreach (var district in city.Children)
        {
            var isDemoDistrict = district.Name == OrganizationSeeder.DemoDistrict;
            systems.Add(System(faker, district, "区委副书记", today));
            var towns = isDemoDistrict ? district.Children : district.Children.Take(TownsWithSystemElsewhere);
            systems.AddRange(towns.Select(town => System(faker, town, town.Name.EndsWith("街道", StringComparison.Ordinal) ? "街道党工委书记" : "镇党委书记", today)));

            // District letters are signed at the turn of the year; towns sign with their villages in January.
            var districtSignedOn = new DateOnly(today.Year - 1, 12, 28);
            var townSignedOn = new DateOnly(today.Year, 1, Math.Min(20, today.Month == 1 ? today.Day : 20));
            foreach (var town in district.Children)
            {
                var townHead = town.Name.EndsWith("街道", StringComparison.Ordinal) ? "街道办事处主任" : "镇长";
                letters.Add(new SeedResponsibilityLetter(today.Year, district.Code, town.Code, Signatories(faker, "区长", townHead), districtSignedOn));
                if (isDemoDistrict)
                {
                    letters.AddRange(town.Children.Select(village =>
                        new SeedResponsibilityLetter(today.Year, town.Code, village.Code, Signatories(faker, townHead, "村党组织书记"), townSignedOn)));
                }
            }
        }

        return (systems, letters);
    }

    private static SeedJointMeetingSystem System(Faker faker, SeedRegion region, string convenerPost, DateOnly today)
    {
        var established = new DateOnly(faker.Random.Int(2019, 2022), faker.Random.Int(1, 12), faker.Random.Int(1, 28));
        // Monthly over the past year, on the 10th, for the months already begun.
        var meetings = Enumerable.Range(0, 12)
            .Select(back => new DateOnly(today.Year, today.Month, 1).AddMonths(-back).AddDays(9))
            .Where(day => day <= today)
            .Select(day => new SeedJointMeeting(day, faker.PickRandom(Matters), faker.PickRandom(Decisions)))
            .ToList();
        var members = region.Units.Where(u => u.Kind != "discipline_inspection").Select(u => u.Name).ToList();
        var kind = region.Level == RegionLevel.District ? "信访工作联席会议" : "矛盾纠纷化解联席会议";
        return new SeedJointMeetingSystem(region.Code, region.Name + kind, faker.Name.LastName() + faker.Name.FirstName(), convenerPost, members, established, meetings);
    }

    private static List<SeedSignatory> Signatories(Faker faker, string issuingPost, string receivingPost) =>
    [
        new(faker.Name.LastName() + faker.Name.FirstName(), issuingPost),
        new(faker.Name.LastName() + faker.Name.FirstName(), receivingPost),
    ];
}
