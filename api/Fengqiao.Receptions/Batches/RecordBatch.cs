using System.Globalization;
using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Receptions;
using Fengqiao.Receptions.MustVisits;
using Fengqiao.Receptions.Schedule;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Batches;

/// <summary>A petitioner named in a batch; ID number and phone are stored encrypted and shown masked.</summary>
internal sealed record BatchPetitionerInput(string Name, string? IdNumber, string? Phone);

/// <summary>The petition to register from the batch: its category, and its region when not the reception's own.</summary>
internal sealed record NewBatchPetition(string Category, Guid? RegionId, string? Facts, bool Urgent);

/// <summary>
/// Records a batch (批次) received at a held reception: its persons (人次) and named petitioners, the matter, the petition it is
/// about (an existing one the caller may read, or a new one registered from it through intake) and the outcome. An assigned
/// batch (交办) accepts the petition with the leader's <see cref="Instruction"/> and the <see cref="Notice"/> the petitioner
/// receives, so the dispatch module opens its case for the petition bureau to assign.
/// </summary>
internal sealed record RecordReceptionBatch(
    int Persons,
    IReadOnlyList<BatchPetitionerInput> Petitioners,
    string Matter,
    BatchOutcome Outcome,
    Guid? PetitionId,
    NewBatchPetition? NewPetition,
    string? Instruction,
    string? Notice) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid ReceptionId { get; init; }
}

internal sealed class RecordReceptionBatchValidator : AbstractValidator<RecordReceptionBatch>
{
    public RecordReceptionBatchValidator(TimeProvider clock)
    {
        RuleFor(c => c.Petitioners).NotNull().Must(p => p is null || p.Count <= 50).WithMessage("At most 50 petitioners.");
        RuleForEach(c => c.Petitioners).NotNull().SetValidator(new BatchPetitionerValidator(clock));
        RuleFor(c => c.Persons).InclusiveBetween(1, 100_000);
        RuleFor(c => c.Persons).Must((c, persons) => persons >= BatchRules.MinimumPersons(c.Petitioners?.Count ?? 0))
            .WithMessage("The number of persons cannot be smaller than the number of petitioners named.");
        RuleFor(c => c.Matter).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Outcome).IsInEnum();
        RuleFor(c => c.NewPetition).Null().When(c => c.PetitionId is not null).WithMessage("Either link an existing petition or register a new one, not both.");
        RuleFor(c => c.PetitionId).NotEmpty().When(c => c.Outcome == BatchOutcome.Assigned && c.NewPetition is null)
            .WithMessage("An assigned batch links an existing petition or registers a new one.");
        RuleFor(c => c.Instruction).NotEmpty().When(c => c.Outcome == BatchOutcome.Assigned).WithMessage("Give the leader's instruction for the assignment.");
        RuleFor(c => c.Instruction).Null().When(c => c.Outcome != BatchOutcome.Assigned).WithMessage("Only an assigned batch carries an instruction.");
        RuleFor(c => c.Instruction).MaximumLength(2000);
        RuleFor(c => c.Notice).NotEmpty().When(c => c.Outcome == BatchOutcome.Assigned).WithMessage("Give the notice the petitioner receives on acceptance.");
        RuleFor(c => c.Notice).Null().When(c => c.Outcome != BatchOutcome.Assigned).WithMessage("Only an assigned batch accepts a petition with a notice.");
        RuleFor(c => c.Notice).MaximumLength(4000);
        RuleFor(c => c.Petitioners).NotEmpty().When(c => c.NewPetition is not null).WithMessage("A new petition names at least one petitioner.");
        When(c => c.NewPetition is not null, () =>
        {
            RuleFor(c => c.NewPetition!.Category).NotEmpty().MaximumLength(40).OverridePropertyName("newPetition.category");
            RuleFor(c => c.NewPetition!.Facts).MaximumLength(8000).OverridePropertyName("newPetition.facts");
        });
    }
}

internal sealed class BatchPetitionerValidator : AbstractValidator<BatchPetitionerInput>
{
    public BatchPetitionerValidator(TimeProvider clock)
    {
        RuleFor(p => p.Name).NotEmpty().MaximumLength(50);
        RuleFor(p => p.IdNumber)
            .Must(id => IdentityNumbers.IsValidIdNumber(id!.Trim(), WorkCalendar.LocalDate(clock.GetUtcNow())))
            .When(p => !string.IsNullOrWhiteSpace(p.IdNumber))
            .WithMessage("Not a valid resident identity number (GB 11643: 18 characters with a matching check digit).");
        RuleFor(p => p.Phone)
            .Must(phone => IdentityNumbers.IsValidPhone(IdentityNumbers.NormalisePhone(phone!)))
            .When(p => !string.IsNullOrWhiteSpace(p.Phone))
            .WithMessage("Not a mainland mobile (1xxxxxxxxxx) or landline with area code (0xxx-xxxxxxxx).");
    }
}

internal sealed class RecordReceptionBatchHandler(
    IDbSession session,
    ICurrentUser caller,
    ReceptionStore store,
    IPetitionRegistration petitions,
    PersonalDataProtector protector,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock) : ICommandHandler<RecordReceptionBatch, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RecordReceptionBatch command, CancellationToken cancellationToken)
    {
        var reception = await store.GetAsync(command.ReceptionId, cancellationToken);
        ReceptionActions.Require(ReceptionAction.RecordBatch, reception.Kind, reception.Status, reception.HostUserId, caller);
        var now = clock.GetUtcNow();
        var receiver = new PetitionReceiver(caller.UserId, caller.UnitId, caller.RegionPath ?? string.Empty);
        var petition = command.PetitionId is { } petitionId
            ? await petitions.FindReadableAsync(petitionId, cancellationToken)
                ?? throw ReceptionStore.Invalid(nameof(RecordReceptionBatch.PetitionId), "No such petition you may read.")
            : command.NewPetition is { } newPetition
                ? await RegisterAsync(command, newPetition, reception, receiver, now, cancellationToken)
                : null;
        if (command.Outcome == BatchOutcome.Assigned)
        {
            await petitions.AcceptAsync(petition!.Id, command.Notice!.Trim(), command.Instruction!.Trim(), receiver, cancellationToken);
        }

        // A leader's visit planned from a must-visit proposal receives must-visit batches (四个必访).
        var isMustVisit = await session.ExecuteScalarAsync<long>(MustVisitSql.IsPlanned, new { ReceptionId = reception.Id }, cancellationToken) > 0;
        var id = Guid.CreateVersion7(now);
        var ordinal = await session.ExecuteScalarAsync<int>(BatchSql.NextOrdinal, new { ReceptionId = reception.Id }, cancellationToken);
        await session.ExecuteAsync(
            BatchSql.Insert,
            new
            {
                Id = id,
                ReceptionId = reception.Id,
                Ordinal = ordinal,
                command.Persons,
                Matter = command.Matter.Trim(),
                PetitionId = petition?.Id,
                PetitionNumber = petition?.Number,
                PetitionRegistered = command.NewPetition is not null,
                Outcome = command.Outcome.ToString(),
                Instruction = command.Instruction?.Trim(),
                IsMustVisit = isMustVisit,
                Kind = reception.Kind.ToString(),
                Level = reception.Level.ToString(),
                reception.HostUserId,
                reception.HostName,
                reception.UnitId,
                reception.RegionPath,
                reception.Day,
                RecordedBy = caller.UserId,
                RecordedAt = now,
            },
            cancellationToken);
        for (var index = 0; index < command.Petitioners.Count; index++)
        {
            await session.ExecuteAsync(BatchSql.InsertPetitioner, Protected(id, index, command.Petitioners[index], now), cancellationToken);
        }

        audit.Record(new AuditEntry("reception.batch_recorded", "reception_batch", id, After: new
        {
            ReceptionId = reception.Id, ordinal, command.Persons, NamedPetitioners = command.Petitioners.Count, command.Outcome, PetitionId = petition?.Id,
            PetitionNumber = petition?.Number, PetitionRegistered = command.NewPetition is not null,
        }));
        events.Publish(new ReceptionBatchRecorded(Guid.CreateVersion7(now), now, reception.Id, reception.Kind.ToSnakeCase(), reception.Level.ToSnakeCase(), reception.HostUserId,
            reception.UnitId, reception.RegionPath, reception.Day, id, command.Persons, command.Outcome.ToSnakeCase(), isMustVisit, petition?.Id));
        return new EntityVersion(id, 1);
    }

    private async Task<PetitionReference> RegisterAsync(
        RecordReceptionBatch command, NewBatchPetition newPetition, ReceptionRow reception, PetitionReceiver receiver, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var received = new ReceivedPetition(
            BatchRules.ChannelOf(reception.Kind),
            command.Petitioners.Select(p => new ReceivedPetitioner(p.Name, p.IdNumber, p.Phone)).ToList(),
            command.Persons,
            command.Matter.Trim(),
            newPetition.Facts?.Trim() ?? string.Empty,
            newPetition.Category,
            newPetition.RegionId ?? reception.RegionId,
            ReceivedAt(reception, now),
            newPetition.Urgent,
            receiver);
        try
        {
            return await petitions.RegisterAsync(received, cancellationToken);
        }
        catch (ValidationException refused)
        {
            // Intake names the fields of the petition it was given; the caller sent them as this batch's.
            throw new ValidationException(refused.Errors.Select(f => new ValidationFailure(BatchFieldOf(f.PropertyName), f.ErrorMessage)).ToList());
        }
    }

    private static string BatchFieldOf(string petitionField) => petitionField switch
    {
        nameof(ReceivedPetition.Request) => nameof(RecordReceptionBatch.Matter),
        nameof(ReceivedPetition.Category) => "newPetition.category",
        nameof(ReceivedPetition.RegionId) => "newPetition.regionId",
        nameof(ReceivedPetition.Facts) => "newPetition.facts",
        _ => petitionField,
    };

    /// <summary>The reception's start (local time) as the moment received; a reception recorded before its start counts as received now.</summary>
    private static DateTimeOffset ReceivedAt(ReceptionRow reception, DateTimeOffset now)
    {
        var start = reception.Day.ToDateTime(TimeOnly.ParseExact(reception.StartsAt, "HH:mm", CultureInfo.InvariantCulture));
        var startsAt = new DateTimeOffset(start, WorkCalendar.ChinaStandardTime.GetUtcOffset(start));
        return startsAt < now ? startsAt : now;
    }

    private object Protected(Guid batchId, int ordinal, BatchPetitionerInput person, DateTimeOffset now)
    {
        var idNumber = string.IsNullOrWhiteSpace(person.IdNumber) ? null : person.IdNumber.Trim().ToUpperInvariant();
        var phone = string.IsNullOrWhiteSpace(person.Phone) ? null : IdentityNumbers.NormalisePhone(person.Phone);
        return new
        {
            Id = Guid.CreateVersion7(now),
            BatchId = batchId,
            Ordinal = ordinal,
            Name = person.Name.Trim(),
            IdNumberCipher = idNumber is null ? null : protector.Encrypt(idNumber),
            IdNumberHash = idNumber is null ? null : protector.Hash(idNumber),
            IdNumberMasked = idNumber is null ? null : PersonalDataProtector.MaskIdNumber(idNumber),
            PhoneCipher = phone is null ? null : protector.Encrypt(phone),
            PhoneHash = phone is null ? null : protector.Hash(phone),
            PhoneMasked = phone is null ? null : PersonalDataProtector.MaskPhone(phone),
        };
    }
}

internal static class RecordReceptionBatchEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapPost("/{id:guid}/batches", Handle)
            .WithName("RecordReceptionBatch")
            .WithDescription("Records a batch (批次) received at a held reception: the persons (人次) and named petitioners, the matter, the petition it is about (an existing one the caller may read, or a new one registered from it through intake) and the outcome: solved on the spot, explained, or assigned (交办) with the leader's instruction, which accepts the petition and opens its case. 400 names inconsistent fields (both or neither petition, an instruction without assignment, ...); 409 when the reception is not held.")
            .ProducesETag()
            .WithSummary("Records a batch received at a held reception: persons, named petitioners, the petition (linked or new) and the outcome.")
            .RequireRoles(ReceptionActions.RolesFor(ReceptionAction.RecordBatch))
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Created<EntityVersion>> Handle(Guid id, RecordReceptionBatch request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request with { ReceptionId = id }, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/receptions/{id}", created);
    }
}
