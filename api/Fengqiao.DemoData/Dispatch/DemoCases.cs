using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.DemoData.Intake;
using Fengqiao.DemoData.Organization;
using Fengqiao.Dispatch.BulkLoading;
using Fengqiao.Organization.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.DemoData.Dispatch;

/// <summary>
/// The demo town's showcase, so that every demo user finds work of every kind whatever the day of the first start:
/// petitions received and accepted in 府山街道 at set times before today, and what has happened to their cases since —
/// to assign, returned, to sign, in progress (with a co-handling unit and an agent), due soon, overdue (with an unanswered
/// supervision order, listed), replied, rated and closed, reviewed (复查), and final after re-review (复核) — led by the
/// town government, the district's and the city's housing departments, and for reviews the district's and the city's
/// petition bureaus, where the demo users of the three levels work.
/// </summary>
internal sealed class DemoCases
{
    private const string ReturnReason = "该事项属于属地管理范围，建议交由街道办理。";

    private static readonly Dictionary<string, string> Replies = new(StringComparer.Ordinal)
    {
        ["support"] = "经核查，反映问题属实，已责成相关单位限期整改到位，并向信访人当面反馈。",
        ["explain"] = "经核查，相关做法符合政策规定，已向信访人当面解释说明。",
        ["not_support"] = "经核查，所提诉求缺乏政策依据，依法不予支持，并告知复查途径。",
    };

    private readonly DispatchBulkLoading _dispatch;
    private readonly WorkCalendar _calendar;
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;
    private readonly List<RegionSnapshot> _places;
    private readonly Dictionary<Guid, RegionSnapshot> _regions;
    private readonly Units _units;
    private readonly Agents _agents;
    private readonly List<Story> _stories = [];

    private DemoCases(DispatchBulkLoading dispatch, WorkCalendar calendar, DateTimeOffset now, List<RegionSnapshot> places, IReadOnlyList<RegionSnapshot> regions, Units units, Agents agents)
    {
        _dispatch = dispatch;
        _calendar = calendar;
        _now = now;
        _today = WorkCalendar.LocalDate(now);
        _places = places;
        _regions = regions.ToDictionary(r => r.Id);
        _units = units;
        _agents = agents;
        Tell();
    }

    /// <summary>The showcase over the demo organisation, or null when the organisation is not the demo one.</summary>
    public static async Task<DemoCases?> CreateAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var directory = scoped.GetRequiredService<IOrganizationDirectory>();
        var regions = await directory.ListRegionsAsync(cancellationToken);
        var units = (await directory.ListUnitsAsync(cancellationToken)).GroupBy(u => u.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var town = regions.FirstOrDefault(r => r.Level == "town" && r.Name == OrganizationSeeder.DemoTown && r.DistrictName == OrganizationSeeder.DemoDistrict);
        var city = regions.FirstOrDefault(r => r.Level == "city");
        if (town is null || city is null)
        {
            return null;
        }

        UnitSnapshot? Unit(string name) => units.GetValueOrDefault(name);
        var found = new[]
        {
            Unit(OrganizationSeeder.TownGovernment(town.Name)), Unit(OrganizationSeeder.Housing(OrganizationSeeder.DemoDistrict)), Unit(OrganizationSeeder.Housing(city.Name)),
            Unit(OrganizationSeeder.Bureau(OrganizationSeeder.DemoDistrict)), Unit(OrganizationSeeder.Bureau(city.Name)),
        };
        if (found.Any(u => u is null))
        {
            return null;
        }

        var seeding = scoped.GetRequiredService<OrganizationSeeding>();
        async Task<UserSnapshot?> AgentAsync(string level) =>
            await seeding.FindUserIdAsync($"{level}.agent", cancellationToken) is { } id ? await directory.FindUserAsync(id, cancellationToken) : null;
        var places = regions.Where(r => Jurisdiction.Contains(town.Path, r.Path)).ToList();
        return new DemoCases(
            scoped.GetRequiredService<DispatchBulkLoading>(),
            scoped.GetRequiredService<WorkCalendar>(),
            scoped.GetRequiredService<TimeProvider>().GetUtcNow(),
            places,
            regions,
            new Units(found[0]!, found[1]!, found[2]!, found[3]!, found[4]!),
            new Agents(await AgentAsync("town"), await AgentAsync("district"), await AgentAsync("city")));
    }

    /// <summary>The showcase's petitions, for the petition generator to receive and accept when and where they say.</summary>
    public IReadOnlyList<ScheduledAcceptance> Petitions => _stories.Select(s => s.Petition).ToList();

    /// <summary>The showcase's histories for its accepted petitions, and the generator's for every other accepted petition.</summary>
    public IEnumerable<CaseHistory> Histories(IReadOnlyList<PetitionAccepted> accepted, CaseGenerator others)
    {
        var stories = _stories.ToDictionary(s => (s.Petition.RegionPath, s.Petition.ReceivedAt));
        var told = accepted.Where(a => stories.ContainsKey((a.RegionPath, a.ReceivedAt))).ToList();
        return told.SelectMany(a => stories[(a.RegionPath, a.ReceivedAt)].Tell(Opened(a)))
            .Concat(others.ForAccepted(accepted.Except(told)));
    }

    /// <summary>Every story, in the order of their petitions' places; instants are days before today at office hours.</summary>
    private void Tell()
    {
        var (town, districtHousing, cityHousing) = (_units.TownGovernment, _units.DistrictHousing, _units.CityHousing);
        var dueSoon = DueSoonAcceptedDaysAgo();

        Add(received: 4, accepted: 1, h => [h]);
        Add(8, 6, h => [Assigned(h, town, Day(5, 10)) with { Return = new CaseReturnStep(districtHousing, Day(3, 16), ReturnReason, null) }]);
        foreach (var (lead, agent, index) in new[] { (town, _agents.Town, 0), (districtHousing, _agents.District, 1), (cityHousing, _agents.City, 2) })
        {
            Add(3, 2, h => [Assigned(h, lead, _now - TimeSpan.FromHours(2 + index))]);
            Add(22 - index, 20 - index, h =>
            {
                var history = Signed(Assigned(h, lead, Day(19 - index, 9)), Day(18 - index, 15));
                history = agent is null ? history : history with { Agent = new CaseAgentStep(agent, Day(18 - index, 10)) };
                return [lead == town ? history with { CoUnits = [new CaseCoUnitStep(districtHousing, Day(8, 11), "已按职责核查相关情况，意见已书面反馈主办单位。")] }
                    : lead == cityHousing ? history with { Extension = new CaseExtensionStep(20, "需补充调查取证，申请延期办理。", Day(5, 10), true, Day(4, 15), string.Empty) }
                    : history];
            });
            Add(dueSoon + 2, dueSoon, h => [Signed(Assigned(h, lead, Day(dueSoon - 1, 9)), Day(Math.Max(1, dueSoon - 2), 10))]);
            Add(78 - index, 75 - index, h =>
            {
                var history = Signed(Assigned(h, lead, Day(74 - index, 9)), Day(73 - index, 14)) with
                {
                    Order = new CaseOrderStep("请于五个工作日内书面报告办理进展及结果。", _calendar.AddWorkingDays(_today.AddDays(-9), 5), Day(9, 10), _units.DistrictBureau.Name, null, string.Empty),
                };
                return [lead == town ? history with { ListedAt = Day(2, 9), ListedReason = "超期未办结，挂牌督办。" } : history];
            });
            Add(42 - index, 40 - index, h => [Replied(Signed(Assigned(h, lead, Day(39 - index, 9)), Day(38 - index, 14)), Day(3 - index, 16), "support")]);
        }

        Add(125, 120, h => [Rated(Replied(Signed(Assigned(h, town, Day(119, 9)), Day(118, 10)), Day(70, 15), "explain"), Day(66, 10), "satisfied", Day(64, 9))]);
        Add(112, 110, h => ReviewedOnce(h, repliedDaysAgo: 60, reviewRepliedDaysAgo: 30, closeReview: true));
        Add(82, 80, h => ReviewedOnce(h, repliedDaysAgo: 25, reviewRepliedDaysAgo: 2, closeReview: false));
        Add(205, 200, h => ReviewedTwice(h, repliedDaysAgo: 150, reviewRepliedDaysAgo: 120, reReviewRepliedDaysAgo: 90, closeReReview: true));
        Add(113, 111, h => ReviewedTwice(h, repliedDaysAgo: 60, reviewRepliedDaysAgo: 28, reReviewRepliedDaysAgo: 2, closeReReview: false));
    }

    /// <summary>A dissatisfied petitioner asks for a review (复查) by the district bureau, which replies; closed when <paramref name="closeReview"/>.</summary>
    private IEnumerable<CaseHistory> ReviewedOnce(CaseHistory handling, int repliedDaysAgo, int reviewRepliedDaysAgo, bool closeReview)
    {
        var accepted = (_today.DayNumber - WorkCalendar.LocalDate(handling.OpenedAt).DayNumber);
        handling = Dissatisfied(Replied(Signed(Assigned(handling, _units.TownGovernment, Day(accepted - 1, 9)), Day(accepted - 2, 10)), Day(repliedDaysAgo, 15), "explain"), repliedDaysAgo);
        var review = Review(handling, _units.DistrictBureau, reviewRepliedDaysAgo, "support");
        return [handling, closeReview ? Rated(review, Day(reviewRepliedDaysAgo - 3, 10), "satisfied", Day(reviewRepliedDaysAgo - 4, 10)) : review];
    }

    /// <summary>After the review, a re-review (复核) by the city bureau; closing it makes the matter final (终结).</summary>
    private IEnumerable<CaseHistory> ReviewedTwice(CaseHistory handling, int repliedDaysAgo, int reviewRepliedDaysAgo, int reReviewRepliedDaysAgo, bool closeReReview)
    {
        var accepted = (_today.DayNumber - WorkCalendar.LocalDate(handling.OpenedAt).DayNumber);
        handling = Dissatisfied(Replied(Signed(Assigned(handling, _units.TownGovernment, Day(accepted - 1, 9)), Day(accepted - 2, 10)), Day(repliedDaysAgo, 15), "explain"), repliedDaysAgo);
        var review = Dissatisfied(Review(handling, _units.DistrictBureau, reviewRepliedDaysAgo, "explain"), reviewRepliedDaysAgo);
        var reReview = Review(review, _units.CityBureau, reReviewRepliedDaysAgo, "explain");
        return [handling, review, closeReReview ? Rated(reReview, Day(reReviewRepliedDaysAgo - 2, 10), "basically_satisfied", Day(reReviewRepliedDaysAgo - 3, 10)) : reReview];
    }

    /// <summary>Rated dissatisfied two days after the reply, a review asked for two days later (inside every rule set's window), then closed.</summary>
    private CaseHistory Dissatisfied(CaseHistory history, int repliedDaysAgo) =>
        Rated(history, Day(repliedDaysAgo - 2, 10), "dissatisfied", Day(repliedDaysAgo - 3, 9)) with
        {
            ReviewRequestedAt = Day(repliedDaysAgo - 4, 11),
            ReviewRequestReason = history.ReviewOf is null ? "对处理意见不服，请求复查。" : "对复查意见不服，请求复核。",
        };

    /// <summary>The review of <paramref name="reviewed"/> opened when asked for, assigned to and signed by the bureau one level up, replied.</summary>
    private CaseHistory Review(CaseHistory reviewed, UnitSnapshot bureau, int repliedDaysAgo, string opinion)
    {
        var requestedAt = reviewed.ReviewRequestedAt!.Value;
        var review = reviewed with
        {
            Id = Guid.CreateVersion7(requestedAt),
            ReviewOf = reviewed,
            Number = reviewed.Number + (reviewed.ReviewOf is null ? "-复查" : "-复核"),
            OpenedAt = requestedAt,
            SuggestedUnit = bureau,
            AssignedBy = bureau,
            Lead = bureau,
            AssignedAt = requestedAt + TimeSpan.FromHours(1),
            Forwarded = false,
            Return = null,
            Agent = null,
            CoUnits = [],
            Extension = null,
            Pause = null,
            Order = null,
            ListedAt = null,
            SignedAt = requestedAt + TimeSpan.FromDays(1),
            RatedAt = null,
            Rating = null,
            ReviewRequestedAt = null,
            ClosedAt = null,
        };
        return Replied(review, Day(repliedDaysAgo, 15), opinion);
    }

    private static CaseHistory Assigned(CaseHistory history, UnitSnapshot lead, DateTimeOffset at) => history with { Lead = lead, SuggestedUnit = lead, AssignedAt = at };

    private static CaseHistory Signed(CaseHistory history, DateTimeOffset at) => history with { SignedAt = at };

    private static CaseHistory Replied(CaseHistory history, DateTimeOffset at, string opinion) => history with { RepliedAt = at, Opinion = opinion, ReplyText = Replies[opinion] };

    private static CaseHistory Rated(CaseHistory history, DateTimeOffset at, string rating, DateTimeOffset closedAt) =>
        history with { RatedAt = at, Rating = rating, RatedByPetitioner = true, ClosedAt = closedAt };

    /// <summary>The handling case as opened on acceptance, before anyone acted.</summary>
    private CaseHistory Opened(PetitionAccepted accepted) => new()
    {
        Id = Guid.CreateVersion7(accepted.OccurredAt),
        PetitionId = accepted.PetitionId,
        Number = accepted.Number,
        Category = accepted.Category,
        Region = _regions[accepted.RegionId],
        Summary = accepted.Summary ?? accepted.Number,
        ReceivedAt = accepted.ReceivedAt,
        OpenedAt = accepted.OccurredAt,
        IsFirstTime = accepted.IsFirstTime,
        IsRepeat = accepted.Flags?.Contains("repeat") == true,
        IsSkipLevel = accepted.Flags?.Contains("skip_level") == true,
        SuggestedUnit = _units.TownGovernment,
        AssignedBy = _units.DistrictBureau,
        Lead = _units.TownGovernment,
    };

    /// <summary>How many days ago a case was accepted whose statutory reply deadline falls after today but within a working day of it.</summary>
    private int DueSoonAcceptedDaysAgo()
    {
        for (var days = 1; days < 400; days++)
        {
            var due = _dispatch.ReplyDue(_today.AddDays(-days));
            if (due > _today && _calendar.WorkingDaysBetween(_today, due) <= 1)
            {
                return days;
            }
        }

        throw new InvalidOperationException("No acceptance day gives a reply deadline right after today.");
    }

    /// <summary>A story on the next place of the town (the town itself and its villages in turn), its petition received and accepted so many days ago.</summary>
    private void Add(int received, int accepted, Func<CaseHistory, IEnumerable<CaseHistory>> tell)
    {
        var place = _places[_stories.Count % _places.Count];
        // Distinct minutes keep the petitions apart when their stories are found again by place and receipt.
        _stories.Add(new Story(new ScheduledAcceptance(Day(received, 9, _stories.Count), place.Path, Day(accepted, 14, _stories.Count)), tell));
    }

    /// <summary>An instant <paramref name="daysAgo"/> days before today, local time; never later than a minute ago.</summary>
    private DateTimeOffset Day(int daysAgo, int hour, int minute = 0)
    {
        var local = _today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, minute));
        var at = new DateTimeOffset(local, WorkCalendar.ChinaStandardTime.GetUtcOffset(local)).ToUniversalTime();
        return at < _now ? at : _now - TimeSpan.FromMinutes(1);
    }

    private sealed record Story(ScheduledAcceptance Petition, Func<CaseHistory, IEnumerable<CaseHistory>> Tell);

    private sealed record Units(UnitSnapshot TownGovernment, UnitSnapshot DistrictHousing, UnitSnapshot CityHousing, UnitSnapshot DistrictBureau, UnitSnapshot CityBureau);

    private sealed record Agents(UserSnapshot? Town, UserSnapshot? District, UserSnapshot? City);
}
