using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Contracts.Organization;
using Fengqiao.Mediation.Rooms;
using FluentValidation;

namespace Fengqiao.Mediation.Mediators;

/// <summary>What <see cref="AddMediator"/> and <see cref="UpdateMediator"/> share.</summary>
internal interface IMediatorFields
{
    string Name { get; }

    /// <summary>A dispute type code.</summary>
    string Specialty { get; }

    Guid RegionId { get; }

    /// <summary>The mediator's own account (role mediator), if they sign in.</summary>
    Guid? UserId { get; }
}

internal abstract class MediatorFieldsValidator<T> : AbstractValidator<T>
    where T : IMediatorFields
{
    protected MediatorFieldsValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(50);
        RuleFor(c => c.Specialty).NotEmpty().MaximumLength(50);
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.UserId).NotEqual(Guid.Empty).When(c => c.UserId is not null).WithMessage("Leave the account out or name one.");
    }
}

/// <summary>The checked values a mediator is stored with.</summary>
internal sealed record MediatorValues(string Name, string Specialty, RegionSnapshot Region, Guid? UserId, string? UserDisplayName);

/// <summary>Loads mediators of rooms within the caller's jurisdiction (404 outside) and checks what a mediator is given.</summary>
internal sealed class MediatorStore(IDbSession session, ICurrentUser caller, IOrganizationDirectory directory, RoomStore rooms)
{
    public async Task<MediatorRow> GetForChangeAsync(Guid roomId, Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleInJurisdictionAsync<MediatorRow>(caller, MediatorSql.ById, new { Id = id, RoomId = roomId }, cancellationToken)
            ?? throw new NotFoundException("Mediator");
        return row.Version == expectedVersion ? row : throw new PreconditionFailedException(row.Version);
    }

    /// <summary>The serving mediators of a room, by name.</summary>
    public async Task<IReadOnlyList<MediatorRow>> ServingOfAsync(Guid roomId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<MediatorRow>(MediatorSql.OfRooms, new { RoomIds = RoomStore.IdTexts([roomId]) }, cancellationToken)).Where(m => !m.IsRetired).ToList();

    /// <summary>
    /// The fields checked against the data: a known specialty, a region within the room's, and an account that is enabled, holds
    /// the mediator role, works in the caller's jurisdiction and is not already a serving mediator of the room.
    /// </summary>
    public async Task<MediatorValues> CheckAsync(RoomRow room, IMediatorFields fields, Guid exceptMediatorId, CancellationToken cancellationToken)
    {
        await rooms.RequireKnownTypesAsync([fields.Specialty], nameof(IMediatorFields.Specialty), cancellationToken);
        var region = await rooms.RegionAsync(fields.RegionId, nameof(IMediatorFields.RegionId), room.RegionPath, cancellationToken);
        if (fields.UserId is not { } userId)
        {
            return new MediatorValues(fields.Name.Trim(), fields.Specialty, region, null, null);
        }

        var user = await directory.FindUserAsync(userId, cancellationToken);
        var unit = user is { IsDisabled: false } ? await directory.FindUnitAsync(user.UnitId, cancellationToken) : null;
        if (user is null || unit is null || !Jurisdiction.Contains(caller, unit.RegionPath))
        {
            throw RoomStore.Invalid(nameof(IMediatorFields.UserId), "No such enabled user in your jurisdiction.");
        }

        if (!user.Roles.Contains(RoleNames.Of(Role.Mediator)))
        {
            throw RoomStore.Invalid(nameof(IMediatorFields.UserId), "The account does not hold the mediator role.");
        }

        if (await session.ExecuteScalarAsync<long>(MediatorSql.ServingWithAccount, new { RoomId = room.Id, UserId = userId, ExceptId = exceptMediatorId }, cancellationToken) > 0)
        {
            throw RoomStore.Invalid(nameof(IMediatorFields.UserId), "The account is already one of the room's serving mediators.");
        }

        return new MediatorValues(fields.Name.Trim(), fields.Specialty, region, userId, user.DisplayName);
    }
}
