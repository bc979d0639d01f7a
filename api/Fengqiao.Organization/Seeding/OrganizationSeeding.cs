using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Organization.JointMeetings;
using Fengqiao.Organization.ResponsibilityLetters;
using Fengqiao.Organization.Units;
using Fengqiao.Organization.Users;

namespace Fengqiao.Organization.Seeding;

/// <summary>A region to seed with its units and the regions below it, in the order they are listed.</summary>
/// <param name="Code">The statistical code; a child's path is its parent's path followed by this code.</param>
public sealed record SeedRegion(string Code, string Name, RegionLevel Level, IReadOnlyList<SeedUnit> Units, IReadOnlyList<SeedRegion> Children);

/// <param name="Kind">The unit kind in the API's spelling, e.g. <c>petition_bureau</c>, <c>town_government</c>.</param>
public sealed record SeedUnit(string Name, string Kind);

/// <param name="UnitName">The name of the seeded unit where the user works; no other seeded unit may bear it.</param>
public sealed record SeedUser(string UserName, string DisplayName, string UnitName, Role Role);

/// <summary>
/// The organisation module's one seam for seeding (used by the demo data project): writes a whole region tree, its
/// units and users with one password into an empty database, in one transaction and with this module's statements,
/// and finds a seeded user again by name.
/// </summary>
public sealed class OrganizationSeeding
{
    private readonly IDbSession _session;
    private readonly UnitOfWork _unitOfWork;
    private readonly IAuditLog _audit;
    private readonly UserPasswords _passwords;
    private readonly TimeProvider _clock;

    internal OrganizationSeeding(IDbSession session, UnitOfWork unitOfWork, IAuditLog audit, UserPasswords passwords, TimeProvider clock)
    {
        _session = session;
        _unitOfWork = unitOfWork;
        _audit = audit;
        _passwords = passwords;
        _clock = clock;
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        await _session.ExecuteScalarAsync<long>(SeedingSql.AnyRegion, null, cancellationToken) == 0;

    /// <summary>The id of a (seeded) user, so seeded cases can name one, e.g. as their petition agent.</summary>
    public Task<Guid?> FindUserIdAsync(string userName, CancellationToken cancellationToken) =>
        _session.ExecuteScalarAsync<Guid?>(SeedingSql.UserIdByName, new { UserName = userName }, cancellationToken);

    /// <returns>The number of users seeded.</returns>
    public async Task<int> SeedAsync(SeedRegion root, IReadOnlyList<SeedUser> users, string password, CancellationToken cancellationToken)
    {
        var passwordHash = _passwords.Hash(password);
        return await _unitOfWork.ExecuteAsync(
            async token =>
            {
                var now = _clock.GetUtcNow();
                var units = new Dictionary<string, Guid?>(StringComparer.Ordinal);
                await RegionAsync(root, null, 0, now, units, token);
                foreach (var user in users)
                {
                    var unitId = units.GetValueOrDefault(user.UnitName)
                        ?? throw new ArgumentException($"No single seeded unit is named {user.UnitName}.", nameof(users));
                    var id = Guid.CreateVersion7(now);
                    await _session.ExecuteAsync(UserSql.Insert,
                        new { Id = id, user.UserName, user.DisplayName, UnitId = unitId, PasswordHash = passwordHash, Now = now }, token);
                    await _session.ExecuteAsync(UserSql.InsertRole, new { UserId = id, Role = user.Role.ToString() }, token);
                }

                _audit.Record(new AuditEntry("demo.seeded", "organization", null, After: new { users = users.Count }));
                return users.Count;
            },
            cancellationToken);
    }

    /// <summary>
    /// Joint-meeting systems with their meetings, and responsibility letters, into the seeded region tree, in one
    /// transaction. The rules of the use cases hold for the data given (a letter goes one level down, members are units
    /// of the system's region); what breaks them is refused as an argument error, not checked against the caller.
    /// </summary>
    public async Task SeedWorkSystemsAsync(IReadOnlyList<SeedJointMeetingSystem> systems, IReadOnlyList<SeedResponsibilityLetter> letters, CancellationToken cancellationToken) =>
        await _unitOfWork.ExecuteAsync(
            async token =>
            {
                var now = _clock.GetUtcNow();
                var regions = (await _session.QueryAsync<SeededRegion>(SeedingSql.Regions, null, token)).ToDictionary(r => r.Code, StringComparer.Ordinal);
                var units = (await _session.QueryAsync<SeededUnit>(SeedingSql.Units, null, token)).ToLookup(u => (u.RegionId, u.Name));
                foreach (var system in systems)
                {
                    var region = RegionOf(regions, system.RegionCode);
                    var id = Guid.CreateVersion7(now);
                    await _session.ExecuteAsync(JointMeetingSql.Insert, new
                    {
                        Id = id, system.Name, RegionId = region.Id, RegionPath = region.Path, ConvenerUserId = (Guid?)null, system.ConvenerName, system.ConvenerPost,
                        system.EstablishedOn, Now = now,
                    }, token);
                    foreach (var unitName in system.MemberUnitNames)
                    {
                        var unit = units[(region.Id, unitName)].FirstOrDefault()
                            ?? throw new ArgumentException($"No unit of region {system.RegionCode} is named {unitName}.", nameof(systems));
                        await _session.ExecuteAsync(JointMeetingSql.InsertMember, new { SystemId = id, UnitId = unit.Id }, token);
                    }

                    foreach (var meeting in system.Meetings)
                    {
                        await _session.ExecuteAsync(JointMeetingSql.InsertMeeting, new
                        {
                            Id = Guid.CreateVersion7(now), SystemId = id, meeting.HeldOn, meeting.Matters, meeting.Decisions, RecordedBy = (Guid?)null, Now = now,
                        }, token);
                    }
                }

                foreach (var letter in letters)
                {
                    var issuing = RegionOf(regions, letter.IssuingRegionCode);
                    var receiving = RegionOf(regions, letter.ReceivingRegionCode);
                    if (receiving.ParentId != issuing.Id)
                    {
                        throw new ArgumentException($"Region {letter.ReceivingRegionCode} is not directly below {letter.IssuingRegionCode}.", nameof(letters));
                    }

                    await _session.ExecuteAsync(ResponsibilityLetterSql.Insert, new
                    {
                        Id = Guid.CreateVersion7(now), letter.Year, IssuingRegionId = issuing.Id, IssuingRegionPath = issuing.Path, IssuingUnitId = (Guid?)null,
                        ReceivingRegionId = receiving.Id, ReceivingRegionPath = receiving.Path, ReceivingLevel = receiving.Level, ReceivingUnitId = (Guid?)null,
                        Signatories = ResponsibilityLetterStore.WriteSignatories(letter.Signatories.Select(s => new Signatory(s.Name, s.Post))),
                        letter.SignedOn, Now = now,
                    }, token);
                }

                _audit.Record(new AuditEntry("demo.work_systems_seeded", "organization", null, After: new { systems = systems.Count, letters = letters.Count }));
                return systems.Count;
            },
            cancellationToken);

    private static SeededRegion RegionOf(Dictionary<string, SeededRegion> regions, string code) =>
        regions.GetValueOrDefault(code) ?? throw new ArgumentException($"No seeded region has the code {code}.", nameof(code));

    private sealed record SeededRegion
    {
        public required Guid Id { get; init; }

        public required string Code { get; init; }

        public required string Path { get; init; }

        public required string Level { get; init; }

        public required Guid? ParentId { get; init; }
    }

    private sealed record SeededUnit
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required Guid RegionId { get; init; }
    }

    private async Task RegionAsync(SeedRegion region, (Guid Id, string Path)? parent, int sortOrder, DateTimeOffset now, Dictionary<string, Guid?> units, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(now);
        var path = parent is { } above ? RegionPaths.Child(above.Path, region.Code) : RegionPaths.Root(region.Code);
        await _session.ExecuteAsync(SeedingSql.InsertRegion,
            new { Id = id, region.Code, region.Name, Level = region.Level.ToString(), ParentId = parent?.Id, Path = path, SortOrder = sortOrder }, cancellationToken);
        foreach (var unit in region.Units)
        {
            var kind = QueryEnum.Parse<UnitKind>(unit.Kind, nameof(SeedUnit.Kind)) ?? throw new ArgumentException("A seeded unit needs a kind.", nameof(region));
            var unitId = Guid.CreateVersion7(now);
            await _session.ExecuteAsync(SeedingSql.InsertUnit,
                new { Id = unitId, unit.Name, Kind = kind.ToString(), RegionId = id, RegionPath = path, Now = now }, cancellationToken);
            // Villages of different towns may share a name; users are placed by name, so a shared name places nobody.
            units[unit.Name] = units.ContainsKey(unit.Name) ? null : unitId;
        }

        for (var i = 0; i < region.Children.Count; i++)
        {
            await RegionAsync(region.Children[i], (id, path), i, now, units, cancellationToken);
        }
    }
}
