using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Api.Hosting;

/// <summary><c>--verify-audit</c>: recomputes the audit chain and prints "intact" with the count, or the first broken link.</summary>
internal static class AuditVerificationCommand
{
    public static async Task<bool> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var report = await AuditChainVerifier.VerifyAsync(
            scope.ServiceProvider.GetRequiredService<IDbSession>(), scope.ServiceProvider.GetRequiredService<AuditHeadSeal>(), cancellationToken);
        await output.WriteLineAsync(Describe(report));
        return report.Intact;
    }

    public static string Describe(AuditChainReport report) => report.FirstBreak is { } broken
        ? $"Audit trail broken at sequence {broken.Sequence}{(broken.EntryId is { } id ? $" (entry {id})" : string.Empty)}: {broken.Problem}; expected {broken.Expected}, found {broken.Found}. {report.Entries} entries verified before it."
        : $"Audit trail intact: {report.Entries} entries verified{(report.UnchainedEntries > 0 ? $", {report.UnchainedEntries} written before the chain began" : string.Empty)}.";
}
