using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.BuildingBlocks.Text;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Intake.Duplicates;
using Fengqiao.Intake.Petitions;
using Fengqiao.Intake.Rules;

namespace Fengqiao.Intake.BulkLoading;

/// <summary>
/// Writes petitions exactly as <see cref="PetitionRegistrar"/> (and, for decided ones,
/// classification) would have stored them — numbers from the per-district counters, flags with their reasons,
/// MinHash signature and band keys, encrypted, hashed and masked personal data, the timeline — but in
/// transactions of a few thousand petitions. Earlier petitions on the same matter come from memory
/// (<see cref="LoadedPetitions"/>) instead of a look-up per row, so the flags are the ones registration would
/// have set. Preparing rows (hashing, encryption, signatures) runs on one thread while another writes.
/// </summary>
internal sealed class PetitionBulkLoader(
    IDbSession session,
    UnitOfWork unitOfWork,
    PersonalDataProtector protector,
    IntakeRules rules,
    WorkCalendar calendar,
    IOrganizationDirectory directory,
    IEventPublisher events,
    IAuditLog audit)
{
    private const int BatchSize = 4000;
    private readonly Dictionary<DateOnly, DateOnly> _acceptanceDue = [];

    public async Task<BulkLoadProgress> LoadAsync(
        IEnumerable<BulkPetition> petitions, Action<BulkLoadProgress, IReadOnlyList<PetitionAccepted>>? onBatch, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var batches = System.Threading.Channels.Channel.CreateBounded<List<PreparedPetition>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => PrepareAsync(petitions, batches.Writer, stop.Token), stop.Token);
        var loaded = new LoadedPetitions(rules);
        var regionNames = (await directory.ListRegionsAsync(cancellationToken)).ToDictionary(r => r.Path, r => r.Name, StringComparer.Ordinal);
        var progress = new BulkLoadProgress(0, 0, TimeSpan.Zero);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
            {
                var accepted = new List<PetitionAccepted>();
                var rows = await unitOfWork.ExecuteAsync(token => WriteAsync(batch, loaded, regionNames, accepted, token), stop.Token);
                progress = new BulkLoadProgress(progress.Petitions + batch.Count, progress.Rows + rows, stopwatch.Elapsed);
                onBatch?.Invoke(progress, accepted);
            }
        }
        catch
        {
            // The writer failed: stop the preparing thread and report the writer's error, not the cancellation it causes.
            await stop.CancelAsync();
            await Task.WhenAny(producer);
            throw;
        }

        await producer;
        return progress with { Elapsed = stopwatch.Elapsed };
    }

    private async Task PrepareAsync(IEnumerable<BulkPetition> petitions, ChannelWriter<List<PreparedPetition>> writer, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<PreparedPetition>(BatchSize);
            foreach (var petition in petitions)
            {
                batch.Add(Prepare(petition));
                if (batch.Count == BatchSize)
                {
                    await writer.WriteAsync(batch, cancellationToken);
                    batch = new List<PreparedPetition>(BatchSize);
                }
            }

            if (batch.Count > 0)
            {
                await writer.WriteAsync(batch, cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception exception)
        {
            writer.Complete(exception);
            throw;
        }
    }

    /// <summary>Everything that does not depend on the number: ids, signature, personal data, deadline, decision entry.</summary>
    private PreparedPetition Prepare(BulkPetition petition)
    {
        var id = Guid.CreateVersion7(petition.RegisteredAt);
        var signature = TextSignature.Compute($"{petition.Request} {petition.Facts} {petition.Reasons}");
        var bandKeys = TextSignature.BandKeys(signature);
        var petitioners = new List<PetitionerInsert>(petition.Petitioners.Count);
        for (var ordinal = 0; ordinal < petition.Petitioners.Count; ordinal++)
        {
            var person = petition.Petitioners[ordinal];
            var idNumber = string.IsNullOrWhiteSpace(person.IdNumber) ? null : person.IdNumber.Trim().ToUpperInvariant();
            var phone = string.IsNullOrWhiteSpace(person.Phone) ? null : IdentityNumbers.NormalisePhone(person.Phone);
            petitioners.Add(new PetitionerInsert(
                Guid.CreateVersion7(petition.RegisteredAt),
                id,
                ordinal,
                person.Name.Trim(),
                idNumber is null ? null : protector.Encrypt(idNumber),
                idNumber is null ? null : protector.Hash(idNumber),
                idNumber is null ? null : PersonalDataProtector.MaskIdNumber(idNumber),
                phone is null ? null : protector.Encrypt(phone),
                phone is null ? null : protector.Hash(phone),
                phone is null ? null : PersonalDataProtector.MaskPhone(phone),
                string.IsNullOrWhiteSpace(person.Address) ? null : person.Address.Trim(),
                person.IsRepresentative));
        }

        var received = WorkCalendar.LocalDate(petition.ReceivedAt);
        if (!_acceptanceDue.TryGetValue(received, out var acceptanceDue))
        {
            acceptanceDue = rules.AcceptanceDue(received, calendar);
            _acceptanceDue[received] = acceptanceDue;
        }

        var decision = petition.Decision;
        var decisionEntry = decision is null
            ? null
            : new TimelineInsert(Guid.CreateVersion7(decision.DecidedAt), id, decision.DecidedAt, PetitionStatuses.After(decision.Decision).ToString(), true, decision.Notice, decision.UnitName, null);
        return new PreparedPetition(
            petition,
            id,
            signature,
            bandKeys,
            petitioners,
            bandKeys.Select(key => new TextKeyInsert(key, petition.Region.Id, petition.Category, petition.ReceivedAt, id)).ToList(),
            acceptanceDue,
            PetitionNumbers.ShortName(petition.Region.DistrictName ?? PetitionRegistrar.CityName),
            received.Year,
            decisionEntry);
    }

    private async ValueTask<long> WriteAsync(List<PreparedPetition> batch, LoadedPetitions loaded, IReadOnlyDictionary<string, string> regionNames, List<PetitionAccepted> accepted, CancellationToken cancellationToken)
    {
        var counters = new Dictionary<(string Prefix, int Year), (long Value, bool Exists)>();
        foreach (var key in batch.Select(p => (p.Prefix, p.Year)).Distinct())
        {
            var value = await session.ExecuteScalarAsync<long?>(PetitionSql.ReadCounter, new { key.Prefix, key.Year }, cancellationToken);
            counters[key] = (value ?? 0, value is not null);
        }

        accepted.Clear();
        var petitions = new List<PetitionInsert>(batch.Count);
        var timeline = new List<TimelineInsert>(batch.Count * 2);
        foreach (var prepared in batch)
        {
            var petition = prepared.Source;
            var (value, exists) = counters[(prepared.Prefix, prepared.Year)];
            counters[(prepared.Prefix, prepared.Year)] = (++value, exists);
            var number = string.Create(CultureInfo.InvariantCulture, $"{prepared.Prefix}-{prepared.Year}-{value:000000}");

            var earlier = loaded.EarlierOf(petition.Index, petition.ReceivedAt, petition.Region.Id, petition.Category, prepared.Signature, prepared.BandKeys,
                petition.SamePetitionerEarlier);
            loaded.Add(petition.Index, new LoadedPetition(prepared.Id, number, petition.Registrar.RegionPath, petition.ReceivedAt, prepared.Signature),
                petition.Region.Id, petition.Category, prepared.BandKeys);
            var flags = PetitionFlagging.Compute(
                new FlagInput(petition.Channel, petition.Category, petition.Persons, petition.Urgent, petition.CrossBoundary, petition.Region.Path,
                    petition.Registrar.RegionPath, earlier, regionNames),
                rules);
            var decision = petition.Decision;
            petitions.Add(new PetitionInsert
            {
                Id = prepared.Id,
                Number = number,
                Channel = petition.Channel.ToString(),
                Status = (decision is null ? PetitionStatus.Registered : PetitionStatuses.After(decision.Decision)).ToString(),
                RegionId = petition.Region.Id,
                RegionPath = petition.Region.Path,
                RegionName = petition.Region.Name,
                RegistrarUnitId = petition.Registrar.UnitId,
                RegistrarRegionPath = petition.Registrar.RegionPath,
                RegisteredBy = null,
                ReceivedAt = petition.ReceivedAt,
                RegisteredAt = petition.RegisteredAt,
                AcceptanceDue = prepared.AcceptanceDue,
                Category = petition.Category,
                Persons = petition.Persons,
                RequestText = petition.Request,
                FactsText = petition.Facts,
                ReasonsText = petition.Reasons,
                ChannelReference = petition.ChannelReference,
                Flags = flags,
                TextSignature = TextSignature.Encode(prepared.Signature),
                FirstPetitionerName = prepared.Petitioners.Find(p => p.Ordinal == 0)?.Name,
                Decision = decision?.Decision.ToString(),
                DecisionReason = decision?.Reason,
                DecisionNotice = decision?.Notice,
                LegalChannel = decision?.LegalChannel?.ToString(),
                DecidedAt = decision?.DecidedAt,
                TrackingCode = petition.TrackingCode,
                TrackingSecretHash = petition.TrackingSecret is { } secret ? TrackingSecrets.Hash(secret) : null,
                Version = decision is null ? 1 : 2,
            });
            timeline.Add(new TimelineInsert(Guid.CreateVersion7(petition.RegisteredAt), prepared.Id, petition.RegisteredAt, nameof(TimelineKind.Registered), true, number,
                petition.Registrar.UnitName, null));
            if (prepared.DecisionEntry is { } entry)
            {
                timeline.Add(entry);
            }

            var flagNames = flags.Select(f => f.Flag.ToSnakeCase()).Distinct().ToList();
            events.RecordHistory(new PetitionRegistered(Guid.CreateVersion7(petition.RegisteredAt), petition.RegisteredAt, prepared.Id, number, petition.Channel.ToString(),
                petition.Category, petition.Region.Id, petition.Region.Path, petition.ReceivedAt, flagNames, petition.Persons));
            if (decision is { Decision: Decision.Accept })
            {
                var acceptance = new PetitionAccepted(Guid.CreateVersion7(decision.DecidedAt), decision.DecidedAt, prepared.Id, number, petition.Category, petition.Region.Id,
                    petition.Region.Path, petition.ReceivedAt, null, flags.Any(f => f.Flag == PetitionFlag.FirstTime), flagNames,
                    ClassifyPetitionHandler.Summarise(petition.Request));
                accepted.Add(acceptance);
                events.RecordHistory(acceptance);
            }
        }

        var petitioners = batch.SelectMany(p => p.Petitioners).ToList();
        var textKeys = batch.SelectMany(p => p.TextKeys).ToList();
        await session.ExecuteAsync(PetitionSql.InsertPetition, petitions, cancellationToken);
        await session.ExecuteAsync(PetitionSql.InsertPetitioner, petitioners, cancellationToken);
        await session.ExecuteAsync(PetitionSql.InsertTextKey, textKeys, cancellationToken);
        await session.ExecuteAsync(PetitionSql.InsertTimeline, timeline, cancellationToken);
        foreach (var ((prefix, year), (value, exists)) in counters)
        {
            await session.ExecuteAsync(exists ? PetitionBulkSql.SetCounter : PetitionBulkSql.InsertCounterAt, new { Prefix = prefix, Year = year, LastValue = value }, cancellationToken);
        }

        audit.Record(new AuditEntry("demo.petitions_loaded", "petition", null, After: new { Petitions = petitions.Count, First = petitions[0].Number, Last = petitions[^1].Number }));
        return petitions.Count + petitioners.Count + textKeys.Count + timeline.Count;
    }

    private sealed record PreparedPetition(
        BulkPetition Source,
        Guid Id,
        uint[] Signature,
        IReadOnlyList<string> BandKeys,
        List<PetitionerInsert> Petitioners,
        List<TextKeyInsert> TextKeys,
        DateOnly AcceptanceDue,
        string Prefix,
        int Year,
        TimelineInsert? DecisionEntry);

    private sealed record PetitionerInsert(
        Guid Id,
        Guid PetitionId,
        int Ordinal,
        string Name,
        string? IdNumberCipher,
        string? IdNumberHash,
        string? IdNumberMasked,
        string? PhoneCipher,
        string? PhoneHash,
        string? PhoneMasked,
        string? Address,
        bool IsRepresentative);

    private sealed record TextKeyInsert(string BandKey, Guid RegionId, string Category, DateTimeOffset ReceivedAt, Guid PetitionId);

    private sealed record TimelineInsert(Guid Id, Guid PetitionId, DateTimeOffset OccurredAt, string Kind, bool IsPublic, string Text, string? ActorUnitName, Guid? ActorUserId);
}
