namespace Fengqiao.Mediation.Rooms;

/// <summary>A mediator of a room; <see cref="UserId"/> when they sign in (role mediator), null for one who mediates without an account.</summary>
internal sealed record MediatorView
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    /// <summary>A dispute type code.</summary>
    public required string Specialty { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionName { get; init; }

    public required Guid? UserId { get; init; }

    public required string? UserDisplayName { get; init; }

    public required bool IsRetired { get; init; }

    public required DateTimeOffset? RetiredAt { get; init; }

    public required long Version { get; init; }
}

/// <summary>A mediator row: the view with the keys it is read by.</summary>
internal sealed record MediatorRow
{
    public required Guid Id { get; init; }

    public required Guid RoomId { get; init; }

    public required string Name { get; init; }

    public required string Specialty { get; init; }

    public required Guid RegionId { get; init; }

    public required string RegionPath { get; init; }

    public required string RegionName { get; init; }

    public required Guid? UserId { get; init; }

    public required string? UserDisplayName { get; init; }

    public required bool IsRetired { get; init; }

    public required DateTimeOffset? RetiredAt { get; init; }

    public required long Version { get; init; }

    public MediatorView ToView() => new()
    {
        Id = Id,
        Name = Name,
        Specialty = Specialty,
        RegionId = RegionId,
        RegionName = RegionName,
        UserId = UserId,
        UserDisplayName = UserDisplayName,
        IsRetired = IsRetired,
        RetiredAt = RetiredAt,
        Version = Version,
    };
}
