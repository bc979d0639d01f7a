using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Mediation.Disputes;

namespace Fengqiao.Tests.Unit;

public sealed class DisputeStateMachineTests
{
    private static readonly ConsentState P = ConsentState.Pending;
    private static readonly ConsentState G = ConsentState.Given;
    private static readonly ConsentState R = ConsentState.Refused;

    /// <summary>Every valid transition, written out: (state, action) → state. Everything else is refused.</summary>
    private static readonly Dictionary<(DisputeState, DisputeAction), DisputeState> Valid = new()
    {
        [(new(DisputeStatus.Registered, P, P), DisputeAction.ApplicantConsents)] = new(DisputeStatus.Registered, G, P),
        [(new(DisputeStatus.Registered, P, P), DisputeAction.RespondentConsents)] = new(DisputeStatus.Registered, P, G),
        [(new(DisputeStatus.Registered, P, P), DisputeAction.ApplicantRefuses)] = new(DisputeStatus.NotMediated, R, P),
        [(new(DisputeStatus.Registered, P, P), DisputeAction.RespondentRefuses)] = new(DisputeStatus.NotMediated, P, R),
        [(new(DisputeStatus.Registered, P, P), DisputeAction.Withdraw)] = new(DisputeStatus.Withdrawn, P, P),
        [(new(DisputeStatus.Registered, G, P), DisputeAction.RespondentConsents)] = new(DisputeStatus.Accepted, G, G),
        [(new(DisputeStatus.Registered, G, P), DisputeAction.RespondentRefuses)] = new(DisputeStatus.NotMediated, G, R),
        [(new(DisputeStatus.Registered, G, P), DisputeAction.Withdraw)] = new(DisputeStatus.Withdrawn, G, P),
        [(new(DisputeStatus.Registered, P, G), DisputeAction.ApplicantConsents)] = new(DisputeStatus.Accepted, G, G),
        [(new(DisputeStatus.Registered, P, G), DisputeAction.ApplicantRefuses)] = new(DisputeStatus.NotMediated, R, G),
        [(new(DisputeStatus.Registered, P, G), DisputeAction.Withdraw)] = new(DisputeStatus.Withdrawn, P, G),
        [(new(DisputeStatus.Accepted, G, G), DisputeAction.Withdraw)] = new(DisputeStatus.Withdrawn, G, G),
        [(new(DisputeStatus.Accepted, G, G), DisputeAction.RecordAgreement)] = new(DisputeStatus.Agreed, G, G),
        [(new(DisputeStatus.Accepted, G, G), DisputeAction.RecordFailure)] = new(DisputeStatus.Failed, G, G),

        // An open dispute may be put in a room under its mediators, whatever its consents; the state stays as it was.
        [(new(DisputeStatus.Registered, P, P), DisputeAction.Assign)] = new(DisputeStatus.Registered, P, P),
        [(new(DisputeStatus.Registered, G, P), DisputeAction.Assign)] = new(DisputeStatus.Registered, G, P),
        [(new(DisputeStatus.Registered, P, G), DisputeAction.Assign)] = new(DisputeStatus.Registered, P, G),
        [(new(DisputeStatus.Accepted, G, G), DisputeAction.Assign)] = new(DisputeStatus.Accepted, G, G),

        // Return visits follow an agreement until one finds it performed; the visit's finding is the command's, not the machine's.
        [(new(DisputeStatus.Agreed, G, G), DisputeAction.RecordFollowUp)] = new(DisputeStatus.Agreed, G, G),
        [(new(DisputeStatus.Agreed, G, G, Performance.PartlyPerformed), DisputeAction.RecordFollowUp)] = new(DisputeStatus.Agreed, G, G, Performance.PartlyPerformed),
        [(new(DisputeStatus.Agreed, G, G, Performance.NotPerformed), DisputeAction.RecordFollowUp)] = new(DisputeStatus.Agreed, G, G, Performance.NotPerformed),
    };

    /// <summary>Every status with every pair of consents and every performance, reachable or not, so that no state escapes the table.</summary>
    private static IEnumerable<DisputeState> AllStates() =>
        from status in Enum.GetValues<DisputeStatus>()
        from applicant in Enum.GetValues<ConsentState>()
        from respondent in Enum.GetValues<ConsentState>()
        from performance in Enum.GetValues<Performance>().Cast<Performance?>().Append(null)
        select new DisputeState(status, applicant, respondent, performance);

    private static IEnumerable<TestCaseData> AllPairs() =>
        from state in AllStates()
        from action in Enum.GetValues<DisputeAction>()
        select new TestCaseData(state, action).SetName($"{state.Status} {state.ApplicantConsent}/{state.RespondentConsent} {state.Performance?.ToString() ?? "-"} + {action}");

    [TestCaseSource(nameof(AllPairs))]
    public void Apply_FollowsTheTable_AndRefusesEverythingElse(DisputeState state, DisputeAction action)
    {
        if (Valid.TryGetValue((state, action), out var expected))
        {
            Assert.That(DisputeStateMachine.Allows(state, action), Is.True);
            Assert.That(DisputeStateMachine.Apply(state, action), Is.EqualTo(expected));
            return;
        }

        Assert.That(DisputeStateMachine.Allows(state, action), Is.False);
        var refused = Assert.Throws<ConflictException>(() => DisputeStateMachine.Apply(state, action))!;
        Assert.That(refused.Code, Is.EqualTo("dispute_action_not_allowed"));
        Assert.That(refused.Message, Does.Contain(state.Status.ToString()));
    }

    [Test]
    public void Table_CoversEveryValidStep_OfTheReachableStates()
    {
        // The states a new dispute can reach; every step they allow must be in the table above, and vice versa.
        // A return visit's finding comes from the command, so the agreed states with each finding are reachable too.
        var reachable = new HashSet<DisputeState> { new(DisputeStatus.Registered, P, P) };
        reachable.UnionWith(Enum.GetValues<Performance>().Select(p => new DisputeState(DisputeStatus.Agreed, G, G, p)));
        var frontier = new Queue<DisputeState>(reachable);
        while (frontier.TryDequeue(out var state))
        {
            foreach (var action in DisputeStateMachine.AllowedIn(state))
            {
                Assert.That(Valid.ContainsKey((state, action)), Is.True, $"{state} + {action} is allowed but not in the table");
                var next = DisputeStateMachine.Apply(state, action);
                if (reachable.Add(next))
                {
                    frontier.Enqueue(next);
                }
            }
        }

        Assert.That(Valid.Keys.Select(k => k.Item1).Distinct(), Is.SubsetOf(reachable));
    }

    [TestCase(DisputeStatus.NotMediated)]
    [TestCase(DisputeStatus.Withdrawn)]
    [TestCase(DisputeStatus.Failed)]
    public void AnEndedDispute_AllowsNothing(DisputeStatus status)
    {
        Assert.That(DisputeStateMachine.AllowedIn(new DisputeState(status, G, R)), Is.Empty);
        Assert.That(DisputeStateMachine.AllowedIn(new DisputeState(status, G, G)), Is.Empty);
        Assert.That(DisputeStateMachine.IsOpen(status), Is.False);
    }

    [Test]
    public void AnAgreement_AllowsOnlyReturnVisits_UntilOneFindsItPerformed()
    {
        Assert.That(DisputeStateMachine.IsOpen(DisputeStatus.Agreed), Is.False);
        Assert.That(DisputeStateMachine.AllowedIn(new DisputeState(DisputeStatus.Agreed, G, G)), Is.EqualTo(new[] { DisputeAction.RecordFollowUp }));
        Assert.That(DisputeStateMachine.AllowedIn(new DisputeState(DisputeStatus.Agreed, G, G, Performance.NotPerformed)), Is.EqualTo(new[] { DisputeAction.RecordFollowUp }));
        Assert.That(DisputeStateMachine.AllowedIn(new DisputeState(DisputeStatus.Agreed, G, G, Performance.Performed)), Is.Empty);
        Assert.That(DisputeStateMachine.AllowedIn(new DisputeState(DisputeStatus.Failed, G, G, Performance.NotPerformed)), Is.Empty, "only an agreement has a performance");
    }
}
