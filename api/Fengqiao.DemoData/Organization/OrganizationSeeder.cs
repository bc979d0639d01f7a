using System.Reflection;
using System.Text.Json;
using Bogus;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.Organization.Seeding;

namespace Fengqiao.DemoData.Organization;

/// <summary>
/// Shaoxing's six districts and their real towns, a few villages each, units at every level, and one demo user per
/// role at city (绍兴市), district (越城区) and town (府山街道) level, named <c>city.admin</c>, <c>district.handler</c>,
/// <c>town.petition_officer</c> and so on; then the joint-meeting systems and responsibility letters of <see cref="WorkSystemSeeder"/>.
/// </summary>
internal static class OrganizationSeeder
{
    public const string DemoDistrict = "越城区";
    public const string DemoTown = "府山街道";
    private const int VillagesPerTown = 3;

    public static string Bureau(string region) => $"{region}信访局";

    public static string Housing(string region) => $"{region}住房和城乡建设局";

    public static string TownGovernment(string town) => town + (town.EndsWith("街道", StringComparison.Ordinal) ? "办事处" : "人民政府");

    /// <returns>The number of users seeded.</returns>
    public static async Task<int> SeedAsync(OrganizationSeeding seeding, string password, DateOnly today, CancellationToken cancellationToken)
    {
        var data = LoadRegions();
        var faker = new Faker("zh_CN") { Random = new Randomizer(2026) };
        var districts = new List<SeedRegion>();
        DemoUnits? districtUnits = null;
        DemoUnits? townUnits = null;
        foreach (var districtData in data.Districts)
        {
            var towns = new List<SeedRegion>();
            for (var t = 0; t < districtData.Towns.Count; t++)
            {
                var townName = districtData.Towns[t];
                var townCode = $"{districtData.Code}{t + 1:000}";
                var villageNames = data.KnownVillages.Where(v => v.Town == townName && v.District == districtData.Name).Select(v => v.Name).ToList();
                while (villageNames.Count < VillagesPerTown)
                {
                    var name = VillageName(faker, townName);
                    if (!villageNames.Contains(name))
                    {
                        villageNames.Add(name);
                    }
                }

                var villages = villageNames.Select((name, v) => new SeedRegion($"{townCode}{v + 1:000}", name, RegionLevel.Village,
                    [new SeedUnit(name + (name.EndsWith("社区", StringComparison.Ordinal) ? "居民委员会" : "村民委员会"), "village_committee")], [])).ToList();
                var (units, townSet) = TownUnits(townName);
                towns.Add(new SeedRegion(townCode, townName, RegionLevel.Town, units, villages));
                if (townName == DemoTown && districtData.Name == DemoDistrict)
                {
                    townUnits = townSet;
                }
            }

            var (districtUnitList, districtSet) = DistrictUnits(districtData.Name);
            districts.Add(new SeedRegion(districtData.Code, districtData.Name, RegionLevel.District, districtUnitList, towns));
            if (districtData.Name == DemoDistrict)
            {
                districtUnits = districtSet;
            }
        }

        var (cityUnits, citySet) = CityUnits(data.City.Name, data);
        var city = new SeedRegion(data.City.Code, data.City.Name, RegionLevel.City, cityUnits, districts);
        var users = new List<SeedUser>();
        foreach (var (level, units) in new[] { ("city", citySet), ("district", districtUnits!), ("town", townUnits!) })
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                users.Add(new SeedUser($"{level}.{RoleNames.Of(role)}", faker.Name.LastName() + faker.Name.FirstName(), units.For(role), role));
            }
        }

        var seeded = await seeding.SeedAsync(city, users, password, cancellationToken);
        var (systems, letters) = WorkSystemSeeder.Build(city, today);
        await seeding.SeedWorkSystemsAsync(systems, letters, cancellationToken);
        return seeded;
    }

    private static (List<SeedUnit>, DemoUnits) CityUnits(string city, RegionData data)
    {
        var bureau = Bureau(city);
        var housing = Housing(city);
        var discipline = $"{city}纪委市监委";
        var committees = data.IndustryCommitteesInSeed.Select(committee => city + committee).ToList();
        List<SeedUnit> units =
        [
            new(bureau, "petition_bureau"),
            new(housing, "functional_department"),
            new($"{city}人力资源和社会保障局", "functional_department"),
            new($"{city}卫生健康委员会", "functional_department"),
            new($"{city}市场监督管理局", "functional_department"),
            new(discipline, "discipline_inspection"),
            .. committees.Select(name => new SeedUnit(name, "mediation_committee")),
        ];
        return (units, new DemoUnits(bureau, housing, committees.Count > 0 ? committees[0] : bureau, discipline));
    }

    private static (List<SeedUnit>, DemoUnits) DistrictUnits(string district)
    {
        var bureau = Bureau(district);
        var housing = Housing(district);
        var mediation = $"{district}人民调解委员会";
        var discipline = $"{district}纪委监委";
        List<SeedUnit> units =
        [
            new(bureau, "petition_bureau"),
            new(housing, "functional_department"),
            new($"{district}人力资源和社会保障局", "functional_department"),
            new($"{district}卫生健康局", "functional_department"),
            new($"{district}市场监督管理局", "functional_department"),
            new(mediation, "mediation_committee"),
            new(discipline, "discipline_inspection"),
        ];
        return (units, new DemoUnits(bureau, housing, mediation, discipline));
    }

    private static (List<SeedUnit>, DemoUnits) TownUnits(string town)
    {
        var government = TownGovernment(town);
        var mediation = $"{town}人民调解委员会";
        var discipline = $"{town}纪委";
        List<SeedUnit> units = [new(government, "town_government"), new(mediation, "mediation_committee"), new(discipline, "discipline_inspection")];
        return (units, new DemoUnits(government, government, mediation, discipline));
    }

    /// <summary>Streets (街道) have communities, towns and townships have villages.</summary>
    private static string VillageName(Faker faker, string townName) =>
        townName.EndsWith("街道", StringComparison.Ordinal)
            ? faker.Name.LastName() + faker.PickRandom("桥", "塘", "湖", "山", "溪", "苑") + "社区"
            : faker.Name.LastName() + faker.PickRandom("家", "村", "岙", "坞", "畈") + "村";

    /// <summary>The demo region data: the city, its districts and towns, and the mediation rooms and committees to seed.</summary>
    internal static RegionData LoadRegions()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Fengqiao.DemoData.Organization.shaoxing-regions.json")
            ?? throw new InvalidOperationException("The demo region data is not embedded.");
        return JsonSerializer.Deserialize<RegionData>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
            ?? throw new InvalidOperationException("The demo region data is empty.");
    }

    internal sealed record RegionData(
        NamedCode City, IReadOnlyList<DistrictData> Districts, IReadOnlyList<KnownVillage> KnownVillages, IReadOnlyList<string> IndustryCommitteesInSeed,
        IReadOnlyList<string> MediationRoomsInSeed);

    internal sealed record NamedCode(string Code, string Name);

    internal sealed record DistrictData(string Code, string Name, IReadOnlyList<string> Towns);

    internal sealed record KnownVillage(string Town, string District, string Name);

    /// <summary>The units (by name) where a level's demo users work, by role.</summary>
    private sealed record DemoUnits(string Main, string Handling, string Mediation, string Discipline)
    {
        public string For(Role role) => role switch
        {
            Role.Handler => Handling,
            Role.Mediator => Mediation,
            Role.DisciplineInspector => Discipline,
            _ => Main,
        };
    }
}
