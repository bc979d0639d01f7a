using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Dispatch.Attachments;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>
/// The written opinion 信访处理意见书 (Art 34): support, explain or not support, with its text and the files uploaded to the
/// case for it; the petitioner is notified.
/// </summary>
internal sealed record ReplyCase(Opinion Opinion, string Text, IReadOnlyList<Guid>? AttachmentIds) : CaseCommand;

internal sealed class ReplyCaseValidator : AbstractValidator<ReplyCase>
{
    private const int MaxAttachments = 20;

    public ReplyCaseValidator()
    {
        RuleFor(c => c.Opinion).IsInEnum();
        RuleFor(c => c.Text).NotEmpty().MaximumLength(20000);
        RuleFor(c => c.AttachmentIds).Must(ids => ids is null || ids.Count <= MaxAttachments).WithMessage($"A reply carries at most {MaxAttachments} attachments.");
        RuleForEach(c => c.AttachmentIds).NotEmpty();
    }
}

internal sealed class ReplyCaseHandler(CaseStore store, CaseAttachments attachments, IEventPublisher events, TimeProvider clock) : ICommandHandler<ReplyCase, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(ReplyCase command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.Reply, cancellationToken);
        var now = clock.GetUtcNow();
        await attachments.SendWithReplyAsync(before.Id, command.AttachmentIds, now, cancellationToken);
        var after = before with { Status = CaseStateMachine.Next(before.Status, CaseAction.Reply), RepliedAt = now, Opinion = command.Opinion, ReplyText = command.Text.Trim() };
        var version = await store.SaveAsync(before, after, "case.replied", cancellationToken);
        var onTime = before.ReplyDue is not { } due || store.Today <= due;
        if (!onTime)
        {
            await store.RecordBreachAsync(before.Id, CaseStore.BreachFor(ClockStep.Reply), cancellationToken);
        }

        await store.AddTimelineAsync(after, CaseEventKind.Replied, true, command.Text.Trim(), cancellationToken);
        var h = CaseEventHeader.Of(after, now);
        events.Publish(new CaseReplied(h.EventId, h.OccurredAt, h.CaseId, h.PetitionId, h.Kind, h.RegionPath, h.LeadUnitId, command.Opinion.ToSnakeCase(), onTime));
        return new EntityVersion(before.Id, version);
    }
}

internal static class ReplyCaseEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<ReplyCase>(CaseAction.Reply, "reply", "ReplyCase", "The lead unit replies with its written opinion; the petitioner is notified.")
            .WithDescription("The lead unit gives its written opinion (信访处理意见书): support, explain or not support, with the text and files uploaded to the case; the petitioner is notified and may then rate it or request review. 400 for more attachments than allowed; 409 when the case's state does not allow it (`allowedActions` of the case says what does).")
            .WithRequestExample(new ReplyCase(
                Opinion.Support,
                "经核查，开发商已于本月提交不动产首次登记申请，区住建局督促其在 30 日内为你办理不动产权证。",
                AttachmentIds: []));
}
