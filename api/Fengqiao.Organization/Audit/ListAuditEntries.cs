using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Audit;

/// <summary>
/// The audit trail for admins and discipline inspectors: entries of actors within the caller's jurisdiction, newest
/// first, filtered by actor, object, action and period (<c>to</c> exclusive). Entries about accusation material
/// (e.g. reveals of an accuser's ID number) are shown to discipline inspectors only.
/// </summary>
internal sealed record ListAuditEntries(
    Guid? ActorUserId, string? ObjectType, Guid? ObjectId, string? Action, DateTimeOffset? From, DateTimeOffset? To, string? Cursor, int? Limit)
    : IQuery<Page<AuditEntryItem>>;

/// <param name="Sequence">Place in the hash chain; null for entries written before the chain began.</param>
/// <param name="Before">The object's state before, as recorded (JSON text); secrets are never recorded, personal data only masked.</param>
/// <param name="After">The object's state after, or what was done (JSON text).</param>
internal sealed record AuditEntryItem(
    Guid Id,
    long? Sequence,
    DateTimeOffset OccurredAt,
    Guid? ActorUserId,
    string? ActorName,
    Guid? ActorUnitId,
    string? ActorUnitName,
    string Action,
    string ObjectType,
    Guid? ObjectId,
    string? Before,
    string? After);

internal sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntries>
{
    public ListAuditEntriesValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.ObjectType).MaximumLength(100);
        RuleFor(q => q.Action).MaximumLength(200);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

internal sealed class ListAuditEntriesHandler(IDbSession session, ICurrentUser caller) : IQueryHandler<ListAuditEntries, Page<AuditEntryItem>>
{
    public async ValueTask<Page<AuditEntryItem>> Handle(ListAuditEntries query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var filter = new AuditFilter(
            query.ActorUserId,
            string.IsNullOrWhiteSpace(query.ObjectType) ? null : query.ObjectType.Trim(),
            query.ObjectId,
            string.IsNullOrWhiteSpace(query.Action) ? null : query.Action.Trim(),
            query.From,
            query.To);
        var rows = await AuditReader.ListAsync(session, caller, filter, Cursor.Decode<AuditCursor>(query.Cursor), limit + 1, cancellationToken);
        var page = Cursor.ToPage(rows, limit, r => new AuditCursor(r.OccurredAt, r.Id));

        var users = await NamesAsync(AuditViewSql.UserNames, page.Items.Select(r => r.ActorUserId), cancellationToken);
        var units = await NamesAsync(AuditViewSql.UnitNames, page.Items.Select(r => r.ActorUnitId), cancellationToken);
        return new Page<AuditEntryItem>(
            page.Items.Select(r => new AuditEntryItem(
                r.Id,
                r.Sequence,
                r.OccurredAt,
                r.ActorUserId,
                r.ActorUserId is { } user ? users.GetValueOrDefault(user) : null,
                r.ActorUnitId,
                r.ActorUnitId is { } unit ? units.GetValueOrDefault(unit) : null,
                r.Action,
                r.ObjectType,
                r.ObjectId,
                r.BeforeJson,
                r.AfterJson)).ToList(),
            page.NextCursor);
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(string sql, IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        // Dapper expands IN lists without type handlers, so ids go as text: SQLite stores them so and SQL Server converts.
        var distinct = ids.OfType<Guid>().Distinct().Select(id => id.ToString("D")).ToList();
        return distinct.Count == 0
            ? []
            : (await session.QueryAsync<NamedId>(sql, new { Ids = distinct }, cancellationToken)).ToDictionary(n => n.Id, n => n.Name);
    }
}

internal static class ListAuditEntriesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/audit-entries", Handle)
            .WithName("ListAuditEntries")
            .WithDescription("The audit trail: who did or read what, when, on which object, for actors within the caller's jurisdiction, newest first, filtered by actor, object, action and period (`to` exclusive), keyset-paginated. Entries about accusation material (for example reveals of an accuser's identity) are shown only to discipline inspectors.")
            .WithSummary("Audit entries of actors within the caller's jurisdiction, newest first; accusation material for discipline inspectors only.")
            .RequireCapability(Capability.ViewAudit)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<AuditEntryItem>>> Handle(
        Guid? actorUserId,
        string? objectType,
        Guid? objectId,
        string? action,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? cursor,
        int? limit,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListAuditEntries(actorUserId, objectType, objectId, action, from, to, cursor, limit), cancellationToken));
}
