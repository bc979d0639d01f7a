using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Organization.Units;

internal static class UnitSql
{
    private const string Columns = """
        u.id AS Id, u.name AS Name, u.kind AS Kind, u.region_id AS RegionId, r.name AS RegionName, u.region_path AS RegionPath,
        u.parent_unit_id AS ParentUnitId, p.name AS ParentUnitName, u.contact_phone AS ContactPhone, u.contact_address AS ContactAddress,
        u.retired_at AS RetiredAt, u.version AS Version
        """;

    private const string From = """
        FROM org_units u
        JOIN org_regions r ON r.id = u.region_id
        LEFT JOIN org_units p ON p.id = u.parent_unit_id
        """;

    public static string List(ISqlDialect dialect) => $"""
        SELECT {Columns}
        {From}
        WHERE u.region_path LIKE @JurisdictionPrefix
          AND u.region_path LIKE @RegionPrefix
          AND (@Kind IS NULL OR u.kind = @Kind)
          AND (@IncludeRetired = 1 OR u.retired_at IS NULL)
          AND (@AfterPath IS NULL
               OR u.region_path > @AfterPath
               OR (u.region_path = @AfterPath AND (u.name > @AfterName OR (u.name = @AfterName AND u.id > @AfterId))))
        ORDER BY u.region_path, u.name, u.id
        {dialect.Limit("@Limit")}
        """;

    public const string GetInJurisdiction = $"""
        SELECT {Columns}
        {From}
        WHERE u.id = @Id AND u.region_path LIKE @JurisdictionPrefix
        """;

    public const string RegionPathInJurisdiction = """
        SELECT path FROM org_regions WHERE id = @RegionId AND path LIKE @JurisdictionPrefix
        """;

    /// <summary>A region a unit may be placed in: in the caller's jurisdiction and not retired.</summary>
    public const string ActiveRegionPathInJurisdiction = """
        SELECT path FROM org_regions WHERE id = @RegionId AND path LIKE @JurisdictionPrefix AND retired_at IS NULL
        """;

    /// <summary>A unit another may report to: in the caller's jurisdiction and not retired.</summary>
    public const string ActiveParentInJurisdiction = """
        SELECT id AS Id, region_path AS RegionPath, parent_unit_id AS ParentUnitId
        FROM org_units
        WHERE id = @Id AND region_path LIKE @JurisdictionPrefix AND retired_at IS NULL
        """;

    public const string ParentOf = "SELECT parent_unit_id FROM org_units WHERE id = @Id";

    public const string ActiveNameTaken = """
        SELECT COUNT(*) FROM org_units
        WHERE region_id = @RegionId AND name = @Name AND retired_at IS NULL AND id <> @Id
        """;

    /// <summary>Users of the unit holding a role that a unit of <c>@Kind</c> may not hold (see org_role_unit_kinds).</summary>
    public const string UsersWithRolesBarredFromKind = """
        SELECT COUNT(*)
        FROM org_users us
        JOIN org_user_roles ur ON ur.user_id = us.id
        WHERE us.unit_id = @Id
          AND EXISTS (SELECT 1 FROM org_role_unit_kinds k WHERE k.role = ur.role)
          AND NOT EXISTS (SELECT 1 FROM org_role_unit_kinds k WHERE k.role = ur.role AND k.unit_kind = @Kind)
        """;

    public const string ActiveUsers = "SELECT COUNT(*) FROM org_users WHERE unit_id = @Id AND is_disabled = 0";

    public const string ActiveSubUnits = "SELECT COUNT(*) FROM org_units WHERE parent_unit_id = @Id AND retired_at IS NULL";

    /// <summary>Active units reporting to this one whose region would fall outside <c>@RegionPrefix</c>.</summary>
    public const string ActiveSubUnitsOutside = """
        SELECT COUNT(*) FROM org_units
        WHERE parent_unit_id = @Id AND retired_at IS NULL AND region_path NOT LIKE @RegionPrefix
        """;

    public const string Insert = """
        INSERT INTO org_units (id, name, kind, region_id, region_path, parent_unit_id, contact_phone, contact_address, created_at, version)
        VALUES (@Id, @Name, @Kind, @RegionId, @RegionPath, @ParentUnitId, @ContactPhone, @ContactAddress, @Now, 1)
        """;

    public const string Update = """
        UPDATE org_units
        SET name = @Name, kind = @Kind, region_id = @RegionId, region_path = @RegionPath, parent_unit_id = @ParentUnitId,
            contact_phone = @ContactPhone, contact_address = @ContactAddress, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND retired_at IS NULL
        """;

    public const string Retire = """
        UPDATE org_units SET retired_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND retired_at IS NULL
        """;

    /// <summary>Access tokens carry the region path of the user's unit: moving the unit ends its users' tokens.</summary>
    public const string ChangeSecurityStampsOfUnit = "UPDATE org_users SET security_stamp = security_stamp + 1 WHERE unit_id = @Id";
}
