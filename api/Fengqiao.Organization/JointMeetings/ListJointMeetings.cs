using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Intake;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Fengqiao.BuildingBlocks.Auth;

namespace Fengqiao.Organization.JointMeetings;

/// <summary>
/// The meetings of a system of the caller's jurisdiction, newest first. Each shows only the petitions and cases the caller
/// may open, as intake and dispatch decide: a link to another jurisdiction's petition is left out, not even counted.
/// </summary>
internal sealed record ListJointMeetings(Guid SystemId, string? Cursor, int? Limit) : IQuery<Page<JointMeetingItem>>;

internal sealed class ListJointMeetingsValidator : AbstractValidator<ListJointMeetings>
{
    public ListJointMeetingsValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
    }
}

internal sealed class ListJointMeetingsHandler(IDbSession session, JointMeetingStore store, IPetitionReferences petitions, ICaseReferences cases)
    : IQueryHandler<ListJointMeetings, Page<JointMeetingItem>>
{
    public async ValueTask<Page<JointMeetingItem>> Handle(ListJointMeetings query, CancellationToken cancellationToken)
    {
        var system = await store.GetAsync(query.SystemId, cancellationToken);
        var after = Cursor.Decode<JointMeetingCursor>(query.Cursor);
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var rows = await session.QueryAsync<JointMeetingItem>(
            JointMeetingSql.Meetings(session.Dialect),
            new { SystemId = system.Id, AfterHeldOn = after?.HeldOn, AfterId = after?.Id, Limit = limit + 1 },
            cancellationToken);
        var page = Cursor.ToPage(rows, limit, m => new JointMeetingCursor(m.HeldOn, m.Id));
        return page with { Items = await WithVisibleLinksAsync(page.Items, cancellationToken) };
    }

    private async Task<IReadOnlyList<JointMeetingItem>> WithVisibleLinksAsync(IReadOnlyList<JointMeetingItem> meetings, CancellationToken cancellationToken)
    {
        if (meetings.Count == 0)
        {
            return meetings;
        }

        // Ids as text: Dapper expands a list without the type handlers, and SQLite keeps ids as text.
        var links = await session.QueryAsync<MeetingLink>(JointMeetingSql.LinksOf, new { MeetingIds = meetings.Select(m => m.Id.ToString("D")).ToList() }, cancellationToken);
        var visiblePetitions = (await petitions.FindVisibleAsync(TargetsOf(links, LinkKind.Petition), cancellationToken)).ToDictionary(p => p.Id, p => p.Number);
        var visibleCases = (await cases.FindVisibleAsync(TargetsOf(links, LinkKind.Case), cancellationToken)).ToDictionary(c => c.Id, c => c.Number);
        var byMeeting = links.ToLookup(l => l.MeetingId);
        return meetings
            .Select(m => m with
            {
                Petitions = Visible(byMeeting[m.Id], LinkKind.Petition, visiblePetitions),
                Cases = Visible(byMeeting[m.Id], LinkKind.Case, visibleCases),
            })
            .ToList();
    }

    private static List<Guid> TargetsOf(IEnumerable<MeetingLink> links, LinkKind kind) =>
        links.Where(l => l.Kind == kind).Select(l => l.TargetId).Distinct().ToList();

    private static List<LinkedItem> Visible(IEnumerable<MeetingLink> links, LinkKind kind, Dictionary<Guid, string> visible) =>
        links.Where(l => l.Kind == kind && visible.ContainsKey(l.TargetId))
            .Select(l => new LinkedItem(l.TargetId, visible[l.TargetId]))
            .OrderBy(l => l.Number, StringComparer.Ordinal)
            .ToList();

    private sealed record MeetingLink
    {
        public required Guid MeetingId { get; init; }

        public required LinkKind Kind { get; init; }

        public required Guid TargetId { get; init; }
    }
}

internal static class ListJointMeetingsEndpoint
{
    public static void Map(IEndpointRouteBuilder systems) =>
        systems.MapGet("/{id:guid}/meetings", Handle)
            .WithName("ListJointMeetings")
            .WithDescription("The meetings of a joint-meeting system of the caller's jurisdiction, newest first. Each lists only the petitions and cases the caller may open; a link to another jurisdiction's petition is left out, not even counted. 404 for a system outside the jurisdiction.")
            .WithSummary("The meetings of a joint-meeting system of the caller's jurisdiction, newest first, each with only the petitions and cases the caller may open.")
            .RequireCapability(Capability.ViewJointMeetingsAndLetters)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<Page<JointMeetingItem>>> Handle(Guid id, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListJointMeetings(id, cursor, limit), cancellationToken));
}
