using System.Reflection;
using Fengqiao.Metrics.Indicators;

namespace Fengqiao.Tests.Unit;

/// <summary>The counters a read of some figures sums: enough for each figure, and a statement that sums just them.</summary>
public sealed class IndicatorInputsTests
{
    private static readonly PropertyInfo[] Counters = typeof(FactSums).GetProperties().Where(p => p.PropertyType == typeof(long)).ToArray();

    [Test]
    public void EachFigure_ComputedFromItsInputsAlone_EqualsTheFigureFromEveryCounter()
    {
        var random = new Random(20261207);
        for (var round = 0; round < 20; round++)
        {
            var sums = new FactSums();
            foreach (var counter in Counters)
            {
                counter.SetValue(sums, (long)random.Next(0, 1000));
            }

            var all = IndicatorDefinitions.Figures(sums).ToDictionary(f => f.Key);
            foreach (var definition in IndicatorDefinitions.All)
            {
                var read = IndicatorDefinitions.InputsOf([definition.Key])!;
                var inputs = read.Names.Split(',').Concat(read.Backlog ? [nameof(FactSums.Backlog)] : []).ToHashSet();
                var only = new FactSums();
                foreach (var counter in Counters.Where(c => inputs.Contains(c.Name)))
                {
                    counter.SetValue(only, counter.GetValue(sums));
                }

                Assert.That(IndicatorDefinitions.Figures(only).Single(f => f.Key == definition.Key), Is.EqualTo(all[definition.Key]), definition.Key);
            }
        }
    }

    [Test]
    public void InputsOf_NamesEachCounterOnce_InOrder_TheBacklogApart_AndTheRegistrationsWhenNoFigureSumsAny()
    {
        Assert.That(IndicatorDefinitions.InputsOf(["satisfaction_rate", "participation_rate"]),
            Is.EqualTo(new SumColumns("Concluded,RatedBasicallySatisfied,RatedDissatisfied,RatedSatisfied", Backlog: false)));
        Assert.That(IndicatorDefinitions.InputsOf(["backlog"]), Is.EqualTo(new SumColumns("Registered", Backlog: true)), "the backlog has its own statements");
        Assert.That(IndicatorDefinitions.InputsOf(["backlog", "registered"]), Is.EqualTo(new SumColumns("Registered", Backlog: true)));
        Assert.That(IndicatorDefinitions.InputsOf(null), Is.Null, "every counter");
    }

    [Test]
    public void Narrow_SumsOnlyTheInputs_InEveryArm_AndKeepsTheRest()
    {
        var narrowed = IndicatorSql.Narrow(IndicatorSql.MonthlyByRegionPath, IndicatorDefinitions.InputsOf(["resolution_rate"]));

        Assert.That(narrowed.Split("SUM(").Length - 1, Is.EqualTo(4), "two counters in each of the two arms");
        Assert.That(narrowed, Does.Contain("SUM(f.closed) AS Closed").And.Contain("SUM(f.resolved) AS Resolved").And.Not.Contain("registered"));
        Assert.That(narrowed, Does.Contain("UNION ALL").And.Contain("GROUP BY f.region_path"));
        Assert.That(IndicatorSql.Narrow(IndicatorSql.MonthlyByRegionPath, null), Is.SameAs(IndicatorSql.MonthlyByRegionPath));
    }

    [Test]
    public void Narrow_ReadsOnlyTheInputs_FromTheRowsAsTheyAre_WithoutGrouping()
    {
        var narrowed = IndicatorSql.Narrow(IndicatorSql.MonthlyRowsByRegionPath, IndicatorDefinitions.InputsOf(["resolution_rate"]));

        Assert.That(narrowed, Does.Contain("f.closed AS Closed").And.Contain("f.resolved AS Resolved").And.Not.Contain("registered"));
        Assert.That(narrowed, Does.Not.Contain("SUM(").And.Not.Contain("GROUP BY").And.Contain("UNION ALL"));
        Assert.That(IndicatorSql.MonthlyRowsByMonth, Does.Contain("f.supervision_orders AS SupervisionOrders").And.Not.Contain("SUM("), "every counter without inputs");
    }

    [Test]
    public void Narrow_KeepsABoundedNumberOfTexts_HoweverManySetsOfCountersAreAskedFor()
    {
        var counters = IndicatorSql.SumLineNames.Order(StringComparer.Ordinal).ToArray();
        for (var set = 1; set <= IndicatorSql.NarrowedStatementsKept * 2; set++)
        {
            var names = counters.Where((_, bit) => bit < 31 && (set & (1 << bit)) != 0);
            var sums = SumColumns.Of(names);
            var narrowed = IndicatorSql.Narrow(IndicatorSql.ByChannel, sums);

            Assert.That(narrowed.Split("SUM(").Length - 1, Is.EqualTo(sums.Names.Split(',').Length), "past the cap a text is still built");
        }

        Assert.That(IndicatorSql.NarrowedStatementsCount, Is.LessThanOrEqualTo(IndicatorSql.NarrowedStatementsKept));
    }
}
