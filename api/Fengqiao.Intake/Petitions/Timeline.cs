using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Organization;

namespace Fengqiao.Intake.Petitions;

/// <summary>What happened to a petition. Public entries are shown to the petitioner; internal ones never are.</summary>
internal enum TimelineKind
{
    Registered,
    Supplemented,
    Accepted,
    NotAccepted,
    Diverted,
    ReferredToDiscipline,
    ConvertedToSuggestion,
    ReferredToMediation,
    Linked,
    MergedInto,
    MergedFrom,
    AttachmentAdded,

    /// <summary>The referred dispute ended in a mediation agreement.</summary>
    MediationAgreed,

    /// <summary>Mediation of the referred dispute failed.</summary>
    MediationFailed,

    /// <summary>A return visit found the referred dispute's agreement performed: the petition counts as resolved 化解.</summary>
    MediationPerformed,

    /// <summary>A side refused mediation of the referred dispute: it ended as not mediated, with guidance to other channels.</summary>
    MediationRefused,

    /// <summary>The referred dispute was withdrawn before it ended.</summary>
    MediationWithdrawn,
}

internal sealed class Timeline(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory, TimeProvider clock)
{
    private string? _callerUnitName;

    /// <summary>An entry made by the signed-in caller, shown with their unit's name (never their own).</summary>
    public async Task AddByCallerAsync(Guid petitionId, TimelineKind kind, bool isPublic, string text, CancellationToken cancellationToken)
    {
        if (_callerUnitName is null && caller.UnitId is { } unitId)
        {
            _callerUnitName = (await directory.FindUnitAsync(unitId, cancellationToken))?.Name;
        }

        await AddAsync(petitionId, kind, isPublic, text, _callerUnitName, caller.UserId, cancellationToken);
    }

    public Task AddAsync(Guid petitionId, TimelineKind kind, bool isPublic, string text, string? actorUnitName, Guid? actorUserId, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            PetitionSql.InsertTimeline,
            new
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                PetitionId = petitionId,
                OccurredAt = clock.GetUtcNow(),
                Kind = kind.ToString(),
                IsPublic = isPublic,
                Text = text,
                ActorUnitName = actorUnitName,
                ActorUserId = actorUserId,
            },
            cancellationToken);
}
