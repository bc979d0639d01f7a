using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
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

/// <summary>A new staff account in a unit of the admin's jurisdiction.</summary>
internal sealed record CreateUser(string UserName, string DisplayName, string Password, Guid UnitId, IReadOnlyList<Role> Roles)
    : ICommand<EntityVersion>;

internal sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.UserName).NotEmpty().Matches("^[a-z][a-z0-9._-]{2,63}$")
            .WithMessage("3 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter.");
        RuleFor(c => c.DisplayName).ValidDisplayName();
        RuleFor(c => c.Password).StrongPassword();
        RuleFor(c => c.UnitId).NotEmpty();
        RuleFor(c => c.Roles).ValidRoles();
    }
}

internal sealed class CreateUserHandler(
    IDbSession session,
    ICurrentUser caller,
    UserStore store,
    UserPasswords passwords,
    RoleGrants grants,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock) : ICommandHandler<CreateUser, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        if (await session.ExecuteScalarAsync<long>(UserSql.UnitInJurisdiction, Jurisdiction.Parameters(caller, new { command.UnitId }), cancellationToken) == 0)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(CreateUser.UnitId), "No such active unit in your jurisdiction.")]);
        }

        await grants.CheckChangeAsync(null, command.UnitId, [], command.Roles, cancellationToken);
        if (await session.ExecuteScalarAsync<long>(UserSql.UserNameExists, new { command.UserName }, cancellationToken) > 0)
        {
            throw new ConflictException("user_name_taken", $"The user name '{command.UserName}' is taken.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(
            UserSql.Insert,
            new { Id = id, command.UserName, command.DisplayName, command.UnitId, PasswordHash = passwords.Hash(command.Password), Now = now },
            cancellationToken);
        await store.ReplaceRolesAsync(id, command.Roles, cancellationToken);

        var created = await store.GetAsync(id, cancellationToken);
        audit.Record(new AuditEntry("user.created", "user", id, After: created));
        RoleChange.Between([], created.Roles).Record(audit, id, [], created.Roles);
        events.Publish(new UserCreated(Guid.CreateVersion7(now), now, id, command.UserName, command.UnitId, command.Roles.Select(RoleNames.Of).ToList()));
        return new EntityVersion(id, created.Version);
    }
}

internal static class CreateUserEndpoint
{
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapPost("/", Handle)
            .WithName("CreateUser")
            .WithDescription("Creates a staff account in a unit of the administrator's jurisdiction with an initial password and roles. The roles must be among those the administrator may grant there (see ListGrantableRoles): 403 for a role the administrator's level may not grant, 400 for one the unit's kind cannot hold or a unit outside the jurisdiction; 409 when the user name is taken.")
            .ProducesETag()
            .RequireCapability(Capability.ManageUsers)
            .WithSummary("Creates a user in a unit of the caller's jurisdiction with roles the caller may grant there (see ListGrantableRoles): 403 for a role the caller's level may not grant, 400 on roles for one the unit's kind cannot hold.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Created<EntityVersion>> Handle(CreateUser request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var created = await sender.Send(request, cancellationToken);
        Versioning.SetETag(context, created.Version);
        return TypedResults.Created($"/api/v1/users/{created.Id}", created);
    }
}
