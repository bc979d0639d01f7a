using Bogus;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Contracts.Organization;
using Fengqiao.Suggestions.Handling;
using Fengqiao.Suggestions.Seeding;
using Fengqiao.Suggestions.Topics;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.DemoData.Suggestions;

/// <summary>
/// The demo topics (<see cref="TopicGenerator"/>) and a few hundred suggestions from a fixed seed: ten to twenty on every topic
/// once published, within its days, and a dozen unprompted ones a district over the past year. Mostly online, some by letter or
/// visit; about half leave a name and phone. Those older than a fortnight are screened (mostly valid, some duplicates of an
/// earlier one, some out of scope with the reason); the recent ones await screening. Valid ones older than a month went to the
/// topic's unit or the district's department for evaluation; those older than six weeks were answered (each outcome, with a
/// reasoned reply), and most of those answers rated by their submitters; adopted ones older than three months were carried out
/// with the outcome published, and about one in five of those awarded as excellent suggestions.
/// </summary>
internal sealed class SuggestionGenerator
{
    public const int DefaultSeed = 5179;

    private static readonly (string Title, string Content)[] Ideas =
    [
        ("建议增设社区食堂", "老年人买菜做饭不便，建议在社区服务中心增设老年食堂，提供平价午餐。"),
        ("建议学校周边设置接送车位", "上下学时段校门口拥堵严重，建议划定临时接送车位并安排志愿者引导。"),
        ("建议增设公共充电桩", "小区新能源汽车越来越多，建议在公共停车场增设充电桩。"),
        ("建议延长图书馆开放时间", "上班族只能晚上借书，建议图书馆工作日开放到晚上九点。"),
        ("建议增加公交班次", "早晚高峰公交间隔过长，建议加密班次或开通社区微公交。"),
        ("建议老旧小区加装电梯简化审批", "加装电梯需要的材料太多，建议推行一窗受理、并联审批。"),
        ("建议在河道沿线增设健身步道", "河道两岸风景好，建议修建健身步道和休息座椅。"),
        ("建议设置垃圾分类督导员", "部分居民分类投放不规范，建议在投放点高峰时段安排督导员。"),
        ("建议为企业开通惠企政策直达", "惠企政策分散在各部门，建议建立统一平台免申即享。"),
        ("建议增设日间照料中心", "社区高龄老人多，子女白天上班，建议增设日间照料中心。"),
        ("建议完善农村道路路灯", "村道夜间照明不足，建议统一安装太阳能路灯。"),
        ("建议开放学校体育场地", "节假日学校操场闲置，建议错时向周边居民开放。"),
    ];

    private static readonly string[] OutOfScopeReasons =
    [
        "所提内容属于个人权益诉求，不属于建议征集范围，请通过信访或12345热线反映。",
        "所提事项已进入诉讼程序，不属于建议征集范围。",
        "所提内容与本议题无关，已告知可通过相关渠道反映。",
    ];

    private static readonly Dictionary<SuggestionOutcome, string> Replies = new()
    {
        [SuggestionOutcome.Adopted] = "感谢您的建议。经研究，您的建议具有较强的可行性，我单位予以采纳，已列入年度工作计划组织实施。",
        [SuggestionOutcome.PartlyAdopted] = "感谢您的建议。经研究，您建议中的部分内容予以采纳并将逐步落实，其余内容受现有条件限制暂不实施。",
        [SuggestionOutcome.KeptForReference] = "感谢您的建议。您的建议对我们改进工作有参考价值，我单位将在今后制定相关规划时统筹考虑。",
        [SuggestionOutcome.NotAdopted] = "感谢您的建议。经调查论证，该建议与现行政策规定不符，暂不予采纳，特此说明。",
    };

    private static readonly string[] Implementations =
    [
        "相关设施已建成投用，群众反映良好。",
        "已纳入年度民生实事项目，首批点位完成建设。",
        "已出台配套办法，自下月起施行。",
        "已完成试点并在全区推广。",
    ];

    private readonly Faker _faker = new("zh_CN") { Random = new Randomizer(DefaultSeed) };
    private readonly DateOnly _today;
    private readonly DateTimeOffset _now;
    private readonly List<SeedSuggestion> _suggestions = [];
    private readonly IReadOnlyList<UnitSnapshot> _departments;

    private SuggestionGenerator(DateTimeOffset now, IReadOnlyList<UnitSnapshot> units)
    {
        _now = now;
        _today = WorkCalendar.LocalDate(now);
        _departments = units.Where(u => u.Kind == "functional_department" && !u.IsRetired).ToList();
    }

    /// <summary>The demo topics and suggestions over the demo organisation; none when it has no city.</summary>
    public static async Task<(List<SeedTopic> Topics, List<SeedSuggestion> Suggestions)> GenerateAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var directory = scoped.GetRequiredService<IOrganizationDirectory>();
        var regions = await directory.ListRegionsAsync(cancellationToken);
        var units = await directory.ListUnitsAsync(cancellationToken);
        var now = scoped.GetRequiredService<TimeProvider>().GetUtcNow();
        var topics = TopicGenerator.Generate(regions, units, WorkCalendar.LocalDate(now), now);
        var generator = new SuggestionGenerator(now, units);
        generator.Generate(topics, regions);
        return (topics, generator._suggestions);
    }

    private void Generate(List<SeedTopic> topics, IReadOnlyList<RegionSnapshot> regions)
    {
        for (var index = 0; index < topics.Count; index++)
        {
            var topic = topics[index];
            if (topic.Status == SuggestionTopicStatus.Draft)
            {
                continue;
            }

            var last = topic.ClosesOn < _today ? topic.ClosesOn : _today;
            var span = Math.Max(0, last.DayNumber - topic.OpensOn.DayNumber);
            for (var i = _faker.Random.Int(10, 20); i > 0; i--)
            {
                Add(index, topic.Unit, Within(topic.Region, regions), topic.OpensOn.AddDays(_faker.Random.Int(0, span)));
            }
        }

        foreach (var district in regions.Where(r => r.Level == "district"))
        {
            for (var i = 0; i < 12; i++)
            {
                Add(null, null, Within(district, regions), _today.AddDays(-_faker.Random.Int(0, 364)));
            }
        }

        // City-wide matters go to the city's departments.
        foreach (var city in regions.Where(r => r.Level == "city"))
        {
            for (var i = 0; i < 16; i++)
            {
                Add(null, null, city, _today.AddDays(-_faker.Random.Int(0, 364)));
            }
        }
    }

    /// <summary>The region itself or one of its towns or villages.</summary>
    private RegionSnapshot Within(RegionSnapshot region, IReadOnlyList<RegionSnapshot> regions)
    {
        var below = regions.Where(r => r.Path.StartsWith(region.Path, StringComparison.Ordinal)).ToList();
        return _faker.Random.Bool(0.3f) ? region : _faker.PickRandom(below);
    }

    /// <param name="evaluator">The topic's unit, which evaluates its suggestions; for an unprompted one, the department over its region.</param>
    private void Add(int? topicIndex, UnitSnapshot? evaluator, RegionSnapshot region, DateOnly day)
    {
        var (title, content) = _faker.PickRandom(Ideas);
        var submittedAt = TopicGenerator.At(day, _now).AddMinutes(_faker.Random.Int(0, 480));
        submittedAt = submittedAt < _now ? submittedAt : _now;
        var channel = _faker.Random.WeightedRandom([SuggestionChannel.Online, SuggestionChannel.Letter, SuggestionChannel.Visit], [0.7f, 0.15f, 0.15f]);
        var named = _faker.Random.Bool(0.5f);
        var (status, reason, duplicateOf) = Screening(day, title);
        var screenedAt = status == SuggestionStatus.Submitted ? (DateTimeOffset?)null : submittedAt.AddDays(2) < _now ? submittedAt.AddDays(2) : _now;
        var evaluation = status == SuggestionStatus.Valid && day < _today.AddDays(-30) ? Evaluation(evaluator ?? DepartmentOver(region), screenedAt!.Value, day) : null;
        if (evaluation is not null)
        {
            status = evaluation.Outcome is null ? SuggestionStatus.Assigned
                : evaluation.ImplementedAt is null ? SuggestionStatus.Answered
                : SuggestionStatus.Implemented;
        }

        _suggestions.Add(new SeedSuggestion(topicIndex, channel, region, title, content, named ? _faker.Name.LastName() + _faker.PickRandom("先生", "女士") : null,
            named ? "13" + _faker.Random.ReplaceNumbers("#########") : null, submittedAt, status, reason, duplicateOf, screenedAt, evaluation));
    }

    /// <summary>One of the most local functional departments whose region covers <paramref name="region"/>, picked at random so that
    /// every department (the demo handlers' among them) has suggestions to answer.</summary>
    private UnitSnapshot? DepartmentOver(RegionSnapshot region)
    {
        var covering = _departments.Where(u => region.Path.StartsWith(u.RegionPath, StringComparison.Ordinal)).ToList();
        if (covering.Count == 0)
        {
            return null;
        }

        var depth = covering.Max(u => u.RegionPath.Length);
        return _faker.PickRandom(covering.Where(u => u.RegionPath.Length == depth).ToList());
    }

    /// <summary>Assigned the day after screening, due a month later; answered within three weeks once six weeks old, mostly rated.</summary>
    private SeedEvaluation? Evaluation(UnitSnapshot? unit, DateTimeOffset screenedAt, DateOnly day)
    {
        if (unit is null)
        {
            return null;
        }

        var assignedAt = screenedAt.AddDays(1);
        var dueOn = WorkCalendar.LocalDate(assignedAt).AddDays(30);
        if (day >= _today.AddDays(-45))
        {
            return new SeedEvaluation([new SeedAnswer(unit, dueOn, assignedAt, null, null, null)], null, null, null, null);
        }

        var outcome = _faker.Random.WeightedRandom(
            [SuggestionOutcome.Adopted, SuggestionOutcome.PartlyAdopted, SuggestionOutcome.KeptForReference, SuggestionOutcome.NotAdopted], [0.3f, 0.25f, 0.3f, 0.15f]);
        var answeredAt = assignedAt.AddDays(_faker.Random.Int(5, 25));
        var rated = _faker.Random.Bool(0.7f);
        var rating = outcome switch
        {
            SuggestionOutcome.Adopted or SuggestionOutcome.PartlyAdopted => _faker.Random.WeightedRandom(
                [SuggestionRating.Satisfied, SuggestionRating.BasicallySatisfied, SuggestionRating.Dissatisfied], [0.7f, 0.25f, 0.05f]),
            _ => _faker.Random.WeightedRandom([SuggestionRating.Satisfied, SuggestionRating.BasicallySatisfied, SuggestionRating.Dissatisfied], [0.3f, 0.45f, 0.25f]),
        };
        var evaluation = new SeedEvaluation(
            [new SeedAnswer(unit, dueOn, assignedAt, outcome, Replies[outcome], answeredAt)], outcome, answeredAt, rated ? rating : null, rated ? answeredAt.AddDays(3) : null);
        if (outcome is not (SuggestionOutcome.Adopted or SuggestionOutcome.PartlyAdopted) || day >= _today.AddDays(-90))
        {
            return evaluation;
        }

        var implementedAt = answeredAt.AddDays(_faker.Random.Int(20, 50));
        var awarded = _faker.Random.Bool(0.2f);
        return evaluation with
        {
            Implementation = $"{unit.Name}已落实该建议：{_faker.PickRandom(Implementations)}",
            ImplementedAt = implementedAt,
            Award = awarded ? "该建议立足群众需求、切实可行，落实后成效明显，评为年度优秀建议。" : null,
            AwardedAt = awarded ? implementedAt.AddDays(7) : null,
        };
    }

    private (SuggestionStatus Status, string? Reason, int? DuplicateOf) Screening(DateOnly day, string title)
    {
        if (day > _today.AddDays(-14))
        {
            return (SuggestionStatus.Submitted, null, null);
        }

        var roll = _faker.Random.Double();
        var original = _suggestions.FindIndex(s => s.Title == title && s.Status is SuggestionStatus.Valid or SuggestionStatus.Assigned or SuggestionStatus.Answered or SuggestionStatus.Implemented);
        if (roll < 0.12 && original >= 0)
        {
            return (SuggestionStatus.Duplicate, "与此前建议内容相同，合并办理。", original);
        }

        return roll < 0.24
            ? (SuggestionStatus.OutOfScope, _faker.PickRandom(OutOfScopeReasons), null)
            : (SuggestionStatus.Valid, null, null);
    }
}
