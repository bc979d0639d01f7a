using Fengqiao.BuildingBlocks;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Intake;
using Fengqiao.Dispatch.Attachments;
using Fengqiao.Dispatch.BulkLoading;
using Fengqiao.Dispatch.Cases;
using Fengqiao.Dispatch.Public;
using Fengqiao.Dispatch.Rules;
using Fengqiao.Dispatch.Statistics;
using Fengqiao.Dispatch.Supervision;
using Fengqiao.Dispatch.Watcher;
using Fengqiao.BuildingBlocks.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Dispatch;

/// <summary>Cases from accepted petitions: assign, sign, return, extend, reply, rate, review, supervise, and the statutory clock.</summary>
public static class DispatchModule
{
    public const string Tag = "Dispatch";

    public static IServiceCollection AddDispatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleValidators(typeof(DispatchModule).Assembly);
        services.AddScoped(sp => DispatchRules.From(sp.GetRequiredService<IRuleSets>().Active));
        services.AddSingleton<IRuleSetSectionValidator, DispatchRuleSetSectionValidator>();
        services.AddScoped<CaseStore>();
        services.AddScoped<ICaseReferences, CaseReferences>();
        services.AddScoped<ICaseAgency, CaseAgency>();
        services.AddScoped<ChecklistTemplates>();
        services.AddScoped<CaseRating>();
        services.AddScoped<ReviewOpener>();
        services.AddScoped<PublicCases>();
        services.AddScoped<CaseAttachments>();
        services.AddScoped<ICaseLeadership, CaseLeadership>();
        services.AddScoped<ICaseStatistics, CaseStatistics>();
        services.AddScoped<CaseBulkLoader>();
        services.AddScoped(sp => new DispatchBulkLoading(
            sp.GetRequiredService<IDbSession>(), sp.GetRequiredService<DispatchRules>(), sp.GetRequiredService<WorkCalendar>(), sp.GetRequiredService<CaseBulkLoader>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddIntegrationEventConsumer<PetitionAccepted, OpenCaseOnAcceptance>();
        services.AddOptions<DeadlineWatcherOptions>().Bind(configuration.GetSection(DeadlineWatcherOptions.Section));
        services.AddSingleton<DeadlineWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineWatcher>());
        return services;
    }

    public static IEndpointRouteBuilder MapDispatch(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup(Tag);
        PublicCaseEndpoints.Map(api);
        SupervisionBoardEndpoint.Map(api);

        var cases = api.MapGroup("/cases");
        ListCasesEndpoint.Map(cases);
        GetCaseEndpoint.Map(cases);
        AssignCaseEndpoint.Map(cases);
        SignCaseEndpoint.Map(cases);
        ReturnCaseEndpoint.Map(cases);
        AddCaseNoteEndpoint.Map(cases);
        SubmitCoUnitInputEndpoint.Map(cases);
        RequestExtensionEndpoint.Map(cases);
        DecideExtensionEndpoint.Map(cases);
        ClockEndpoints.Map(cases);
        CaseAttachmentEndpoints.Map(cases);
        ReplyCaseEndpoint.Map(cases);
        RateCaseEndpoint.Map(cases);
        CloseCaseEndpoint.Map(cases);
        RequestReviewEndpoint.Map(cases);
        TickChecklistItemEndpoint.Map(cases);
        AssignAgentEndpoint.Map(cases);
        TakeChargeEndpoint.Map(cases);
        SupervisionOrderEndpoints.Map(cases);
        return endpoints;
    }
}
