using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.Contracts.Organization;
using Fengqiao.Organization.Audit;
using Fengqiao.Organization.Coverage;
using Fengqiao.Organization.Directory;
using Fengqiao.Organization.JointMeetings;
using Fengqiao.Organization.Me;
using Fengqiao.Organization.Regions;
using Fengqiao.Organization.ResponsibilityLetters;
using Fengqiao.Organization.Seeding;
using Fengqiao.Organization.Settings;
using Fengqiao.Organization.SignIn;
using Fengqiao.Organization.Units;
using Fengqiao.Organization.Users;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Organization;

/// <summary>Regions, units, users and roles, joint-meeting systems and responsibility letters, sign-in and tokens, the city-wide settings (work calendar, rule sets) and the audit viewer.</summary>
public static class OrganizationModule
{
    public const string Tag = "Organization";

    public static IServiceCollection AddOrganization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleValidators(typeof(OrganizationModule).Assembly);
        services.AddOptions<PasswordHashingOptions>()
            .Bind(configuration.GetSection(PasswordHashingOptions.Section))
            .Validate(o => o.Iterations >= PasswordHashingOptions.MinIterations, $"Passwords:Iterations must be at least {PasswordHashingOptions.MinIterations} (OWASP, PBKDF2-HMAC-SHA512).")
            .ValidateOnStart();
        services.AddSingleton<UserPasswords>();
        services.AddSingleton<TokenIssuer>();
        services.AddOptions<LockoutOptions>().Bind(configuration.GetSection(LockoutOptions.Section));
        services.AddSingleton<Lockout>();
        services.AddScoped<UserStore>();
        services.AddScoped<RoleGrants>();
        services.AddScoped<UnitStore>();
        services.AddScoped<RegionStore>();
        services.AddScoped<JointMeetingStore>();
        services.AddScoped<ResponsibilityLetterStore>();
        services.AddSingleton<SecurityStampCache>();
        services.AddSingleton<ISecurityStamps>(sp => sp.GetRequiredService<SecurityStampCache>());
        services.AddHostedService<SecurityStampRefresher>();
        services.AddScoped<IOrganizationDirectory, OrganizationDirectory>();
        services.AddScoped(sp => new OrganizationSeeding(
            sp.GetRequiredService<IDbSession>(), sp.GetRequiredService<UnitOfWork>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<UserPasswords>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IAuditActors, AuditActors>();
        services.AddSingleton<IClaimsTransformation, ExternalIdentityClaims>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganization(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup(Tag);

        var auth = api.MapGroup("/auth");
        IssueTokenEndpoint.Map(auth);
        RefreshAccessTokenEndpoint.Map(auth);
        SignOutEndpoint.Map(auth);

        GetMeEndpoint.Map(api);

        var regions = api.MapGroup("/regions");
        ListRegionsEndpoint.Map(regions);
        GetRegionEndpoint.Map(regions);
        CreateVillageEndpoint.Map(regions);
        RenameVillageEndpoint.Map(regions);
        RetireVillageEndpoint.Map(regions);
        ListPublicRegionsEndpoint.Map(api);

        var units = api.MapGroup("/units");
        ListUnitsEndpoint.Map(units);
        GetUnitEndpoint.Map(units);
        CreateUnitEndpoint.Map(units);
        UpdateUnitEndpoint.Map(units);
        RetireUnitEndpoint.Map(units);

        var jointMeetingSystems = api.MapGroup("/joint-meeting-systems");
        ListJointMeetingSystemsEndpoint.Map(jointMeetingSystems);
        GetJointMeetingSystemEndpoint.Map(jointMeetingSystems);
        CreateJointMeetingSystemEndpoint.Map(jointMeetingSystems);
        UpdateJointMeetingSystemEndpoint.Map(jointMeetingSystems);
        RetireJointMeetingSystemEndpoint.Map(jointMeetingSystems);
        ListJointMeetingsEndpoint.Map(jointMeetingSystems);
        AddJointMeetingEndpoint.Map(jointMeetingSystems);

        var letters = api.MapGroup("/responsibility-letters");
        ListResponsibilityLettersEndpoint.Map(letters);
        GetResponsibilityLetterEndpoint.Map(letters);
        SignResponsibilityLetterEndpoint.Map(letters);
        CorrectResponsibilityLetterEndpoint.Map(letters);
        WithdrawResponsibilityLetterEndpoint.Map(letters);
        ResponsibilityLetterFileEndpoints.Map(letters);
        GetOrganizationCoverageEndpoint.Map(api);

        var users = api.MapGroup("/users");
        ListUsersEndpoint.Map(users);
        ListAgentsEndpoint.Map(users);
        ListGrantableRolesEndpoint.Map(users);
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
}
