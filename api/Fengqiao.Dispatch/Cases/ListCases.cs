using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Auth;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>
/// The tabs of the unit worklist. The bureau's tabs (to_assign, returned) cover its region subtree; the unit's tabs
/// (to_sign, in_progress, to_reply) its own cases; due_soon, overdue and replied both; agent the caller's agency cases;
/// supervision_orders the cases with a supervision order to the caller's unit still unanswered.
/// </summary>
internal enum WorklistTab
{
    ToAssign,
    Returned,
    ToSign,
    InProgress,
    ToReply,
    DueSoon,
    Overdue,
    Replied,
    Agent,
    SupervisionOrders,
}

/// <summary>The capability that opens each tab: the SPA shows the tabs <c>GET /me</c> lists, and the server refuses the others.</summary>
internal static class WorklistTabs
{
    public static Capability CapabilityOf(WorklistTab tab) => tab switch
    {
        WorklistTab.ToAssign => Capability.CaseTabToAssign,
        WorklistTab.Returned => Capability.CaseTabReturned,
        WorklistTab.ToSign => Capability.CaseTabToSign,
        WorklistTab.InProgress => Capability.CaseTabInProgress,
        WorklistTab.ToReply => Capability.CaseTabToReply,
        WorklistTab.DueSoon => Capability.CaseTabDueSoon,
        WorklistTab.Overdue => Capability.CaseTabOverdue,
        WorklistTab.Replied => Capability.CaseTabReplied,
        WorklistTab.Agent => Capability.CaseTabAgent,
        WorklistTab.SupervisionOrders => Capability.CaseTabSupervisionOrders,
        _ => throw new ArgumentOutOfRangeException(nameof(tab), tab, "a worklist tab without a capability"),
    };

    public static bool Holds(ICurrentUser caller, WorklistTab tab) => Capabilities.Holds(caller, CapabilityOf(tab));
}

internal static class WorklistSql
{
    private const string Columns = """
        c.id AS Id, c.number AS Number, c.kind AS Kind, c.status AS Status, c.category AS Category, c.region_name AS RegionName, c.summary AS Summary,
        c.lead_unit_name AS LeadUnitName, c.current_step AS CurrentStep, c.current_due_on AS CurrentDueOn, c.light AS Light,
        c.is_repeat AS IsRepeat, c.is_skip_level AS IsSkipLevel, c.is_listed AS IsListed, c.agent_name AS AgentName, c.paused_at AS PausedAt, c.version AS Version
        """;

    private const string Mine = "c.lead_unit_id = @JurisdictionUnitId";

    private const string MyRegion = "(@SeesRegion = 1 AND c.region_path LIKE @JurisdictionPrefix)";

    private const string After = "AND (c.current_due_on > @AfterDue OR (c.current_due_on = @AfterDue AND c.id > @AfterId))";

    /// <summary>
    /// The cases in progress the unit leads or co-handles, as one id list read from the unit's index entries (counts use
    /// it as it is). With the co-handling test as an <c>OR EXISTS</c> per row, SQLite walked every case in progress
    /// city-wide (tens of thousands at a million cases) to find the unit's hundred.
    /// </summary>
    private const string InProgressOfMyUnit = """
        c.id IN (
            SELECT m.id FROM dispatch_cases m WHERE m.lead_unit_id = @JurisdictionUnitId AND m.status = 'InProgress'
            UNION ALL
            SELECT cu.case_id FROM dispatch_case_units cu
            WHERE cu.unit_id = @JurisdictionUnitId AND EXISTS (SELECT 1 FROM dispatch_cases s WHERE s.id = cu.case_id AND s.status = 'InProgress'))
        """;

    private const string AfterMine = "WHERE mine.current_due_on > @AfterDue OR (mine.current_due_on = @AfterDue AND mine.id > @AfterId)";

    private const string ToReply = $"c.status = 'InProgress' AND {Mine} AND c.paused_at IS NULL AND NOT EXISTS (SELECT 1 FROM dispatch_case_units cu WHERE cu.case_id = c.id AND cu.input_at IS NULL)";

    private const string Agent = "c.agent_user_id = @CallerId AND c.status <> 'Closed'";

    /// <summary>The cases with an order to the caller's unit not yet answered, by the orders' (unit_id, answered_at) index.</summary>
    private const string SupervisionOrders =
        "c.id IN (SELECT o.case_id FROM dispatch_supervision_orders o WHERE o.unit_id = @JurisdictionUnitId AND o.answered_at IS NULL)";

    /// <summary>The tabs of the petition bureau and oversight roles, who see their region subtree.</summary>
    private static readonly Dictionary<WorklistTab, string> RegionConditions = new()
    {
        [WorklistTab.ToAssign] = $"c.status = 'AwaitingAssignment' AND {MyRegion}",
        [WorklistTab.Returned] = $"c.status = 'Returned' AND {MyRegion}",
        [WorklistTab.ToSign] = $"c.status = 'AwaitingSignature' AND {Mine}",
        [WorklistTab.InProgress] = InProgressOfMyUnit,
        [WorklistTab.ToReply] = ToReply,
        [WorklistTab.DueSoon] = $"c.light = 'Yellow' AND ({Mine} OR {MyRegion})",
        [WorklistTab.Overdue] = $"c.light = 'Red' AND ({Mine} OR {MyRegion})",
        [WorklistTab.Replied] = $"c.status = 'Replied' AND ({Mine} OR {MyRegion})",
        [WorklistTab.Agent] = Agent,
        [WorklistTab.SupervisionOrders] = SupervisionOrders,
    };

    /// <summary>
    /// The tabs of a unit's staff: its own cases only, so no bureau tabs and no region term. With the region term,
    /// which is false for them but unknown when SQLite plans the statement, SQLite walked every yellow, red or replied
    /// case instead of the unit's index range.
    /// </summary>
    private static readonly Dictionary<WorklistTab, string> UnitConditions = new()
    {
        [WorklistTab.ToSign] = $"c.status = 'AwaitingSignature' AND {Mine}",
        [WorklistTab.InProgress] = InProgressOfMyUnit,
        [WorklistTab.ToReply] = ToReply,
        [WorklistTab.DueSoon] = $"c.light = 'Yellow' AND {Mine}",
        [WorklistTab.Overdue] = $"c.light = 'Red' AND {Mine}",
        [WorklistTab.Replied] = $"c.status = 'Replied' AND {Mine}",
        [WorklistTab.Agent] = Agent,
        [WorklistTab.SupervisionOrders] = SupervisionOrders,
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(DatabaseProvider, string), IReadOnlyDictionary<string, string>> Built = new();

    /// <summary>The key of a tab's statements: the region-wide roles' and the unit staff's differ.</summary>
    public static string Key(WorklistTab tab, bool seesRegion) => (seesRegion ? "region:" : "unit:") + tab;

    /// <summary>Per tab and kind of caller, the first page and the page after a cursor, most urgent first; built once per engine.</summary>
    public static IReadOnlyDictionary<string, string> Pages(ISqlDialect dialect) =>
        Built.GetOrAdd((dialect.Provider, nameof(Pages)), _ => BuildPages(dialect));

    /// <summary>Per tab and kind of caller, the count; a tab a unit's staff does not have has no statement.</summary>
    public static IReadOnlyDictionary<string, string> Counts(ISqlDialect dialect) =>
        Built.GetOrAdd((dialect.Provider, nameof(Counts)), _ => Both().ToDictionary(tab => tab.Key, tab => $"SELECT COUNT(*) FROM dispatch_cases c WHERE {tab.Value}"));

    private static IEnumerable<KeyValuePair<string, string>> Both() =>
        RegionConditions.Select(tab => KeyValuePair.Create(Key(tab.Key, true), tab.Value))
            .Concat(UnitConditions.Select(tab => KeyValuePair.Create(Key(tab.Key, false), tab.Value)));

    /// <summary>
    /// A page of the unit's cases in progress: the page's ids are picked from what the unit's index entries and its
    /// co-handled cases hold, so only the page's rows are read whole, not every case in progress of the unit. The co-unit
    /// rows drive the join (CROSS JOIN fixes SQLite's join order), not the city's cases in progress.
    /// </summary>
    private static string InProgressPage(ISqlDialect dialect, string after) => $"""
        SELECT {Columns} FROM dispatch_cases c
        WHERE c.id IN ({dialect.SelectTop("@Limit", $"""
            mine.id FROM (
                SELECT m.id, m.current_due_on FROM dispatch_cases m WHERE m.lead_unit_id = @JurisdictionUnitId AND m.status = 'InProgress'
                UNION ALL
                SELECT s.id, s.current_due_on FROM dispatch_case_units cu CROSS JOIN dispatch_cases s
                WHERE s.id = cu.case_id AND cu.unit_id = @JurisdictionUnitId AND s.status = 'InProgress') mine
            {after}
            ORDER BY mine.current_due_on, mine.id
            """)})
        ORDER BY c.current_due_on, c.id
        """;

    private static Dictionary<string, string> BuildPages(ISqlDialect dialect) =>
        Both().SelectMany(tab => tab.Value == InProgressOfMyUnit
            ? new[] { KeyValuePair.Create(tab.Key, InProgressPage(dialect, string.Empty)), KeyValuePair.Create(tab.Key + ":after", InProgressPage(dialect, AfterMine)) }
            : new[]
            {
                KeyValuePair.Create(tab.Key, $"SELECT {Columns} FROM dispatch_cases c WHERE {tab.Value} ORDER BY c.current_due_on, c.id {dialect.Limit("@Limit")}"),
                KeyValuePair.Create(tab.Key + ":after", $"SELECT {Columns} FROM dispatch_cases c WHERE {tab.Value} {After} ORDER BY c.current_due_on, c.id {dialect.Limit("@Limit")}"),
            }).ToDictionary();
}

internal sealed record WorklistItem
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required CaseKind Kind { get; init; }

    public required CaseStatus Status { get; init; }

    public required string Category { get; init; }

    public required string RegionName { get; init; }

    public required string Summary { get; init; }

    public string? LeadUnitName { get; init; }

    public required ClockStep CurrentStep { get; init; }

    public required DateOnly CurrentDueOn { get; init; }

    public required Light Light { get; init; }

    public required bool IsRepeat { get; init; }

    public required bool IsSkipLevel { get; init; }

    public required bool IsListed { get; init; }

    public string? AgentName { get; init; }

    public DateTimeOffset? PausedAt { get; init; }

    public required long Version { get; init; }
}

internal sealed record WorklistCursor(DateOnly D, Guid I);

internal sealed record ListCases(WorklistTab Tab, string? Cursor, int? Limit) : IQuery<Page<WorklistItem>>;

internal sealed class ListCasesValidator : AbstractValidator<ListCases>
{
    public ListCasesValidator()
    {
        RuleFor(q => q.Tab).IsInEnum();
        RuleFor(q => q.Limit).ValidLimit();
    }
}

internal sealed class ListCasesHandler(IDbSession session, CaseStore store, ICurrentUser caller) : IQueryHandler<ListCases, Page<WorklistItem>>
{
    public async ValueTask<Page<WorklistItem>> Handle(ListCases query, CancellationToken cancellationToken)
    {
        Capabilities.Require(caller, WorklistTabs.CapabilityOf(query.Tab), $"The {query.Tab.ToSnakeCase()} tab is not one of your worklist's tabs.");
        var limit = query.Limit ?? BuildingBlocks.Http.Cursor.DefaultLimit;
        var after = BuildingBlocks.Http.Cursor.Decode<WorklistCursor>(query.Cursor);
        var key = WorklistSql.Key(query.Tab, store.SeesRegion);
        if (!WorklistSql.Pages(session.Dialect).TryGetValue(after is null ? key : key + ":after", out var sql))
        {
            return new Page<WorklistItem>([], null);
        }

        var rows = await session.QueryAsync<WorklistItem>(sql, store.VisibleTo(new { Limit = limit + 1, AfterDue = after?.D, AfterId = after?.I }), cancellationToken);
        return BuildingBlocks.Http.Cursor.ToPage(rows, limit, r => new WorklistCursor(r.CurrentDueOn, r.Id));
    }
}

/// <summary>How many cases each of the caller's worklist tabs holds.</summary>
internal sealed record WorklistCounts(IReadOnlyDictionary<string, long> Tabs);

internal sealed record CountCases : IQuery<WorklistCounts>;

internal sealed class CountCasesHandler(IDbSession session, CaseStore store, ICurrentUser caller) : IQueryHandler<CountCases, WorklistCounts>
{
    public async ValueTask<WorklistCounts> Handle(CountCases query, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>();
        var statements = WorklistSql.Counts(session.Dialect);
        foreach (var tab in Enum.GetValues<WorklistTab>().Where(tab => WorklistTabs.Holds(caller, tab)))
        {
            counts[tab.ToSnakeCase()] = statements.TryGetValue(WorklistSql.Key(tab, store.SeesRegion), out var sql)
                ? await session.ExecuteScalarAsync<long>(sql, store.VisibleTo(), cancellationToken)
                : 0;
        }

        return new WorklistCounts(counts);
    }
}

internal static class ListCasesEndpoint
{
    public static void Map(IEndpointRouteBuilder cases)
    {
        cases.MapGet("/", ListAsync)
            .WithName("ListCases")
            .WithDescription("One tab of the unit worklist (to assign, returned, to sign, in progress, to reply, due soon, overdue, replied, agent, supervision orders to answer), most urgent deadline first, keyset-paginated: pass the `next` cursor of one page to get the following one. The petition bureau's tabs cover its region subtree, a unit's tabs its own cases. 403 for a tab that is not among the caller's capabilities; 400 without a tab.")
            .WithSummary("One tab of the unit worklist, most urgent deadline first, with keyset paging; 403 for a tab not among the caller's capabilities.")
            .RequireSignedIn()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .CachedForCaller()
            .ProducesValidationProblem();
        cases.MapGet("/counts", CountAsync)
            .WithName("CountCases")
            .WithDescription("How many cases each worklist tab the caller may open holds, for the badges of the tab bar; tabs of capabilities the caller does not hold are left out.")
            .WithSummary("How many cases each of the caller's worklist tabs holds (the tabs of its capabilities).")
            .RequireSignedIn()
            .CachedForCaller();
    }

    private static async Task<Ok<Page<WorklistItem>>> ListAsync(
        [QueryEnum(typeof(WorklistTab))] string tab, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListCases(
            QueryEnum.Parse<WorklistTab>(tab, nameof(tab)) ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(tab), "Choose a worklist tab.")]),
            cursor,
            limit), cancellationToken));

    private static async Task<Ok<WorklistCounts>> CountAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new CountCases(), cancellationToken));
}
