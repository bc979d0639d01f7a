using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;

namespace Fengqiao.Dispatch.Cases;

/// <summary>handling: the first case of an accepted petition; review (复查) and re_review (复核) one level up each.</summary>
internal enum CaseKind
{
    Handling,
    Review,
    ReReview,
}

internal enum CaseStatus
{
    /// <summary>待交办: the petition bureau picks the lead unit.</summary>
    AwaitingAssignment,

    /// <summary>待签收: assigned; the lead unit signs for it or returns it.</summary>
    AwaitingSignature,

    /// <summary>已退回: the unit says it is not competent; the bureau re-assigns or insists.</summary>
    Returned,

    /// <summary>办理中.</summary>
    InProgress,

    /// <summary>已答复: the written opinion went out; rating and closing follow.</summary>
    Replied,

    Closed,
}

internal enum CaseAction
{
    Assign,
    Reassign,
    Sign,
    Return,
    AddNote,
    SubmitCoUnitInput,
    RequestExtension,
    DecideExtension,
    PauseClock,
    ResumeClock,
    Reply,
    Rate,
    Close,
    RequestReview,
    TickChecklist,
    AssignAgent,
    TakeCharge,
    IssueSupervisionOrder,
    AnswerSupervisionOrder,
    ListForSupervision,
}

/// <summary>Which action each state allows, and where it leads. Actions that keep the state return it unchanged.</summary>
internal static class CaseStateMachine
{
    private static readonly CaseStatus[] Open = [CaseStatus.AwaitingAssignment, CaseStatus.AwaitingSignature, CaseStatus.Returned, CaseStatus.InProgress, CaseStatus.Replied];

    private static readonly Dictionary<CaseAction, CaseStatus[]> AllowedFrom = new()
    {
        [CaseAction.Assign] = [CaseStatus.AwaitingAssignment],
        [CaseAction.Reassign] = [CaseStatus.Returned],
        [CaseAction.Sign] = [CaseStatus.AwaitingSignature],
        [CaseAction.Return] = [CaseStatus.AwaitingSignature, CaseStatus.InProgress],
        [CaseAction.AddNote] = Open,
        [CaseAction.SubmitCoUnitInput] = [CaseStatus.InProgress],
        [CaseAction.RequestExtension] = [CaseStatus.InProgress],
        [CaseAction.DecideExtension] = [CaseStatus.InProgress],
        [CaseAction.PauseClock] = [CaseStatus.InProgress],
        [CaseAction.ResumeClock] = [CaseStatus.InProgress],
        [CaseAction.Reply] = [CaseStatus.InProgress],
        [CaseAction.Rate] = [CaseStatus.Replied, CaseStatus.Closed],
        [CaseAction.Close] = [CaseStatus.Replied],
        [CaseAction.RequestReview] = [CaseStatus.Replied, CaseStatus.Closed],
        [CaseAction.TickChecklist] = [CaseStatus.InProgress, CaseStatus.Replied],
        [CaseAction.AssignAgent] = Open,
        [CaseAction.TakeCharge] = Open,
        [CaseAction.IssueSupervisionOrder] = Open,
        [CaseAction.AnswerSupervisionOrder] = Open,
        [CaseAction.ListForSupervision] = Open,
    };

    public static bool Allows(CaseStatus status, CaseAction action) => AllowedFrom[action].Contains(status);

    /// <summary>The state after <paramref name="action"/>; 409 naming the current state when the action is not allowed.</summary>
    public static CaseStatus Next(CaseStatus status, CaseAction action)
    {
        if (!Allows(status, action))
        {
            throw new ConflictException("invalid_transition", $"The case is {status.ToSnakeCase()}; {action.ToSnakeCase()} is not possible in that state.");
        }

        return action switch
        {
            CaseAction.Assign or CaseAction.Reassign => CaseStatus.AwaitingSignature,
            CaseAction.Sign => CaseStatus.InProgress,
            CaseAction.Return => CaseStatus.Returned,
            CaseAction.Reply => CaseStatus.Replied,
            CaseAction.Close => CaseStatus.Closed,
            _ => status,
        };
    }

    public static IReadOnlyList<CaseAction> ActionsFrom(CaseStatus status) =>
        AllowedFrom.Where(a => a.Value.Contains(status)).Select(a => a.Key).ToList();
}
