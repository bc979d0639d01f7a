using System.Globalization;
using Bogus;
using Fengqiao.Contracts.Organization;
using Fengqiao.Mediation.Disputes;
using Fengqiao.Mediation.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.DemoData.Mediation;

/// <summary>
/// Demo disputes in every seeded room, in every stage from registered to judicially confirmed, so that a newcomer's mediator
/// sees sessions held, agreements with their confirmation deadlines and sessions ahead on first start. Each dispute's session
/// has an hour of its own (a day apart in the past, or ahead), so no two seeded sessions share a room or mediator slot.
/// </summary>
internal static class DisputeGenerator
{
    public const int DefaultSeed = 1017;
    private const int PerRoom = 8;

    private static readonly SeedDisputeStage[] Stages =
    [
        SeedDisputeStage.Agreed, SeedDisputeStage.Held, SeedDisputeStage.Scheduled, SeedDisputeStage.Confirmed,
        SeedDisputeStage.Failed, SeedDisputeStage.Registered, SeedDisputeStage.Accepted, SeedDisputeStage.Withdrawn,
    ];

    private static readonly (string Summary, string Claims)[] Matters =
    [
        ("楼上住户装修漏水，致楼下天花板受损，双方多次协商未果。", "请求对方修复受损部位并赔偿损失。"),
        ("双方因宅基地边界及围墙位置发生争执。", "请求确认边界并拆除越界部分。"),
        ("务工人员称被拖欠工资三个月。", "请求支付拖欠工资。"),
        ("小区业主与物业公司因物业费及服务质量发生纠纷。", "请求减免部分物业费并改进服务。"),
        ("交通事故后双方对赔偿金额存在分歧。", "请求赔偿医疗费、误工费等损失。"),
        ("患者家属对诊疗过程有异议，认为医院存在过错。", "请求医院赔偿并作出说明。"),
    ];

    public static async Task<IReadOnlyList<SeedDispute>> GenerateAsync(IServiceProvider scoped, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var regions = (await scoped.GetRequiredService<IOrganizationDirectory>().ListRegionsAsync(cancellationToken)).ToDictionary(r => r.Id);
        var rooms = (await scoped.GetRequiredService<MediationSeeding>().RoomRefsAsync(cancellationToken))
            .GroupBy(r => r.Id).Select(g => g.First()).Where(r => regions.ContainsKey(r.RegionId) && r.Specialty is not null).ToList();
        var faker = new Faker("zh_CN") { Random = new Randomizer(DefaultSeed) };
        var today = new DateTimeOffset(now.ToOffset(TimeSpan.FromHours(8)).Date, TimeSpan.FromHours(8));
        var disputes = new List<SeedDispute>();
        var index = 0;
        foreach (var room in rooms)
        {
            for (var i = 0; i < PerRoom; i++, index++)
            {
                var stage = Stages[i];
                var hour = 9 + (index % 4 * 2);
                var sessionAt = stage == SeedDisputeStage.Scheduled
                    ? today.AddDays(1 + (index / 4)).AddHours(hour)
                    : today.AddDays(-15 - (2 * index)).AddHours(hour);
                var (summary, claims) = faker.PickRandom(Matters);
                var amount = faker.Random.Bool(0.7f) ? Math.Round(faker.Random.Decimal(2000m, 80000m), 2) : (decimal?)null;
                disputes.Add(new SeedDispute(
                    room,
                    regions[room.RegionId],
                    summary,
                    claims,
                    amount,
                    faker.PickRandom(DisputeSource.WalkIn, DisputeSource.GridReport, DisputeSource.Police, DisputeSource.OnlineApplication),
                    faker.Name.LastName() + faker.Name.FirstName(),
                    faker.Name.LastName() + faker.Name.FirstName(),
                    (stage == SeedDisputeStage.Scheduled ? today.AddDays(-6) : sessionAt.AddDays(-6)).AddHours(10),
                    stage,
                    sessionAt,
                    amount is { } claimed ? string.Create(CultureInfo.InvariantCulture, $"一、被申请人于三十日内向申请人支付 {Math.Round(claimed * 0.6m, 2)} 元；二、双方就此纠纷再无其他争议。") : "一、双方互相谅解，各自承担已发生费用；二、双方就此纠纷再无其他争议。",
                    amount is { } agreed ? Math.Round(agreed * 0.6m, 2) : null,
                    "绍兴市越城区人民法院"));
            }
        }

        return disputes;
    }
}
