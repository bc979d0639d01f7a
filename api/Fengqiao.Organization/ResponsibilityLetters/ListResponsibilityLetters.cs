using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Organization.JointMeetings;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.ResponsibilityLetters;

/// <summary>
/// Letters whose receiving region lies in the caller's jurisdiction, newest year first, optionally of one year, one
/// receiving level (town: the district's letters to its towns; village: the towns' letters to their villages) and within
/// one region's subtree.
/// </summary>
internal sealed record ListResponsibilityLetters(int? Year, RegionLevel? ReceivingLevel, Guid? RegionId, string? Cursor, int? Limit)
    : IQuery<Page<ResponsibilityLetterItem>>;

internal sealed class ListResponsibilityLettersValidator : AbstractValidator<ListResponsibilityLetters>
{
    public ListResponsibilityLettersValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
        RuleFor(q => q.Limit).ValidLimit();
    }
}

internal sealed class ListResponsibilityLettersHandler(IDbSession session, ICurrentUser user)
    : IQueryHandler<ListResponsibilityLetters, Page<ResponsibilityLetterItem>>
{
    public async ValueTask<Page<ResponsibilityLetterItem>> Handle(ListResponsibilityLetters query, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<ResponsibilityLetterCursor>(query.Cursor);
        var regionPrefix = "%";
        if (query.RegionId is { } regionId)
        {
            var path = await session.QuerySingleInJurisdictionAsync<string>(user, ResponsibilityLetterSql.RegionPathInJurisdiction, new { RegionId = regionId }, cancellationToken);
            if (path is null)
            {
                return new Page<ResponsibilityLetterItem>([], null);
            }

            regionPrefix = path + "%";
        }

        var limit = query.Limit ?? Cursor.DefaultLimit;
        var rows = await session.QueryInJurisdictionAsync<ResponsibilityLetterRow>(
            user,
            ResponsibilityLetterSql.List(session.Dialect),
            new
            {
                RegionPrefix = regionPrefix,
                query.Year,
                ReceivingLevel = query.ReceivingLevel?.ToString(),
                AfterYear = after?.Year,
                AfterPath = after?.ReceivingRegionPath,
                AfterId = after?.Id,
                Limit = limit + 1,
            },
            cancellationToken);
        var page = Cursor.ToPage(rows, limit, l => new ResponsibilityLetterCursor(l.Year, l.ReceivingRegionPath, l.Id));
        return new Page<ResponsibilityLetterItem>(page.Items.Select(r => r.ToItem()).ToList(), page.NextCursor);
    }
}

internal static class ListResponsibilityLettersEndpoint
{
    public static void Map(IEndpointRouteBuilder letters) =>
        letters.MapGet("/", Handle)
            .WithName("ListResponsibilityLetters")
            .WithDescription("The responsibility letters (责任书) whose receiving region lies in the caller's jurisdiction, newest year first; `year`, `receivingLevel` (town: a district's letters to its towns; village: a town's letters to its villages) and `regionId` narrow the list.")
            .WithSummary("Responsibility letters received within the caller's jurisdiction, newest year first; year, receivingLevel (district, town or village) and regionId (that region's subtree) narrow the list.")
            .RequireCapability(Capability.ViewJointMeetingsAndLetters)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<ResponsibilityLetterItem>>> Handle(
        int? year,
        [QueryEnum(typeof(RegionLevel))] string? receivingLevel,
        Guid? regionId,
        string? cursor,
        int? limit,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new ListResponsibilityLetters(year, QueryEnum.Parse<RegionLevel>(receivingLevel, nameof(receivingLevel)), regionId, cursor, limit), cancellationToken));
}
