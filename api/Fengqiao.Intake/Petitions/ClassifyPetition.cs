using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
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
/// decision carries the notice the petitioner receives. Needs If-Match.
/// </summary>
internal sealed record ClassifyPetition(Decision Decision, string? Reason, string Notice, LegalChannel? LegalChannel) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid PetitionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
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
        if (!PetitionStatuses.IsOpenForDecision(petition.Status))
        {
            throw new ConflictException("invalid_state", $"The petition is {petition.Status.ToSnakeCase()}; only a registered petition can be classified.");
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
        PublishEvents(command, petition, suggestedUnit, now, await session.ExecuteScalarAsync<bool>(ClassifySql.IsFirstTime, new { petition.Id }, cancellationToken));
        return new EntityVersion(petition.Id, petition.Version + 1);
    }

    private static string Summarise(string request) => request.Length <= 120 ? request : request[..120] + "…";

    private void PublishEvents(ClassifyPetition command, PetitionRow petition, Guid? suggestedUnit, DateTimeOffset now, bool isFirstTime)
    {
        var text = $"{petition.RequestText}\n{petition.FactsText}\n{petition.ReasonsText}".Trim();
        events.Publish(new PetitionClassified(Guid.CreateVersion7(now), now, petition.Id, petition.Number, command.Decision.ToSnakeCase(),
            command.LegalChannel is { } channel ? channel.ToSnakeCase() : null, command.Notice.Trim()));
        switch (command.Decision)
        {
            case Decision.Accept:
                var flags = (System.Text.Json.JsonSerializer.Deserialize<List<FlagReason>>(petition.FlagReasons, PetitionRegistrar.FlagJson) ?? [])
                    .Select(f => f.Flag.ToSnakeCase()).Distinct().ToList();
                events.Publish(new PetitionAccepted(Guid.CreateVersion7(now), now, petition.Id, petition.Number, petition.Category, petition.RegionId,
                    petition.RegionPath, petition.ReceivedAt, suggestedUnit, isFirstTime, flags, Summarise(petition.RequestText)));
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
            .RequireRoles(Role.PetitionOfficer, Role.Leader)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, ClassifyPetition request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { PetitionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
