using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Suggestions.Handling;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Diary;

/// <summary>The entry or matter converted (its new version), and the petition's number or the suggestion's tracking code it became.</summary>
internal sealed record DiaryConverted(Guid Id, long Version, DiaryConversion Kind, Guid TargetId, string Reference);

/// <summary>Turns an entry or a matter into a petition (what the households ask, <see cref="Request"/>) through intake's contract. Needs If-Match.</summary>
internal sealed record ConvertDiaryToPetition(string Request, bool Urgent) : ICommand<DiaryConverted>
{
    [JsonIgnore]
    public Guid SourceId { get; init; }

    [JsonIgnore]
    public bool IsMatter { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

/// <summary>Turns an entry or a matter into a suggestion under <see cref="Title"/>; the content is what was raised unless given. Needs If-Match.</summary>
internal sealed record ConvertDiaryToSuggestion(string Title, string? Content) : ICommand<DiaryConverted>
{
    [JsonIgnore]
    public Guid SourceId { get; init; }

    [JsonIgnore]
    public bool IsMatter { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class ConvertDiaryToPetitionValidator : AbstractValidator<ConvertDiaryToPetition>
{
    public ConvertDiaryToPetitionValidator() => RuleFor(c => c.Request).NotEmpty().MaximumLength(4000);
}

internal sealed class ConvertDiaryToSuggestionValidator : AbstractValidator<ConvertDiaryToSuggestion>
{
    public ConvertDiaryToSuggestionValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Content).MaximumLength(8000);
    }
}

/// <summary>What is converted: one open entry, or a matter with its entries, as the petition or suggestion takes it.</summary>
internal sealed record DiarySource(
    Guid Id, bool IsMatter, long Version, DiaryEntryKind Kind, string Category, Guid RegionId, string RegionPath, DateTimeOffset ReceivedAt,
    IReadOnlyList<string> Households, int Persons, string Facts, string? SubmitterName);

internal sealed class DiaryConverter(
    IDbSession session,
    ICurrentUser caller,
    DiaryStore store,
    IPetitionRegistration petitions,
    IOrganizationDirectory directory,
    SuggestionWriter suggestions,
    IAuditLog audit,
    TimeProvider clock)
{
    public async Task<DiaryConverted> ToPetitionAsync(ConvertDiaryToPetition command, CancellationToken cancellationToken)
    {
        var source = await SourceAsync(command.SourceId, command.IsMatter, command.ExpectedVersion, cancellationToken);
        var received = new ReceivedPetition(
            DiaryRules.PetitionChannelOf(source.Kind),
            source.Households.Take(DiaryRules.MaxPetitioners).Select(h => new ReceivedPetitioner(h, null, null)).ToList(),
            source.Persons,
            command.Request.Trim(),
            source.Facts,
            source.Category,
            source.RegionId,
            source.ReceivedAt,
            command.Urgent,
            new PetitionReceiver(caller.UserId, caller.UnitId, caller.RegionPath ?? string.Empty));
        PetitionReference petition;
        try
        {
            petition = await petitions.RegisterAsync(received, cancellationToken);
        }
        catch (ValidationException refused)
        {
            // Intake names the fields of the petition it was given; what the caller sent is the request, the rest is the diary's.
            throw new ValidationException(refused.Errors.Select(f => new ValidationFailure(
                f.PropertyName == nameof(ReceivedPetition.Request) ? nameof(ConvertDiaryToPetition.Request) : "source." + f.PropertyName, f.ErrorMessage)).ToList());
        }

        return await LinkAsync(source, DiaryConversion.Petition, petition.Id, petition.Number, cancellationToken);
    }

    public async Task<DiaryConverted> ToSuggestionAsync(ConvertDiaryToSuggestion command, CancellationToken cancellationToken)
    {
        var source = await SourceAsync(command.SourceId, command.IsMatter, command.ExpectedVersion, cancellationToken);
        var region = await directory.FindRegionAsync(source.RegionId, cancellationToken) ?? throw new NotFoundException("Region");
        var content = string.IsNullOrWhiteSpace(command.Content) ? source.Facts : command.Content.Trim();
        var stored = await suggestions.AddAsync(
            new NewSuggestion(SuggestionChannel.Diary, null, region, command.Title, content, source.SubmitterName, null, null, null, caller.UserId, clock.GetUtcNow()),
            withSecret: false,
            cancellationToken);
        return await LinkAsync(source, DiaryConversion.Suggestion, stored.Id, stored.TrackingCode, cancellationToken);
    }

    private async Task<DiarySource> SourceAsync(Guid id, bool isMatter, long expectedVersion, CancellationToken cancellationToken)
    {
        if (isMatter)
        {
            var matter = await store.GetMatterForChangeAsync(id, expectedVersion, cancellationToken);
            if (matter.ConvertedAt is not null)
            {
                throw new ConflictException("already_converted", "The matter became a petition or a suggestion already.");
            }

            var entries = await store.EntriesOfMatterAsync(matter.Id, cancellationToken);
            var households = entries.GroupBy(e => DiaryRules.HouseholdKey(e.Household)).Select(g => g.First().Household).ToList();
            var facts = DiaryRules.FactsOfMatter(entries.Select(e => (e.VisitedOn, e.Household, e.Kind, e.Source, e.Matter)), 8000);
            return new DiarySource(matter.Id, true, matter.Version, DiaryRules.KindOfMatter(entries.Select(e => e.Kind)), matter.Category, matter.RegionId,
                matter.RegionPath, matter.CreatedAt, households, Math.Max(matter.HouseholdCount, Math.Min(households.Count, DiaryRules.MaxPetitioners)), facts, null);
        }

        var entry = await store.GetEntryForChangeAsync(id, expectedVersion, cancellationToken);
        if (!entry.IsOpen)
        {
            throw new ConflictException(entry.MatterId is null ? "already_converted" : "grouped", entry.MatterId is null
                ? "The entry became a petition or a suggestion already."
                : "The entry belongs to a kind of matter: convert the matter.");
        }

        var told = DiaryRules.Told(entry.Kind, entry.Source, entry.Matter);
        return new DiarySource(entry.Id, false, entry.Version, entry.Kind, entry.Category, entry.RegionId, entry.RegionPath, entry.LoggedAt, [entry.Household], 1, told, entry.Household);
    }

    private async Task<DiaryConverted> LinkAsync(DiarySource source, DiaryConversion kind, Guid targetId, string reference, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            source.Id,
            PetitionId = kind == DiaryConversion.Petition ? targetId : (Guid?)null,
            PetitionNumber = kind == DiaryConversion.Petition ? reference : null,
            SuggestionId = kind == DiaryConversion.Suggestion ? targetId : (Guid?)null,
            Now = clock.GetUtcNow(),
            ExpectedVersion = source.Version,
        };
        await session.ExecuteVersionedAsync(source.IsMatter ? DiarySql.ConvertMatter : DiarySql.ConvertEntry, parameters, source.Version, cancellationToken);
        if (!source.IsMatter)
        {
            await session.ExecuteAsync(DiarySql.DeleteTextKeys, new { Ids = new[] { source.Id.ToString("D") } }, cancellationToken);
        }

        audit.Record(new AuditEntry(
            kind == DiaryConversion.Petition ? "diary.converted_to_petition" : "diary.converted_to_suggestion",
            source.IsMatter ? "diary_matter" : "diary_entry",
            source.Id,
            new { source.Version },
            new { TargetId = targetId, Reference = reference, Version = source.Version + 1 }));
        return new DiaryConverted(source.Id, source.Version + 1, kind, targetId, reference);
    }
}

internal sealed class ConvertDiaryToPetitionHandler(DiaryConverter converter) : ICommandHandler<ConvertDiaryToPetition, DiaryConverted>
{
    public async ValueTask<DiaryConverted> Handle(ConvertDiaryToPetition command, CancellationToken cancellationToken) => await converter.ToPetitionAsync(command, cancellationToken);
}

internal sealed class ConvertDiaryToSuggestionHandler(DiaryConverter converter) : ICommandHandler<ConvertDiaryToSuggestion, DiaryConverted>
{
    public async ValueTask<DiaryConverted> Handle(ConvertDiaryToSuggestion command, CancellationToken cancellationToken) => await converter.ToSuggestionAsync(command, cancellationToken);
}

internal static class ConvertDiaryEndpoints
{
    private const string PetitionDescription = "registered through intake (channel `door_to_door_visit`, `social_group` for a 民情微群 message) with the households as petitioners and what they raised as the facts; the link stays, so the diary shows the petition's status. If-Match carries the ETag read. 400 names `request` or a field intake refused; 409 `already_converted`, or `grouped` for an entry that belongs to a matter.";
    private const string SuggestionDescription = "made a suggestion (channel `diary`) with what was raised as its content unless given; the link stays, so the diary shows its status and outcome. If-Match carries the ETag read. 400 names the field; 409 `already_converted`, or `grouped` for an entry that belongs to a matter.";

    public static void Map(IEndpointRouteBuilder diary)
    {
        diary.MapPost("/entries/{id:guid}/petition", (Guid id, ConvertDiaryToPetition request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
                SendAsync(request with { SourceId = id, IsMatter = false, ExpectedVersion = Versioning.RequiredIfMatch(context) }, sender, context, cancellationToken))
            .WithName("ConvertDiaryEntryToPetition")
            .WithDescription("An open diary entry " + PetitionDescription)
            .WithSummary("Turns a diary entry into a petition through intake; needs If-Match.")
            .Conversion();

        diary.MapPost("/entries/{id:guid}/suggestion", (Guid id, ConvertDiaryToSuggestion request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
                SendAsync(request with { SourceId = id, IsMatter = false, ExpectedVersion = Versioning.RequiredIfMatch(context) }, sender, context, cancellationToken))
            .WithName("ConvertDiaryEntryToSuggestion")
            .WithDescription("An open diary entry " + SuggestionDescription)
            .WithSummary("Turns a diary entry into a suggestion; needs If-Match.")
            .Conversion();

        diary.MapPost("/matters/{id:guid}/petition", (Guid id, ConvertDiaryToPetition request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
                SendAsync(request with { SourceId = id, IsMatter = true, ExpectedVersion = Versioning.RequiredIfMatch(context) }, sender, context, cancellationToken))
            .WithName("ConvertDiaryMatterToPetition")
            .WithDescription("A kind of matter 同类事项 " + PetitionDescription)
            .WithSummary("Turns a kind of matter into one petition of its households through intake; needs If-Match.")
            .Conversion();

        diary.MapPost("/matters/{id:guid}/suggestion", (Guid id, ConvertDiaryToSuggestion request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
                SendAsync(request with { SourceId = id, IsMatter = true, ExpectedVersion = Versioning.RequiredIfMatch(context) }, sender, context, cancellationToken))
            .WithName("ConvertDiaryMatterToSuggestion")
            .WithDescription("A kind of matter 同类事项 " + SuggestionDescription)
            .WithSummary("Turns a kind of matter into a suggestion; needs If-Match.")
            .Conversion();
    }

    private static RouteHandlerBuilder Conversion(this RouteHandlerBuilder endpoint) =>
        endpoint
            .ProducesETag()
            .RequireCapability(Capability.KeepDiary)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<DiaryConverted>> SendAsync(ICommand<DiaryConverted> command, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var converted = await sender.Send(command, cancellationToken);
        Versioning.SetETag(context, converted.Version);
        return TypedResults.Ok(converted);
    }
}
