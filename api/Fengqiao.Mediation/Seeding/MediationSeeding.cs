using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Contracts.Organization;
using Fengqiao.Mediation.Disputes;
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

/// <summary>The mediation module's one seam for demo data: stores rooms and their mediators with this module's statements in one unit of work.</summary>
public sealed class MediationSeeding(IDbSession session, UnitOfWork unitOfWork, TimeProvider clock, IRuleSets ruleSets, WorkCalendar calendar, IEventPublisher events)
{
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

        var acceptedAt = seed.RegisteredAt.AddDays(1);
        await session.ExecuteAsync(DisputeSql.RecordConsent, new
        {
            Id = id, Status = nameof(DisputeStatus.Accepted), ApplicantConsent = nameof(ConsentState.Given), RespondentConsent = nameof(ConsentState.Given),
            Guidance = (string?)null, AcceptedAt = acceptedAt, ClosedAt = (DateTimeOffset?)null, ExpectedVersion = 1L,
        }, token);
        events.RecordHistory(new DisputeAccepted(Guid.CreateVersion7(acceptedAt), acceptedAt, id, number, seed.Room.Specialty, source, seed.Region.Path, seed.Room.Id, null));
        var version = 2L;
        if (seed.Stage == SeedDisputeStage.Withdrawn)
        {
            await session.ExecuteAsync(DisputeSql.Withdraw, new { Id = id, Reason = "双方已自行和解。", Now = acceptedAt.AddDays(2), ExpectedVersion = version }, token);
            return;
        }

        if (seed.Stage != SeedDisputeStage.Accepted)
        {
            var sessionId = await SessionAsync(id, seed, held: seed.Stage != SeedDisputeStage.Scheduled, token);
            if (seed.Stage != SeedDisputeStage.Scheduled)
            {
                var endsAt = seed.SessionStartsAt.AddHours(1);
                events.RecordHistory(new MediationSessionHeld(Guid.CreateVersion7(endsAt), endsAt, id, number, sessionId, seed.Room.Specialty,
                    source, seed.Region.Path, seed.Room.Id, seed.SessionStartsAt, endsAt, true, true));
            }
        }

        var closedAt = seed.SessionStartsAt.AddHours(2);
        if (seed.Stage == SeedDisputeStage.Failed)
        {
            await session.ExecuteAsync(OutcomeSql.Fail, new
            {
                Id = id, Reason = "双方对赔偿金额分歧过大，经多次调解未能达成一致。", Guidance = "可向人民法院提起诉讼，或依法申请仲裁。", Now = closedAt, ExpectedVersion = version,
            }, token);
            events.RecordHistory(new MediationFailed(Guid.CreateVersion7(closedAt), closedAt, id, number, seed.Room.Specialty, source, seed.Region.Path, seed.Room.Id,
                seed.Room.Name, null, "双方对赔偿金额分歧过大，经多次调解未能达成一致。", "可向人民法院提起诉讼，或依法申请仲裁。"));
        }
        else if (seed.Stage is SeedDisputeStage.Agreed or SeedDisputeStage.Confirmed)
        {
            var effectiveOn = WorkCalendar.LocalDate(closedAt);
            await session.ExecuteAsync(OutcomeSql.Agree, new { Id = id, Now = closedAt, ExpectedVersion = version }, token);
            await session.ExecuteAsync(OutcomeSql.InsertAgreement, new
            {
                DisputeId = id, Terms = seed.Terms ?? string.Empty, seed.AmountAgreed, Form = nameof(AgreementForm.Written), ApplicantSigned = true, RespondentSigned = true,
                EffectiveOn = effectiveOn, PerformanceDeadline = effectiveOn.AddDays(30), ConfirmationDueOn = window.From(effectiveOn, calendar), RecordedBy = (Guid?)null, RecordedAt = closedAt,
            }, token);
            events.RecordHistory(new MediationAgreementReached(Guid.CreateVersion7(closedAt), closedAt, id, number, seed.Room.Specialty, source, seed.Region.Path, seed.Room.Id,
                seed.Room.Name, null, seed.AmountClaimed, seed.AmountAgreed, AgreementForm.Written.ToSnakeCase(), effectiveOn, effectiveOn.AddDays(30), window.From(effectiveOn, calendar)));
            if (seed.Stage == SeedDisputeStage.Confirmed && seed.Court is not null)
            {
                await session.ExecuteAsync(ConfirmationSql.Apply, new { DisputeId = id, AppliedOn = effectiveOn.AddDays(3), seed.Court }, token);
                await session.ExecuteAsync(ConfirmationSql.Decide, new
                {
                    DisputeId = id, Ruling = nameof(JudicialRuling.Confirmed), DecidedOn = effectiveOn.AddDays(10), Note = (string?)null,
                }, token);
                events.RecordHistory(new JudicialConfirmationDecided(Guid.CreateVersion7(closedAt), closedAt.AddDays(10), id, number, seed.Room.Specialty, source, seed.Region.Path,
                    seed.Room.Id, null, seed.Court, JudicialRuling.Confirmed.ToSnakeCase(), effectiveOn.AddDays(3), effectiveOn.AddDays(10), seed.AmountAgreed));
            }
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
}

/// <summary>How far a seeded dispute has come: each stage includes the steps before it.</summary>
public enum SeedDisputeStage
{
    Registered,
    Accepted,

    /// <summary>Accepted, with a session booked ahead.</summary>
    Scheduled,

    /// <summary>Accepted, with a session held.</summary>
    Held,
    Agreed,

    /// <summary>Agreed, applied for judicial confirmation and confirmed by the court.</summary>
    Confirmed,
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
