using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>Staff or the case's agent request review (复查) or re-review (复核) for the petitioner.</summary>
internal sealed record RequestReview(string Reason) : CaseCommand;

internal sealed class RequestReviewValidator : AbstractValidator<RequestReview>
{
    public RequestReviewValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(4000);
}

internal sealed class RequestReviewHandler(CaseStore store, ReviewOpener reviews) : ICommandHandler<RequestReview, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RequestReview command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.RequestReview, cancellationToken);
        var (version, _) = await reviews.OpenAsync(before, command.Reason.Trim(), cancellationToken);
        await store.AddTimelineAsync(before, CaseEventKind.ReviewRequested, true, command.Reason.Trim(), cancellationToken);
        return new EntityVersion(before.Id, version);
    }
}

internal static class RequestReviewEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<RequestReview>(CaseAction.RequestReview, "review-request", "RequestCaseReview",
            "Requests review (复查) of a replied case, or re-review (复核) of a review, for the petitioner.")
            .WithDescription("Staff or the case's agent request review (复查) of the reply, or re-review (复核) of a review, on the petitioner's behalf, with the reason. 409 when the case's state does not allow it (`allowedActions` of the case says what does).");
}
