using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;

namespace Fengqiao.Dispatch.Cases;

/// <summary>One rating per case (满意 / 基本满意 / 不满意), from the petitioner, a staff callback or the agent.</summary>
internal sealed class CaseRating(CaseStore store, IEventPublisher events, TimeProvider clock)
{
    public async Task<long> RateAsync(CaseRow before, Rating rating, RatingSource source, string? note, CancellationToken cancellationToken)
    {
        CaseStateMachine.Next(before.Status, CaseAction.Rate);
        if (before.Rating is not null)
        {
            throw new ConflictException("already_rated", $"The reply was rated {before.Rating.Value.ToSnakeCase()} already.");
        }

        var now = clock.GetUtcNow();
        var after = before with { Rating = rating, RatingSource = source, RatingNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), RatedAt = now };
        var version = await store.SaveAsync(before, after, "case.rated", cancellationToken);
        var h = CaseEventHeader.Of(after, now);
        events.Publish(new CaseRated(h.EventId, h.OccurredAt, h.CaseId, h.PetitionId, h.Kind, h.RegionPath, h.LeadUnitId, rating.ToSnakeCase(), source.ToSnakeCase()));
        return version;
    }
}
