using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Organization.JointMeetings;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Coverage;

/// <summary>
/// How far the joint-meeting system and the responsibility letters reach in the city or a district (DOMAIN §1): towns with
/// an active joint-meeting system out of all towns, and the year's letters signed district → town and town → village out
/// of those expected (one per town, one per village). Without a region, the caller's own.
/// </summary>
internal sealed record GetOrganizationCoverage(Guid? RegionId, int? Year) : IQuery<OrganizationCoverage>;

/// <param name="AsOf">The day joint-meeting systems are counted as active on: today, or the last day of a past year.</param>
internal sealed record OrganizationCoverage(Guid RegionId, string RegionName, int Year, DateOnly AsOf, CoverageFigures Total, IReadOnlyList<CoverageFigures> Districts);

/// <param name="TownLetters">Towns holding their district's letter of the year; expected: every town.</param>
/// <param name="VillageLetters">Villages holding their town's letter of the year; expected: every village.</param>
internal sealed record CoverageFigures
{
    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required int Towns { get; init; }

    public required int TownsWithJointMeeting { get; init; }

    public required int TownLetters { get; init; }

    public required int Villages { get; init; }

    public required int VillageLetters { get; init; }
}

internal sealed class GetOrganizationCoverageValidator : AbstractValidator<GetOrganizationCoverage>
{
    public GetOrganizationCoverageValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
    }
}

internal sealed class GetOrganizationCoverageHandler(IDbSession session, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetOrganizationCoverage, OrganizationCoverage>
{
    public async ValueTask<OrganizationCoverage> Handle(GetOrganizationCoverage query, CancellationToken cancellationToken)
    {
        var region = await session.QuerySingleInJurisdictionAsync<CoverageRegion>(user, CoverageSql.Region, new { query.RegionId }, cancellationToken)
            ?? throw new NotFoundException("Region");
        if (region.Level is not (RegionLevel.City or RegionLevel.District))
        {
            throw new ValidationException([new ValidationFailure(nameof(GetOrganizationCoverage.RegionId), "Coverage is counted for the city or a district.")]);
        }

        var today = WorkCalendar.LocalDate(clock.GetUtcNow());
        var year = query.Year ?? today.Year;
        var asOf = year < today.Year ? new DateOnly(year, 12, 31) : today;
        var districts = await session.QueryAsync<CoverageFigures>(CoverageSql.ByDistrict, new { RegionPrefix = region.Path + "%", Year = year, AsOf = asOf }, cancellationToken);
        var total = new CoverageFigures
        {
            RegionId = region.Id,
            RegionName = region.Name,
            Towns = districts.Sum(d => d.Towns),
            TownsWithJointMeeting = districts.Sum(d => d.TownsWithJointMeeting),
            TownLetters = districts.Sum(d => d.TownLetters),
            Villages = districts.Sum(d => d.Villages),
            VillageLetters = districts.Sum(d => d.VillageLetters),
        };
        return new OrganizationCoverage(region.Id, region.Name, year, asOf, total, districts);
    }

    private sealed record CoverageRegion
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required RegionLevel Level { get; init; }

        public required string Path { get; init; }
    }
}

internal static class GetOrganizationCoverageEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/organization-coverage", Handle)
            .WithName("GetOrganizationCoverage")
            .WithDescription("How far the Fengqiao organisation reaches in the city or one district: towns with an active joint-meeting system out of all towns, and for a year the responsibility letters signed district → town and town → village out of those expected. 400 when `regionId` is a town or village (coverage is counted for the city or a district); 404 outside the caller's jurisdiction.")
            .WithSummary("Towns with an active joint-meeting system out of all towns, and the year's responsibility letters signed district → town and town → village out of those expected, for the city or a district of the caller's jurisdiction (default: the caller's region), in total and per district. 400 for a region below district level; 404 outside the jurisdiction.")
            .RequireCapability(Capability.ViewJointMeetingsAndLetters)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<OrganizationCoverage>> Handle(Guid? regionId, int? year, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetOrganizationCoverage(regionId, year), cancellationToken));
}
