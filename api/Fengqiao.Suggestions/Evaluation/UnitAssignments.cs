using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Suggestions.Handling;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Evaluation;

/// <summary>A suggestion assigned to the caller's unit, as the department's worklist shows it.</summary>
internal sealed record UnitAssignmentItem
{
    public required Guid SuggestionId { get; init; }

    public required string TrackingCode { get; init; }

    public required SuggestionStatus Status { get; init; }

    public required string Title { get; init; }

    public required string? TopicTitle { get; init; }

    public required string RegionName { get; init; }

    public required DateOnly DueOn { get; init; }

    public required DateTimeOffset AssignedAt { get; init; }

    public required SuggestionOutcome? Outcome { get; init; }

    public required DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>Not answered and past its due day (China Standard Time).</summary>
    public bool Overdue { get; init; }

    public required long Version { get; init; }
}

internal sealed record UnitAssignmentCursor(DateOnly D, Guid I);

/// <summary>The department's worklist: the suggestions assigned to the caller's unit, the earliest due first; answered or not.</summary>
internal sealed record ListUnitAssignments(bool? Answered, string? Cursor, int? Limit) : IQuery<Page<UnitAssignmentItem>>;

internal sealed class ListUnitAssignmentsValidator : AbstractValidator<ListUnitAssignments>
{
    public ListUnitAssignmentsValidator() => RuleFor(q => q.Limit).ValidLimit();
}

internal sealed class ListUnitAssignmentsHandler(IDbSession session, ICurrentUser caller, TimeProvider clock) : IQueryHandler<ListUnitAssignments, Page<UnitAssignmentItem>>
{
    public async ValueTask<Page<UnitAssignmentItem>> Handle(ListUnitAssignments query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? BuildingBlocks.Http.Cursor.DefaultLimit;
        var after = BuildingBlocks.Http.Cursor.Decode<UnitAssignmentCursor>(query.Cursor);
        var rows = await session.QueryInJurisdictionAsync<UnitAssignmentItem>(
            caller,
            UnitAssignmentSql.List(session.Dialect)[after is null ? "first" : "after"],
            new { query.Answered, Limit = limit + 1, AfterDueOn = after?.D, AfterId = after?.I },
            cancellationToken);
        var today = WorkCalendar.LocalDate(clock.GetUtcNow());
        var page = BuildingBlocks.Http.Cursor.ToPage(rows, limit, r => new UnitAssignmentCursor(r.DueOn, r.SuggestionId));
        return page with { Items = page.Items.Select(i => i with { Overdue = i.Outcome is null && i.DueOn < today }).ToList() };
    }
}

/// <summary>
/// A suggestion assigned to the caller's unit as its department evaluates it: the text, topic and place, its own assignment and answer;
/// not the submitter (the reply reaches them through the platform) nor the other departments' answers.
/// </summary>
internal sealed record UnitAssignmentDetail
{
    public required Guid SuggestionId { get; init; }

    public required string TrackingCode { get; init; }

    public required SuggestionStatus Status { get; init; }

    public required SuggestionChannel Channel { get; init; }

    public required string? TopicTitle { get; init; }

    public required string Title { get; init; }

    public required string Content { get; init; }

    public required string RegionName { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required Guid UnitId { get; init; }

    public required string UnitName { get; init; }

    public required DateOnly DueOn { get; init; }

    public required DateTimeOffset AssignedAt { get; init; }

    public required SuggestionOutcome? Outcome { get; init; }

    public required string? Reply { get; init; }

    public required DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>Whether the department may answer now: the suggestion awaits the departments and this one has not answered.</summary>
    public bool CanAnswer { get; init; }

    public required long Version { get; init; }
}

internal sealed record GetUnitAssignment(Guid SuggestionId) : IQuery<UnitAssignmentDetail>;

internal sealed class GetUnitAssignmentHandler(IDbSession session, ICurrentUser caller) : IQueryHandler<GetUnitAssignment, UnitAssignmentDetail>
{
    public async ValueTask<UnitAssignmentDetail> Handle(GetUnitAssignment query, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleInJurisdictionAsync<UnitAssignmentDetail>(caller, UnitAssignmentSql.ById, new { query.SuggestionId }, cancellationToken)
            ?? throw new NotFoundException("Suggestion");
        return row with { CanAnswer = row.Outcome is null && SuggestionLifecycle.CanAnswer(row.Status) };
    }
}

/// <summary>The caller's department answers a suggestion assigned to it: the decision and the reasoned reply the submitter reads. Needs If-Match.</summary>
internal sealed record AnswerUnitAssignment(SuggestionOutcome Outcome, string Reply) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid SuggestionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class AnswerUnitAssignmentValidator : AbstractValidator<AnswerUnitAssignment>
{
    public AnswerUnitAssignmentValidator()
    {
        RuleFor(c => c.Outcome).IsInEnum();
        RuleFor(c => c.Reply).NotEmpty().WithMessage("Give the reasoned reply: the submitter reads it.").MaximumLength(AnswerSuggestion.ReplyLength);
    }
}

internal sealed class AnswerUnitAssignmentHandler(SuggestionStore store, SuggestionAnswering answering, ICurrentUser caller)
    : ICommandHandler<AnswerUnitAssignment, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(AnswerUnitAssignment command, CancellationToken cancellationToken)
    {
        // Found only when assigned to the caller's unit, so the department answers for itself and another unit's assignment is missing (404).
        var before = await store.GetAssignedToCallerForChangeAsync(command.SuggestionId, command.ExpectedVersion, cancellationToken);
        return await answering.AnswerAsync(before, caller.UnitId!.Value, command.Outcome, command.Reply, cancellationToken);
    }
}

internal static class UnitAssignmentSql
{
    private const string Columns = """
        s.id AS SuggestionId, s.tracking_code AS TrackingCode, s.status AS Status, s.title AS Title, s.topic_title AS TopicTitle, s.region_name AS RegionName,
        a.due_on AS DueOn, a.assigned_at AS AssignedAt, a.outcome AS Outcome, a.answered_at AS AnsweredAt, s.version AS Version
        """;

    private const string Where = """
        WHERE a.unit_id = @JurisdictionUnitId AND s.region_path LIKE @JurisdictionPrefix
          AND (@Answered IS NULL OR (@Answered = 1 AND a.outcome IS NOT NULL) OR (@Answered = 0 AND a.outcome IS NULL))
        """;

    private const string AfterCursor = """
          AND (a.due_on > @AfterDueOn OR (a.due_on = @AfterDueOn AND a.suggestion_id > @AfterId))
        """;

    /// <summary>The unit's assignments by the (unit_id, due_on) index, the earliest due first; the page after a cursor.</summary>
    public static IReadOnlyDictionary<string, string> List(ISqlDialect dialect) => new Dictionary<string, string>
    {
        ["first"] = $"SELECT {Columns} FROM suggestions_assignments a JOIN suggestions_suggestions s ON s.id = a.suggestion_id {Where} ORDER BY a.due_on, a.suggestion_id {dialect.Limit("@Limit")}",
        ["after"] = $"SELECT {Columns} FROM suggestions_assignments a JOIN suggestions_suggestions s ON s.id = a.suggestion_id {Where} {AfterCursor} ORDER BY a.due_on, a.suggestion_id {dialect.Limit("@Limit")}",
    };

    /// <summary>The unit's assignments still unanswered, by the (unit_id, due_on) index, and how many are past their due day.</summary>
    public const string CountOpen = """
        SELECT COUNT(*) AS ToAnswer, COALESCE(SUM(CASE WHEN a.due_on < @Today THEN 1 ELSE 0 END), 0) AS Overdue
        FROM suggestions_assignments a
        JOIN suggestions_suggestions s ON s.id = a.suggestion_id
        WHERE a.unit_id = @JurisdictionUnitId AND a.outcome IS NULL AND s.region_path LIKE @JurisdictionPrefix
        """;

    public const string ById = """
        SELECT s.id AS SuggestionId, s.tracking_code AS TrackingCode, s.status AS Status, s.channel AS Channel, s.topic_title AS TopicTitle, s.title AS Title,
               s.content AS Content, s.region_name AS RegionName, s.submitted_at AS SubmittedAt, a.unit_id AS UnitId, a.unit_name AS UnitName, a.due_on AS DueOn,
               a.assigned_at AS AssignedAt, a.outcome AS Outcome, a.reply AS Reply, a.answered_at AS AnsweredAt, s.version AS Version
        FROM suggestions_assignments a
        JOIN suggestions_suggestions s ON s.id = a.suggestion_id
        WHERE a.suggestion_id = @SuggestionId AND a.unit_id = @JurisdictionUnitId AND s.region_path LIKE @JurisdictionPrefix
        """;
}

internal sealed record UnitAssignmentCounts
{
    /// <summary>Assignments to the caller's unit awaiting its answer.</summary>
    public required long ToAnswer { get; init; }

    /// <summary>Those of them past their due day (China Standard Time).</summary>
    public required long Overdue { get; init; }
}

/// <summary>How many suggestions assigned to the caller's unit wait for its answer: the home page's count.</summary>
internal sealed record CountUnitAssignments : IQuery<UnitAssignmentCounts>;

internal sealed class CountUnitAssignmentsHandler(IDbSession session, ICurrentUser caller, TimeProvider clock) : IQueryHandler<CountUnitAssignments, UnitAssignmentCounts>
{
    public async ValueTask<UnitAssignmentCounts> Handle(CountUnitAssignments query, CancellationToken cancellationToken) =>
        (await session.QueryInJurisdictionAsync<UnitAssignmentCounts>(
            caller, UnitAssignmentSql.CountOpen, new { Today = WorkCalendar.LocalDate(clock.GetUtcNow()) }, cancellationToken)).Single();
}

internal static class UnitAssignmentEndpoints
{
    public static void Map(IEndpointRouteBuilder assignments)
    {
        assignments.MapGet("/", List)
            .WithName("ListUnitSuggestionAssignments")
            .WithDescription("The department's worklist: the suggestions assigned to the caller's unit (within its jurisdiction), the earliest due first, `answered` true or false to keep only those answered or awaiting the answer; `overdue` marks an unanswered one past its due day. Keyset-paginated: pass the `next` cursor of one page to get the following one.")
            .WithSummary("The suggestions assigned to the caller's unit, the earliest due first, a page after a cursor.")
            .RequireCapability(Capability.AnswerAssignedSuggestions)
            .ProducesValidationProblem();

        assignments.MapGet("/counts", Count)
            .WithName("CountUnitSuggestionAssignments")
            .WithDescription("How many suggestions assigned to the caller's unit (within its jurisdiction) await its answer, and how many of them are past their due day: the count of the home page, which opens the department's worklist of open assignments. 403 for roles that do not answer assigned suggestions.")
            .WithSummary("How many suggestions assigned to the caller's unit await its answer, and how many are overdue.")
            .RequireCapability(Capability.AnswerAssignedSuggestions)
            .CachedForCaller();

        assignments.MapGet("/{suggestionId:guid}", Get)
            .WithName("GetUnitSuggestionAssignment")
            .WithDescription("A suggestion assigned to the caller's unit as its department evaluates it: the text, topic and place, the unit's due day and answer, `canAnswer`, and the ETag for answering. The submitter and the other departments' answers are not shown. 404 unless it is assigned to the caller's unit.")
            .WithSummary("A suggestion assigned to the caller's unit, with its assignment and the ETag for answering.")
            .ProducesETag()
            .RequireCapability(Capability.AnswerAssignedSuggestions)
            .ProducesProblem(StatusCodes.Status404NotFound);

        assignments.MapPost("/{suggestionId:guid}/answer", Answer)
            .WithName("AnswerUnitSuggestionAssignment")
            .WithDescription("The caller's department answers a suggestion assigned to it: adopted, partly adopted, kept for reference or not adopted, with the reasoned reply the submitter reads (required). When the last department answers, the suggestion is answered with the most favourable outcome. If-Match carries the ETag read. 404 unless it is assigned to the caller's unit; 409 `already_answered` when the unit has answered, `invalid_state` when the suggestion no longer awaits answers.")
            .WithSummary("The caller's department answers a suggestion assigned to it, with the reasoned reply; needs If-Match.")
            .ProducesETag()
            .RequireCapability(Capability.AnswerAssignedSuggestions)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();
    }

    private static async Task<Ok<Page<UnitAssignmentItem>>> List(bool? answered, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListUnitAssignments(answered, cursor, limit), cancellationToken));

    private static async Task<Ok<UnitAssignmentCounts>> Count(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new CountUnitAssignments(), cancellationToken));

    private static async Task<Ok<UnitAssignmentDetail>> Get(Guid suggestionId, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var assignment = await sender.Send(new GetUnitAssignment(suggestionId), cancellationToken);
        Versioning.SetETag(context, assignment.Version);
        return TypedResults.Ok(assignment);
    }

    private static async Task<Ok<EntityVersion>> Answer(Guid suggestionId, AnswerUnitAssignment request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { SuggestionId = suggestionId, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
