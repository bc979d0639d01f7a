using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Dispatch.Rules;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>The lead unit asks for more time (Art 34: up to the rule set's limit in all), giving the reason the petitioner will read.</summary>
internal sealed record RequestExtension(int Days, string Reason) : CaseCommand;

internal sealed class RequestExtensionValidator : AbstractValidator<RequestExtension>
{
    public RequestExtensionValidator(DispatchRules rules)
    {
        RuleFor(c => c.Days).InclusiveBetween(1, Math.Max(1, rules.MaxExtensionDays));
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
    }
}

internal sealed class RequestExtensionHandler(IDbSession session, CaseStore store, ICurrentUser caller, DispatchRules rules, TimeProvider clock)
    : ICommandHandler<RequestExtension, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(RequestExtension command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.RequestExtension, cancellationToken);
        if (before.ExtensionDays + command.Days > rules.MaxExtensionDays)
        {
            throw new ConflictException("extension_limit",
                $"The rule set allows {rules.MaxExtensionDays} days of extension in all; {before.ExtensionDays} are already granted.");
        }

        await session.ExecuteAsync(
            CaseSql.InsertExtension,
            new { Id = Guid.CreateVersion7(clock.GetUtcNow()), CaseId = before.Id, command.Days, Reason = command.Reason.Trim(), Now = clock.GetUtcNow(), ByName = caller.DisplayName },
            cancellationToken);
        var version = await store.SaveAsync(before, before, "case.extension_requested", cancellationToken);
        await store.AddTimelineAsync(before, CaseEventKind.ExtensionRequested, false, $"{command.Days}: {command.Reason.Trim()}", cancellationToken);
        return new EntityVersion(before.Id, version);
    }
}

internal static class RequestExtensionEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<RequestExtension>(CaseAction.RequestExtension, "extension-request", "RequestCaseExtension", "The lead unit requests an extension of the reply deadline.")
            .WithDescription("The lead unit asks for more time to reply, giving the days and the reason the petitioner will read; a supervisor or leader decides. 409 when the days would exceed the extension the active rule set allows in all, or the case's state does not allow a request.");
}
