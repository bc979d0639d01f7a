using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>Staff record the petitioner's rating after a callback (回访), naming who called; the case's agent may rate on the petitioner's behalf.</summary>
internal sealed record RateCase(Rating Rating, string CalledBy, string? Note) : CaseCommand;

internal sealed class RateCaseValidator : AbstractValidator<RateCase>
{
    public RateCaseValidator()
    {
        RuleFor(c => c.Rating).IsInEnum();
        RuleFor(c => c.CalledBy).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}

internal sealed class RateCaseHandler(CaseStore store, CaseRating rating) : ICommandHandler<RateCase, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RateCase command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.Rate, cancellationToken);
        var source = store.CallerIsAgentOf(before) ? RatingSource.Agent : RatingSource.Callback;
        var note = string.IsNullOrWhiteSpace(command.Note) ? command.CalledBy.Trim() : $"{command.CalledBy.Trim()}: {command.Note.Trim()}";
        var version = await rating.RateAsync(before, command.Rating, source, note, cancellationToken);
        await store.AddTimelineAsync(before, CaseEventKind.Rated, false, $"{command.Rating.ToSnakeCase()} ({note})", cancellationToken);
        return new EntityVersion(before.Id, version);
    }
}

internal static class RateCaseEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<RateCase>(CaseAction.Rate, "rating", "RateCase", "Records the petitioner's rating taken by a callback (回访) or given through the agent.")
            .WithDescription("Staff record the petitioner's rating of the reply taken by a callback (回访), naming who called, or the case's agent rates on the petitioner's behalf. 409 when the case's state does not allow it (`allowedActions` of the case says what does).");
}
