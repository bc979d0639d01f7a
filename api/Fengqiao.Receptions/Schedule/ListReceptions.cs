using System.Globalization;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Schedule;

internal sealed record ReceptionListItem
{
    public required Guid Id { get; init; }

    public required ReceptionKind Kind { get; init; }

    public required ReceptionStatus Status { get; init; }

    public required ReceptionLevel Level { get; init; }

    public required string? HostName { get; init; }

    public required string? UnitName { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required DateOnly Day { get; init; }

    public required string StartsAt { get; init; }

    public required string EndsAt { get; init; }

    public required string Place { get; init; }

    public required string? Theme { get; init; }

    public required bool IsPublished { get; init; }

    public required int Batches { get; init; }

    public required int Persons { get; init; }

    public required long Version { get; init; }
}

internal sealed record ReceptionCursor(DateOnly D, string S, Guid I);

/// <summary>The calendar: a month (yyyy-MM) of receptions in the caller's jurisdiction, optionally of one region's subtree and one kind.</summary>
internal sealed record ListReceptions(string Month, Guid? RegionId, ReceptionKind? Kind, string? Cursor, int? Limit) : IQuery<Page<ReceptionListItem>>;

internal sealed class ListReceptionsValidator : AbstractValidator<ListReceptions>
{
    public ListReceptionsValidator()
    {
        RuleFor(q => q.Month).NotEmpty().Must(m => Months.TryParse(m, out _)).WithMessage("Give the month as yyyy-MM.");
        RuleFor(q => q.Limit).ValidLimit();
    }
}

internal static class Months
{
    public static bool TryParse(string? value, out DateOnly first) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first)
        && first >= QueryValueChecks.EarliestDay && first < QueryValueChecks.LatestDay;
}

internal sealed class ListReceptionsHandler(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory) : IQueryHandler<ListReceptions, Page<ReceptionListItem>>
{
    public async ValueTask<Page<ReceptionListItem>> Handle(ListReceptions query, CancellationToken cancellationToken)
    {
        Months.TryParse(query.Month, out var first);
        var limit = query.Limit ?? BuildingBlocks.Http.Cursor.DefaultLimit;
        var after = BuildingBlocks.Http.Cursor.Decode<ReceptionCursor>(query.Cursor);
        var regionPrefix = await RegionPrefixAsync(directory, query.RegionId, cancellationToken);
        var statements = ReceptionSql.List(session.Dialect);
        var rows = await session.QueryInJurisdictionAsync<ReceptionListItem>(
            caller,
            statements[after is null ? "first" : "after"],
            new
            {
                RegionPrefix = regionPrefix,
                From = first,
                To = first.AddMonths(1).AddDays(-1),
                Kind = query.Kind?.ToString(),
                Limit = limit + 1,
                AfterDay = after?.D,
                AfterStart = after?.S,
                AfterId = after?.I,
            },
            cancellationToken);
        return BuildingBlocks.Http.Cursor.ToPage(rows, limit, r => new ReceptionCursor(r.Day, r.StartsAt, r.Id));
    }

    /// <summary>A region's subtree as a LIKE pattern; every path when none is named, and none for an unknown region.</summary>
    public static async Task<string> RegionPrefixAsync(IOrganizationDirectory directory, Guid? regionId, CancellationToken cancellationToken)
    {
        if (regionId is not { } id)
        {
            return "%";
        }

        var region = await directory.FindRegionAsync(id, cancellationToken);
        return region is null ? "\u0000" : region.Path + "%";
    }
}

internal static class ListReceptionsEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapGet("/", Handle)
            .WithName("ListReceptions")
            .WithDescription("The reception calendar: a month (`month=yyyy-MM`) of receptions in the caller's jurisdiction by day and start time, optionally of one region's subtree and one kind, with their status (scheduled, held, cancelled) and the batches and persons received.")
            .WithSummary("The calendar: a month of receptions in the caller's jurisdiction by day and start, optionally of a region and a kind.")
            .RequireCapability(Capability.ViewReceptions)
            .ProducesValidationProblem();

    private static async Task<Ok<Page<ReceptionListItem>>> Handle(
        string month, Guid? regionId, [QueryEnum(typeof(ReceptionKind))] string? kind, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListReceptions(month, regionId, QueryEnum.Parse<ReceptionKind>(kind, nameof(kind)), cursor, limit), cancellationToken));
}
