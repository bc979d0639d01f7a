using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Intake.Attachments;
using Fengqiao.Intake.BulkLoading;
using Fengqiao.Intake.CaseUnits;
using Fengqiao.Intake.Duplicates;
using Fengqiao.Intake.PersonalData;
using Fengqiao.Intake.Petitions;
using Fengqiao.Intake.Public;
using Fengqiao.Intake.Routing;
using Fengqiao.Intake.Rules;
using Fengqiao.Intake.Statistics;
using Fengqiao.BuildingBlocks;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Intake.Mediation;
using Fengqiao.Intake.Finality;
using Fengqiao.BuildingBlocks.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Intake;

/// <summary>Petitions from every channel: registration, flags, duplicates, classification, attachments, public submission.</summary>
public static class IntakeModule
{
    public const string Tag = "Intake";

    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleValidators(typeof(IntakeModule).Assembly);
        services.AddScoped(sp => IntakeRules.From(sp.GetRequiredService<IRuleSets>().Active));
        services.AddSingleton<IRuleSetSectionValidator, IntakeRuleSetSectionValidator>();
        services.AddScoped<PetitionRegistrar>();
        services.AddScoped<PetitionReader>();
        services.AddScoped<CaseAgentReads>();
        services.AddScoped<PetitionNumbers>();
        services.AddScoped<PetitionCategories>();
        services.AddScoped<IPetitionCategoryList>(sp => sp.GetRequiredService<PetitionCategories>());
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<RoutingRules>();
        services.AddScoped<RoutingRuleTargets>();
        services.AddScoped<Timeline>();
        services.AddScoped<Tracking>();
        services.AddScoped<IPetitionTracking>(sp => sp.GetRequiredService<Tracking>());
        services.AddScoped<IPetitionRegistration, PetitionRegistration>();
        services.AddScoped<IPetitionStatistics, PetitionStatistics>();
        services.AddScoped<IPetitionReferences, PetitionReferences>();
        services.AddScoped<PetitionBulkLoader>();
        services.AddScoped(sp => new IntakeBulkLoading(
            sp.GetRequiredService<IDbSession>(), sp.GetRequiredService<IntakeRules>(), sp.GetRequiredService<PetitionCategories>(), sp.GetRequiredService<PetitionBulkLoader>(),
            sp.GetRequiredService<UnitOfWork>()));
        services.AddIntegrationEventConsumer<CaseFinal, MarkPetitionFinal>();
        services.AddIntegrationEventConsumer<CaseAssigned, RecordCaseUnits>();
        services.AddIntegrationEventConsumer<CaseReturned, RecordCaseUnits>();
        services.AddIntegrationEventConsumer<MediationAgreementReached, RecordMediationOutcome>();
        services.AddIntegrationEventConsumer<MediationFailed, RecordMediationOutcome>();
        services.AddIntegrationEventConsumer<AgreementPerformanceRecorded, RecordMediationOutcome>();
        services.AddIntegrationEventConsumer<DisputeNotMediated, RecordMediationOutcome>();
        services.AddIntegrationEventConsumer<DisputeWithdrawn, RecordMediationOutcome>();
        return services;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup(Tag);
        ListCategoriesEndpoint.Map(api);
        PublicEndpoints.Map(api);

        var petitions = api.MapGroup("/petitions");
        RegisterPetitionEndpoint.Map(petitions);
        ListPetitionsEndpoint.Map(petitions);
        CountPetitionsEndpoint.Map(petitions);
        ExportPetitionsEndpoint.Map(petitions);
        GetPetitionEndpoint.Map(petitions);
        ClassifyPetitionEndpoint.Map(petitions);
        FindDuplicateCandidatesEndpoint.Map(petitions);
        LinkAndMergeEndpoints.Map(petitions);
        AttachmentEndpoints.Map(petitions);
        RevealPetitionerEndpoint.Map(petitions);

        var routingRules = api.MapGroup("/routing-rules");
        ListRoutingRulesEndpoint.Map(routingRules);
        CreateRoutingRuleEndpoint.Map(routingRules);
        ChangeRoutingRuleEndpoint.Map(routingRules);
        DeleteRoutingRuleEndpoint.Map(routingRules);
        return endpoints;
    }
}
