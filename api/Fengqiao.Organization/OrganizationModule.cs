using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.Contracts.Organization;
using Fengqiao.Organization.Audit;
using Fengqiao.Organization.Demo;
using Fengqiao.Organization.Directory;
using Fengqiao.Organization.Me;
using Fengqiao.Organization.Regions;
using Fengqiao.Organization.Settings;
using Fengqiao.Organization.SignIn;
using Fengqiao.Organization.Units;
using Fengqiao.Organization.Users;
using Fengqiao.BuildingBlocks.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Organization;

/// <summary>Regions, units, users and roles, sign-in and tokens, the city-wide settings (work calendar, rule sets) and the audit viewer.</summary>
public static class OrganizationModule
{
    public const string Tag = "Organization";

    public static IServiceCollection AddOrganization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleValidators(typeof(OrganizationModule).Assembly);
        services.AddSingleton<UserPasswords>();
        services.AddSingleton<TokenIssuer>();
        services.AddScoped<UserStore>();
        services.AddScoped<IOrganizationDirectory, OrganizationDirectory>();
        services.AddScoped<IAuditActors, AuditActors>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<IClaimsTransformation, ExternalIdentityClaims>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganization(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags(Tag);

        var auth = api.MapGroup("/auth");
        IssueTokenEndpoint.Map(auth);
        RefreshAccessTokenEndpoint.Map(auth);
        SignOutEndpoint.Map(auth);

        GetMeEndpoint.Map(api);

        var regions = api.MapGroup("/regions");
        ListRegionsEndpoint.Map(regions);
        GetRegionEndpoint.Map(regions);
        ListPublicRegionsEndpoint.Map(api);

        var units = api.MapGroup("/units");
        ListUnitsEndpoint.Map(units);
        GetUnitEndpoint.Map(units);

        var users = api.MapGroup("/users");
        ListUsersEndpoint.Map(users);
        ListAgentsEndpoint.Map(users);
        GetUserEndpoint.Map(users);
        CreateUserEndpoint.Map(users);
        UpdateUserEndpoint.Map(users);
        SetUserDisabledEndpoints.Map(users);
        ResetPasswordEndpoint.Map(users);

        var workCalendar = api.MapGroup("/settings/work-calendar");
        ListWorkCalendarYearsEndpoint.Map(workCalendar);
        GetWorkCalendarYearEndpoint.Map(workCalendar);
        SaveWorkCalendarYearEndpoint.Map(workCalendar);

        var ruleSets = api.MapGroup("/settings/rule-sets");
        ListRuleSetsEndpoint.Map(ruleSets);
        GetRuleSetEndpoint.Map(ruleSets);
        UpdateRuleSetEndpoint.Map(ruleSets);
        ActivateRuleSetEndpoint.Map(ruleSets);

        ListAuditEntriesEndpoint.Map(api);
        VerifyAuditChainEndpoint.Map(api);
        return endpoints;
    }

    /// <summary>Seeds demo regions, units and users into an empty database (unless Demo:Seed is false).</summary>
    public static Task SeedOrganizationDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
}
