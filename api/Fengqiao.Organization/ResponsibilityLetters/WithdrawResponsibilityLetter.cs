using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.ResponsibilityLetters;

/// <summary>
/// Withdraws a letter recorded by mistake (wrong regions or year, or never signed), with the reason. It is kept and listed as
/// withdrawn, no longer counts towards coverage and changes no more; the two regions may sign that year's letter again.
/// </summary>
internal sealed record WithdrawResponsibilityLetter(string Reason) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid LetterId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class WithdrawResponsibilityLetterValidator : AbstractValidator<WithdrawResponsibilityLetter>
{
    public WithdrawResponsibilityLetterValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

internal sealed class WithdrawResponsibilityLetterHandler(
    IDbSession session, ICurrentUser caller, ResponsibilityLetterStore store, IEventPublisher events, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<WithdrawResponsibilityLetter, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(WithdrawResponsibilityLetter command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.LetterId, command.ExpectedVersion, cancellationToken);
        var now = clock.GetUtcNow();
        await session.ExecuteVersionedAsync(
            ResponsibilityLetterSql.Withdraw,
            new { before.Id, Now = now, caller.UserId, Reason = command.Reason.Trim(), command.ExpectedVersion },
            command.ExpectedVersion,
            cancellationToken);
        var after = await store.GetAsync(before.Id, cancellationToken);
        audit.Record(new AuditEntry("responsibility_letter.withdrawn", "responsibility_letter", before.Id, before, after));
        events.Publish(new ResponsibilityLetterWithdrawn(Guid.CreateVersion7(now), now, before.Id, before.Year, before.IssuingRegionId, before.IssuingRegionPath,
            before.ReceivingRegionId, before.ReceivingRegionPath, before.ReceivingLevel.ToString().ToLowerInvariant()));
        return new EntityVersion(after.Id, after.Version);
    }
}

internal static class WithdrawResponsibilityLetterEndpoint
{
    public static void Map(IEndpointRouteBuilder letters) =>
        letters.MapPost("/{id:guid}/withdrawal", Handle)
            .WithName("WithdrawResponsibilityLetter")
            .WithDescription("Withdraws a letter recorded by mistake, giving the reason: it stays listed as withdrawn, no longer counts towards coverage and changes no more, and the two regions may sign that year's letter again. If-Match carries the ETag read. 404 unless the issuing region lies in the caller's jurisdiction; 409 `responsibility_letter_withdrawn` when it already is.")
            .ProducesETag()
            .WithSummary("Withdraws a letter recorded by mistake, with the reason; needs If-Match. It no longer counts; 404 unless the issuing region is in the caller's jurisdiction; 409 when already withdrawn.")
            .RequireCapability(Capability.ManageJointMeetingsAndLetters)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, WithdrawResponsibilityLetter request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var withdrawn = await sender.Send(request with { LetterId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, withdrawn.Version);
        return TypedResults.Ok(withdrawn);
    }
}
