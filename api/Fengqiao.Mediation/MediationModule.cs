using Fengqiao.BuildingBlocks;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Mediation.Calendar;
using Fengqiao.Mediation.Counts;
using Fengqiao.Contracts.Intake;
using Fengqiao.Mediation.Clock;
using Fengqiao.Mediation.Disputes;
using Fengqiao.Mediation.FollowUps;
using Fengqiao.BuildingBlocks.Validation;
using Fengqiao.Mediation.Mediators;
using Fengqiao.Mediation.Online;
using Fengqiao.Mediation.Outcomes;
using Fengqiao.Mediation.PublicTypes;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Mediation.Rooms;
using Fengqiao.Mediation.Seeding;
using Fengqiao.Mediation.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Mediation;

/// <summary>People's mediation: the rooms and committees with their mediators, and the disputes brought to them.</summary>
public static class MediationModule
{
    public const string Tag = "Mediation";

    public static IServiceCollection AddMediation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleValidators(typeof(MediationModule).Assembly);
        services.AddScoped<RoomStore>();
        services.AddScoped<MediatorStore>();
        services.AddScoped<DisputeStore>();
        services.AddScoped<MediationClockStore>();
        services.AddScoped<OnlineTracking>();
        services.AddScoped<SessionBooking>();
        services.AddScoped<MediationSeeding>();
        services.AddIntegrationEventConsumer<PetitionReferredToMediation, OpenDisputeOnReferral>();
        services.AddSingleton<IRuleSetSectionValidator, MediationRuleSetSectionValidator>();
        return services;
    }

    public static IEndpointRouteBuilder MapMediation(this IEndpointRouteBuilder endpoints)
    {
        OnlineApplicationEndpoints.Map(endpoints.MapApiGroup(Tag));
        ListPublicDisputeTypesEndpoint.Map(endpoints.MapApiGroup(Tag));
        var mediation = endpoints.MapApiGroup(Tag).MapGroup("/mediation");
        ListDisputeTypesEndpoint.Map(mediation);
        CountMediationWorkEndpoint.Map(mediation);

        var rooms = mediation.MapGroup("/rooms");
        ListRoomsEndpoint.Map(rooms);
        GetRoomEndpoint.Map(rooms);
        CreateRoomEndpoint.Map(rooms);
        UpdateRoomEndpoint.Map(rooms);
        AddMediatorEndpoint.Map(rooms);
        UpdateMediatorEndpoint.Map(rooms);
        RetireMediatorEndpoint.Map(rooms);
        ListSessionCalendarEndpoints.Map(rooms);

        var disputes = mediation.MapGroup("/disputes");
        ListDisputesEndpoint.Map(disputes);
        GetDisputeEndpoint.Map(disputes);
        RegisterDisputeEndpoint.Map(disputes);
        RecordConsentEndpoint.Map(disputes);
        WithdrawDisputeEndpoint.Map(disputes);
        AssignDisputeEndpoint.Map(disputes);
        AddDisputeRepresentativeEndpoint.Map(disputes);
        RemoveDisputeRepresentativeEndpoint.Map(disputes);
        ScheduleSessionEndpoint.Map(disputes);
        HoldSessionEndpoint.Map(disputes);
        RescheduleSessionEndpoint.Map(disputes);
        CancelSessionEndpoint.Map(disputes);
        RecordAgreementEndpoint.Map(disputes);
        RecordFailureEndpoint.Map(disputes);
        ApplyForJudicialConfirmationEndpoint.Map(disputes);
        RecordJudicialRulingEndpoint.Map(disputes);
        RecordFollowUpEndpoint.Map(disputes);
        MediationClockEndpoints.Map(disputes);
        return endpoints;
    }
}
