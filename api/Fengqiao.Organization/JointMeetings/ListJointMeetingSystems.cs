using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.JointMeetings;

/// <summary>Joint-meeting systems of the caller's jurisdiction in region order, optionally within one region's subtree.</summary>
internal sealed record ListJointMeetingSystems(Guid? RegionId, bool IncludeRetired, string? Cursor, int? Limit) : IQuery<Page<JointMeetingSystemItem>>;

internal sealed class ListJointMeetingSystemsValidator : AbstractValidator<ListJointMeetingSystems>
{
    public ListJointMeetingSystemsValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
    }
}

internal sealed class ListJointMeetingSystemsHandler(IDbSession session, ICurrentUser user, JointMeetingStore store)
    : IQueryHandler<ListJointMeetingSystems, Page<JointMeetingSystemItem>>
{
    public async ValueTask<Page<JointMeetingSystemItem>> Handle(ListJointMeetingSystems query, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<JointMeetingSystemCursor>(query.Cursor);
        var regionPrefix = "%";
        if (query.RegionId is { } regionId)
        {
            var path = await session.QuerySingleInJurisdictionAsync<string>(user, JointMeetingSql.RegionPathInJurisdiction, new { RegionId = regionId }, cancellationToken);
            if (path is null)
            {
                return new Page<JointMeetingSystemItem>([], null);
            }

            regionPrefix = path + "%";
        }

        var limit = query.Limit ?? Cursor.DefaultLimit;
        var rows = await session.QueryInJurisdictionAsync<JointMeetingSystemItem>(
            user,
            JointMeetingSql.List(session.Dialect),
            new { RegionPrefix = regionPrefix, query.IncludeRetired, AfterPath = after?.RegionPath, AfterId = after?.Id, Limit = limit + 1 },
            cancellationToken);
        var page = Cursor.ToPage(rows, limit, s => new JointMeetingSystemCursor(s.RegionPath, s.Id));
        return page with { Items = await store.WithMembersAsync(page.Items, cancellationToken) };
    }
}

internal static class ListJointMeetingSystemsEndpoint
{
    public static void Map(IEndpointRouteBuilder systems) =>
        systems.MapGet("/", Handle)
            .WithName("ListJointMeetingSystems")
            .WithDescription("The joint-meeting systems (联席会议制度) of the caller's jurisdiction in region order, each with its convener and member units; `regionId` narrows to that region's subtree, and retired systems are included only with `includeRetired=true`.")
            .WithSummary("Joint-meeting systems within the caller's jurisdiction, with their members; regionId narrows to that region's subtree. Retired systems only with includeRetired=true.")
            .RequireCapability(Capability.ViewJointMeetingsAndLetters)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<JointMeetingSystemItem>>> Handle(
        Guid? regionId, bool? includeRetired, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListJointMeetingSystems(regionId, includeRetired ?? false, cursor, limit), cancellationToken));
}
