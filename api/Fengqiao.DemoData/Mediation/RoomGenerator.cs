using Bogus;
using Fengqiao.Contracts.Organization;
using Fengqiao.DemoData.Organization;
using Fengqiao.Mediation.Rooms;
using Fengqiao.Mediation.Seeding;
using Fengqiao.Organization.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.DemoData.Mediation;

/// <summary>
/// The brand rooms and industry committees of the demo region data, each with three mediators named by Bogus from a fixed
/// seed, plus the people's mediation committees of the demo district and town, where the demo mediator accounts work:
/// city.mediator in the medical committee, district.mediator in 越城区's committee, town.mediator in 府山街道's.
/// </summary>
internal static class RoomGenerator
{
    public const int DefaultSeed = 1963;
    private const int MediatorsPerRoom = 3;

    /// <summary>Where each brand room sits; the region data names the rooms, not their places, so these are demo choices.</summary>
    private static readonly Dictionary<string, string> BrandRoomRegions = new(StringComparer.Ordinal)
    {
        ["九斤姑娘调解室"] = "北海街道",
        ["山娘舅调解室"] = "枫桥镇",
        ["翠姐姐调解室"] = OrganizationSeeder.DemoTown,
        ["握手言和工作室"] = OrganizationSeeder.DemoDistrict,
    };

    private static readonly string[] BrandRoomSpecialties = ["neighbourhood", "marriage_family", "land_housing", "contract_debt"];

    /// <summary>An industry committee's specialty, by a word of its name.</summary>
    private static readonly (string Word, string Specialty)[] CommitteeSpecialties =
    [
        ("医疗", "medical"), ("道路交通", "road_traffic"), ("物业", "property_management"), ("劳动", "labour"), ("婚姻家庭", "marriage_family"),
    ];

    public static async Task<IReadOnlyList<SeedRoom>> GenerateAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var directory = scoped.GetRequiredService<IOrganizationDirectory>();
        var accounts = scoped.GetRequiredService<OrganizationSeeding>();
        var known = (await scoped.GetRequiredService<MediationSeeding>().DisputeTypeCodesAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var regions = await directory.ListRegionsAsync(cancellationToken);
        var data = OrganizationSeeder.LoadRegions();
        var city = regions.FirstOrDefault(r => r.Level == "city");
        var district = regions.FirstOrDefault(r => r.Name == OrganizationSeeder.DemoDistrict);
        var town = regions.FirstOrDefault(r => r.Name == OrganizationSeeder.DemoTown && district is not null && r.Path.StartsWith(district.Path, StringComparison.Ordinal));
        if (city is null || district is null || town is null)
        {
            return [];
        }

        var faker = new Faker("zh_CN") { Random = new Randomizer(DefaultSeed) };
        var rooms = new List<SeedRoom>();
        foreach (var name in data.MediationRoomsInSeed)
        {
            var placeName = BrandRoomRegions.GetValueOrDefault(name, OrganizationSeeder.DemoDistrict);
            var region = regions.FirstOrDefault(r => r.Name == placeName) ?? district;
            rooms.Add(Room(faker, name, MediationRoomKind.BrandRoom, region, BrandRoomSpecialties, regions, null));
        }

        var cityAccount = await AccountAsync(accounts, directory, "city.mediator", cancellationToken);
        foreach (var committee in data.IndustryCommitteesInSeed)
        {
            var specialty = CommitteeSpecialties.FirstOrDefault(c => committee.Contains(c.Word, StringComparison.Ordinal)).Specialty ?? "other";
            // The city's first committee is the medical one, where the demo city mediator works (OrganizationSeeder).
            var account = rooms.All(r => r.Kind != MediationRoomKind.IndustryCommittee) ? cityAccount : null;
            rooms.Add(Room(faker, city.Name + committee, MediationRoomKind.IndustryCommittee, city, [specialty], regions, account));
        }

        rooms.Add(Room(faker, district.Name + "人民调解委员会", MediationRoomKind.PeopleMediationCommittee, district, BrandRoomSpecialties, regions,
            await AccountAsync(accounts, directory, "district.mediator", cancellationToken)));
        rooms.Add(Room(faker, town.Name + "人民调解委员会", MediationRoomKind.PeopleMediationCommittee, town, BrandRoomSpecialties, regions,
            await AccountAsync(accounts, directory, "town.mediator", cancellationToken)));
        return rooms.Where(r => r.Specialties.All(known.Contains)).ToList();
    }

    private static SeedRoom Room(Faker faker, string name, MediationRoomKind kind, RegionSnapshot region, IReadOnlyList<string> specialties,
        IReadOnlyList<RegionSnapshot> regions, UserSnapshot? account)
    {
        // A room's mediators serve its region or, for a city or district one, a region below it.
        var below = regions.Where(r => r.Path.StartsWith(region.Path, StringComparison.Ordinal) && r.Level is "city" or "district" or "town").ToList();
        var mediators = Enumerable.Range(0, MediatorsPerRoom).Select(i =>
        {
            var linked = i == 0 ? account : null;
            var served = i == 0 ? region : faker.PickRandom(below);
            return new SeedMediator(linked?.DisplayName ?? faker.Name.LastName() + faker.Name.FirstName(), faker.PickRandom(specialties.ToList()), served, linked?.Id, linked?.DisplayName);
        }).ToList();
        var intro = kind switch
        {
            MediationRoomKind.BrandRoom => $"以调解员名字命名的品牌调解室，扎根{region.Name}，调处邻里、婚姻家庭、土地房屋等矛盾纠纷。",
            MediationRoomKind.IndustryCommittee => $"{name}：行业性、专业性人民调解组织，免费为当事人调处本行业纠纷。",
            _ => $"{region.Name}的人民调解委员会，调处辖区内的民间纠纷。",
        };
        return new SeedRoom(name, kind, region, $"{region.Name}{faker.Random.Number(1, 300)}号", "周一至周五 8:30-12:00，13:30-17:30", intro, specialties, mediators);
    }

    private static async Task<UserSnapshot?> AccountAsync(OrganizationSeeding accounts, IOrganizationDirectory directory, string userName, CancellationToken cancellationToken) =>
        await accounts.FindUserIdAsync(userName, cancellationToken) is { } id ? await directory.FindUserAsync(id, cancellationToken) : null;
}
