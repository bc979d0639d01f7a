using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Contracts.Organization;
using Fengqiao.Intake.Petitions;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.Intake.Routing;

/// <summary>A routing rule as stored.</summary>
internal sealed record RoutingRuleRow
{
    public required Guid Id { get; init; }

    public required string Category { get; init; }

    public required string RegionPath { get; init; }

    public required Guid UnitId { get; init; }

    public required long Version { get; init; }
}

/// <summary>What a new or changed rule names, checked against the admin's jurisdiction.</summary>
internal sealed record RoutingRuleTarget(string Category, RegionSnapshot Region, UnitSnapshot Unit);

/// <summary>
/// Checks shared by creating and changing rules: the category exists, region and unit lie in the admin's
/// jurisdiction (400 otherwise, like any unknown reference), and no other rule has the same category and region (409).
/// </summary>
internal sealed class RoutingRuleTargets(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory, PetitionCategories categories)
{
    public async Task<RoutingRuleRow> GetInJurisdictionAsync(Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleInJurisdictionAsync<RoutingRuleRow>(caller, RoutingSql.GetInJurisdiction, new { Id = id }, cancellationToken)
            ?? throw new NotFoundException("Routing rule");

    public async Task<RoutingRuleTarget> ResolveAsync(Guid? ruleId, string category, Guid regionId, Guid unitId, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        if (!await categories.ExistsAsync(category, cancellationToken))
        {
            failures.Add(new ValidationFailure("category", "No such petition category."));
        }

        var region = await directory.FindRegionAsync(regionId, cancellationToken);
        if (region is null || !Jurisdiction.Contains(caller, region.Path))
        {
            failures.Add(new ValidationFailure("regionId", "No such region in your jurisdiction."));
        }

        var unit = await directory.FindUnitAsync(unitId, cancellationToken);
        if (unit is null || !Jurisdiction.Contains(caller, unit.RegionPath))
        {
            failures.Add(new ValidationFailure("unitId", "No such unit in your jurisdiction."));
        }
        else if (unit.IsRetired)
        {
            failures.Add(new ValidationFailure("unitId", "The unit is retired and takes no new work."));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var others = await session.ExecuteScalarAsync<long>(
            RoutingSql.OtherRuleExists, new { Category = category, RegionPath = region!.Path, Id = ruleId ?? Guid.Empty }, cancellationToken);
        if (others > 0)
        {
            throw new ConflictException("routing_rule_exists", $"A rule for this category in {region.Name} exists already; change that one.");
        }

        return new RoutingRuleTarget(category, region, unit!);
    }
}
