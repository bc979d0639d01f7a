using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Organization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Users;

/// <summary>Changes a user's display name and roles; needs If-Match with the version read.</summary>
internal sealed record UpdateUser(string DisplayName, IReadOnlyList<Role> Roles) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid UserId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator()
    {
        RuleFor(c => c.DisplayName).ValidDisplayName();
        RuleFor(c => c.Roles).ValidRoles();
    }
}

internal sealed class UpdateUserHandler(UserStore store, IAuditLog audit, IEventPublisher events, TimeProvider clock)
    : ICommandHandler<UpdateUser, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(UpdateUser command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.UserId, command.ExpectedVersion, cancellationToken);
        var now = clock.GetUtcNow();
        await store.UpdateVersionedAsync(
            UserSql.UpdateDisplayName,
            new { Id = command.UserId, command.DisplayName, command.ExpectedVersion, Now = now },
            command.ExpectedVersion,
            cancellationToken);
        await store.ReplaceRolesAsync(command.UserId, command.Roles, cancellationToken);

        var after = await store.GetAsync(command.UserId, cancellationToken);
        audit.Record(new AuditEntry(before.Roles.SequenceEqual(after.Roles) ? "user.updated" : "user.roles_changed", "user", command.UserId, before, after));
        events.Publish(new UserChanged(Guid.CreateVersion7(now), now, after.Id, after.DisplayName, after.Roles.Select(RoleNames.Of).ToList(), after.IsDisabled));
        return new EntityVersion(after.Id, after.Version);
    }
}

internal static class UpdateUserEndpoint
{
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapPut("/{id:guid}", Handle)
            .WithName("UpdateUser")
            .RequireRoles(Role.Admin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static async Task<Ok<EntityVersion>> Handle(Guid id, UpdateUser request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var updated = await sender.Send(request with { UserId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, updated.Version);
        return TypedResults.Ok(updated);
    }
}
