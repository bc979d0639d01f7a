using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Intake.Petitions;
using Fengqiao.Intake.Rules;

namespace Fengqiao.Intake.BulkLoading;

/// <summary>A petitioner as staff would enter them.</summary>
public sealed record BulkPetitioner(string Name, string? IdNumber, string? Phone, string? Address, bool IsRepresentative);

/// <summary>Who registered: a staff unit, or no unit for the public online form.</summary>
public sealed record BulkRegistrar(Guid? UnitId, string? UnitName, string RegionPath);

/// <summary>A classification the petition already received, with the notice the petitioner was sent.</summary>
public sealed record BulkDecision(Decision Decision, string? Reason, string Notice, LegalChannel? LegalChannel, DateTimeOffset DecidedAt, string? UnitName);

/// <summary>
/// One petition to load: what staff (or the public form) entered, who registered it and when, and its classification if
/// it was already decided. Petitions are loaded in the order received, which is the order of <see cref="Index"/>.
/// </summary>
/// <param name="TrackingSecret">The secret of an online petition's tracking code, stored hashed.</param>
/// <param name="SamePetitionerEarlier">Earlier petitions of the same load sharing one of its petitioners' ID numbers, by index.</param>
public sealed record BulkPetition(
    int Index,
    Channel Channel,
    IReadOnlyList<BulkPetitioner> Petitioners,
    int Persons,
    string Request,
    string Facts,
    string Reasons,
    string Category,
    RegionSnapshot Region,
    DateTimeOffset ReceivedAt,
    string? ChannelReference,
    bool Urgent,
    bool CrossBoundary,
    BulkRegistrar Registrar,
    DateTimeOffset RegisteredAt,
    string? TrackingCode,
    string? TrackingSecret,
    IReadOnlyList<int> SamePetitionerEarlier,
    BulkDecision? Decision);

/// <summary>How far a load has come: petitions and all rows written (petitioners, text keys, timeline included).</summary>
public sealed record BulkLoadProgress(int Petitions, long Rows, TimeSpan Elapsed);

/// <summary>The units working on a loaded case (its lead and co-handling units) since it was last assigned.</summary>
public sealed record BulkCaseUnits(Guid CaseId, Guid PetitionId, IReadOnlyList<Guid> UnitIds, DateTimeOffset AssignedAt);

/// <summary>
/// The intake module's one seam for bulk loading (demo seeding and the benchmarks' load generator): what a petition
/// generator needs to know of the active rules, and a loader that stores petitions exactly as registration and
/// classification would have — numbers, flags, duplicate keys, protected personal data, timeline — with this module's
/// statements, in large transactions. Accepted petitions are reported as the <see cref="PetitionAccepted"/> events
/// classification would have raised (they are not published), so a caller can hand them on to the dispatch module.
/// </summary>
public sealed class IntakeBulkLoading
{
    /// <summary>The category that marks a petition about the business environment.</summary>
    public const string BusinessCategory = PetitionFlagging.BusinessCategory;

    private readonly IDbSession _session;
    private readonly IntakeRules _rules;
    private readonly PetitionCategories _categories;
    private readonly PetitionBulkLoader _loader;
    private readonly UnitOfWork _unitOfWork;

    internal IntakeBulkLoading(IDbSession session, IntakeRules rules, PetitionCategories categories, PetitionBulkLoader loader, UnitOfWork unitOfWork)
    {
        _session = session;
        _rules = rules;
        _categories = categories;
        _loader = loader;
        _unitOfWork = unitOfWork;
    }

    /// <summary>From this many persons a petition is collective (集体访).</summary>
    public int CollectiveThreshold => _rules.CollectiveThreshold;

    /// <summary>How many representatives a group of <paramref name="persons"/> may send.</summary>
    public int MaxRepresentatives(int persons) => _rules.MaxRepresentatives(persons);

    /// <summary>The last character of a resident ID number (GB 11643) from its first 17.</summary>
    public static char IdNumberCheckCharacter(string first17) => IdentityNumbers.CheckCharacter(first17);

    public async Task<IReadOnlyList<string>> CategoryCodesAsync(CancellationToken cancellationToken) =>
        (await _categories.AllAsync(cancellationToken)).Select(c => c.Code).ToList();

    public async Task<bool> AnyPetitionAsync(CancellationToken cancellationToken) =>
        await _session.ExecuteScalarAsync<long>(PetitionBulkSql.AnyPetition, null, cancellationToken) > 0;

    /// <summary>Loads the petitions in batches, each in its own transaction, and reports every batch with the petitions it accepted.</summary>
    public Task<BulkLoadProgress> LoadAsync(
        IEnumerable<BulkPetition> petitions, Action<BulkLoadProgress, IReadOnlyList<PetitionAccepted>>? onBatch, CancellationToken cancellationToken) =>
        _loader.LoadAsync(petitions, onBatch, cancellationToken);

    /// <summary>
    /// Records which units work on loaded cases, as the case-assignment events would have (the dispatch module's bulk load
    /// publishes none), so a handler reads the petitions of its unit's loaded cases. One transaction.
    /// </summary>
    public Task<int> RecordCaseUnitsAsync(IEnumerable<BulkCaseUnits> cases, CancellationToken cancellationToken) =>
        _unitOfWork.ExecuteAsync(
            async token =>
            {
                var rows = 0;
                foreach (var loaded in cases)
                {
                    foreach (var unitId in loaded.UnitIds.Distinct())
                    {
                        rows += await _session.ExecuteAsync(
                            CaseUnits.CaseUnitSql.Insert, new { loaded.CaseId, UnitId = unitId, loaded.PetitionId, loaded.AssignedAt }, token);
                    }
                }

                return rows;
            },
            cancellationToken).AsTask();
}
