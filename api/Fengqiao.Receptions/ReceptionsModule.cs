using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.BuildingBlocks.Validation;
using Fengqiao.Receptions.Batches;
using Fengqiao.Receptions.Figures;
using Fengqiao.Receptions.MustVisits;
using Fengqiao.Receptions.Public;
using Fengqiao.Receptions.Registers;
using Fengqiao.Receptions.Schedule;
using Fengqiao.Receptions.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Receptions;

/// <summary>Leaders' reception days, departments' duties, appointments and visits, the batches received at them and their figures.</summary>
public static class ReceptionsModule
{
    public const string Tag = "Receptions";

    public static IServiceCollection AddReceptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleValidators(typeof(ReceptionsModule).Assembly);
        services.AddScoped<ReceptionStore>();
        services.AddScoped<ReceptionHosts>();
        services.AddScoped<ReceptionScheduler>();
        services.AddScoped<MustVisitProposer>();
        services.AddScoped<MustVisitRecorder>();
        services.AddOptions<MustVisitProposerOptions>().Bind(configuration.GetSection(MustVisitProposerOptions.Section));
        services.AddSingleton<MonthlyMustVisitProposer>();
        services.AddHostedService(sp => sp.GetRequiredService<MonthlyMustVisitProposer>());
        services.AddScoped<RegisterPlaces>();
        services.AddScoped<RegisterEntries>();
        services.AddSingleton<IRuleSetSectionValidator, ReceptionsRuleSetSectionValidator>();
        services.AddScoped<ReceptionsSeeding>();
        return services;
    }

    public static IEndpointRouteBuilder MapReceptions(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup(Tag);
        PublicReceptionDaysEndpoint.Map(api);

        var receptions = api.MapGroup("/receptions");
        ScheduleReceptionEndpoint.Map(receptions);
        ListReceptionsEndpoint.Map(receptions);
        GetReceptionFiguresEndpoint.Map(receptions);
        GetReceptionEndpoint.Map(receptions);
        UpdateReceptionEndpoint.Map(receptions);
        CancelReceptionEndpoint.Map(receptions);
        HoldReceptionEndpoint.Map(receptions);
        RecordReceptionBatchEndpoint.Map(receptions);
        CorrectReceptionBatchEndpoint.Map(receptions);
        TakeChargeOfBatchCaseEndpoint.Map(receptions);
        RevealReceptionPetitionerEndpoint.Map(receptions);
        GetMustVisitProposalsEndpoint.Map(receptions);
        PlanMustVisitEndpoint.Map(receptions);
        RegisterPolicyEndpoint.Map(receptions);
        ListPoliciesEndpoint.Map(receptions);
        UpdatePolicyEndpoint.Map(receptions);
        DeletePolicyEndpoint.Map(receptions);
        RegisterIncidentEndpoint.Map(receptions);
        ListIncidentsEndpoint.Map(receptions);
        UpdateIncidentEndpoint.Map(receptions);
        DeleteIncidentEndpoint.Map(receptions);
        return endpoints;
    }
}
