using System.Text.Json;
using Fengqiao.Receptions.MustVisits;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Unit;

/// <summary>The four must-visits with the thresholds of the shipped rule sets (national and Zhejiang carry the same ones).</summary>
public sealed class MustVisitRulesTests
{
    private static readonly DateOnly March = new(2026, 3, 1);

    private static MustVisitThresholds Thresholds(string ruleSet = "national") => RuleSetFiles.Active(ruleSet).Section<ReceptionsRuleSection>(ReceptionsRuleSection.Section).MustVisits;

    private static TownPicture Quiet() => new(Guid.NewGuid(), "东茗乡", "/330600/330624/330624203/", 2, 2, 0, 0, 0, 0, 0, [], []);

    private static PolicyEntry Policy(DateOnly from, DateOnly? to) => new()
    {
        Id = Guid.NewGuid(), Title = "征地补偿方案", RegionPath = "/330600/330624/330624203/", RegionName = "东茗乡", EffectiveFrom = from, EffectiveTo = to,
    };

    private static IncidentEntry Incident(DateOnly day) => new()
    {
        Id = Guid.NewGuid(), RegionPath = "/330600/330624/330624203/", RegionName = "东茗乡", Day = day, Description = "山体滑坡。",
    };

    [TestCase("national")]
    [TestCase("zhejiang")]
    public void TheShippedRuleSets_CarryTheThresholds(string ruleSet)
    {
        var thresholds = Thresholds(ruleSet);
        Assert.That(thresholds.ManyPetitions.MinPetitions, Is.EqualTo(10));
        Assert.That(thresholds.HardWork.MaxResolutionRate, Is.EqualTo(0.8m));
        Assert.That(new ReceptionsRuleSetSectionValidator().Validate(RuleSetFiles.Sections(ruleSet).GetProperty("receptions")), Is.Empty);
    }

    [Test]
    public void AQuietTown_IsNotProposed()
    {
        Assert.That(MustVisitRules.Propose(Quiet(), March, Thresholds()), Is.Null);
    }

    [TestCase(10, 10, true, TestName = "ManyPetitions_AtTheVolumeThreshold_Holds")]
    [TestCase(9, 9, false, TestName = "ManyPetitions_BelowTheVolumeWithoutGrowth_DoesNotHold")]
    [TestCase(6, 4, true, TestName = "ManyPetitions_GrowingByHalfFromTheFloor_Holds")]
    [TestCase(5, 4, false, TestName = "ManyPetitions_GrowingByAQuarter_DoesNotHold")]
    [TestCase(4, 2, false, TestName = "ManyPetitions_DoublingBelowTheFloor_DoesNotHold")]
    [TestCase(5, 0, true, TestName = "ManyPetitions_FromNothingToTheFloor_Holds")]
    public void ManyPetitions(int petitions, int previous, bool expected)
    {
        var town = Quiet() with { Petitions = petitions, PreviousPetitions = previous };
        Assert.That(MustVisitRules.ManyPetitions(town, Thresholds().ManyPetitions), Is.EqualTo(expected));
        Assert.That(MustVisitRules.Propose(town, March, Thresholds())?.Reasons, expected ? Is.EqualTo(new[] { MustVisitReason.ManyPetitions }) : Is.Null);
    }

    [TestCase(3, 0, 0, 0, true, TestName = "HardWork_ABacklogAtTheThreshold_Holds")]
    [TestCase(2, 4, 0, 0, false, TestName = "HardWork_BelowBacklogAndOverdue_DoesNotHold")]
    [TestCase(0, 5, 0, 0, true, TestName = "HardWork_OverdueAtTheThreshold_Holds")]
    [TestCase(0, 0, 10, 7, true, TestName = "HardWork_ResolvingSevenInTen_Holds")]
    [TestCase(0, 0, 10, 8, false, TestName = "HardWork_ResolvingEightInTen_DoesNotHold")]
    [TestCase(0, 0, 4, 0, false, TestName = "HardWork_ALowRateOverTooFewCases_DoesNotHold")]
    public void HardWork(int backlog, int overdue, int concluded, int resolved, bool expected)
    {
        var town = Quiet() with { Backlog = backlog, Overdue = overdue, Concluded = concluded, Resolved = resolved };
        Assert.That(MustVisitRules.HardWork(town, Thresholds().HardWork), Is.EqualTo(expected));
        Assert.That(MustVisitRules.Propose(town, March, Thresholds())?.Reasons, expected ? Is.EqualTo(new[] { MustVisitReason.HardWork }) : Is.Null);
    }

    [TestCase("2026-03-15", null, true, TestName = "MajorPolicy_TakingEffectInTheMonth_Holds")]
    [TestCase("2026-04-30", null, true, TestName = "MajorPolicy_TakingEffectWithinTheLeadDays_Holds")]
    [TestCase("2026-05-01", null, false, TestName = "MajorPolicy_TakingEffectBeyondTheLeadDays_DoesNotHold")]
    [TestCase("2025-06-01", "2026-03-01", true, TestName = "MajorPolicy_EndingOnTheMonthsFirstDay_Holds")]
    [TestCase("2025-06-01", "2026-02-28", false, TestName = "MajorPolicy_EndedBeforeTheMonth_DoesNotHold")]
    public void MajorPolicy(string from, string? to, bool expected)
    {
        var policy = Policy(DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to));
        var town = Quiet() with { Policies = [policy] };
        var proposal = MustVisitRules.Propose(town, March, Thresholds());
        Assert.That(proposal?.Reasons, expected ? Is.EqualTo(new[] { MustVisitReason.MajorPolicy }) : Is.Null);
        Assert.That(proposal?.Policies.Select(p => p.Id), expected ? Is.EqualTo(new[] { policy.Id }) : Is.Null);
    }

    [TestCase(1, null, true, TestName = "Emergency_OneUrgentPetition_Holds")]
    [TestCase(0, "2026-03-31", true, TestName = "Emergency_AnIncidentInTheMonth_Holds")]
    [TestCase(0, "2026-01-30", true, TestName = "Emergency_AnIncidentWithinTheLookback_Holds")]
    [TestCase(0, "2026-01-29", false, TestName = "Emergency_AnIncidentBeforeTheLookback_DoesNotHold")]
    [TestCase(0, "2026-04-01", false, TestName = "Emergency_AnIncidentAfterTheMonth_DoesNotHold")]
    public void Emergency(int urgent, string? incidentDay, bool expected)
    {
        var town = Quiet() with { UrgentPetitions = urgent, Incidents = incidentDay is null ? [] : [Incident(DateOnly.Parse(incidentDay))] };
        Assert.That(MustVisitRules.Propose(town, March, Thresholds())?.Reasons, expected ? Is.EqualTo(new[] { MustVisitReason.Emergency }) : Is.Null);
    }

    [Test]
    public void Thresholds_ComeFromTheRuleSet_NotTheCode()
    {
        var lowered = Thresholds() with { ManyPetitions = new ManyPetitionsThresholds(2, 50, 5) };
        Assert.That(MustVisitRules.Propose(Quiet(), March, lowered)?.Reasons, Is.EqualTo(new[] { MustVisitReason.ManyPetitions }));
    }

    [Test]
    public void Proposals_NameEveryReason_WithTheFigures_MostReasonsFirst()
    {
        var busy = Quiet() with { TownName = "南明街道", Petitions = 12, PreviousPetitions = 8, UrgentPetitions = 2, Backlog = 4, Concluded = 10, Resolved = 9 };
        var one = Quiet() with { TownName = "七星街道", Overdue = 6 };
        var proposals = MustVisitRules.Propose([Quiet(), one, busy], March, Thresholds());
        Assert.That(proposals.Select(p => p.TownName), Is.EqualTo(new[] { "南明街道", "七星街道" }));
        Assert.That(proposals[0].Reasons, Is.EqualTo(new[] { MustVisitReason.ManyPetitions, MustVisitReason.HardWork, MustVisitReason.Emergency }));
        Assert.That(proposals[0].Figures, Is.EqualTo(new TownFigures(12, 8, 50.0m, 2, 4, 0, 10, 0.9m)));
    }

    [Test]
    public void TheSectionValidator_RefusesAThresholdOutOfRange_NamingIt()
    {
        var section = JsonSerializer.SerializeToElement(new
        {
            mustVisits = new
            {
                manyPetitions = new { minPetitions = 0, minGrowthPercent = 50, minPetitionsForGrowth = 5 },
                hardWork = new { minBacklog = 3, minOverdue = 5, minConcluded = 5, maxResolutionRate = 1.5 },
                majorPolicy = new { leadDays = 30 },
                emergency = new { minUrgentPetitions = 1, incidentLookbackDays = 30 },
            },
        });
        var problems = new ReceptionsRuleSetSectionValidator().Validate(section).Select(p => p.Path);
        Assert.That(problems, Is.EquivalentTo(new[] { "mustVisits.manyPetitions.minPetitions", "mustVisits.hardWork.maxResolutionRate" }));
    }
}
