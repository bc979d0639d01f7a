using Fengqiao.BuildingBlocks;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Validation;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Contracts.Receptions;
using Fengqiao.Contracts.Suggestions;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Metrics.Dashboard;
using Fengqiao.Metrics.Exports;
using Fengqiao.Metrics.AnnualReports;
using Fengqiao.Metrics.Facts;
using Fengqiao.Metrics.FiveColour;
using Fengqiao.Metrics.Indicators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Metrics;

/// <summary>Projections of the other modules' events into daily facts, and the indicators computed from them.</summary>
public static class MetricsModule
{
    public const string Tag = "Metrics";

    public static IServiceCollection AddMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleValidators(typeof(MetricsModule).Assembly);
        services.AddScoped<IFactLedger, FactStore>();
        services.AddScoped<FiveColourCalculator>();
        services.AddScoped<IndicatorTables>();
        services.AddSingleton<IRuleSetSectionValidator, FiveColourRuleSetSectionValidator>();
        services.AddSingleton<MetricsRebuild>();
        services.AddOptions<ExportJobOptions>().Bind(configuration.GetSection(ExportJobOptions.Section));
        services.AddSingleton<ExportFiles>();
        services.AddScoped<ExportSources>();
        services.AddScoped<ExportJobReader>();
        services.AddSingleton<ExportJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ExportJobRunner>());
        services.AddIntegrationEventConsumer<PetitionRegistered, PetitionFactConsumer>();
        services.AddIntegrationEventConsumer<PetitionAccepted, PetitionFactConsumer>();
        services.AddIntegrationEventConsumer<CaseAssigned, CaseFactConsumer>();
        services.AddIntegrationEventConsumer<SupervisionOrderIssued, CaseFactConsumer>();
        services.AddIntegrationEventConsumer<CaseReplied, CaseFactConsumer>();
        services.AddIntegrationEventConsumer<CaseOverdue, CaseFactConsumer>();
        services.AddIntegrationEventConsumer<CaseRated, CaseFactConsumer>();
        services.AddIntegrationEventConsumer<CaseClosed, CaseFactConsumer>();
        services.AddIntegrationEventConsumer<CaseReviewRequested, CaseFactConsumer>();
        services.AddIntegrationEventConsumer<SuggestionSubmitted, SuggestionFactConsumer>();
        services.AddIntegrationEventConsumer<SuggestionAnswered, SuggestionFactConsumer>();
        services.AddIntegrationEventConsumer<ReceptionBatchRecorded, ReceptionFactConsumer>();
        services.AddIntegrationEventConsumer<ReceptionBatchCorrected, ReceptionFactConsumer>();
        services.AddIntegrationEventConsumer<DisputeOpened, MediationFactConsumer>();
        services.AddIntegrationEventConsumer<DisputeAccepted, MediationFactConsumer>();
        services.AddIntegrationEventConsumer<MediationSessionHeld, MediationFactConsumer>();
        services.AddIntegrationEventConsumer<MediationAgreementReached, MediationFactConsumer>();
        services.AddIntegrationEventConsumer<MediationFailed, MediationFactConsumer>();
        services.AddIntegrationEventConsumer<JudicialConfirmationDecided, MediationFactConsumer>();
        services.AddIntegrationEventConsumer<AgreementPerformanceRecorded, MediationFactConsumer>();
        return services;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        var metrics = endpoints.MapApiGroup(Tag).MapGroup("/metrics");
        GetIndicatorsEndpoint.Map(metrics);
        GetIndicatorDefinitionsEndpoint.Map(metrics);
        GetFiveColourChartEndpoint.Map(metrics);
        GetMetricsDashboardEndpoint.Map(metrics);
        GetFiveColourRankingsEndpoint.Map(metrics);
        ExportFiveColourRankingEndpoint.Map(metrics);
        StartExportJobEndpoint.Map(metrics);
        GetExportJobEndpoint.Map(metrics);
        DownloadExportJobEndpoint.Map(metrics);
        GetAnnualReportEndpoint.Map(metrics);
        ExportAnnualReportEndpoint.Map(metrics);
        return endpoints;
    }
}
