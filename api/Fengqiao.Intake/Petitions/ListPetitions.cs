using System.Data.Common;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.Petitions;

internal sealed record PetitionListItem
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required Channel Channel { get; init; }

    public required PetitionStatus Status { get; init; }

    public required string RegionName { get; init; }

    public required string Category { get; init; }

    public required int Persons { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateOnly AcceptanceDue { get; init; }

    public required string RequestText { get; init; }

    public required string? FirstPetitioner { get; init; }

    public required bool IsFirstTime { get; init; }

    public required bool IsRepeat { get; init; }

    public required bool IsSkipLevel { get; init; }

    public required bool IsCollective { get; init; }

    public required bool IsBusiness { get; init; }

    public required bool IsCrossBoundary { get; init; }

    public required bool IsUrgent { get; init; }

    public required bool IsFinalMatter { get; init; }

    /// <summary>A row of <see cref="PetitionSql"/>'s worklist columns, by position.</summary>
    public static PetitionListItem Read(DbDataReader row) => new()
    {
        Id = row.GetGuid(0),
        Number = row.GetString(1),
        Channel = row.GetEnum<Channel>(2),
        Status = row.GetEnum<PetitionStatus>(3),
        RegionName = row.GetString(4),
        Category = row.GetString(5),
        Persons = row.GetInt32(6),
        ReceivedAt = row.GetInstant(7),
        AcceptanceDue = row.GetDate(8),
        RequestText = row.GetString(9),
        IsFirstTime = row.GetBoolean(10),
        IsRepeat = row.GetBoolean(11),
        IsSkipLevel = row.GetBoolean(12),
        IsCollective = row.GetBoolean(13),
        IsBusiness = row.GetBoolean(14),
        IsCrossBoundary = row.GetBoolean(15),
        IsUrgent = row.GetBoolean(16),
        IsFinalMatter = row.GetBoolean(17),
        FirstPetitioner = row.GetStringOrNull(18),
    };
}

/// <summary>Keyset of the worklist: newest received first.</summary>
internal sealed record PetitionCursor(DateTimeOffset ReceivedAt, Guid Id);

/// <summary>The worklist filter, shared by the paged list and the CSV export. Dates are local (China) days, both inclusive.</summary>
internal sealed record PetitionFilter(
    PetitionStatus? Status,
    Channel? Channel,
    string? Category,
    Guid? RegionId,
    IReadOnlyList<PetitionFlag> Flags,
    DateOnly? ReceivedFrom,
    DateOnly? ReceivedTo,
    string? Text)
{
    public static PetitionFilter FromQuery(string? status, string? channel, string? category, Guid? regionId, string[]? flag, DateOnly? receivedFrom, DateOnly? receivedTo, string? text) =>
        new(
            QueryEnum.Parse<PetitionStatus>(status, nameof(status)),
            QueryEnum.Parse<Channel>(channel, nameof(channel)),
            string.IsNullOrWhiteSpace(category) ? null : category,
            regionId,
            QueryEnum.ParseAll<PetitionFlag>(flag, nameof(flag)).Distinct().ToList(),
            receivedFrom,
            receivedTo,
            string.IsNullOrWhiteSpace(text) ? null : text.Trim());

    /// <summary>The terms of the worklist query this filter needs: one per filter that is set.</summary>
    public ListTerms Terms
    {
        get
        {
            var terms = ListTerms.None;
            void When(bool set, ListTerms term) => terms |= set ? term : ListTerms.None;
            When(RegionId is not null, ListTerms.Region);
            When(Status is not null, ListTerms.Status);
            When(Channel is not null, ListTerms.Channel);
            When(Category is not null, ListTerms.Category);
            When(ReceivedFrom is not null, ListTerms.ReceivedFrom);
            When(ReceivedTo is not null, ListTerms.ReceivedTo);
            When(Flags.Contains(PetitionFlag.FirstTime), ListTerms.FirstTime);
            When(Flags.Contains(PetitionFlag.Repeat), ListTerms.Repeat);
            When(Flags.Contains(PetitionFlag.SkipLevel), ListTerms.SkipLevel);
            When(Flags.Contains(PetitionFlag.Collective), ListTerms.Collective);
            When(Flags.Contains(PetitionFlag.BusinessEnvironment), ListTerms.Business);
            When(Flags.Contains(PetitionFlag.CrossBoundary), ListTerms.CrossBoundary);
            When(Flags.Contains(PetitionFlag.Urgent), ListTerms.Urgent);
            When(Flags.Contains(PetitionFlag.FinalMatter), ListTerms.FinalMatter);
            When(Flags.Contains(PetitionFlag.AcceptanceOverdue), ListTerms.Overdue);
            When(Text is not null, ListTerms.Text);
            return terms;
        }
    }

    /// <summary>The SQL parameters of this filter within the caller's jurisdiction, or null when the region filter points outside it.</summary>
    public async Task<object?> ParametersAsync(PetitionReader reader, IOrganizationDirectory directory, TimeProvider clock, PetitionCursor? after, int limit, CancellationToken cancellationToken)
    {
        var regionPrefix = "%";
        if (RegionId is { } regionId)
        {
            var region = await directory.FindRegionAsync(regionId, cancellationToken);
            if (region is null)
            {
                return null;
            }

            regionPrefix = region.Path + "%";
        }

        return reader.Parameters(new
        {
            RegionPrefix = regionPrefix,
            Status = Status?.ToString(),
            Channel = Channel?.ToString(),
            Category,
            ReceivedFrom = ReceivedFrom is { } from ? WorkCalendar.StartOfLocalDay(from) : (DateTimeOffset?)null,
            ReceivedTo = ReceivedTo is { } to ? WorkCalendar.StartOfLocalDay(to.AddDays(1)) : (DateTimeOffset?)null,
            Today = WorkCalendar.LocalDate(clock.GetUtcNow()),
            Text = Text is null ? null : "%" + Text.Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal) + "%",
            AfterReceivedAt = after?.ReceivedAt,
            AfterId = after?.Id,
            Limit = limit,
        });
    }
}

internal sealed record ListPetitions(PetitionFilter Filter, string? Cursor, int? Limit) : IQuery<Page<PetitionListItem>>;

internal sealed class ListPetitionsValidator : AbstractValidator<ListPetitions>
{
    public ListPetitionsValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Filter.Text).MaximumLength(100).OverridePropertyName("text");
        RuleFor(q => q.Filter.ReceivedTo).GreaterThanOrEqualTo(q => q.Filter.ReceivedFrom)
            .When(q => q.Filter.ReceivedFrom is not null && q.Filter.ReceivedTo is not null).OverridePropertyName("receivedTo");
    }
}

internal sealed class ListPetitionsHandler(IDbSession session, PetitionReader reader, ICurrentUser caller, IOrganizationDirectory directory, TimeProvider clock)
    : IQueryHandler<ListPetitions, Page<PetitionListItem>>
{
    public async ValueTask<Page<PetitionListItem>> Handle(ListPetitions query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var after = Cursor.Decode<PetitionCursor>(query.Cursor);
        if (reader.Scope == PetitionReadScope.None)
        {
            return new Page<PetitionListItem>([], null);
        }

        var parameters = await query.Filter.ParametersAsync(reader, directory, clock, after, limit + 1, cancellationToken);
        if (parameters is null)
        {
            return new Page<PetitionListItem>([], null);
        }

        var sql = PetitionSql.List(session.Dialect, query.Filter.Terms, afterCursor: after is not null, PetitionSql.ListLevel(reader.Scope, Jurisdiction.LevelOf(caller)));
        var rows = await session.QueryAsync(sql, parameters, PetitionListItem.Read, cancellationToken);
        return Cursor.ToPage(rows, limit, p => new PetitionCursor(p.ReceivedAt, p.Id));
    }
}

internal static class ListPetitionsEndpoint
{
    public static void Map(IEndpointRouteBuilder petitions) =>
        petitions.MapGet("/", Handle)
            .WithName("ListPetitions")
            .WithDescription("The petition worklist: every petition whose region lies in the caller's jurisdiction, filtered by status, channel, category, flag, region and received days (China time, inclusive), newest first. Pages by keyset: pass the `next` cursor of one page to get the following one. Petitioners' names and numbers are masked.")
            .WithSummary("The petition worklist within the caller's jurisdiction, newest received first, keyset-paginated.")
            .RequireSignedIn()
            .CachedForCaller()
            .ProducesValidationProblem();

    private static async Task<Ok<Page<PetitionListItem>>> Handle(
        [QueryEnum(typeof(PetitionStatus))] string? status,
        [QueryEnum(typeof(Channel))] string? channel,
        string? category,
        Guid? regionId,
        [FromQuery, QueryEnum(typeof(PetitionFlag))] string[]? flag,
        DateOnly? receivedFrom,
        DateOnly? receivedTo,
        string? text,
        string? cursor,
        int? limit,
        ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new ListPetitions(PetitionFilter.FromQuery(status, channel, category, regionId, flag, receivedFrom, receivedTo, text), cursor, limit),
            cancellationToken));
}
