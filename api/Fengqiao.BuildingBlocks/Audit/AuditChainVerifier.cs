using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.BuildingBlocks.Audit;

/// <summary>How a link of the chain is broken.</summary>
public enum AuditChainProblem
{
    /// <summary>The entry's fields no longer give the hash stored with it: it was changed after it was written.</summary>
    EntryChanged,

    /// <summary>The entry does not carry its predecessor's hash: an entry before it was changed, replaced or removed.</summary>
    LinkBroken,

    /// <summary>A sequence number is missing: an entry was removed (or taken out of the chain).</summary>
    EntryMissing,

    /// <summary>The chain ends before or after the head recorded with the last append: entries at the end were removed.</summary>
    HeadMismatch,

    /// <summary>
    /// The head was rewritten without the seal's key, e.g. wound back to hide entries deleted from the end; the sequence is
    /// where the chain ended by that head. Found on verification, or by an append, which keeps the place under the seal.
    /// </summary>
    HeadForged,
}

/// <summary>The first broken link: the sequence where it was found, the entry there (if any), and what was expected and found.</summary>
public sealed record AuditChainBreak(long Sequence, Guid? EntryId, AuditChainProblem Problem, string Expected, string Found);

/// <param name="Intact">Every chained entry verifies and the chain ends at its head.</param>
/// <param name="Entries">The chained entries checked (up to the first break).</param>
/// <param name="UnchainedEntries">Entries written before the chain began (migration 0016), which carry no hash.</param>
public sealed record AuditChainReport(bool Intact, long Entries, long UnchainedEntries, AuditChainBreak? FirstBreak);

/// <summary>Walks the audit chain in sequence order, recomputing every hash, and reports the first broken link.</summary>
public static class AuditChainVerifier
{
    private const int PageSize = 1000;

    public static async Task<AuditChainReport> VerifyAsync(IDbSession session, AuditHeadSeal seal, CancellationToken cancellationToken)
    {
        // The head first: every entry up to it is committed, and appends made while the walk runs lie beyond it.
        var head = await session.QuerySingleOrDefaultAsync<AuditChainHead>(AuditSql.Head, null, cancellationToken)
            ?? throw new InvalidOperationException("The audit chain head row is missing (migration 0016).");
        var unchained = await session.ExecuteScalarAsync<long>(AuditSql.UnchainedCount, null, cancellationToken);

        // Where the chain ends is only known from a sealed head; the walk below cannot tell a chain cut short from a whole one.
        if (!seal.Verifies(head.LastSequence, head.LastHash, head.ForgedAfter, head.Seal))
        {
            return new AuditChainReport(false, 0, unchained, new AuditChainBreak(
                head.LastSequence, null, AuditChainProblem.HeadForged, seal.SealOf(head.LastSequence, head.LastHash, head.ForgedAfter), head.Seal ?? string.Empty));
        }

        if (head.ForgedAfter is { } forgedAfter)
        {
            return new AuditChainReport(false, 0, unchained, new AuditChainBreak(
                forgedAfter, null, AuditChainProblem.HeadForged, "a sealed head", $"an unsealed head ending the chain at {forgedAfter}, found by a later append"));
        }
        var chainPage = AuditSql.ChainPage(session.Dialect);

        var (sequence, previousHash, checkedEntries) = (0L, AuditChain.GenesisHash, 0L);
        while (true)
        {
            var page = await session.QueryAsync<AuditRow>(chainPage, new { AfterSequence = sequence, head.LastSequence, Limit = PageSize }, cancellationToken);
            foreach (var row in page)
            {
                if (Check(row, sequence + 1, previousHash) is { } broken)
                {
                    return new AuditChainReport(false, checkedEntries, unchained, broken);
                }

                (sequence, previousHash) = (row.Sequence!.Value, row.EntryHash!);
                checkedEntries++;
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        if (sequence != head.LastSequence || previousHash != head.LastHash)
        {
            return new AuditChainReport(false, checkedEntries, unchained, new AuditChainBreak(
                sequence, null, AuditChainProblem.HeadMismatch, $"{head.LastSequence}:{head.LastHash}", $"{sequence}:{previousHash}"));
        }

        return new AuditChainReport(true, checkedEntries, unchained, null);
    }

    private static AuditChainBreak? Check(AuditRow row, long expectedSequence, string previousHash)
    {
        var sequence = row.Sequence!.Value;
        if (sequence != expectedSequence)
        {
            return new AuditChainBreak(expectedSequence, row.Id, AuditChainProblem.EntryMissing, $"{expectedSequence}", $"{sequence}");
        }

        if (row.PreviousHash != previousHash)
        {
            return new AuditChainBreak(sequence, row.Id, AuditChainProblem.LinkBroken, previousHash, row.PreviousHash ?? string.Empty);
        }

        var hash = AuditChain.HashOf(row, sequence, previousHash);
        return hash == row.EntryHash
            ? null
            : new AuditChainBreak(sequence, row.Id, AuditChainProblem.EntryChanged, hash, row.EntryHash ?? string.Empty);
    }
}
