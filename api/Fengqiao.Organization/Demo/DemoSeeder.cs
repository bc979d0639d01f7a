using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Bogus;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Organization.Regions;
using Fengqiao.Organization.Units;
using Fengqiao.Organization.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fengqiao.Organization.Demo;

/// <summary>
/// On first start with an empty database: Shaoxing's six districts and their real towns, a few villages each,
/// units at every level, and one demo user per role at city (绍兴市), district (越城区) and town (府山街道) level,
/// named <c>city.admin</c>, <c>district.handler</c>, <c>town.petition_officer</c> and so on.
/// </summary>
internal sealed partial class DemoSeeder(
    IServiceScopeFactory scopes,
    DataDirectory dataDirectory,
    IConfiguration configuration,
    IHostEnvironment environment,
    UserPasswords passwords,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public const string DemoDistrict = "越城区";
    public const string DemoTown = "府山街道";
    private const int VillagesPerTown = 3;

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Demo:Seed", true))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        if (await session.ExecuteScalarAsync<long>(DemoSql.AnyRegion, null, cancellationToken) > 0)
        {
            return;
        }

        var password = DemoPassword();
        var seeded = await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(
            async token =>
            {
                var count = await SeedAsync(session, passwords.Hash(password), token);
                scope.ServiceProvider.GetRequiredService<IAuditLog>().Record(new AuditEntry("demo.seeded", "organization", null, After: new { users = count }));
                return count;
            },
            cancellationToken);

        if (environment.IsDevelopment())
        {
            LogDemoUsers(logger, seeded, password);
        }
    }

    private string DemoPassword()
    {
        var configured = configuration["Demo:Password"];
        return string.IsNullOrWhiteSpace(configured)
            ? dataDirectory.GetOrCreateSecret("demo-password.txt", () => "Fq-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + "-2026")
            : configured;
    }

    private async Task<int> SeedAsync(IDbSession session, string passwordHash, CancellationToken cancellationToken)
    {
        var data = LoadRegions();
        var faker = new Faker("zh_CN") { Random = new Randomizer(2026) };
        var now = clock.GetUtcNow();
        var seeder = new Inserter(session, now, cancellationToken);

        var city = await seeder.RegionAsync(data.City.Code, data.City.Name, RegionLevel.City, null, 0);
        var cityUnits = await CityUnitsAsync(seeder, city, data);
        DemoUnits? districtUnits = null;
        DemoUnits? townUnits = null;

        for (var d = 0; d < data.Districts.Count; d++)
        {
            var districtData = data.Districts[d];
            var district = await seeder.RegionAsync(districtData.Code, districtData.Name, RegionLevel.District, city, d);
            var units = await DistrictUnitsAsync(seeder, district);
            if (district.Name == DemoDistrict)
            {
                districtUnits = units;
            }

            for (var t = 0; t < districtData.Towns.Count; t++)
            {
                var townName = districtData.Towns[t];
                var town = await seeder.RegionAsync($"{districtData.Code}{t + 1:000}", townName, RegionLevel.Town, district, t);
                var townUnitSet = await TownUnitsAsync(seeder, town);
                if (town.Name == DemoTown && district.Name == DemoDistrict)
                {
                    townUnits = townUnitSet;
                }

                var villages = data.KnownVillages.Where(v => v.Town == townName && v.District == districtData.Name).Select(v => v.Name).ToList();
                while (villages.Count < VillagesPerTown)
                {
                    var name = VillageName(faker, townName);
                    if (!villages.Contains(name))
                    {
                        villages.Add(name);
                    }
                }

                for (var v = 0; v < villages.Count; v++)
                {
                    var village = await seeder.RegionAsync($"{town.Code}{v + 1:000}", villages[v], RegionLevel.Village, town, v);
                    await seeder.UnitAsync(village.Name + (village.Name.EndsWith("社区", StringComparison.Ordinal) ? "居民委员会" : "村民委员会"), UnitKind.VillageCommittee, village);
                }
            }
        }

        var users = 0;
        foreach (var (level, units) in new[] { ("city", cityUnits), ("district", districtUnits!), ("town", townUnits!) })
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                await seeder.UserAsync($"{level}.{RoleNames.Of(role)}", faker.Name.LastName() + faker.Name.FirstName(), units.For(role), role, passwordHash);
                users++;
            }
        }

        return users;
    }

    private static async Task<DemoUnits> CityUnitsAsync(Inserter seeder, SeededRegion city, RegionData data)
    {
        var bureau = await seeder.UnitAsync($"{city.Name}信访局", UnitKind.PetitionBureau, city);
        var housing = await seeder.UnitAsync($"{city.Name}住房和城乡建设局", UnitKind.FunctionalDepartment, city);
        await seeder.UnitAsync($"{city.Name}人力资源和社会保障局", UnitKind.FunctionalDepartment, city);
        await seeder.UnitAsync($"{city.Name}卫生健康委员会", UnitKind.FunctionalDepartment, city);
        await seeder.UnitAsync($"{city.Name}市场监督管理局", UnitKind.FunctionalDepartment, city);
        var discipline = await seeder.UnitAsync($"{city.Name}纪委市监委", UnitKind.DisciplineInspection, city);
        var committees = new List<Guid>();
        foreach (var committee in data.IndustryCommitteesInSeed)
        {
            committees.Add(await seeder.UnitAsync(city.Name + committee, UnitKind.MediationCommittee, city));
        }

        return new DemoUnits(bureau, housing, committees.Count > 0 ? committees[0] : bureau, discipline);
    }

    private static async Task<DemoUnits> DistrictUnitsAsync(Inserter seeder, SeededRegion district)
    {
        var bureau = await seeder.UnitAsync($"{district.Name}信访局", UnitKind.PetitionBureau, district);
        var housing = await seeder.UnitAsync($"{district.Name}住房和城乡建设局", UnitKind.FunctionalDepartment, district);
        await seeder.UnitAsync($"{district.Name}人力资源和社会保障局", UnitKind.FunctionalDepartment, district);
        await seeder.UnitAsync($"{district.Name}卫生健康局", UnitKind.FunctionalDepartment, district);
        await seeder.UnitAsync($"{district.Name}市场监督管理局", UnitKind.FunctionalDepartment, district);
        var mediation = await seeder.UnitAsync($"{district.Name}人民调解委员会", UnitKind.MediationCommittee, district);
        var discipline = await seeder.UnitAsync($"{district.Name}纪委监委", UnitKind.DisciplineInspection, district);
        return new DemoUnits(bureau, housing, mediation, discipline);
    }

    private static async Task<DemoUnits> TownUnitsAsync(Inserter seeder, SeededRegion town)
    {
        var government = await seeder.UnitAsync(
            town.Name + (town.Name.EndsWith("街道", StringComparison.Ordinal) ? "办事处" : "人民政府"), UnitKind.TownGovernment, town);
        var mediation = await seeder.UnitAsync($"{town.Name}人民调解委员会", UnitKind.MediationCommittee, town);
        var discipline = await seeder.UnitAsync($"{town.Name}纪委", UnitKind.DisciplineInspection, town);
        return new DemoUnits(government, government, mediation, discipline);
    }

    /// <summary>Streets (街道) have communities, towns and townships have villages.</summary>
    private static string VillageName(Faker faker, string townName) =>
        townName.EndsWith("街道", StringComparison.Ordinal)
            ? faker.Name.LastName() + faker.PickRandom("桥", "塘", "湖", "山", "溪", "苑") + "社区"
            : faker.Name.LastName() + faker.PickRandom("家", "村", "岙", "坞", "畈") + "村";

    private static RegionData LoadRegions()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Fengqiao.Organization.DemoData.shaoxing-regions.json")
            ?? throw new InvalidOperationException("The demo region data is not embedded.");
        return JsonSerializer.Deserialize<RegionData>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
            ?? throw new InvalidOperationException("The demo region data is empty.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data seeded: {Users} users named <level>.<role> (e.g. city.admin, district.handler, town.petition_officer), password: {Password}")]
    private static partial void LogDemoUsers(ILogger logger, int users, string password);

    private sealed record RegionData(NamedCode City, IReadOnlyList<DistrictData> Districts, IReadOnlyList<KnownVillage> KnownVillages, IReadOnlyList<string> IndustryCommitteesInSeed);

    private sealed record NamedCode(string Code, string Name);

    private sealed record DistrictData(string Code, string Name, IReadOnlyList<string> Towns);

    private sealed record KnownVillage(string Town, string District, string Name);

    private sealed record SeededRegion(Guid Id, string Code, string Name, string Path);

    /// <summary>The units where a level's demo users work, by role.</summary>
    private sealed record DemoUnits(Guid Main, Guid Handling, Guid Mediation, Guid Discipline)
    {
        public Guid For(Role role) => role switch
        {
            Role.Handler => Handling,
            Role.Mediator => Mediation,
            Role.DisciplineInspector => Discipline,
            _ => Main,
        };
    }

    private sealed class Inserter(IDbSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        public async Task<SeededRegion> RegionAsync(string code, string name, RegionLevel level, SeededRegion? parent, int sortOrder)
        {
            var region = new SeededRegion(Guid.CreateVersion7(now), code, name, parent is null ? RegionPaths.Root(code) : RegionPaths.Child(parent.Path, code));
            await session.ExecuteAsync(
                DemoSql.InsertRegion,
                new { region.Id, region.Code, region.Name, Level = level.ToString(), ParentId = parent?.Id, region.Path, SortOrder = sortOrder },
                cancellationToken);
            return region;
        }

        public async Task<Guid> UnitAsync(string name, UnitKind kind, SeededRegion region)
        {
            var id = Guid.CreateVersion7(now);
            await session.ExecuteAsync(
                DemoSql.InsertUnit,
                new { Id = id, Name = name, Kind = kind.ToString(), RegionId = region.Id, RegionPath = region.Path, Now = now },
                cancellationToken);
            return id;
        }

        public async Task UserAsync(string userName, string displayName, Guid unitId, Role role, string passwordHash)
        {
            var id = Guid.CreateVersion7(now);
            await session.ExecuteAsync(UserSql.Insert, new { Id = id, UserName = userName, DisplayName = displayName, UnitId = unitId, PasswordHash = passwordHash, Now = now }, cancellationToken);
            await session.ExecuteAsync(UserSql.InsertRole, new { UserId = id, Role = role.ToString() }, cancellationToken);
        }
    }
}
