using Fengqiao.Metrics.Facts;
using Fengqiao.Metrics.Indicators;

namespace Fengqiao.Tests.Unit;

public sealed class MonthlyFactsTests
{
    private static readonly FactKey Village = new(new DateOnly(2026, 3, 17), "/c/d/t/v/", Guid.NewGuid(), "visit", "land");

    [Test]
    public void KeysOf_CountsADayInItsMonth_ForEveryRegionAboveIt_WholeByChannelAndByCategory_AndAtItsOwnLevel()
    {
        var keys = MonthlyFacts.KeysOf(Village).ToList();

        Assert.That(keys.Select(k => k.Month).Distinct(), Is.EqualTo(new[] { new DateOnly(2026, 3, 1) }));
        Assert.That(keys.Where(k => k.Dimension == FactDimension.Total).Select(k => (k.RegionPath, k.ParentPath)), Is.EqualTo(new[]
        {
            ("/c/", string.Empty), ("/c/d/", "/c/"), ("/c/d/t/", "/c/d/"), ("/c/d/t/v/", "/c/d/t/"),
        }));
        Assert.That(keys.Where(k => k.Dimension == FactDimension.Channel).Select(k => k.DimensionValue).Distinct(), Is.EqualTo(new[] { "visit" }));
        Assert.That(keys.Where(k => k.Dimension == FactDimension.Category).Select(k => k.DimensionValue).Distinct(), Is.EqualTo(new[] { "land" }));
        Assert.That(keys.Where(k => k.Dimension == FactDimension.Own).Select(k => k.RegionPath), Is.EqualTo(new[] { "/c/d/t/v/" }), "only the day's own region");
        Assert.That(keys, Has.Count.EqualTo(13));
    }

    [Test]
    public void RollUp_AddsTheDaysOfAMonth_AndKeepsMonthsApart()
    {
        var counters = FactStore.Counters.Length;
        var days = new Dictionary<FactKey, int[]>
        {
            [Village] = Counts(counters, registered: 2),
            [Village with { Day = new DateOnly(2026, 3, 30), Channel = "letter" }] = Counts(counters, registered: 3),
            [Village with { Day = new DateOnly(2026, 4, 1) }] = Counts(counters, registered: 5),
        };

        var months = MonthlyFacts.RollUp(days);

        int Registered(string dimension, string path, string value, int month) =>
            months[new MonthlyKey(new DateOnly(2026, month, 1), path, path == "/c/" ? string.Empty : path[..(path.LastIndexOf('/', path.Length - 2) + 1)], dimension, value)][(int)Counter.Registered];
        Assert.Multiple(() =>
        {
            Assert.That(Registered(FactDimension.Total, "/c/", string.Empty, 3), Is.EqualTo(5));
            Assert.That(Registered(FactDimension.Total, "/c/d/t/", string.Empty, 4), Is.EqualTo(5));
            Assert.That(Registered(FactDimension.Channel, "/c/d/", "visit", 3), Is.EqualTo(2));
            Assert.That(Registered(FactDimension.Channel, "/c/d/", "letter", 3), Is.EqualTo(3));
            Assert.That(Registered(FactDimension.Own, "/c/d/t/v/", string.Empty, 3), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Plan_ReadsWholeMonthsFromTheMonthlyRows_AndTheDaysAtEitherEndFromTheDailyRows()
    {
        var period = await FactPeriod.PlanAsync(new DateOnly(2026, 1, 10), new DateOnly(2026, 5, 20), (_, _) => Task.FromResult(true));

        Assert.That((period.FirstMonth, period.LastMonth), Is.EqualTo(((DateOnly?)new DateOnly(2026, 2, 1), (DateOnly?)new DateOnly(2026, 4, 1))));
        Assert.That(period.DailyRanges, Is.EqualTo(new[]
        {
            (new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 31)), (new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 20)),
        }));
        Assert.That(period.BacklogBefore, Is.EqualTo(new DateOnly(2026, 5, 1)), "the backlog's changes of May up to the 20th from the days");
        Assert.That(period.DailyBacklogNeeded, Is.True);
    }

    [Test]
    public async Task Plan_CountsTheLastMonthWhole_WhenNoFactFollowsThePeriodsEndInIt()
    {
        DateOnly? asked = null;
        var period = await FactPeriod.PlanAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 20), (to, monthEnd) =>
        {
            asked = monthEnd;
            return Task.FromResult(false);
        });

        Assert.That(asked, Is.EqualTo(new DateOnly(2026, 5, 31)));
        Assert.That((period.FirstMonth, period.LastMonth), Is.EqualTo(((DateOnly?)new DateOnly(2026, 1, 1), (DateOnly?)new DateOnly(2026, 5, 1))));
        Assert.That(period.DailyRanges, Is.Empty);
        Assert.That(period.DailyBacklogNeeded, Is.False, "every backlog change up to the period's end is in the monthly rows");
    }

    [Test]
    public async Task Plan_DoesNotAsk_WhenThePeriodEndsOnAMonthsLastDay()
    {
        var period = await FactPeriod.PlanAsync(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), (_, _) => throw new AssertionException("asked"));

        Assert.That((period.FirstMonth, period.LastMonth), Is.EqualTo(((DateOnly?)new DateOnly(2026, 2, 1), (DateOnly?)new DateOnly(2026, 2, 1))));
        Assert.That(period.DailyRanges, Is.Empty);
    }

    [Test]
    public async Task Plan_ReadsOnlyDays_WhenThePeriodHoldsNoWholeMonth()
    {
        var period = await FactPeriod.PlanAsync(new DateOnly(2026, 2, 3), new DateOnly(2026, 3, 20), (_, _) => Task.FromResult(true));

        Assert.That(period.FirstMonth, Is.Null);
        Assert.That(period.DailyRanges, Is.EqualTo(new[] { (new DateOnly(2026, 2, 3), new DateOnly(2026, 3, 20)) }));
        Assert.That(period.DailyBacklogNeeded, Is.True, "the whole history's backlog changes from the days");
    }

    private static int[] Counts(int length, int registered)
    {
        var counts = new int[length];
        counts[(int)Counter.Registered] = registered;
        return counts;
    }
}
