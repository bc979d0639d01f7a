using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.Suggestions.Topics;

/// <summary>A topic row as read for details or a change.</summary>
internal sealed record TopicRow
{
    public required Guid Id { get; init; }

    public required SuggestionTopicStatus Status { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionPath { get; init; }

    public required string RegionName { get; init; }

    public required Guid UnitId { get; init; }

    public required string UnitName { get; init; }

    public required DateOnly OpensOn { get; init; }

    public required DateOnly ClosesOn { get; init; }

    public required string? Summary { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset? PublishedAt { get; init; }

    public required DateTimeOffset? ClosedAt { get; init; }

    public required DateTimeOffset? ConcludedAt { get; init; }

    public required long Version { get; init; }
}

/// <summary>A topic's scope and responsible unit as checked against the caller's jurisdiction.</summary>
internal sealed record TopicPlace(RegionSnapshot Region, UnitSnapshot Unit);

/// <summary>Loads topics within the caller's jurisdiction (404 outside, as missing), checks the version read (412) and the state (409).</summary>
internal sealed class TopicStore(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory, TimeProvider clock)
{
    public DateOnly Today => WorkCalendar.LocalDate(clock.GetUtcNow());

    public async Task<TopicRow?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleInJurisdictionAsync<TopicRow>(caller, TopicSql.ById, new { Id = id }, cancellationToken);

    public async Task<TopicRow> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) ?? throw new NotFoundException("Topic");

    /// <summary>The topic for <paramref name="action"/>: 404 when not visible, 412 when stale, 409 when its status refuses the action.</summary>
    public async Task<TopicRow> GetForChangeAsync(Guid id, long expectedVersion, SuggestionTopicAction action, CancellationToken cancellationToken)
    {
        var row = await GetAsync(id, cancellationToken);
        if (row.Version != expectedVersion)
        {
            throw new PreconditionFailedException(row.Version);
        }

        TopicLifecycle.After(row.Status, action);
        return row;
    }

    /// <summary>
    /// The topic's region, in the caller's jurisdiction, and its responsible unit: a unit of the caller's jurisdiction, not retired,
    /// whose region covers the topic's (a town's topic may be a district department's, a city's topic not a town's). Else 400 on the field.
    /// </summary>
    public async Task<TopicPlace> PlaceAsync(Guid regionId, Guid unitId, CancellationToken cancellationToken)
    {
        var region = await directory.FindRegionAsync(regionId, cancellationToken);
        if (region is null || !Jurisdiction.Contains(caller, region.Path))
        {
            throw Invalid("RegionId", "No such region in your jurisdiction.");
        }

        var unit = await directory.FindUnitAsync(unitId, cancellationToken);
        if (unit is null || unit.IsRetired || !Jurisdiction.Contains(caller, unit.RegionPath))
        {
            throw Invalid("UnitId", "No such unit in your jurisdiction.");
        }

        return Jurisdiction.Contains(unit.RegionPath, region.Path)
            ? new TopicPlace(region, unit)
            : throw Invalid("UnitId", "The responsible unit's region does not cover the topic's region.");
    }

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}

/// <summary>What a topic says of itself, on creation and on change.</summary>
internal interface ITopicFields
{
    string Title { get; }

    string Description { get; }

    Guid RegionId { get; }

    Guid UnitId { get; }

    DateOnly OpensOn { get; }

    DateOnly ClosesOn { get; }
}

/// <summary>The checks a topic's text and dates pass on creation and on change.</summary>
internal abstract class TopicFieldsValidator<T> : AbstractValidator<T>
    where T : ITopicFields
{
    /// <summary>A year at most: a consultation that runs longer is a standing channel, which unprompted suggestions already are.</summary>
    public const int LongestDays = 366;

    protected TopicFieldsValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Description).NotEmpty().MaximumLength(8000);
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.UnitId).NotEmpty();
        RuleFor(c => c.OpensOn).NotEmpty();
        RuleFor(c => c.ClosesOn).GreaterThanOrEqualTo(c => c.OpensOn).WithMessage("A topic closes on or after the day it opens.");
        RuleFor(c => c.ClosesOn).Must((c, closes) => closes.DayNumber - c.OpensOn.DayNumber <= LongestDays)
            .WithMessage("A topic takes suggestions for a year at most.");
    }
}
