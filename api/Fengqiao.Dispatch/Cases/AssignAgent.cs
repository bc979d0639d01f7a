using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>信访代办: a petition agent takes the matter on for the petitioner; what the agent does shows in the timeline.</summary>
internal sealed record AssignAgent(Guid AgentUserId) : CaseCommand;

internal sealed class AssignAgentValidator : AbstractValidator<AssignAgent>
{
    public AssignAgentValidator() => RuleFor(c => c.AgentUserId).NotEmpty();
}

internal sealed class AssignAgentHandler(CaseStore store, IOrganizationDirectory directory, ICurrentUser caller) : ICommandHandler<AssignAgent, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(AssignAgent command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.AssignAgent, cancellationToken);
        var agent = await directory.FindUserAsync(command.AgentUserId, cancellationToken);
        if (agent is null || agent.IsDisabled || !agent.Roles.Contains(RoleNames.Of(Role.Agent)) || !await InJurisdictionAsync(agent, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure(nameof(command.AgentUserId), "No active agent in your jurisdiction has this id.")]);
        }

        var after = before with { AgentUserId = agent.Id, AgentName = agent.DisplayName };
        var version = await store.SaveAsync(before, after, "case.agent_assigned", cancellationToken);
        await store.AddTimelineAsync(after, CaseEventKind.AgentAssigned, false, agent.DisplayName, cancellationToken);
        return new EntityVersion(before.Id, version);
    }

    /// <summary>The officer picks from the agents of their own jurisdiction, as the agent list offers them.</summary>
    private async Task<bool> InJurisdictionAsync(UserSnapshot agent, CancellationToken cancellationToken) =>
        (await directory.FindUnitsAsync([agent.UnitId], cancellationToken)).Any(unit => Jurisdiction.Contains(caller, unit.RegionPath));
}

internal static class AssignAgentEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<AssignAgent>(CaseAction.AssignAgent, "agent", "AssignCaseAgent", "Assigns a petition agent (信访代办) to the case.")
            .WithDescription("The petition officer assigns a petition agent (信访代办员) of their jurisdiction to take the matter on for the petitioner; the agent's actions show in the case's timeline and the case appears in the agent's tab. 400 when no active agent of the jurisdiction has the id.");
}
