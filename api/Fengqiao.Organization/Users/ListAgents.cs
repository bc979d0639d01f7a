using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Users;

/// <summary>
/// Active petition agents (信访代办) of units within the caller's jurisdiction, for picking the agent of a case;
/// <c>q</c> matches display name or user name. A short list, not a page: the picker narrows it by typing.
/// </summary>
internal sealed record ListAgents(string? Q, int? Limit) : IQuery<AgentOptions>;

internal sealed record AgentOption
{
    public required Guid Id { get; init; }

    public required string DisplayName { get; init; }

    public required string UnitName { get; init; }
}

internal sealed record AgentOptions(IReadOnlyList<AgentOption> Items);

internal sealed class ListAgentsValidator : AbstractValidator<ListAgents>
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    public ListAgentsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit);
        RuleFor(q => q.Q).MaximumLength(100);
    }
}

internal sealed class ListAgentsHandler(IDbSession session, ICurrentUser caller) : IQueryHandler<ListAgents, AgentOptions>
{
    public async ValueTask<AgentOptions> Handle(ListAgents query, CancellationToken cancellationToken) =>
        new(await session.QueryInJurisdictionAsync<AgentOption>(
            caller,
            UserSql.Agents(session.Dialect),
            new
            {
                Role = nameof(Role.Agent),
                Search = LikePattern.Containing(query.Q),
                Limit = query.Limit ?? ListAgentsValidator.DefaultLimit,
            },
            cancellationToken));
}

internal static class ListAgentsEndpoint
{
    /// <summary>Open to the role that assigns agents to cases (the petition officer), not to every colleague.</summary>
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapGet("/agents", Handle)
            .WithName("ListAgents")
            .WithDescription("Active petition agents (信访代办员) of units within the caller's jurisdiction, for picking the agent of a case; `q` matches the display name or user name. A short list of at most 50, not a page: the picker narrows it as the user types.")
            .WithSummary("Active users with the agent role within the caller's jurisdiction (at most 50), optionally matching q by name.")
            .RequireCapability(Capability.ListAgents)
            .ProducesValidationProblem();

    private static async Task<Ok<AgentOptions>> Handle(string? q, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListAgents(q, limit), cancellationToken));
}
