using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Receptions.Batches;
using Fengqiao.Receptions.Schedule;

namespace Fengqiao.Tests.Unit;

public sealed class ReceptionRulesTests
{
    [Test]
    public void Tally_CountsBatchesPersonsAndOutcomes_AndTheResolutionRate()
    {
        var totals = BatchRules.Tally([(3, BatchOutcome.SolvedOnTheSpot), (1, BatchOutcome.Explained), (6, BatchOutcome.Assigned), (2, BatchOutcome.Explained)]);
        Assert.That(totals, Is.EqualTo(new BatchTotals(4, 12, 1, 2, 1, 0.75m)));
    }

    [Test]
    public void Tally_OfNoBatches_HasNoResolutionRate()
    {
        Assert.That(BatchRules.Tally([]), Is.EqualTo(new BatchTotals(0, 0, 0, 0, 0, null)));
    }

    [TestCase(331, 0, 340, 0.9735)]
    [TestCase(1, 1, 3, 0.6667)]
    [TestCase(0, 0, 5, 0)]
    public void ResolutionRate_IsSolvedAndExplainedOverAllBatches_RoundedToFourPlaces(int solved, int explained, int batches, decimal expected)
    {
        Assert.That(BatchRules.ResolutionRate(solved, explained, batches), Is.EqualTo(expected));
    }

    [TestCase(0, 1)]
    [TestCase(1, 1)]
    [TestCase(4, 4)]
    public void MinimumPersons_IsOne_OrEveryoneNamed(int named, int expected)
    {
        Assert.That(BatchRules.MinimumPersons(named), Is.EqualTo(expected));
    }

    [TestCase(BatchOutcome.SolvedOnTheSpot, BatchOutcome.Explained, true)]
    [TestCase(BatchOutcome.Explained, BatchOutcome.SolvedOnTheSpot, true)]
    [TestCase(BatchOutcome.Assigned, BatchOutcome.Assigned, true)]
    [TestCase(BatchOutcome.Explained, BatchOutcome.Assigned, false)]
    [TestCase(BatchOutcome.Assigned, BatchOutcome.SolvedOnTheSpot, false)]
    public void Correction_MovesBetweenSolvedAndExplained_ButNeverToOrFromAssigned(BatchOutcome from, BatchOutcome to, bool allowed)
    {
        if (allowed)
        {
            Assert.DoesNotThrow(() => BatchRules.RequireCorrectable(from, to));
        }
        else
        {
            Assert.That(Assert.Throws<ConflictException>(() => BatchRules.RequireCorrectable(from, to))!.Code, Is.EqualTo("assignment_not_correctable"));
        }
    }

    [Test]
    public void ChannelOf_AHomeVisit_IsDoorToDoor_AndEveryOtherReception_LeaderReception()
    {
        Assert.That(Enum.GetValues<ReceptionKind>().ToDictionary(k => k, BatchRules.ChannelOf), Is.EqualTo(new Dictionary<ReceptionKind, string>
        {
            [ReceptionKind.LeaderDay] = "leader_reception",
            [ReceptionKind.DepartmentDuty] = "leader_reception",
            [ReceptionKind.Appointment] = "leader_reception",
            [ReceptionKind.HomeVisit] = "door_to_door_visit",
            [ReceptionKind.LeaderVisit] = "leader_reception",
        }));
    }

    [Test]
    public void ALeadersReception_IsChangedByItsLeaderOrAnAdmin_HeldByItsLeaderOrTheBureau()
    {
        var host = Guid.NewGuid();
        var hostLeader = new Caller(host, Role.Leader);
        var otherLeader = new Caller(Guid.NewGuid(), Role.Leader);
        var officer = new Caller(Guid.NewGuid(), Role.PetitionOfficer);
        var admin = new Caller(Guid.NewGuid(), Role.Admin);
        Assert.Multiple(() =>
        {
            Assert.DoesNotThrow(() => ReceptionActions.Require(ReceptionAction.Change, ReceptionKind.LeaderDay, ReceptionStatus.Scheduled, host, hostLeader));
            Assert.DoesNotThrow(() => ReceptionActions.Require(ReceptionAction.Change, ReceptionKind.LeaderDay, ReceptionStatus.Scheduled, host, admin));
            Assert.Throws<ForbiddenException>(() => ReceptionActions.Require(ReceptionAction.Change, ReceptionKind.LeaderDay, ReceptionStatus.Scheduled, host, otherLeader));
            Assert.Throws<ForbiddenException>(() => ReceptionActions.Require(ReceptionAction.Change, ReceptionKind.LeaderDay, ReceptionStatus.Scheduled, host, officer));
            Assert.DoesNotThrow(() => ReceptionActions.Require(ReceptionAction.RecordBatch, ReceptionKind.LeaderDay, ReceptionStatus.Held, host, officer));
            Assert.Throws<ForbiddenException>(() => ReceptionActions.Require(ReceptionAction.RecordBatch, ReceptionKind.LeaderDay, ReceptionStatus.Held, host, admin));
            Assert.Throws<ForbiddenException>(() => ReceptionActions.Require(ReceptionAction.Hold, ReceptionKind.DepartmentDuty, ReceptionStatus.Scheduled, null, hostLeader));
        });
    }

    [Test]
    public void AStep_InTheWrongState_Is409()
    {
        var officer = new Caller(Guid.NewGuid(), Role.PetitionOfficer);
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ConflictException>(() => ReceptionActions.Require(ReceptionAction.RecordBatch, ReceptionKind.DepartmentDuty, ReceptionStatus.Scheduled, null, officer))!.Code,
                Is.EqualTo("invalid_state"));
            Assert.Throws<ConflictException>(() => ReceptionActions.Require(ReceptionAction.Hold, ReceptionKind.DepartmentDuty, ReceptionStatus.Cancelled, null, officer));
            Assert.Throws<ConflictException>(() => ReceptionActions.Require(ReceptionAction.Change, ReceptionKind.DepartmentDuty, ReceptionStatus.Held, null, officer));
        });
    }

    [Test]
    public void AllowedActions_AreExactlyTheActionsRequireLetsThrough()
    {
        var host = Guid.NewGuid();
        var callers = Enum.GetValues<Role>().Select(role => new Caller(host, role)).Append(new Caller(Guid.NewGuid(), Role.Leader)).ToList();
        var disagreements = new List<string>();
        foreach (var caller in callers)
        {
            foreach (var kind in Enum.GetValues<ReceptionKind>())
            {
                foreach (var status in Enum.GetValues<ReceptionStatus>())
                {
                    var allowed = ReceptionActions.Allowed(kind, status, host, caller);
                    foreach (var action in Enum.GetValues<ReceptionAction>())
                    {
                        var letThrough = true;
                        try
                        {
                            ReceptionActions.Require(action, kind, status, host, caller);
                        }
                        catch (Exception exception) when (exception is ForbiddenException or ConflictException)
                        {
                            letThrough = false;
                        }

                        if (letThrough != allowed.Contains(action))
                        {
                            disagreements.Add($"{string.Join(",", caller.Roles)} {kind} {status} {action}");
                        }
                    }
                }
            }
        }

        Assert.That(disagreements, Is.Empty);
        Assert.That(ReceptionActions.Allowed(ReceptionKind.LeaderDay, ReceptionStatus.Held, host, new Caller(host, Role.Leader)),
            Is.EqualTo(new[] { ReceptionAction.RecordBatch, ReceptionAction.CorrectBatch, ReceptionAction.TakeCharge, ReceptionAction.RevealPetitioner }));
    }

    private sealed class Caller(Guid id, params Role[] roles) : ICurrentUser
    {
        public Guid? UserId => id;

        public Guid? UnitId => null;

        public string? DisplayName => null;

        public string? RegionPath => "/330600/";

        public IReadOnlySet<Role> Roles { get; } = roles.ToHashSet();
    }
}
