using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Dispatch.Cases;

namespace Fengqiao.Tests.Unit;

public sealed class CaseStateMachineTests
{
    private static readonly CaseStatus[] Open = [CaseStatus.AwaitingAssignment, CaseStatus.AwaitingSignature, CaseStatus.Returned, CaseStatus.InProgress, CaseStatus.Replied];

    /// <summary>Every valid transition, written out: (from, action) → to.</summary>
    private static readonly Dictionary<(CaseStatus, CaseAction), CaseStatus> Valid = BuildValid();

    private static IEnumerable<TestCaseData> AllPairs() =>
        from status in Enum.GetValues<CaseStatus>()
        from action in Enum.GetValues<CaseAction>()
        select new TestCaseData(status.ToString(), action.ToString()).SetName($"{status} + {action}");

    [TestCaseSource(nameof(AllPairs))]
    public void Next_FollowsTheTable_AndRefusesEverythingElseNamingTheState(string statusName, string actionName)
    {
        var (status, action) = (Enum.Parse<CaseStatus>(statusName), Enum.Parse<CaseAction>(actionName));
        if (Valid.TryGetValue((status, action), out var expected))
        {
            Assert.That(CaseStateMachine.Next(status, action), Is.EqualTo(expected));
            return;
        }

        var refused = Assert.Throws<ConflictException>(() => CaseStateMachine.Next(status, action))!;
        Assert.That(refused.Code, Is.EqualTo("invalid_transition"));
        Assert.That(refused.Message, Does.Contain(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString())));
    }

    [Test]
    public void AClosedCase_AllowsOnlyRatingAndReview()
    {
        Assert.That(CaseStateMachine.ActionsFrom(CaseStatus.Closed), Is.EquivalentTo(new[] { CaseAction.Rate, CaseAction.RequestReview }));
    }

    private static Dictionary<(CaseStatus, CaseAction), CaseStatus> BuildValid()
    {
        var valid = new Dictionary<(CaseStatus, CaseAction), CaseStatus>
        {
            [(CaseStatus.AwaitingAssignment, CaseAction.Assign)] = CaseStatus.AwaitingSignature,
            [(CaseStatus.Returned, CaseAction.Reassign)] = CaseStatus.AwaitingSignature,
            [(CaseStatus.AwaitingSignature, CaseAction.Sign)] = CaseStatus.InProgress,
            [(CaseStatus.AwaitingSignature, CaseAction.Return)] = CaseStatus.Returned,
            [(CaseStatus.InProgress, CaseAction.Return)] = CaseStatus.Returned,
            [(CaseStatus.InProgress, CaseAction.Reply)] = CaseStatus.Replied,
            [(CaseStatus.Replied, CaseAction.Close)] = CaseStatus.Closed,
        };
        foreach (var action in new[] { CaseAction.SubmitCoUnitInput, CaseAction.RequestExtension, CaseAction.DecideExtension, CaseAction.PauseClock, CaseAction.ResumeClock })
        {
            valid[(CaseStatus.InProgress, action)] = CaseStatus.InProgress;
        }

        foreach (var status in new[] { CaseStatus.Replied, CaseStatus.Closed })
        {
            valid[(status, CaseAction.Rate)] = status;
            valid[(status, CaseAction.RequestReview)] = status;
        }

        valid[(CaseStatus.InProgress, CaseAction.TickChecklist)] = CaseStatus.InProgress;
        valid[(CaseStatus.Replied, CaseAction.TickChecklist)] = CaseStatus.Replied;
        foreach (var status in Open)
        {
            foreach (var action in new[] { CaseAction.AddNote, CaseAction.AssignAgent, CaseAction.TakeCharge, CaseAction.IssueSupervisionOrder, CaseAction.AnswerSupervisionOrder, CaseAction.ListForSupervision })
            {
                valid[(status, action)] = status;
            }
        }

        return valid;
    }
}
