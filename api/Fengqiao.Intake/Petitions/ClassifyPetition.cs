using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Intake;
using Fengqiao.Intake.Routing;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.Petitions;

/// <summary>
/// Classifies a registered petition (Art 28–31): accept for handling, not accept, divert to a legal channel,
/// refer an accusation to discipline inspection, convert to a suggestion or refer to mediation. Every
/// decision carries the notice the petitioner receives. Needs If-Match. A petition on a matter made final (Art 36¶3) is
/// accepted only with the new facts or reasons recorded as <see cref="Reason"/>.
/// </summary>
internal sealed record ClassifyPetition(Decision Decision, string? Reason, string Notice, LegalChannel? LegalChannel) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid PetitionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }

    /// <summary>A leader's instruction when accepting at a reception (交办), passed to the case; set only by <see cref="PetitionRegistration"/>.</summary>
    [JsonIgnore]
    public string? Instruction { get; init; }
}

internal sealed class ClassifyPetitionValidator : AbstractValidator<ClassifyPetition>
{
    public ClassifyPetitionValidator()
    {
        RuleFor(c => c.Decision).IsInEnum();
        RuleFor(c => c.Notice).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Decision != Decision.Accept).WithMessage("Give the reason for this decision.");
        RuleFor(c => c.Reason).MaximumLength(2000);
        RuleFor(c => c.LegalChannel).NotNull().When(c => c.Decision == Decision.Divert).WithMessage("Name the legal channel the matter is diverted to.");
        RuleFor(c => c.LegalChannel).Null().When(c => c.Decision != Decision.Divert).WithMessage("Only a diversion names a legal channel.");
    }
}

internal static class ClassifySql
{
    public const string Decide = """
        UPDATE intake_petitions
        SET status = @Status, decision = @Decision, decision_reason = @Reason, decision_notice = @Notice, legal_channel = @LegalChannel,
            decided_at = @Now, decided_by = @DecidedBy, suggested_unit_id = @SuggestedUnitId, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string IsFirstTime = "SELECT is_first_time FROM intake_petitions WHERE id = @Id";

    /// <summary>
    /// The petitions whose flags may name this one: those sharing a petitioner's ID hash with it, or a text band key in its region
    /// and category (how registration found it), read through the same indexes.
    /// </summary>
    public const string PetitionsThatMayName = """
        SELECT p.id AS Id, p.flag_reasons AS FlagReasons
        FROM intake_petitions p
        WHERE p.id <> @Id AND p.id IN (
            SELECT other.petition_id
            FROM intake_petitioners own
            JOIN intake_petitioners other ON other.id_number_hash = own.id_number_hash
            WHERE own.petition_id = @Id AND own.id_number_hash IS NOT NULL
            UNION
            SELECT other.petition_id
            FROM intake_text_keys own
            JOIN intake_text_keys other ON other.region_id = own.region_id AND other.category = own.category AND other.band_key = own.band_key
            WHERE own.region_id = @RegionId AND own.category = @Category AND own.petition_id = @Id)
        """;

    public const string AccusationsAmong = "SELECT number FROM intake_petitions WHERE number IN @Numbers AND status = 'ReferredToDiscipline'";

    public const string Relist = """
        UPDATE intake_petitions SET is_first_time = @IsFirstTime, is_repeat = @IsRepeat, is_final_matter = @IsFinalMatter WHERE id = @Id
        """;
}

internal sealed record FlaggedPetitionRow
{
    public required Guid Id { get; init; }

    public required string FlagReasons { get; init; }
}

internal sealed class ClassifyPetitionHandler(
    IDbSession session,
    ICurrentUser caller,
    PetitionReader reader,
    RoutingRules routing,
    Timeline timeline,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock) : ICommandHandler<ClassifyPetition, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ClassifyPetition command, CancellationToken cancellationToken)
    {
        var petition = await reader.GetForChangeAsync(command.PetitionId, command.ExpectedVersion, cancellationToken);
        PetitionActions.Require(PetitionAction.Classify, petition, caller);

        var finalPetitions = command.Decision == Decision.Accept ? FinalMatterNumbers(petition) : [];
        if (finalPetitions.Count > 0 && string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new ConflictException("final_matter", await FinalDecisionCitationAsync(finalPetitions, cancellationToken));
        }

        var now = clock.GetUtcNow();
        var status = PetitionStatuses.After(command.Decision);
        var suggestedUnit = command.Decision == Decision.Accept ? await routing.SuggestLeadUnitAsync(petition.Category, petition.RegionPath, cancellationToken) : null;
        var changed = await session.ExecuteAsync(
            ClassifySql.Decide,
            new
            {
                Id = petition.Id,
                Status = status.ToString(),
                Decision = command.Decision.ToString(),
                Reason = command.Reason?.Trim(),
                Notice = command.Notice.Trim(),
                LegalChannel = command.LegalChannel?.ToString(),
                Now = now,
                DecidedBy = caller.UserId,
                SuggestedUnitId = suggestedUnit,
                command.ExpectedVersion,
            },
            cancellationToken);
        if (changed == 0)
        {
            throw new PreconditionFailedException(command.ExpectedVersion);
        }

        await timeline.AddByCallerAsync(petition.Id, Enum.Parse<TimelineKind>(status.ToString()), true, command.Notice.Trim(), cancellationToken);
        audit.Record(new AuditEntry("petition.classified", "petition", petition.Id,
            new { petition.Status, petition.Version },
            new { Status = status, command.Decision, command.Reason, command.LegalChannel, SuggestedUnitId = suggestedUnit, Version = petition.Version + 1 })
        {
            DisciplineOnly = status == PetitionStatus.ReferredToDiscipline,
        });
        if (finalPetitions.Count > 0)
        {
            audit.Record(new AuditEntry("petition.final_matter_accepted_as_new", "petition", petition.Id,
                new { FinalPetitions = finalPetitions }, new { NewFactsOrReasons = command.Reason!.Trim() }));
        }

        if (command.Decision == Decision.ReferToDiscipline)
        {
            await RelistPetitionsNamingAsync(petition, cancellationToken);
        }

        // Dispatch shows the flags to the units handling the case: as the classifying officer sees them, so without accusations.
        var flags = await reader.FlagsAsSeenAsync(PetitionFlags.Parse(petition.FlagReasons), cancellationToken);
        PublishEvents(command, petition, suggestedUnit, now, await session.ExecuteScalarAsync<bool>(ClassifySql.IsFirstTime, new { petition.Id }, cancellationToken), flags);
        return new EntityVersion(petition.Id, petition.Version + 1);
    }

    /// <summary>
    /// Once a petition is accusation material, later petitions whose repeat or final-matter flag rested only on it show in
    /// the worklist as their other readers see them (<see cref="PetitionInsert.ListedFlags"/>); their stored reasons keep it
    /// for discipline inspectors.
    /// </summary>
    private async Task RelistPetitionsNamingAsync(PetitionRow accusation, CancellationToken cancellationToken)
    {
        var candidates = await session.QueryAsync<FlaggedPetitionRow>(
            ClassifySql.PetitionsThatMayName, new { accusation.Id, accusation.RegionId, accusation.Category }, cancellationToken);
        foreach (var candidate in candidates)
        {
            var flags = PetitionFlags.Parse(candidate.FlagReasons);
            var numbers = FlagVisibility.RelatedNumbers(flags);
            if (!numbers.Contains(accusation.Number, StringComparer.Ordinal))
            {
                continue;
            }

            var accusations = (await session.QueryAsync<string>(ClassifySql.AccusationsAmong, new { Numbers = numbers }, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var listed = FlagVisibility.AsSeen(flags, numbers.Select(n => new RelatedPetition { Number = n, IsVisible = !accusations.Contains(n), IsAccusation = accusations.Contains(n) }).ToList());
            await session.ExecuteAsync(
                ClassifySql.Relist,
                new
                {
                    candidate.Id,
                    IsFirstTime = listed.Any(f => f.Flag == PetitionFlag.FirstTime),
                    IsRepeat = listed.Any(f => f.Flag == PetitionFlag.Repeat),
                    IsFinalMatter = listed.Any(f => f.Flag == PetitionFlag.FinalMatter),
                },
                cancellationToken);
        }
    }

    private static List<string> FinalMatterNumbers(PetitionRow petition) =>
        PetitionFlags.Parse(petition.FlagReasons)
            .Where(f => f.Flag == PetitionFlag.FinalMatter)
            .SelectMany(f => f.Related)
            .Distinct()
            .ToList();

    /// <summary>Cites the final decisions the caller may see; one outside their jurisdiction is named only as such.</summary>
    private async Task<string> FinalDecisionCitationAsync(IReadOnlyList<string> finalPetitions, CancellationToken cancellationToken)
    {
        var finals = await session.QueryAsync<FinalDecision>(PetitionSql.FinalDecisionsOf, reader.Parameters(new { Numbers = finalPetitions }), cancellationToken);
        var cited = finals.Count > 0
            ? string.Join("; ", finals.Select(f => $"{f.Number}, final on {WorkCalendar.LocalDate(f.FinalAt):yyyy-MM-dd}"))
            : "a petition outside your jurisdiction";
        return $"The matter was made final after re-review (Art 36¶3): {cited}. It is not accepted again on the same facts and reasons; "
            + "to accept it, record the new facts or reasons as the reason.";
    }

    private sealed record FinalDecision
    {
        public required string Number { get; init; }

        public required DateTimeOffset FinalAt { get; init; }
    }

    internal static string Summarise(string request) => request.Length <= 120 ? request : request[..120] + "…";

    private void PublishEvents(ClassifyPetition command, PetitionRow petition, Guid? suggestedUnit, DateTimeOffset now, bool isFirstTime, IReadOnlyList<FlagReason> flagReasons)
    {
        var text = $"{petition.RequestText}\n{petition.FactsText}\n{petition.ReasonsText}".Trim();
        events.Publish(new PetitionClassified(Guid.CreateVersion7(now), now, petition.Id, petition.Number, command.Decision.ToSnakeCase(),
            command.LegalChannel is { } channel ? channel.ToSnakeCase() : null, command.Notice.Trim()));
        switch (command.Decision)
        {
            case Decision.Accept:
                var flags = flagReasons.Select(f => f.Flag.ToSnakeCase()).Distinct().ToList();
                events.Publish(new PetitionAccepted(Guid.CreateVersion7(now), now, petition.Id, petition.Number, petition.Category, petition.RegionId,
                    petition.RegionPath, petition.ReceivedAt, suggestedUnit, isFirstTime, flags, Summarise(petition.RequestText), command.Instruction));
                break;
            case Decision.ConvertToSuggestion:
                events.Publish(new PetitionConvertedToSuggestion(Guid.CreateVersion7(now), now, petition.Id, petition.Number, petition.RegionId, petition.Category, text));
                break;
            case Decision.ReferToMediation:
                events.Publish(new PetitionReferredToMediation(Guid.CreateVersion7(now), now, petition.Id, petition.Number, petition.RegionId, petition.Category, text));
                break;
        }
    }
}

internal static class ClassifyPetitionEndpoint
{
    public static void Map(IEndpointRouteBuilder petitions) =>
        petitions.MapPost("/{id:guid}/classification", Handle)
            .WithName("ClassifyPetition")
            .WithSummary("Decides what becomes of a registered petition: accept, not accept, divert, refer or convert.")
            .WithDescription("Records the acceptance decision (信访事项受理): accept for handling (a case is opened for dispatch), not accept, divert to a legal channel (litigation, arbitration, administrative review, ...), refer an accusation to discipline inspection, convert to a people's suggestion or refer to mediation. Every decision carries the notice the petitioner receives; all but acceptance need a reason. 409 when the petition is no longer awaiting a decision, or when its matter already has a final decision (the problem cites it).")
            .ProducesETag()
            .RequireRoles(PetitionActions.RolesFor(PetitionAction.Classify))
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems()
            .WithRequestExample(new ClassifyPetition(
                Decision.Accept,
                Reason: null,
                Notice: "你反映的房产证办理问题属于本机关职责范围，现予受理，将在法定期限内书面答复。",
                LegalChannel: null));

    private static async Task<Ok<EntityVersion>> Handle(Guid id, ClassifyPetition request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { PetitionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
