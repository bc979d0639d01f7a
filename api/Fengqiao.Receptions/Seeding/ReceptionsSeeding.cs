using System.Text.Json;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Contracts.Receptions;
using Fengqiao.Receptions.Batches;
using Fengqiao.Receptions.MustVisits;
using Fengqiao.Receptions.Registers;
using Fengqiao.Receptions.Schedule;

namespace Fengqiao.Receptions.Seeding;

/// <summary>
/// A petition a seeded batch registers and assigns through intake's contract, received by <see cref="Receiver"/>; with
/// <see cref="FollowUpOn"/>, the receiving leader meets the petitioners again about it by appointment (约访) that day.
/// </summary>
public sealed record SeedAssignment(string Category, string Facts, string Notice, string Instruction, PetitionReceiver Receiver, DateOnly? FollowUpOn);

/// <summary>A seeded batch: its persons, named petitioners, matter and outcome; an assigned one carries its <see cref="SeedAssignment"/>.</summary>
public sealed record SeedBatch(int Persons, IReadOnlyList<ReceivedPetitioner> Petitioners, string Matter, BatchOutcome Outcome, SeedAssignment? Assignment);

/// <summary>A seeded leader's visit planned from the must-visit proposal of <see cref="Month"/> (yyyy-MM) for its town, for these reasons.</summary>
public sealed record SeedMustVisit(string Month, Guid DistrictId, IReadOnlyList<MustVisitReason> Reasons);

/// <summary>A major policy of the register, for a town or village.</summary>
public sealed record SeedPolicy(string Title, RegionSnapshot Region, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string? Note);

/// <summary>An emergency of the register, at a town or village.</summary>
public sealed record SeedIncident(RegionSnapshot Region, DateOnly Day, string Description);

/// <summary>A seeded reception: held ones carry their batches, later ones are only scheduled; a must-visit names its proposal.</summary>
public sealed record SeedReception(
    ReceptionKind Kind,
    ReceptionLevel Level,
    Guid? HostUserId,
    string? HostName,
    Guid? UnitId,
    string? UnitName,
    RegionSnapshot Region,
    DateOnly Day,
    string StartsAt,
    string EndsAt,
    string Place,
    string? Theme,
    string? Purpose,
    bool IsPublished,
    bool Held,
    IReadOnlyList<SeedBatch> Batches,
    SeedMustVisit? MustVisit = null);

/// <summary>
/// The receptions module's one seam for demo data: stores receptions and batches with this module's statements in one unit of
/// work, and registers and accepts an assigned batch's petition through <see cref="IPetitionRegistration"/> as recording it would,
/// so its case reaches the dispatch module's worklist. The receptions' events (scheduled, held, must-visit planned, batch recorded)
/// are recorded as history, stamped as their rows are: no consumer acts on them, a rebuilt projection (the metrics) counts them.
/// </summary>
public sealed class ReceptionsSeeding(IDbSession session, IPetitionRegistration petitions, IEventPublisher events, UnitOfWork unitOfWork, TimeProvider clock)
{
    public async Task<bool> AnyReceptionAsync(CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(SeedingSql.Any, null, cancellationToken) > 0;

    /// <summary>Stores the receptions (and the appointments following up their assignments); answers the number of batches.</summary>
    public async Task<int> LoadAsync(IReadOnlyList<SeedReception> receptions, CancellationToken cancellationToken) =>
        await unitOfWork.ExecuteAsync(async token =>
        {
            var batches = 0;
            var now = clock.GetUtcNow();
            foreach (var reception in receptions)
            {
                batches += await InsertReceptionAsync(reception, null, now, token);
            }

            return batches;
        }, cancellationToken);

    /// <summary>Stores the must-visit registers: major policies and emergencies.</summary>
    public async Task LoadRegistersAsync(IReadOnlyList<SeedPolicy> policies, IReadOnlyList<SeedIncident> incidents, CancellationToken cancellationToken) =>
        await unitOfWork.ExecuteAsync(async token =>
        {
            var now = clock.GetUtcNow();
            foreach (var policy in policies)
            {
                await session.ExecuteAsync(RegisterSql.InsertPolicy, new
                {
                    Id = Guid.CreateVersion7(now),
                    policy.Title,
                    RegionId = policy.Region.Id,
                    RegionPath = policy.Region.Path,
                    RegionName = policy.Region.Name,
                    policy.EffectiveFrom,
                    policy.EffectiveTo,
                    policy.Note,
                    RegisteredBy = (Guid?)null,
                    RegisteredAt = now,
                }, token);
            }

            foreach (var incident in incidents)
            {
                await session.ExecuteAsync(RegisterSql.InsertIncident, new
                {
                    Id = Guid.CreateVersion7(now),
                    RegionId = incident.Region.Id,
                    RegionPath = incident.Region.Path,
                    RegionName = incident.Region.Name,
                    incident.Day,
                    incident.Description,
                    RegisteredBy = (Guid?)null,
                    RegisteredAt = now,
                }, token);
            }

            return true;
        }, cancellationToken);

    private async Task<int> InsertReceptionAsync(SeedReception reception, PetitionReference? about, DateTimeOffset now, CancellationToken token)
    {
        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(ReceptionSql.Insert, new
        {
            Id = id,
            Kind = reception.Kind.ToString(),
            Status = (reception.Held ? ReceptionStatus.Held : ReceptionStatus.Scheduled).ToString(),
            Level = reception.Level.ToString(),
            reception.HostUserId,
            reception.HostName,
            reception.UnitId,
            reception.UnitName,
            RegionId = reception.Region.Id,
            RegionPath = reception.Region.Path,
            RegionName = reception.Region.Name,
            reception.Day,
            reception.StartsAt,
            reception.EndsAt,
            reception.Place,
            reception.Theme,
            reception.Purpose,
            reception.IsPublished,
            PetitionId = about?.Id,
            PetitionNumber = about?.Number,
            ScheduledBy = (Guid?)null,
            ScheduledAt = now,
        }, token);
        var (kind, level) = (reception.Kind.ToSnakeCase(), reception.Level.ToSnakeCase());
        events.RecordHistory(new ReceptionScheduled(Guid.CreateVersion7(now), now, id, kind, level, reception.HostUserId, reception.UnitId, reception.Region.Path,
            reception.Day, reception.IsPublished));
        if (reception.Held)
        {
            await session.ExecuteAsync(SeedingSql.Held, new { Id = id, HeldAt = now }, token);
            events.RecordHistory(new ReceptionHeld(Guid.CreateVersion7(now), now, id, kind, level, reception.HostUserId, reception.UnitId, reception.Region.Path, reception.Day));
        }

        if (reception.MustVisit is { } mustVisit)
        {
            await session.ExecuteAsync(MustVisitSql.InsertPlan, new
            {
                ReceptionId = id,
                mustVisit.Month,
                mustVisit.DistrictId,
                TownId = reception.Region.Id,
                TownPath = reception.Region.Path,
                TownName = reception.Region.Name,
                Reasons = JsonSerializer.Serialize(new { Reasons = mustVisit.Reasons.Select(r => r.ToSnakeCase()) }, JsonSerializerOptions.Web),
                PlannedBy = (Guid?)null,
                PlannedAt = now,
            }, token);
            events.RecordHistory(new MustVisitPlanned(Guid.CreateVersion7(now), now, id, kind, level, reception.HostUserId, reception.UnitId, reception.Region.Path,
                reception.Day, mustVisit.Month, reception.Region.Id, mustVisit.Reasons.Select(r => r.ToSnakeCase()).ToList()));
        }

        var batches = reception.Batches.Count;
        for (var ordinal = 0; ordinal < reception.Batches.Count; ordinal++)
        {
            batches += await InsertBatchAsync(id, ordinal + 1, reception, reception.Batches[ordinal], about, now, token);
        }

        return batches;
    }

    /// <summary>Stores a batch; answers the batches of the appointment that follows it up.</summary>
    private async Task<int> InsertBatchAsync(
        Guid receptionId, int ordinal, SeedReception reception, SeedBatch batch, PetitionReference? about, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var petition = about;
        if (batch.Assignment is { } assignment)
        {
            var receivedAt = new DateTimeOffset(reception.Day.ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(8));
            petition = await petitions.RegisterAsync(
                new ReceivedPetition(BatchRules.ChannelOf(reception.Kind), batch.Petitioners, batch.Persons, batch.Matter, assignment.Facts, assignment.Category,
                    reception.Region.Id, receivedAt, false, assignment.Receiver),
                cancellationToken);
            await petitions.AcceptAsync(petition.Id, assignment.Notice, assignment.Instruction, assignment.Receiver, cancellationToken);
        }

        var batchId = Guid.CreateVersion7(now);
        await session.ExecuteAsync(BatchSql.Insert, new
        {
            Id = batchId,
            ReceptionId = receptionId,
            Ordinal = ordinal,
            batch.Persons,
            batch.Matter,
            PetitionId = petition?.Id,
            PetitionNumber = petition?.Number,
            PetitionRegistered = batch.Assignment is not null,
            Outcome = batch.Outcome.ToString(),
            Instruction = batch.Assignment?.Instruction,
            IsMustVisit = reception.MustVisit is not null,
            Kind = reception.Kind.ToString(),
            Level = reception.Level.ToString(),
            reception.HostUserId,
            reception.HostName,
            reception.UnitId,
            RegionPath = reception.Region.Path,
            reception.Day,
            RecordedBy = (Guid?)null,
            RecordedAt = now,
        }, cancellationToken);
        events.RecordHistory(new ReceptionBatchRecorded(Guid.CreateVersion7(now), now, receptionId, reception.Kind.ToSnakeCase(), reception.Level.ToSnakeCase(),
            reception.HostUserId, reception.UnitId, reception.Region.Path, reception.Day, batchId, batch.Persons, batch.Outcome.ToSnakeCase(), reception.MustVisit is not null,
            petition?.Id));
        for (var index = 0; index < batch.Petitioners.Count; index++)
        {
            // Demo petitioners are named only: no ID number or phone to protect.
            await session.ExecuteAsync(BatchSql.InsertPetitioner, new
            {
                Id = Guid.CreateVersion7(now),
                BatchId = batchId,
                Ordinal = index,
                batch.Petitioners[index].Name,
                IdNumberCipher = (string?)null,
                IdNumberHash = (string?)null,
                IdNumberMasked = (string?)null,
                PhoneCipher = (string?)null,
                PhoneHash = (string?)null,
                PhoneMasked = (string?)null,
            }, cancellationToken);
        }

        if (batch.Assignment is not { FollowUpOn: { } day } || petition is null)
        {
            return 0;
        }

        var held = day <= WorkCalendar.LocalDate(now);
        var followUp = reception with
        {
            Kind = ReceptionKind.Appointment,
            MustVisit = null,
            Day = day,
            StartsAt = "14:00",
            EndsAt = "15:00",
            Theme = null,
            Purpose = null,
            IsPublished = false,
            Held = held,
            Batches = held ? [batch with { Persons = batch.Petitioners.Count, Outcome = BatchOutcome.Explained, Assignment = null }] : [],
        };
        return await InsertReceptionAsync(followUp, petition, now, cancellationToken);
    }
}

internal static class SeedingSql
{
    public const string Any = "SELECT COUNT(*) FROM receptions_receptions";

    public const string Held = "UPDATE receptions_receptions SET status = 'Held', held_at = @HeldAt WHERE id = @Id";
}
