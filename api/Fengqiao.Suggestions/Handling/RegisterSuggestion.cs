using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Handling;

/// <summary>
/// Registers a suggestion that came by letter or in person, on a published topic or unprompted, on the day it was received
/// (<see cref="ReceivedOn"/>, local; today by default). The submitter gets a tracking code and secret as online.
/// </summary>
internal sealed record RegisterSuggestion(
    SuggestionChannel Channel, Guid? TopicId, Guid? RegionId, string Title, string Content, string? Name, string? Phone, DateOnly? ReceivedOn)
    : ICommand<RegisteredSuggestion>, ISuggestionFields;

/// <summary>The new suggestion (version 1) and what the submitter follows it with, shown once.</summary>
internal sealed record RegisteredSuggestion(Guid Id, long Version, string TrackingCode, string Secret);

internal sealed class RegisterSuggestionValidator : SuggestionFieldsValidator<RegisterSuggestion>
{
    public RegisterSuggestionValidator(TimeProvider clock)
    {
        RuleFor(c => c.Channel).Must(c => c is SuggestionChannel.Letter or SuggestionChannel.Visit)
            .WithMessage("Staff register letters and visits; online suggestions come through the public form, petitions through intake.");
        RuleFor(c => c.ReceivedOn).Must(d => d <= BuildingBlocks.Clock.WorkCalendar.LocalDate(clock.GetUtcNow()) && d >= QueryValueChecks.EarliestDay)
            .When(c => c.ReceivedOn is not null).WithMessage("The day received lies in the past.");
    }
}

internal sealed class RegisterSuggestionHandler(SuggestionPlaces places, SuggestionWriter writer, ICurrentUser caller, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RegisterSuggestion, RegisteredSuggestion>
{
    public async ValueTask<RegisteredSuggestion> Handle(RegisterSuggestion command, CancellationToken cancellationToken)
    {
        var place = await places.ForStaffAsync(command, cancellationToken);
        var now = clock.GetUtcNow();
        var submittedAt = command.ReceivedOn is { } day && day < BuildingBlocks.Clock.WorkCalendar.LocalDate(now)
            ? new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime()
            : now;
        var stored = await writer.AddAsync(
            new NewSuggestion(command.Channel, place.Topic, place.Region, command.Title, command.Content, command.Name, command.Phone, null, null, caller.UserId, submittedAt),
            withSecret: true,
            cancellationToken);
        audit.Record(new AuditEntry("suggestion.registered", "suggestion", stored.Id, After: new { command.Channel, command.TopicId, RegionId = place.Region.Id, stored.TrackingCode }));
        return new RegisteredSuggestion(stored.Id, 1, stored.TrackingCode, stored.Secret!);
    }
}

internal static class RegisterSuggestionEndpoint
{
    public static void Map(IEndpointRouteBuilder suggestions) =>
        suggestions.MapPost("/", Handle)
            .WithName("RegisterSuggestion")
            .WithDescription("Staff register a suggestion that came by letter or in person, on a published topic or unprompted, on the day it was received (today by default). The answer carries the tracking code and secret to hand to the submitter, shown only this once. 400 for a day in the future or a channel the public form covers; 409 `topic_not_open` when the topic is not taking suggestions.")
            .ProducesETag()
            .WithSummary("Registers a suggestion received by letter or in person; returns its tracking code and secret for the submitter.")
            .RequireCapability(Capability.HandleSuggestions)
            .WithIdempotency()
            .CarriesSecret()
            .ProducesValidationProblem();

    private static async Task<Created<RegisteredSuggestion>> Handle(RegisterSuggestion request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var registered = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, registered.Version);
        return TypedResults.Created($"/api/v1/suggestions/{registered.Id}", registered);
    }
}
