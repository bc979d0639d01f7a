using Fengqiao.BuildingBlocks;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Validation;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Suggestions;
using Fengqiao.Suggestions.Diary;
using Fengqiao.Suggestions.Evaluation;
using Fengqiao.Suggestions.Handling;
using Fengqiao.Suggestions.Public;
using Fengqiao.Suggestions.Seeding;
using Fengqiao.Suggestions.Topics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Suggestions;

/// <summary>People's suggestions 人民建议征集: topics the public is asked about, the suggestions (on them or unprompted) and their handling, and the people's-sentiment diary 民情日记.</summary>
public static class SuggestionsModule
{
    public const string Tag = "Suggestions";

    public static IServiceCollection AddSuggestions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleValidators(typeof(SuggestionsModule).Assembly);
        services.AddScoped<TopicStore>();
        services.AddScoped<SuggestionStore>();
        services.AddScoped<ISuggestionReferences, SuggestionReferences>();
        services.AddScoped<SuggestionPlaces>();
        services.AddScoped<SuggestionWriter>();
        services.AddScoped<SimilarSuggestions>();
        services.AddScoped<SuggestionAssigner>();
        services.AddScoped<SuggestionAnswering>();
        services.AddScoped<DiaryStore>();
        services.AddScoped<DiaryGrouping>();
        services.AddScoped<DiaryConverter>();
        services.AddIntegrationEventConsumer<PetitionConvertedToSuggestion, OpenSuggestionFromPetition>();
        services.AddSingleton<IRuleSetSectionValidator, SuggestionsRuleSetSectionValidator>();
        services.AddScoped<SuggestionsSeeding>();
        return services;
    }

    public static IEndpointRouteBuilder MapSuggestions(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup(Tag);
        PublicTopicEndpoints.Map(api);
        PublicSuggestionEndpoints.Map(api);
        PublicAdoptedSuggestionEndpoints.Map(api);

        var topics = api.MapGroup("/suggestion-topics");
        CreateSuggestionTopicEndpoint.Map(topics);
        ListSuggestionTopicsEndpoint.Map(topics);
        GetSuggestionTopicEndpoint.Map(topics);
        UpdateSuggestionTopicEndpoint.Map(topics);
        PublishSuggestionTopicEndpoint.Map(topics);
        CloseSuggestionTopicEndpoint.Map(topics);
        ConcludeSuggestionTopicEndpoint.Map(topics);

        var suggestions = api.MapGroup("/suggestions");
        RegisterSuggestionEndpoint.Map(suggestions);
        ListSuggestionsEndpoint.Map(suggestions);
        CountSuggestionsEndpoint.Map(suggestions);
        GetSuggestionEndpoint.Map(suggestions);
        ScreenSuggestionEndpoint.Map(suggestions);
        AssignSuggestionEndpoint.Map(suggestions);
        BulkAssignSuggestionsEndpoint.Map(suggestions);
        AnswerSuggestionEndpoint.Map(suggestions);
        ImplementSuggestionEndpoint.Map(suggestions);
        RevealSuggestionSubmitterEndpoint.Map(suggestions);
        UnitAssignmentEndpoints.Map(api.MapGroup("/suggestion-assignments"));

        var diary = api.MapGroup("/diary");
        LogDiaryEntryEndpoint.Map(diary);
        ListDiaryEntriesEndpoint.Map(diary);
        GetDiaryEntryEndpoint.Map(diary);
        DiaryEntryPhotoEndpoints.Map(diary);
        DiaryMatterEndpoints.Map(diary);
        ConvertDiaryEndpoints.Map(diary);
        return endpoints;
    }
}
