using Bogus;
using Fengqiao.Contracts.Organization;
using Fengqiao.Mediation.Rooms;
using Fengqiao.Mediation.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.DemoData.Mediation;

/// <summary>
/// Rooms and disputes at benchmark size. Rooms are added (one mediator each) in the towns and villages until each holds about
/// <see cref="SessionsPerRoom"/> sessions; disputes go round the rooms, and each room's sessions take its next free hour
/// working back from yesterday, eight a day, so no room or mediator is double-booked. Every third dispute ended in an agreement.
/// </summary>
internal static class BulkDisputeGenerator
{
    public const int DefaultSeed = 2027;
    private const int SessionsPerRoom = 2000;
    private const int HoursPerDay = 8;

    public static async Task<IReadOnlyList<SeedRoom>> RoomsAsync(IServiceProvider scoped, int sessions, CancellationToken cancellationToken)
    {
        var regions = (await scoped.GetRequiredService<IOrganizationDirectory>().ListRegionsAsync(cancellationToken)).Where(r => r.Level is "town" or "village").ToList();
        var types = await scoped.GetRequiredService<MediationSeeding>().DisputeTypeCodesAsync(cancellationToken);
        var faker = new Faker("zh_CN") { Random = new Randomizer(DefaultSeed) };
        var count = Math.Max(1, (sessions + SessionsPerRoom - 1) / SessionsPerRoom);
        return Enumerable.Range(0, count).Select(i =>
        {
            var region = regions[i % regions.Count];
            var type = types[i % types.Count];
            var mediator = new SeedMediator(faker.Name.LastName() + faker.Name.FirstName(), type, region, null, null);
            return new SeedRoom($"{region.Name}第{i + 1}调解室", MediationRoomKind.PeopleMediationCommittee, region, $"{region.Name}{i + 1}号",
                "周一至周五 8:30-17:30", $"{region.Name}的人民调解室。", [type], [mediator]);
        }).ToList();
    }

    /// <summary>The disputes, generated as they are loaded; <paramref name="sessions"/> are shared out among them.</summary>
    public static async Task<IEnumerable<BulkDispute>> GenerateAsync(IServiceProvider scoped, int disputes, int sessions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var regions = (await scoped.GetRequiredService<IOrganizationDirectory>().ListRegionsAsync(cancellationToken)).ToDictionary(r => r.Id);
        var rooms = (await scoped.GetRequiredService<MediationSeeding>().RoomRefsAsync(cancellationToken))
            .GroupBy(r => r.Id).Select(g => g.First()).Where(r => regions.ContainsKey(r.RegionId) && r.Specialty is not null).ToList();
        var yesterday = new DateTimeOffset(now.ToOffset(TimeSpan.FromHours(8)).Date, TimeSpan.FromHours(8)).AddDays(-1);
        return Generate(disputes, sessions, rooms, regions, yesterday);
    }

    private static IEnumerable<BulkDispute> Generate(int disputes, int sessions, List<SeedRoomRef> rooms, Dictionary<Guid, RegionSnapshot> regions, DateTimeOffset yesterday)
    {
        var faker = new Faker("zh_CN") { Random = new Randomizer(DefaultSeed) };
        var nextHour = new int[rooms.Count];
        for (var i = 0; i < disputes; i++)
        {
            var roomIndex = i % rooms.Count;
            var room = rooms[roomIndex];
            var count = (sessions / disputes) + (i < sessions % disputes ? 1 : 0);
            var starts = new List<DateTimeOffset>(count);
            for (var k = 0; k < count; k++)
            {
                var hour = nextHour[roomIndex]++;
                starts.Add(yesterday.AddDays(-(hour / HoursPerDay)).AddHours(9 + (hour % HoursPerDay)));
            }

            starts.Reverse();
            var registeredAt = (starts.Count > 0 ? starts[0] : yesterday).AddDays(-3);
            yield return new BulkDispute(room, regions[room.RegionId], "邻里之间因通行、噪音等问题发生纠纷，双方多次协商未果。", "请求对方停止侵害并赔偿损失。",
                Math.Round(faker.Random.Decimal(1000m, 50000m), 2), faker.Name.LastName() + faker.Name.FirstName(), faker.Name.LastName() + faker.Name.FirstName(),
                registeredAt, i % 3 == 0, starts);
        }
    }
}
