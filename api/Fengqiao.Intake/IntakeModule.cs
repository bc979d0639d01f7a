using Fengqiao.Intake.Attachments;
using Fengqiao.Intake.Demo;
using Fengqiao.Intake.Duplicates;
using Fengqiao.Intake.PersonalData;
using Fengqiao.Intake.Petitions;
using Fengqiao.Intake.Public;
using Fengqiao.Intake.Routing;
using Fengqiao.Intake.Rules;
using FluentValidation;
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
        // Validators are stateless (the clock and rules they use are singletons): built once, not on every request.
        services.AddValidatorsFromAssembly(typeof(IntakeModule).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddSingleton(IntakeRules.Load(configuration));
        services.AddSingleton<AttachmentStore>();
        services.AddScoped<PetitionRegistrar>();
        services.AddScoped<PetitionReader>();
        services.AddScoped<PetitionNumbers>();
        services.AddScoped<PetitionCategories>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<RoutingRules>();
        services.AddScoped<Timeline>();
        services.AddScoped<Tracking>();
        services.AddScoped<PetitionBulkLoader>();
        services.AddSingleton<IntakeDemoSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags(Tag);
        ListCategoriesEndpoint.Map(api);
        PublicEndpoints.Map(api);

        var petitions = api.MapGroup("/petitions");
        RegisterPetitionEndpoint.Map(petitions);
        ListPetitionsEndpoint.Map(petitions);
        ExportPetitionsEndpoint.Map(petitions);
        GetPetitionEndpoint.Map(petitions);
        ClassifyPetitionEndpoint.Map(petitions);
        FindDuplicateCandidatesEndpoint.Map(petitions);
        LinkAndMergeEndpoints.Map(petitions);
        AttachmentEndpoints.Map(petitions);
        RevealPetitionerEndpoint.Map(petitions);
        return endpoints;
    }

    /// <summary>Seeds generated demo petitions (Demo:Petitions, default 3,000) when there are none yet, unless Demo:Seed is false.</summary>
    public static Task SeedIntakeDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IntakeDemoSeeder>().SeedIfEmptyAsync(cancellationToken);
}
