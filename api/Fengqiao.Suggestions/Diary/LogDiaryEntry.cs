using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.BuildingBlocks.Text;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Contracts.Suggestions;
using Fengqiao.Suggestions.Handling;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Diary;

/// <summary>
/// A cadre logs a household visit (or a 民情微群 message, with the group as <see cref="Source"/>): whose, on which day, what was
/// raised, its category (the petition categories, so it can become a petition as it is) and the village or town.
/// </summary>
internal sealed record LogDiaryEntry(DiaryEntryKind Kind, string? Source, string Household, DateOnly VisitedOn, string Matter, string Category, Guid RegionId)
    : ICommand<EntityVersion>;

internal sealed class LogDiaryEntryValidator : AbstractValidator<LogDiaryEntry>
{
    public LogDiaryEntryValidator(TimeProvider clock)
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Source).NotEmpty().When(c => c.Kind == DiaryEntryKind.GroupMessage).WithMessage("Name the chat group the message came from.");
        RuleFor(c => c.Source).MaximumLength(100);
        RuleFor(c => c.Household).NotEmpty().MaximumLength(50);
        RuleFor(c => c.VisitedOn).Must(d => d <= WorkCalendar.LocalDate(clock.GetUtcNow())).WithMessage("The day of the visit lies in the past.");
        RuleFor(c => c.VisitedOn).GreaterThanOrEqualTo(QueryValueChecks.EarliestDay);
        RuleFor(c => c.Matter).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Category).NotEmpty().MaximumLength(40);
        RuleFor(c => c.RegionId).NotEmpty();
    }
}

internal sealed class LogDiaryEntryHandler(
    IDbSession session,
    ICurrentUser caller,
    IOrganizationDirectory directory,
    IPetitionCategoryList categories,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock) : ICommandHandler<LogDiaryEntry, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(LogDiaryEntry command, CancellationToken cancellationToken)
    {
        var region = await directory.FindRegionAsync(command.RegionId, cancellationToken);
        if (region is null || !Jurisdiction.Contains(caller, region.Path) || region.Level is not ("village" or "town"))
        {
            throw SuggestionStore.Invalid(nameof(LogDiaryEntry.RegionId), "No such village or town in your jurisdiction.");
        }

        if ((await categories.ListAsync(cancellationToken)).All(c => c.Code != command.Category))
        {
            throw SuggestionStore.Invalid(nameof(LogDiaryEntry.Category), "Unknown category.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var matter = command.Matter.Trim();
        var signature = TextSignature.Compute(matter);
        await session.ExecuteAsync(
            DiarySql.InsertEntry,
            new
            {
                Id = id,
                Kind = command.Kind.ToString(),
                Source = command.Kind == DiaryEntryKind.GroupMessage ? command.Source!.Trim() : null,
                Household = command.Household.Trim(),
                command.VisitedOn,
                Matter = matter,
                command.Category,
                RegionId = region.Id,
                RegionPath = region.Path,
                RegionName = region.Name,
                TextSignature = TextSignature.Encode(signature),
                LoggedBy = caller.UserId,
                LoggedByName = caller.DisplayName,
                LoggedAt = now,
            },
            cancellationToken);
        foreach (var key in TextSignature.BandKeys(signature).Distinct())
        {
            await session.ExecuteAsync(
                DiarySql.InsertTextKey,
                new { RegionId = region.Id, command.Category, BandKey = key, EntryId = id, RegionPath = region.Path, command.VisitedOn },
                cancellationToken);
        }

        audit.Record(new AuditEntry("diary.entry_logged", "diary_entry", id, After: new { command.Kind, command.Category, RegionId = region.Id, command.VisitedOn }));
        events.Publish(new DiaryEntryLogged(Guid.CreateVersion7(now), now, id, command.Kind.ToSnakeCase(), command.Category, command.VisitedOn, region.Id, region.Path));
        return new EntityVersion(id, 1);
    }
}

internal static class LogDiaryEntryEndpoint
{
    public static void Map(IEndpointRouteBuilder diary) =>
        diary.MapPost("/entries", Handle)
            .WithName("LogDiaryEntry")
            .WithDescription("A village or town cadre logs a household visit, or a 民情微群 message with its group as `source`, in the people's-sentiment diary 民情日记: the household, the day, what was raised, its petition category and the village or town of the caller's jurisdiction. A photo is added afterwards. 400 names the field (unknown category, a region outside the jurisdiction, a day in the future, a message without its group).")
            .ProducesETag()
            .WithSummary("Logs a household visit or a 民情微群 message in the people's-sentiment diary.")
            .RequireCapability(Capability.KeepDiary)
            .WithIdempotency()
            .ProducesValidationProblem();

    private static async Task<Created<EntityVersion>> Handle(LogDiaryEntry request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var logged = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, logged.Version);
        return TypedResults.Created($"/api/v1/diary/entries/{logged.Id}", logged);
    }
}
