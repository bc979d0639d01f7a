using System.Diagnostics;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Contracts.Organization;
using Fengqiao.Mediation.Disputes;
using Fengqiao.Mediation.FollowUps;
using Fengqiao.Mediation.Mediators;
using Fengqiao.Mediation.Outcomes;
using Fengqiao.Mediation.Rooms;
using Fengqiao.Mediation.Sessions;

namespace Fengqiao.Mediation.Seeding;

/// <summary>A seeded mediator; <see cref="UserId"/> links a demo mediator account.</summary>
public sealed record SeedMediator(string Name, string Specialty, RegionSnapshot Region, Guid? UserId, string? UserDisplayName);

/// <summary>A seeded room or committee with its specialties (dispute type codes) and mediators.</summary>
public sealed record SeedRoom(
    string Name,
    MediationRoomKind Kind,
    RegionSnapshot Region,
    string Address,
    string OpeningHours,
    string Intro,
    IReadOnlyList<string> Specialties,
    IReadOnlyList<SeedMediator> Mediators);

/// <summary>
/// The mediation module's one seam for loading data in bulk, used by the demo's first-start seeding and by the benchmarks'
/// generator: rooms and their mediators, the demo's disputes stepped through every stage with their events recorded as history,
/// and generated disputes with their sessions in large transactions. Everything is stored with this module's own statements.
/// </summary>
public sealed class MediationSeeding(IDbSession session, UnitOfWork unitOfWork, TimeProvider clock, IRuleSets ruleSets, WorkCalendar calendar, IEventPublisher events)
{
    /// <summary>Generated disputes per transaction.</summary>
    private const int BatchSize = 1000;

    private static readonly Dictionary<Performance, string> FollowUpNotes = new()
    {
        [Performance.Performed] = "回访当事人，赔偿款已按协议全部支付，双方无异议。",
        [Performance.PartlyPerformed] = "回访当事人，已支付部分款项，余款约定下月付清，将继续跟进。",
        [Performance.NotPerformed] = "回访当事人，对方尚未履行协议，已告知可申请司法确认后强制执行。",
    };

    public async Task<bool> AnyRoomAsync(CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(MediationSeedingSql.AnyRoom, null, cancellationToken) > 0;

    /// <summary>The dispute type codes the seeded rooms and mediators may name.</summary>
    public async Task<IReadOnlyList<string>> DisputeTypeCodesAsync(CancellationToken cancellationToken) =>
        (await session.QueryAsync<DisputeType>(RoomSql.DisputeTypes, null, cancellationToken)).Select(t => t.Code).ToList();

    public async Task LoadRoomsAsync(IReadOnlyList<SeedRoom> rooms, CancellationToken cancellationToken) =>
        await unitOfWork.ExecuteAsync(async token =>
        {
            var now = clock.GetUtcNow();
            foreach (var room in rooms)
            {
                var roomId = Guid.CreateVersion7(now);
                await session.ExecuteAsync(RoomSql.InsertRoom, new
                {
                    Id = roomId,
                    room.Name,
                    Kind = room.Kind.ToString(),
                    RegionId = room.Region.Id,
                    RegionPath = room.Region.Path,
                    RegionName = room.Region.Name,
                    room.Address,
                    room.OpeningHours,
                    room.Intro,
                    CreatedBy = (Guid?)null,
                    CreatedAt = now,
                }, token);
                foreach (var specialty in room.Specialties)
                {
                    await session.ExecuteAsync(RoomSql.InsertSpecialty, new { RoomId = roomId, DisputeType = specialty }, token);
                }

                foreach (var mediator in room.Mediators)
                {
                    await session.ExecuteAsync(MediatorSql.Insert, new
                    {
                        Id = Guid.CreateVersion7(now),
                        RoomId = roomId,
                        mediator.Name,
                        mediator.Specialty,
                        RegionId = mediator.Region.Id,
                        RegionPath = mediator.Region.Path,
                        RegionName = mediator.Region.Name,
                        mediator.UserId,
                        mediator.UserDisplayName,
                        AddedAt = now,
                    }, token);
                }
            }

            return true;
        }, cancellationToken);

    public async Task<bool> AnyDisputeAsync(CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(MediationSeedingSql.AnyDispute, null, cancellationToken) > 0;

    /// <summary>The seeded rooms with one serving mediator each, the generator's choices of where disputes go.</summary>
    public async Task<IReadOnlyList<SeedRoomRef>> RoomRefsAsync(CancellationToken cancellationToken) =>
        await session.QueryAsync<SeedRoomRef>(MediationSeedingSql.RoomRefs, null, cancellationToken);

    /// <summary>
    /// Stores demo disputes with this module's own statements, stepping each through the states it reached, in one unit of work:
    /// numbers from the counters, sessions claiming their slots, agreements with the rule set's judicial-confirmation window.
    /// Each step's event is recorded as history, so the metrics rebuilt from it count the seeded disputes.
    /// </summary>
    public async Task LoadDisputesAsync(IReadOnlyList<SeedDispute> disputes, CancellationToken cancellationToken) =>
        await unitOfWork.ExecuteAsync(async token =>
        {
            var window = MediationRuleSection.From(ruleSets).JudicialConfirmationWindow;
            foreach (var dispute in disputes)
            {
                await LoadAsync(dispute, window, token);
            }

            return true;
        }, cancellationToken);

    private async Task LoadAsync(SeedDispute seed, MediationPeriod window, CancellationToken token)
    {
        var id = Guid.CreateVersion7(seed.RegisteredAt);
        var number = await DisputeStore.NextNumberAsync(session, seed.Region.DistrictName, seed.Region.Name, seed.RegisteredAt.Year, token);
        await session.ExecuteAsync(DisputeSql.Insert, new
        {
            Id = id, Number = number, DisputeType = seed.Room.Specialty, seed.Summary, seed.Claims, seed.AmountClaimed, RegionId = seed.Region.Id, RegionPath = seed.Region.Path,
            RegionName = seed.Region.Name, Source = seed.Source.ToString(), CourtName = (string?)null, CourtCaseNumber = (string?)null, PetitionId = (Guid?)null,
            PetitionNumber = (string?)null, RoomId = seed.Room.Id, RoomName = seed.Room.Name, LeadMediatorId = seed.Room.MediatorId, LeadMediatorName = seed.Room.MediatorName,
            ApplicantNames = seed.ApplicantName, RespondentNames = seed.RespondentName, RegisteredBy = (Guid?)null, seed.RegisteredAt,
        }, token);
        var source = seed.Source.ToSnakeCase();
        events.RecordHistory(new DisputeOpened(Guid.CreateVersion7(seed.RegisteredAt), seed.RegisteredAt, id, number, seed.Room.Specialty, source, seed.Region.Id,
            seed.Region.Path, seed.Room.Id, null, seed.AmountClaimed));
        var ordinal = 0;
        foreach (var (side, name) in new[] { (DisputeSide.Applicant, seed.ApplicantName), (DisputeSide.Respondent, seed.RespondentName) })
        {
            await session.ExecuteAsync(DisputeSql.InsertParty, new
            {
                Id = Guid.CreateVersion7(seed.RegisteredAt), DisputeId = id, Ordinal = ++ordinal, Side = side.ToString(), Kind = nameof(PartyKind.Person), Name = name,
                IdNumberCipher = (string?)null, IdNumberHash = (string?)null, IdNumberMasked = (string?)null, PhoneCipher = (string?)null, PhoneHash = (string?)null,
                PhoneMasked = (string?)null, OrganisationCode = (string?)null,
            }, token);
        }

        if (seed.Stage == SeedDisputeStage.Registered)
        {
            return;
        }

        if (seed.Stage is SeedDisputeStage.Consented or SeedDisputeStage.NotMediated)
        {
            // The applicant agreed; the respondent has not answered yet, or refused and was told where else to turn.
            var refused = seed.Stage == SeedDisputeStage.NotMediated;
            await session.ExecuteAsync(DisputeSql.RecordConsent, new
            {
                Id = id, Status = (refused ? DisputeStatus.NotMediated : DisputeStatus.Registered).ToString(), ApplicantConsent = nameof(ConsentState.Given),
                RespondentConsent = (refused ? ConsentState.Refused : ConsentState.Pending).ToString(), Guidance = refused ? "可向人民法院提起诉讼，或向有关行政机关申请处理。" : null,
                AcceptedAt = (DateTimeOffset?)null, ClosedAt = refused ? seed.RegisteredAt.AddDays(2) : (DateTimeOffset?)null, ExpectedVersion = 1L,
            }, token);
            return;
        }

        var acceptedAt = seed.RegisteredAt.AddDays(1);
        await session.ExecuteAsync(DisputeSql.RecordConsent, new
        {
            Id = id, Status = nameof(DisputeStatus.Accepted), ApplicantConsent = nameof(ConsentState.Given), RespondentConsent = nameof(ConsentState.Given),
            Guidance = (string?)null, AcceptedAt = acceptedAt, ClosedAt = (DateTimeOffset?)null, ExpectedVersion = 1L,
        }, token);
        events.RecordHistory(new DisputeAccepted(Guid.CreateVersion7(acceptedAt), acceptedAt, id, number, seed.Room.Specialty, source, seed.Region.Path, seed.Room.Id, null));
        if (seed.Stage == SeedDisputeStage.Withdrawn)
        {
            await session.ExecuteAsync(DisputeSql.Withdraw, new { Id = id, Reason = "双方已自行和解。", Now = acceptedAt.AddDays(2), ExpectedVersion = 2L }, token);
            return;
        }

        if (seed.Stage == SeedDisputeStage.Accepted)
        {
            return;
        }

        var sessionId = await SessionAsync(id, seed, held: seed.Stage != SeedDisputeStage.Scheduled, token);
        if (seed.Stage == SeedDisputeStage.Scheduled)
        {
            return;
        }

        var endsAt = seed.SessionStartsAt.AddHours(1);
        events.RecordHistory(new MediationSessionHeld(Guid.CreateVersion7(endsAt), endsAt, id, number, sessionId, seed.Room.Specialty,
            source, seed.Region.Path, seed.Room.Id, seed.SessionStartsAt, endsAt, true, true));
        var closedAt = seed.SessionStartsAt.AddHours(2);
        if (seed.Stage == SeedDisputeStage.Failed)
        {
            await session.ExecuteAsync(OutcomeSql.Fail, new
            {
                Id = id, Reason = "双方对赔偿金额分歧过大，经多次调解未能达成一致。", Guidance = "可向人民法院提起诉讼，或依法申请仲裁。", Now = closedAt, ExpectedVersion = 2L,
            }, token);
            events.RecordHistory(new MediationFailed(Guid.CreateVersion7(closedAt), closedAt, id, number, seed.Room.Specialty, source, seed.Region.Path, seed.Room.Id,
                seed.Room.Name, null, "双方对赔偿金额分歧过大，经多次调解未能达成一致。", "可向人民法院提起诉讼，或依法申请仲裁。"));
        }
        else if (seed.Stage != SeedDisputeStage.Held)
        {
            await AgreeAsync(id, number, source, seed, closedAt, window, token);
        }
    }

    /// <summary>The agreement, then what followed it in the seed's stage: an application for judicial confirmation and the ruling, or a return visit.</summary>
    private async Task AgreeAsync(Guid id, string number, string source, SeedDispute seed, DateTimeOffset closedAt, MediationPeriod window, CancellationToken token)
    {
        var effectiveOn = WorkCalendar.LocalDate(closedAt);
        var deadline = effectiveOn.AddDays(30);
        var confirmationDueOn = window.From(effectiveOn, calendar);
        await session.ExecuteAsync(OutcomeSql.Agree, new { Id = id, Now = closedAt, ExpectedVersion = 2L }, token);
        await session.ExecuteAsync(OutcomeSql.InsertAgreement, new
        {
            DisputeId = id, Terms = seed.Terms ?? string.Empty, seed.AmountAgreed, Form = nameof(AgreementForm.Written), ApplicantSigned = true, RespondentSigned = true,
            EffectiveOn = effectiveOn, PerformanceDeadline = deadline, ConfirmationDueOn = confirmationDueOn, RecordedBy = (Guid?)null, RecordedAt = closedAt,
        }, token);
        events.RecordHistory(new MediationAgreementReached(Guid.CreateVersion7(closedAt), closedAt, id, number, seed.Room.Specialty, source, seed.Region.Path, seed.Room.Id,
            seed.Room.Name, null, seed.AmountClaimed, seed.AmountAgreed, AgreementForm.Written.ToSnakeCase(), effectiveOn, deadline, confirmationDueOn));
        if (seed.Stage is SeedDisputeStage.ConfirmationApplied or SeedDisputeStage.Confirmed or SeedDisputeStage.ConfirmationRefused && seed.Court is not null)
        {
            var appliedOn = effectiveOn.AddDays(2);
            await session.ExecuteAsync(ConfirmationSql.Apply, new { DisputeId = id, AppliedOn = appliedOn, seed.Court }, token);
            if (seed.Stage != SeedDisputeStage.ConfirmationApplied)
            {
                var ruling = seed.Stage == SeedDisputeStage.Confirmed ? JudicialRuling.Confirmed : JudicialRuling.Refused;
                var decidedOn = effectiveOn.AddDays(10);
                await session.ExecuteAsync(ConfirmationSql.Decide, new
                {
                    DisputeId = id, Ruling = ruling.ToString(), DecidedOn = decidedOn,
                    Note = ruling == JudicialRuling.Refused ? "协议部分内容超出当事人处分权范围，裁定驳回申请。" : null,
                }, token);
                events.RecordHistory(new JudicialConfirmationDecided(Guid.CreateVersion7(closedAt), closedAt.AddDays(10), id, number, seed.Room.Specialty, source, seed.Region.Path,
                    seed.Room.Id, null, seed.Court!, ruling.ToSnakeCase(), appliedOn, decidedOn, seed.AmountAgreed));
            }
        }

        if (seed.Stage is SeedDisputeStage.Performed or SeedDisputeStage.PartlyPerformed or SeedDisputeStage.NotPerformed)
        {
            var performance = seed.Stage switch
            {
                SeedDisputeStage.Performed => Performance.Performed,
                SeedDisputeStage.PartlyPerformed => Performance.PartlyPerformed,
                _ => Performance.NotPerformed,
            };
            var visitedOn = effectiveOn.AddDays(25);
            var visitedAt = closedAt.AddDays(25);
            await session.ExecuteAsync(FollowUpSql.RecordOnDispute, new
            {
                Id = id, Performance = performance.ToString(), PerformedOn = performance == Performance.Performed ? visitedOn : (DateOnly?)null, ExpectedVersion = 3L,
            }, token);
            await session.ExecuteAsync(FollowUpSql.Insert, new
            {
                Id = Guid.CreateVersion7(visitedAt), DisputeId = id, VisitedOn = visitedOn, Performance = performance.ToString(), Note = FollowUpNotes[performance],
                RecordedBy = seed.Room.MediatorUserId, RecordedAt = visitedAt,
            }, token);
            events.RecordHistory(new AgreementPerformanceRecorded(Guid.CreateVersion7(visitedAt), visitedAt, id, number, seed.Room.Specialty, source, seed.Region.Id,
                seed.Region.Path, seed.Room.Id, seed.Room.Name, null, seed.AmountClaimed, seed.AmountAgreed, performance.ToSnakeCase(), visitedOn, effectiveOn, deadline));
        }
    }

    private async Task<Guid> SessionAsync(Guid disputeId, SeedDispute seed, bool held, CancellationToken token)
    {
        var sessionId = Guid.CreateVersion7(seed.SessionStartsAt);
        var endsAt = seed.SessionStartsAt.AddHours(1);
        await session.ExecuteAsync(SessionSql.Insert, new
        {
            Id = sessionId, DisputeId = disputeId, RoomId = seed.Room.Id, RoomName = seed.Room.Name, StartsAt = seed.SessionStartsAt, EndsAt = endsAt,
            ScheduledBy = (Guid?)null, ScheduledAt = seed.RegisteredAt.AddDays(1),
        }, token);
        await session.ExecuteAsync(SessionSql.InsertMediator, new { SessionId = sessionId, MediatorId = seed.Room.MediatorId, MediatorName = seed.Room.MediatorName }, token);
        await session.ExecuteAsync(SessionSql.InviteAllParties, new { SessionId = sessionId, DisputeId = disputeId }, token);
        var mediatorKey = (seed.Room.MediatorUserId ?? seed.Room.MediatorId).ToString("D");
        foreach (var slot in SessionSlots.Between(seed.SessionStartsAt, endsAt))
        {
            await session.ExecuteAsync(SessionSql.InsertSlot, new { ResourceKind = "room", ResourceKey = seed.Room.Id.ToString("D"), SlotStart = slot, SessionId = sessionId }, token);
            await session.ExecuteAsync(SessionSql.InsertSlot, new { ResourceKind = "mediator", ResourceKey = mediatorKey, SlotStart = slot, SessionId = sessionId }, token);
        }

        if (held)
        {
            await session.ExecuteAsync(SessionSql.Hold, new
            {
                Id = sessionId, ApplicantAttended = true, RespondentAttended = true, Record = "调解员听取双方陈述，核实争议事实，释明相关法律规定，引导双方协商。",
                HeldBy = seed.Room.MediatorUserId, Now = endsAt, ExpectedVersion = 1L,
            }, token);
        }

        return sessionId;
    }

    /// <summary>How many disputes are stored: the generator loads into a database that holds none.</summary>
    public async Task<long> DisputeCountAsync(CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(MediationSeedingSql.AnyDispute, null, cancellationToken);

    /// <summary>
    /// Loads generated disputes for the benchmarks, as registration, consent, booking (claiming the room's and the lead mediator's
    /// slots), holding and agreement store them, in transactions of <see cref="BatchSize"/> disputes. No events are recorded:
    /// the benchmarks measure the mediation lists and bookings, not the metrics.
    /// </summary>
    public async Task<BulkDisputeProgress> LoadBulkDisputesAsync(IEnumerable<BulkDispute> disputes, Action<BulkDisputeProgress>? onBatch, CancellationToken cancellationToken)
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
                    var (s, r) = await WriteBulkAsync(dispute, window, token);
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

    private async Task<(long Sessions, long Rows)> WriteBulkAsync(BulkDispute dispute, MediationPeriod window, CancellationToken token)
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

/// <summary>How far a seeded dispute has come: each stage includes the steps before it.</summary>
public enum SeedDisputeStage
{
    Registered,

    /// <summary>Registered, the applicant consented, the respondent not yet.</summary>
    Consented,

    /// <summary>The applicant consented, the respondent refused: not mediated.</summary>
    NotMediated,
    Accepted,

    /// <summary>Accepted, with a session booked ahead.</summary>
    Scheduled,

    /// <summary>Accepted, with a session held.</summary>
    Held,
    Agreed,

    /// <summary>Agreed and applied for judicial confirmation; the court has not ruled yet.</summary>
    ConfirmationApplied,

    /// <summary>Agreed, applied for judicial confirmation and confirmed by the court.</summary>
    Confirmed,

    /// <summary>Agreed, applied for judicial confirmation and refused by the court.</summary>
    ConfirmationRefused,

    /// <summary>Agreed, and a return visit found it performed.</summary>
    Performed,

    /// <summary>Agreed, and a return visit found it partly performed.</summary>
    PartlyPerformed,

    /// <summary>Agreed, and a return visit found it not performed.</summary>
    NotPerformed,
    Failed,
    Withdrawn,
}

/// <summary>A seeded room as the dispute generator needs it: its place, its first specialty and a serving mediator.</summary>
public sealed record SeedRoomRef(Guid Id, string Name, Guid RegionId, string Specialty, Guid MediatorId, string MediatorName, Guid? MediatorUserId);

/// <summary>A demo dispute: its facts, its parties' names (no personal data), how far it came and when.</summary>
public sealed record SeedDispute(
    SeedRoomRef Room,
    RegionSnapshot Region,
    string Summary,
    string Claims,
    decimal? AmountClaimed,
    DisputeSource Source,
    string ApplicantName,
    string RespondentName,
    DateTimeOffset RegisteredAt,
    SeedDisputeStage Stage,
    DateTimeOffset SessionStartsAt,
    string? Terms,
    decimal? AmountAgreed,
    string? Court);

internal static class MediationSeedingSql
{
    public const string AnyRoom = "SELECT COUNT(*) FROM mediation_rooms";

    public const string AnyDispute = "SELECT COUNT(*) FROM mediation_disputes";

    /// <summary>Each room with each of its serving mediators, those with an account first; the generator takes the first per room.</summary>
    public const string RoomRefs = """
        SELECT r.id AS Id, r.name AS Name, r.region_id AS RegionId,
               (SELECT MIN(s.dispute_type) FROM mediation_room_specialties s WHERE s.room_id = r.id) AS Specialty,
               m.id AS MediatorId, m.name AS MediatorName, m.user_id AS MediatorUserId
        FROM mediation_rooms r JOIN mediation_mediators m ON m.room_id = r.id
        WHERE m.is_retired = 0
        ORDER BY r.name, CASE WHEN m.user_id IS NULL THEN 1 ELSE 0 END, m.name, m.id
        """;
}
