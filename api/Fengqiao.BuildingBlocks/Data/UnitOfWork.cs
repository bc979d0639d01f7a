using Polly;

namespace Fengqiao.BuildingBlocks.Data;

/// <summary>
/// Runs work in one transaction on the scope's session, writes what participants collected (audit rows,
/// outbox events) just before commit, and retries the whole unit on transient faults.
/// </summary>
public sealed class UnitOfWork(DbSession session, IEnumerable<IUnitOfWorkParticipant> participants, ResiliencePipeline retryPipeline)
{
    public async ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        return await retryPipeline.ExecuteAsync(
            async token =>
            {
                await session.BeginAsync(token);
                try
                {
                    var result = await work(token);
                    foreach (var participant in participants)
                    {
                        await participant.BeforeCommitAsync(session, token);
                    }

                    await session.CommitAsync(token);
                    return result;
                }
                catch
                {
                    await session.RollbackAsync();
                    throw;
                }
                finally
                {
                    foreach (var participant in participants)
                    {
                        participant.Reset();
                    }
                }
            },
            cancellationToken);
    }
}
