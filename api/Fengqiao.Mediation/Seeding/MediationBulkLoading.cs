using System.Diagnostics;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Contracts.Organization;
using Fengqiao.Mediation.Disputes;
using Fengqiao.Mediation.Outcomes;
using Fengqiao.Mediation.Sessions;

namespace Fengqiao.Mediation.Seeding;

/// <summary>
/// A generated dispute for the benchmarks: accepted, with its sessions (held when past, booked when ahead), and agreed when
/// <see cref="Agreed"/>. Each session lasts an hour from its start; the generator keeps a room's and a mediator's hours apart.
/// </summary>
public sealed record BulkDispute(
    SeedRoomRef Room,
    RegionSnapshot Region,
    string Summary,
    string Claims,
    decimal? AmountClaimed,
    string ApplicantName,
    string RespondentName,
    DateTimeOffset RegisteredAt,
    bool Agreed,
    IReadOnlyList<DateTimeOffset> SessionStarts);

public sealed record BulkDisputeProgress(int Disputes, long Sessions, long Rows, TimeSpan Elapsed);

/// <summary>
/// Loads generated disputes with this module's own statements, as registration, consent, booking (claiming the room's and the
/// lead mediator's slots), holding and agreement store them, in transactions of <see cref="BatchSize"/> disputes. No events
/// are recorded: the benchmarks measure the mediation lists and bookings, not the metrics.
/// </summary>
public sealed class MediationBulkLoading(IDbSession session, UnitOfWork unitOfWork, TimeProvider clock, IRuleSets ruleSets, WorkCalendar calendar)
{
    private const int BatchSize = 1000;

    public async Task<long> DisputeCountAsync(CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(MediationSeedingSql.AnyDispute, null, cancellationToken);

    public async Task<BulkDisputeProgress> LoadAsync(IEnumerable<BulkDispute> disputes, Action<BulkDisputeProgress>? onBatch, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var window = MediationRuleSection.From(ruleSets).JudicialConfirmationWindow;
        var progress = new BulkDisputeProgress(0, 0, 0, TimeSpan.Zero);
        foreach (var batch in disputes.Chunk(BatchSize))
        {
            var (sessions, rows) = await unitOfWork.ExecuteAsync(async token =>
            {
                var (batchSessions, batchRows) = (0L, 0L);
                foreach (var dispute in batch)
                {
                    var (s, r) = await WriteAsync(dispute, window, token);
                    batchSessions += s;
                    batchRows += r;
                }

                return (batchSessions, batchRows);
            }, cancellationToken);
            progress = new BulkDisputeProgress(progress.Disputes + batch.Length, progress.Sessions + sessions, progress.Rows + rows, stopwatch.Elapsed);
            onBatch?.Invoke(progress);
        }

        return progress with { Elapsed = stopwatch.Elapsed };
    }

    private async Task<(long Sessions, long Rows)> WriteAsync(BulkDispute dispute, MediationPeriod window, CancellationToken token)
    {
        var id = Guid.CreateVersion7(dispute.RegisteredAt);
        var number = await DisputeStore.NextNumberAsync(session, dispute.Region.DistrictName, dispute.Region.Name, dispute.RegisteredAt.Year, token);
        await session.ExecuteAsync(DisputeSql.Insert, new
        {
            Id = id, Number = number, DisputeType = dispute.Room.Specialty, dispute.Summary, dispute.Claims, dispute.AmountClaimed, RegionId = dispute.Region.Id,
            RegionPath = dispute.Region.Path, RegionName = dispute.Region.Name, Source = nameof(DisputeSource.WalkIn), CourtName = (string?)null,
            CourtCaseNumber = (string?)null, PetitionId = (Guid?)null, PetitionNumber = (string?)null, RoomId = dispute.Room.Id, RoomName = dispute.Room.Name,
            LeadMediatorId = dispute.Room.MediatorId, LeadMediatorName = dispute.Room.MediatorName, ApplicantNames = dispute.ApplicantName,
            RespondentNames = dispute.RespondentName, RegisteredBy = (Guid?)null, dispute.RegisteredAt,
        }, token);
        var ordinal = 0;
        foreach (var (side, name) in new[] { (DisputeSide.Applicant, dispute.ApplicantName), (DisputeSide.Respondent, dispute.RespondentName) })
        {
            await session.ExecuteAsync(DisputeSql.InsertParty, new
            {
                Id = Guid.CreateVersion7(dispute.RegisteredAt), DisputeId = id, Ordinal = ++ordinal, Side = side.ToString(), Kind = nameof(PartyKind.Person), Name = name,
                IdNumberCipher = (string?)null, IdNumberHash = (string?)null, IdNumberMasked = (string?)null, PhoneCipher = (string?)null, PhoneHash = (string?)null,
                PhoneMasked = (string?)null, OrganisationCode = (string?)null,
            }, token);
        }

        await session.ExecuteAsync(DisputeSql.RecordConsent, new
        {
            Id = id, Status = nameof(DisputeStatus.Accepted), ApplicantConsent = nameof(ConsentState.Given), RespondentConsent = nameof(ConsentState.Given),
            Guidance = (string?)null, AcceptedAt = dispute.RegisteredAt.AddDays(1), ClosedAt = (DateTimeOffset?)null, ExpectedVersion = 1L,
        }, token);
        var rows = 4L;
        var now = clock.GetUtcNow();
        var mediatorKey = (dispute.Room.MediatorUserId ?? dispute.Room.MediatorId).ToString("D");
        foreach (var startsAt in dispute.SessionStarts)
        {
            var sessionId = Guid.CreateVersion7(startsAt);
            var endsAt = startsAt.AddHours(1);
            await session.ExecuteAsync(SessionSql.Insert, new
            {
                Id = sessionId, DisputeId = id, RoomId = dispute.Room.Id, RoomName = dispute.Room.Name, StartsAt = startsAt, EndsAt = endsAt, ScheduledBy = (Guid?)null,
                ScheduledAt = dispute.RegisteredAt.AddDays(1),
            }, token);
            await session.ExecuteAsync(SessionSql.InsertMediator, new { SessionId = sessionId, MediatorId = dispute.Room.MediatorId, MediatorName = dispute.Room.MediatorName }, token);
            foreach (var slot in SessionSlots.Between(startsAt, endsAt))
            {
                await session.ExecuteAsync(SessionSql.InsertSlot, new { ResourceKind = "room", ResourceKey = dispute.Room.Id.ToString("D"), SlotStart = slot, SessionId = sessionId }, token);
                await session.ExecuteAsync(SessionSql.InsertSlot, new { ResourceKind = "mediator", ResourceKey = mediatorKey, SlotStart = slot, SessionId = sessionId }, token);
                rows += 2;
            }

            if (endsAt < now)
            {
                await session.ExecuteAsync(SessionSql.Hold, new
                {
                    Id = sessionId, ApplicantAttended = true, RespondentAttended = true, Record = "双方到场陈述，调解员释法析理。", HeldBy = dispute.Room.MediatorUserId, Now = endsAt,
                    ExpectedVersion = 1L,
                }, token);
            }

            rows += 2;
        }

        if (dispute.Agreed && dispute.SessionStarts.Count > 0)
        {
            var closedAt = dispute.SessionStarts[^1].AddHours(2);
            var effectiveOn = WorkCalendar.LocalDate(closedAt);
            await session.ExecuteAsync(OutcomeSql.Agree, new { Id = id, Now = closedAt, ExpectedVersion = 2L }, token);
            await session.ExecuteAsync(OutcomeSql.InsertAgreement, new
            {
                DisputeId = id, Terms = "双方就此纠纷达成一致，再无其他争议。", AmountAgreed = dispute.AmountClaimed, Form = nameof(AgreementForm.Written), ApplicantSigned = true,
                RespondentSigned = true, EffectiveOn = effectiveOn, PerformanceDeadline = effectiveOn.AddDays(30), ConfirmationDueOn = window.From(effectiveOn, calendar),
                RecordedBy = (Guid?)null, RecordedAt = closedAt,
            }, token);
            rows++;
        }

        return (dispute.SessionStarts.Count, rows);
    }
}
