using Dapper;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Suggestions;

namespace Fengqiao.Intake.Petitions;

internal sealed record PetitionerView
{
    public required Guid Id { get; init; }

    public required int Ordinal { get; init; }

    public required string Name { get; init; }

    /// <summary>Masked, e.g. 330602********1234; the full value only through the reveal endpoint.</summary>
    public required string? IdNumberMasked { get; init; }

    public required string? PhoneMasked { get; init; }

    public required string? Address { get; init; }

    public required bool IsRepresentative { get; init; }
}

internal sealed record TimelineEntry
{
    public required DateTimeOffset OccurredAt { get; init; }

    public required TimelineKind Kind { get; init; }

    public required bool IsPublic { get; init; }

    public required string Text { get; init; }

    public required string? ActorUnitName { get; init; }
}

internal sealed record AttachmentView
{
    public required Guid Id { get; init; }

    /// <summary>The petition the file was added to: a merged petition's files show on the one it went into.</summary>
    public required Guid PetitionId { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required long SizeBytes { get; init; }

    public required string Sha256 { get; init; }

    public required DateTimeOffset UploadedAt { get; init; }
}

internal enum LinkKind
{
    Linked,
    MergedInto,
    MergedFrom,
}

internal sealed record LinkView
{
    public required Guid PetitionId { get; init; }

    public required string Number { get; init; }

    public required LinkKind Kind { get; init; }
}

internal sealed record DecisionView(Decision Decision, string Reason, string Notice, LegalChannel? LegalChannel, DateTimeOffset DecidedAt, Guid? SuggestedUnitId);

internal sealed record PetitionDetail(
    Guid Id,
    string Number,
    Channel Channel,
    PetitionStatus Status,
    Guid RegionId,
    string RegionName,
    string Category,
    int Persons,
    DateTimeOffset ReceivedAt,
    DateTimeOffset RegisteredAt,
    DateOnly AcceptanceDue,
    bool AcceptanceOverdue,
    string Request,
    string Facts,
    string Reasons,
    string? ChannelReference,
    IReadOnlyList<FlagReason> Flags,
    IReadOnlyList<PetitionerView> Petitioners,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<LinkView> Links,
    DecisionView? Decision,
    IReadOnlyList<PetitionAction> AllowedActions,
    long Version,
    PetitionSuggestion? Suggestion);

/// <summary>A petition row as read for details or a change.</summary>
internal sealed record PetitionRow
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required Channel Channel { get; init; }

    public required PetitionStatus Status { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required string RegionPath { get; init; }

    public required Guid? RegistrarUnitId { get; init; }

    /// <summary>The user who registered the petition; none for one the petitioner submitted online.</summary>
    public required Guid? RegisteredBy { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required DateOnly AcceptanceDue { get; init; }

    public required string Category { get; init; }

    public required int Persons { get; init; }

    public required string RequestText { get; init; }

    public required string FactsText { get; init; }

    public required string ReasonsText { get; init; }

    public required string? ChannelReference { get; init; }

    public required string FlagReasons { get; init; }

    public required Decision? Decision { get; init; }

    public required string? DecisionReason { get; init; }

    public required string? DecisionNotice { get; init; }

    public required LegalChannel? LegalChannel { get; init; }

    public required DateTimeOffset? DecidedAt { get; init; }

    public required Guid? SuggestedUnitId { get; init; }

    public required Guid? MergedIntoId { get; init; }

    public required long Version { get; init; }
}

/// <summary>Reads of petitions always go through the caller's read scope, jurisdiction and the accusation-material rule.</summary>
internal sealed class PetitionReader(IDbSession session, ICurrentUser caller)
{
    public PetitionReadScope Scope { get; } = PetitionReadScopes.Of(caller);

    /// <summary>
    /// The parameters of <see cref="PetitionSql"/>'s visibility terms. They depend only on the caller's claims (roles, unit,
    /// region path, user id), which the read cache keys on, so an answer filtered by them is kept per caller.
    /// </summary>
    public object Parameters(object? extra = null)
    {
        var parameters = Jurisdiction.Parameters(caller, extra);
        parameters.Add("IsDisciplineInspector", caller.IsInRole(Role.DisciplineInspector));
        parameters.Add("ReadsJurisdiction", Scope.HasFlag(PetitionReadScope.Jurisdiction));
        parameters.Add("ReadsUnitCases", Scope.HasFlag(PetitionReadScope.UnitCases));
        parameters.Add("ReadsOwnRegistrations", Scope.HasFlag(PetitionReadScope.OwnRegistrations));
        parameters.Add("CallerUserId", caller.UserId ?? Guid.Empty);
        parameters.Add("ActedForPetitionId", Guid.Empty);
        return parameters;
    }

    /// <summary>The flags with only the related petitions the caller may know of (<see cref="FlagVisibility"/>).</summary>
    public async Task<IReadOnlyList<FlagReason>> FlagsAsSeenAsync(IReadOnlyList<FlagReason> flags, CancellationToken cancellationToken)
    {
        var numbers = FlagVisibility.RelatedNumbers(flags);
        if (numbers.Count == 0)
        {
            return flags;
        }

        var related = await session.QueryAsync<RelatedPetition>(PetitionSql.RelatedPetitions, Parameters(new { Numbers = numbers }), cancellationToken);
        return FlagVisibility.AsSeen(flags, related);
    }

    /// <summary>The petition for a command: only as <see cref="Parameters"/> lets the caller read it, so an agent of its case gets 404 as before.</summary>
    public async Task<PetitionRow> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<PetitionRow>(PetitionSql.Get, Parameters(new { Id = id }), cancellationToken)
            ?? throw new NotFoundException("Petition");

    /// <summary>The petition as the caller read it: 404 outside jurisdiction, 412 when the version moved on.</summary>
    public async Task<PetitionRow> GetForChangeAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var row = await GetAsync(id, cancellationToken);
        return row.Version == expectedVersion ? row : throw new PreconditionFailedException(row.Version);
    }
}

/// <summary>
/// Reads of one petition by the signed-in agent of one of its cases (<see cref="PetitionReadScope.CaseAgency"/>):
/// read-only (no petition command takes these parameters), and each one audited.
/// </summary>
internal sealed class CaseAgentReads(PetitionReader reader, ICaseAgency agency, UnitOfWork unitOfWork, IAuditLog audit)
{
    /// <summary>
    /// The parameters of a read of one petition (<see cref="PetitionSql.Get"/>): those of <see cref="PetitionReader.Parameters"/>, and the
    /// petition itself when the caller is the agent of one of its cases (<see cref="PetitionReadScope.CaseAgency"/>); the
    /// caller then records the read with <see cref="RecordCaseAgentReadAsync"/>.
    /// </summary>
    public async Task<(object Parameters, bool AsCaseAgent)> ParametersForReadingAsync(Guid petitionId, object extra, CancellationToken cancellationToken)
    {
        var parameters = (DynamicParameters)reader.Parameters(extra);
        if (!reader.Scope.HasFlag(PetitionReadScope.CaseAgency) || !await agency.ActsForPetitionAsync(petitionId, cancellationToken))
        {
            return (parameters, false);
        }

        parameters.Add("ActedForPetitionId", petitionId);
        return (parameters, true);
    }

    /// <summary>An agent read a petition of a case it acts for, registered by someone else and with petitioners' names: audited.</summary>
    public async Task RecordCaseAgentReadAsync(string action, Guid petitionId, CancellationToken cancellationToken) =>
        await unitOfWork.ExecuteAsync(
            _ =>
            {
                audit.Record(new AuditEntry(action, "petition", petitionId));
                return ValueTask.FromResult(true);
            },
            cancellationToken);
}
