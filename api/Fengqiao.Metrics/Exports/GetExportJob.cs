using Fengqiao.BuildingBlocks.Auth;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Metrics.Exports;

/// <summary>An export job of the caller: its state and progress, which the SPA polls.</summary>
internal sealed record GetExportJob(Guid Id) : IQuery<ExportJobView>;

internal sealed class GetExportJobHandler(ExportJobReader reader) : IQueryHandler<GetExportJob, ExportJobView>
{
    public async ValueTask<ExportJobView> Handle(GetExportJob query, CancellationToken cancellationToken) =>
        (await reader.FindOwnAsync(query.Id, cancellationToken)).View();
}

internal static class GetExportJobEndpoint
{
    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("/export-jobs/{id:guid}", Handle)
            .WithName("GetExportJob")
            .WithSummary("An export job the caller started: its state, progress in percent and rows written, and its file's name once done.")
            .WithDescription("An export job the caller started: queued, running (with the rows written of the rows counted and the progress in percent), succeeded (the file is downloadable until expiresAt), failed (with the reason) or expired (the file was removed after the retention). Another caller's job answers 404, as a missing one does.")
            .RequireCapability(Capability.ViewMetrics)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<ExportJobView>> Handle(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetExportJob(id), cancellationToken));
}
