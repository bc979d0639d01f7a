using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Metrics.Exports;

/// <summary>The file of a finished export job, to its creator only, while it is kept.</summary>
internal static class DownloadExportJobEndpoint
{
    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("/export-jobs/{id:guid}/file", Handle)
            .WithName("DownloadExportJob")
            .WithSummary("The file of an export job the caller started, once it succeeded and while it is kept.")
            .WithDescription("The XLSX or CSV file of an export job the caller started. 409 while the job is queued or running, when it failed, or once the file was removed after the retention; another caller's job answers 404, as a missing one does.")
            .RequireCapability(Capability.ViewMetrics)
            .ProducesCsv()
            .Produces(StatusCodes.Status200OK, contentType: ExportFileWriter.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<FileStreamHttpResult> Handle(Guid id, ExportJobReader reader, ExportFiles files, CancellationToken cancellationToken)
    {
        var job = await reader.FindOwnAsync(id, cancellationToken);
        if (job.State == ExportJobState.Expired)
        {
            throw new ConflictException("export_expired", "The file was kept for a while and has been removed; start the export again.");
        }

        if (job is not { State: ExportJobState.Succeeded, StorageKey: { } storageKey, FileName: { } fileName })
        {
            throw new ConflictException("export_not_ready", "The export has not produced a file (yet): poll the job until it succeeds.");
        }

        var path = files.PathOf(storageKey);
        if (!File.Exists(path))
        {
            throw new ConflictException("export_expired", "The file was kept for a while and has been removed; start the export again.");
        }

        return TypedResults.File(
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true),
            ExportFileWriter.MediaType(job.Format), fileName);
    }
}
