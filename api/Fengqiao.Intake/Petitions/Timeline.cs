using Fengqiao.BuildingBlocks.Data;

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
}

internal sealed class Timeline(IDbSession session, TimeProvider clock)
{
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
