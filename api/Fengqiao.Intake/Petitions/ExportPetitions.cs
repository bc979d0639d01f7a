using System.Globalization;
using Dapper;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Intake.Petitions;

/// <summary>
/// The worklist's current filter as CSV, streamed row by row from an unbuffered query so a large export
/// never sits in memory. Names are not exported; personal data never is.
/// </summary>
internal static class ExportPetitionsEndpoint
{
    public static void Map(IEndpointRouteBuilder petitions) =>
        petitions.MapGet("/export.csv", Handle)
            .WithName("ExportPetitions")
            .WithDescription("The worklist for the same filters as the list, streamed as CSV (UTF-8 with a BOM so Excel opens it correctly). Petitioners' personal data is never exported, and every export leaves an audit entry naming who took which slice out.")
            .WithSummary("The worklist for the same filters as ListPetitions, as a CSV file (UTF-8 with BOM, for Excel).")
            .RequireCapability(Capability.ExportPetitions)
            .ProducesCsv()
            .ProducesValidationProblem();

    private static async Task Handle(
        [Fengqiao.BuildingBlocks.Http.QueryEnum(typeof(PetitionStatus))] string? status,
        [Fengqiao.BuildingBlocks.Http.QueryEnum(typeof(Channel))] string? channel,
        string? category,
        Guid? regionId,
        [FromQuery, Fengqiao.BuildingBlocks.Http.QueryEnum(typeof(PetitionFlag))] string[]? flag,
        DateOnly? receivedFrom,
        DateOnly? receivedTo,
        string? text,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var filter = PetitionFilter.FromQuery(status, channel, category, regionId, flag, receivedFrom, receivedTo, text);
        var session = services.GetRequiredService<IDbSession>();
        var parameters = await filter.ParametersAsync(
            services.GetRequiredService<PetitionReader>(), services.GetRequiredService<IOrganizationDirectory>(), services.GetRequiredService<TimeProvider>(),
            null, int.MaxValue, cancellationToken);
        await RecordExportAsync(services, filter, cancellationToken);

        await using var csv = await CsvExport.StartAsync(
            context.Response,
            $"petitions-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv",
            ["number", "received_at", "channel", "status", "category", "region", "persons", "acceptance_due", "flags", "request"]);
        if (parameters is not null)
        {
            var connection = await session.GetConnectionAsync(cancellationToken);
            await foreach (var row in connection.QueryUnbufferedAsync<PetitionListItem>(PetitionSql.List(session.Dialect, filter.Terms, afterCursor: false, level: null), parameters).WithCancellation(cancellationToken))
            {
                await csv.WriteRowAsync(
                [
                    row.Number,
                    row.ReceivedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    row.Channel.ToSnakeCase(),
                    row.Status.ToSnakeCase(),
                    row.Category,
                    row.RegionName,
                    row.Persons.ToString(CultureInfo.InvariantCulture),
                    row.AcceptanceDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    string.Join(' ', FlagsOf(row)),
                    row.RequestText,
                ]);
            }
        }
    }

    /// <summary>Exports leave an audit row: who took which slice of the worklist out of the system.</summary>
    private static async Task RecordExportAsync(IServiceProvider services, PetitionFilter filter, CancellationToken cancellationToken)
    {
        var unitOfWork = services.GetRequiredService<UnitOfWork>();
        var audit = services.GetRequiredService<IAuditLog>();
        await unitOfWork.ExecuteAsync(
            _ =>
            {
                audit.Record(new AuditEntry("petitions.exported", "petition", null, After: filter));
                return ValueTask.FromResult(true);
            },
            cancellationToken);
    }

    private static IEnumerable<string> FlagsOf(PetitionListItem row)
    {
        if (row.IsFirstTime) yield return "first_time";
        if (row.IsRepeat) yield return "repeat";
        if (row.IsSkipLevel) yield return "skip_level";
        if (row.IsCollective) yield return "collective";
        if (row.IsBusiness) yield return "business_environment";
        if (row.IsCrossBoundary) yield return "cross_boundary";
        if (row.IsUrgent) yield return "urgent";
        if (row.IsFinalMatter) yield return "final_matter";
    }
}
