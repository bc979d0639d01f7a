using System.Globalization;
using Bogus;
using Fengqiao.Contracts.Organization;
using Fengqiao.Mediation.Disputes;
using Fengqiao.Mediation.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.DemoData.Mediation;

/// <summary>
/// About five hundred demo disputes over the last year, spread over the seeded rooms, in every state: those of the last weeks
/// still open (registered, consented by one side, accepted, a session ahead or held) or just agreed, the older ones ended
/// (agreed, followed up as performed, partly or not, judicially confirmed or refused, failed, withdrawn, not mediated), so a
/// newcomer's mediator and committee users see real work on first start. Each dispute's session has an hour of its own (past
/// ones at most two a day, at different hours; those ahead on alternate days at 13:00), so no two seeded sessions share a
/// room or mediator slot.
/// </summary>
internal static class DisputeGenerator
{
    public const int DefaultSeed = 1017;
    public const int Total = 500;
    private const int DaysBack = 360;

    /// <summary>Disputes registered within these days are mostly still open; older ones have ended.</summary>
    private const int OpenWithinDays = 40;

    private static readonly SeedDisputeStage[] RecentStages =
    [
        SeedDisputeStage.Registered, SeedDisputeStage.Consented, SeedDisputeStage.Accepted, SeedDisputeStage.Scheduled, SeedDisputeStage.Held,
        SeedDisputeStage.Agreed, SeedDisputeStage.ConfirmationApplied, SeedDisputeStage.Held, SeedDisputeStage.NotMediated, SeedDisputeStage.Scheduled,
        SeedDisputeStage.Registered, SeedDisputeStage.Withdrawn,
    ];

    private static readonly SeedDisputeStage[] EndedStages =
    [
        SeedDisputeStage.Performed, SeedDisputeStage.Agreed, SeedDisputeStage.PartlyPerformed, SeedDisputeStage.Confirmed, SeedDisputeStage.Failed,
        SeedDisputeStage.Performed, SeedDisputeStage.NotPerformed, SeedDisputeStage.Withdrawn, SeedDisputeStage.ConfirmationRefused, SeedDisputeStage.Performed,
        SeedDisputeStage.NotMediated, SeedDisputeStage.Failed, SeedDisputeStage.Performed,
    ];

    /// <summary>What brings parties to a room of each type; a type not listed draws from all.</summary>
    private static readonly Dictionary<string, (string Summary, string Claims)> MattersByType = new(StringComparer.Ordinal)
    {
        ["neighbourhood"] = ("楼上住户装修漏水，致楼下天花板受损，双方多次协商未果。", "请求对方修复受损部位并赔偿损失。"),
        ["land_housing"] = ("双方因宅基地边界及围墙位置发生争执。", "请求确认边界并拆除越界部分。"),
        ["labour"] = ("务工人员称被拖欠工资三个月。", "请求支付拖欠工资。"),
        ["property_management"] = ("小区业主与物业公司因物业费及服务质量发生纠纷。", "请求减免部分物业费并改进服务。"),
        ["road_traffic"] = ("交通事故后双方对赔偿金额存在分歧。", "请求赔偿医疗费、误工费等损失。"),
        ["medical"] = ("患者家属对诊疗过程有异议，认为医院存在过错。", "请求医院赔偿并作出说明。"),
        ["marriage_family"] = ("夫妻双方离婚后因子女抚养费及共同财产分割发生争议。", "请求依法分割共同财产并明确抚养费。"),
        ["contract_debt"] = ("双方因货款结算发生纠纷，对方拖欠货款半年未付。", "请求支付拖欠货款及利息。"),
    };

    public static async Task<IReadOnlyList<SeedDispute>> GenerateAsync(IServiceProvider scoped, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var regions = (await scoped.GetRequiredService<IOrganizationDirectory>().ListRegionsAsync(cancellationToken)).ToDictionary(r => r.Id);
        var rooms = (await scoped.GetRequiredService<MediationSeeding>().RoomRefsAsync(cancellationToken))
            .GroupBy(r => r.Id).Select(g => g.First()).Where(r => regions.ContainsKey(r.RegionId) && r.Specialty is not null).ToList();
        if (rooms.Count == 0)
        {
            return [];
        }

        var faker = new Faker("zh_CN") { Random = new Randomizer(DefaultSeed) };
        var today = new DateTimeOffset(now.ToOffset(TimeSpan.FromHours(8)).Date, TimeSpan.FromHours(8));
        var matters = MattersByType.Values.ToArray();
        var disputes = new List<SeedDispute>(Total);
        var (recent, ended, ahead) = (0, 0, 0);
        for (var index = 0; index < Total; index++)
        {
            var room = rooms[index % rooms.Count];

            // Index i's session is (3 + i * 357 / 500) days back: at most two disputes share a day, and they differ in hour.
            var daysBack = 3 + (index * (DaysBack - 3) / Total);
            var stage = daysBack < OpenWithinDays ? RecentStages[recent++ % RecentStages.Length] : EndedStages[ended++ % EndedStages.Length];
            var sessionAt = stage == SeedDisputeStage.Scheduled
                ? today.AddDays(1 + (2 * ahead++)).AddHours(13)
                : today.AddDays(-daysBack).AddHours(8 + (index % 9));
            var registeredAt = (stage == SeedDisputeStage.Scheduled ? today.AddDays(-6) : today.AddDays(-daysBack - 5)).AddHours(10);
            var (summary, claims) = MattersByType.TryGetValue(room.Specialty, out var matter) ? matter : faker.PickRandom(matters);
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
                registeredAt,
                stage,
                sessionAt,
                amount is { } claimed ? string.Create(CultureInfo.InvariantCulture, $"一、被申请人于三十日内向申请人支付 {Math.Round(claimed * 0.6m, 2)} 元；二、双方就此纠纷再无其他争议。") : "一、双方互相谅解，各自承担已发生费用；二、双方就此纠纷再无其他争议。",
                amount is { } agreed ? Math.Round(agreed * 0.6m, 2) : null,
                "绍兴市越城区人民法院"));
        }

        return disputes;
    }
}
