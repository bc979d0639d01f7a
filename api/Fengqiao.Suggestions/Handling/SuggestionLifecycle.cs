using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;

namespace Fengqiao.Suggestions.Handling;

/// <summary>Where a suggestion stands; serialised in snake_case.</summary>
public enum SuggestionStatus
{
    /// <summary>Received, awaiting screening.</summary>
    Submitted,

    /// <summary>Screened valid: it goes on to evaluation.</summary>
    Valid,

    /// <summary>Screened a duplicate of another suggestion, which carries it on.</summary>
    Duplicate,

    /// <summary>Screened out of scope, with the reason sent to the submitter.</summary>
    OutOfScope,

    /// <summary>A valid suggestion assigned to one or more departments to evaluate by a deadline.</summary>
    Assigned,

    /// <summary>Every assigned department has answered; the submitter reads the replies and may rate them.</summary>
    Answered,

    /// <summary>An adopted or partly adopted suggestion carried out, its outcome published.</summary>
    Implemented,
}

/// <summary>A department's decision on a suggestion, and the suggestion's once all have answered; most favourable first.</summary>
public enum SuggestionOutcome
{
    Adopted,
    PartlyAdopted,
    KeptForReference,
    NotAdopted,
}

/// <summary>The submitter's rating of the replies (满意 / 基本满意 / 不满意).</summary>
public enum SuggestionRating
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

/// <summary>How a suggestion came in; serialised in snake_case.</summary>
public enum SuggestionChannel
{
    /// <summary>From the public form, on a topic or unprompted.</summary>
    Online,

    /// <summary>Registered by staff from a letter.</summary>
    Letter,

    /// <summary>Registered by staff from a visit in person.</summary>
    Visit,

    /// <summary>Opened from a petition classified as a suggestion (建议意见).</summary>
    Petition,

    /// <summary>Made by a cadre from an entry or a matter of the people's-sentiment diary 民情日记.</summary>
    Diary,
}

/// <summary>The screening's verdict.</summary>
public enum ScreeningOutcome
{
    Valid,
    Duplicate,
    OutOfScope,
}

/// <summary>What may be done to a suggestion; serialised in snake_case in a suggestion's <c>allowedActions</c>.</summary>
public enum SuggestionAction
{
    Screen,

    /// <summary>Assign a valid suggestion to the departments that evaluate it.</summary>
    Assign,

    /// <summary>See the submitter's full phone (audited).</summary>
    RevealSubmitter,

    /// <summary>Record an assigned department's answer.</summary>
    Answer,

    /// <summary>Record that an adopted suggestion was carried out, publishing the outcome.</summary>
    Implement,

    /// <summary>Award an adopted suggestion as excellent 优秀建议, shown publicly.</summary>
    Award,
}

/// <summary>
/// The suggestion's state machine: a submitted suggestion is screened once, valid, duplicate or out of scope; a valid one is
/// assigned to departments. Pure: the handlers refuse through <see cref="Screen"/> and <see cref="Assign"/>, and a suggestion's
/// <c>allowedActions</c> answer <see cref="Allowed"/>.
/// </summary>
public static class SuggestionLifecycle
{
    /// <summary>The status screening with <paramref name="outcome"/> leads to, or null when <paramref name="status"/> is not screenable.</summary>
    public static SuggestionStatus? TryScreen(SuggestionStatus status, ScreeningOutcome outcome) => (status, outcome) switch
    {
        (SuggestionStatus.Submitted, ScreeningOutcome.Valid) => SuggestionStatus.Valid,
        (SuggestionStatus.Submitted, ScreeningOutcome.Duplicate) => SuggestionStatus.Duplicate,
        (SuggestionStatus.Submitted, ScreeningOutcome.OutOfScope) => SuggestionStatus.OutOfScope,
        _ => null,
    };

    /// <summary>The status after screening; 409 <c>invalid_state</c> once the suggestion has been screened.</summary>
    public static SuggestionStatus Screen(SuggestionStatus status, ScreeningOutcome outcome) =>
        TryScreen(status, outcome)
        ?? throw new ConflictException("invalid_state", $"The suggestion is {status.ToSnakeCase()}; only a submitted suggestion is screened.");

    /// <summary>The status assigning leads to, or null when <paramref name="status"/> is not assignable: only a valid suggestion is.</summary>
    public static SuggestionStatus? TryAssign(SuggestionStatus status) => status == SuggestionStatus.Valid ? SuggestionStatus.Assigned : null;

    /// <summary>The status after assigning; 409 <c>invalid_state</c> unless the suggestion was screened valid and not yet assigned.</summary>
    public static SuggestionStatus Assign(SuggestionStatus status) =>
        TryAssign(status) ?? throw new ConflictException("invalid_state", $"The suggestion is {status.ToSnakeCase()}; only a valid suggestion is assigned.");

    /// <summary>Whether a department's answer may be recorded: while the suggestion is with its departments.</summary>
    public static bool CanAnswer(SuggestionStatus status) => status == SuggestionStatus.Assigned;

    /// <summary>409 <c>invalid_state</c> unless the suggestion is with its departments.</summary>
    public static void Answer(SuggestionStatus status)
    {
        if (!CanAnswer(status))
        {
            throw new ConflictException("invalid_state", $"The suggestion is {status.ToSnakeCase()}; departments answer an assigned suggestion.");
        }
    }

    /// <summary>
    /// The suggestion's outcome once every department has answered: the most favourable of theirs, since a department that adopts
    /// it carries it out whatever the others decided.
    /// </summary>
    public static SuggestionOutcome Overall(IEnumerable<SuggestionOutcome> departments) => departments.Min();

    /// <summary>Whether the submitter may rate the replies: once, after every department has answered.</summary>
    public static bool CanRate(SuggestionStatus status, SuggestionRating? rating) =>
        rating is null && status is SuggestionStatus.Answered or SuggestionStatus.Implemented;

    /// <summary>Adopted wholly or in part: such a suggestion is carried out and published.</summary>
    public static bool IsAdopted(SuggestionOutcome? outcome) => outcome is SuggestionOutcome.Adopted or SuggestionOutcome.PartlyAdopted;

    /// <summary>Whether the suggestion can be recorded implemented: answered and adopted wholly or in part.</summary>
    public static bool CanImplement(SuggestionStatus status, SuggestionOutcome? outcome) => status == SuggestionStatus.Answered && IsAdopted(outcome);

    /// <summary>The status after implementation; 409 <c>invalid_state</c> unless answered and adopted.</summary>
    public static SuggestionStatus Implement(SuggestionStatus status, SuggestionOutcome? outcome) =>
        CanImplement(status, outcome)
            ? SuggestionStatus.Implemented
            : throw new ConflictException("invalid_state", $"The suggestion is {status.ToSnakeCase()}; only an answered, adopted suggestion is implemented.");

    /// <summary>Whether the suggestion can be awarded: adopted, answered or implemented, and not awarded already.</summary>
    public static bool CanAward(SuggestionStatus status, SuggestionOutcome? outcome, bool awarded) =>
        !awarded && IsAdopted(outcome) && status is SuggestionStatus.Answered or SuggestionStatus.Implemented;

    /// <summary>
    /// The actions on a suggestion's status (and, past evaluation, its outcome and whether it was awarded), in the enum's order;
    /// revealing the submitter does not depend on them.
    /// </summary>
    public static IReadOnlyList<SuggestionAction> Allowed(SuggestionStatus status, SuggestionOutcome? outcome = null, bool awarded = false) =>
        Enum.GetValues<SuggestionAction>().Where(action => action switch
        {
            SuggestionAction.Screen => Enum.GetValues<ScreeningOutcome>().Any(screening => TryScreen(status, screening) is not null),
            SuggestionAction.Assign => TryAssign(status) is not null,
            SuggestionAction.Answer => CanAnswer(status),
            SuggestionAction.Implement => CanImplement(status, outcome),
            SuggestionAction.Award => CanAward(status, outcome, awarded),
            _ => true,
        }).ToList();

    /// <summary>A duplicate names what it duplicates and out of scope tells the submitter why; valid needs no reason.</summary>
    public static bool NeedsReason(ScreeningOutcome outcome) => outcome != ScreeningOutcome.Valid;
}
