using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Organization;
using Fengqiao.Receptions.Schedule;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Public;

internal static class PublicReceptionSql
{
    /// <summary>Published reception days and duties not cancelled: when, where, about what and at which level; never who.</summary>
    public const string Month = """
        SELECT r.id AS Id, r.kind AS Kind, r.level AS Level, r.unit_name AS UnitName, r.region_id AS RegionId, r.region_name AS RegionName,
               r.day AS Day, r.starts_at AS StartsAt, r.ends_at AS EndsAt, r.place AS Place, r.theme AS Theme
        FROM receptions_receptions r
        WHERE r.is_published = 1 AND r.status <> 'Cancelled' AND r.region_path LIKE @RegionPrefix AND r.day >= @From AND r.day <= @To
        ORDER BY r.day, r.starts_at, r.id
        """;
}

/// <summary>
/// A published reception day or duty as the public sees it: no leader's or petitioner's name, only the level, the unit on duty
/// (a department is no person), the place and the theme.
/// </summary>
internal sealed record PublicReceptionDay
{
    public required Guid Id { get; init; }

    public required ReceptionKind Kind { get; init; }

    public required ReceptionLevel Level { get; init; }

    public required string? UnitName { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required DateOnly Day { get; init; }

    public required string StartsAt { get; init; }

    public required string EndsAt { get; init; }

    public required string Place { get; init; }

    public required string? Theme { get; init; }
}

internal sealed record PublicReceptionDays(IReadOnlyList<PublicReceptionDay> Items);

/// <summary>The published reception days and duties of a month (yyyy-MM), optionally of a region's subtree, so people know when to come.</summary>
internal sealed record ListPublicReceptionDays(string Month, Guid? RegionId) : IQuery<PublicReceptionDays>;

internal sealed class ListPublicReceptionDaysValidator : AbstractValidator<ListPublicReceptionDays>
{
    public ListPublicReceptionDaysValidator() =>
        RuleFor(q => q.Month).NotEmpty().Must(m => Months.TryParse(m, out _)).WithMessage("Give the month as yyyy-MM.");
}

internal sealed class ListPublicReceptionDaysHandler(IDbSession session, IOrganizationDirectory directory) : IQueryHandler<ListPublicReceptionDays, PublicReceptionDays>
{
    public async ValueTask<PublicReceptionDays> Handle(ListPublicReceptionDays query, CancellationToken cancellationToken)
    {
        Months.TryParse(query.Month, out var first);
        var rows = await session.QueryAsync<PublicReceptionDay>(
            PublicReceptionSql.Month,
            new { RegionPrefix = await ListReceptionsHandler.RegionPrefixAsync(directory, query.RegionId, cancellationToken), From = first, To = first.AddMonths(1).AddDays(-1) },
            cancellationToken);
        return new PublicReceptionDays(rows);
    }
}

internal static class PublicReceptionDaysEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/public/reception-days", Handle)
            .WithName("ListPublicReceptionDays")
            .WithDescription("The published leaders' reception days and departments' duties of a month (`month=yyyy-MM`), optionally within a region's subtree, that are not cancelled: day, times, place, level, theme and the department on duty, so people know when and where to come. Never names a leader or a petitioner. 400 for a malformed month.")
            .WithSummary("Published leaders' reception days and departments' duties of a month, optionally of a region: when and where to come.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Public)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Ok<PublicReceptionDays>> Handle(string month, Guid? regionId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListPublicReceptionDays(month, regionId), cancellationToken));
}
