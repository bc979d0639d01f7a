using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>
/// A change of one case: the body names what to do; the route names the case and If-Match the version read, so
/// neither is part of the body. <see cref="CaseStore.GetForChangeAsync(CaseCommand, CaseAction, CancellationToken)"/> loads
/// the case for it.
/// </summary>
internal abstract record CaseCommand : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid CaseId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal static class CaseEndpoints
{
    /// <summary>
    /// POST /cases/{id}/&lt;path&gt;: If-Match required (428), stale 412, wrong state 409, answers the new version and ETag. The role
    /// policy is the one <see cref="CaseActions"/> applies to <paramref name="action"/>.
    /// </summary>
    public static RouteHandlerBuilder MapCaseChange<TCommand>(this IEndpointRouteBuilder cases, CaseAction action, string path, string name, string summary)
        where TCommand : CaseCommand
    {
        // The request delegate generator skips generic handlers, so these nineteen are still built at start: about
        // 0.1 s of it, less than nineteen copies of one handler would cost to keep.
#pragma warning disable RDG011
        return cases.MapPost("/{id:guid}/" + path, async Task<Ok<EntityVersion>> (Guid id, TCommand request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
            {
                var changed = await sender.Send(request with { CaseId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
                Versioning.SetETag(context, changed.Version);
                return TypedResults.Ok(changed);
            })
#pragma warning restore RDG011
            .WithName(name)
            .ProducesETag()
            .WithSummary(summary)
            .RequireRoles(CaseActions.RolesFor(action))
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();
    }
}
