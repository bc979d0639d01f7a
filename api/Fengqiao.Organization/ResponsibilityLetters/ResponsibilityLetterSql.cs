using Fengqiao.BuildingBlocks.Data;

namespace Fengqiao.Organization.ResponsibilityLetters;

internal static class ResponsibilityLetterSql
{
    private const string Columns = """
        l.id AS Id, l.year AS Year, l.issuing_region_id AS IssuingRegionId, ir.name AS IssuingRegionName,
        l.issuing_unit_id AS IssuingUnitId, iu.name AS IssuingUnitName,
        l.receiving_region_id AS ReceivingRegionId, rr.name AS ReceivingRegionName, l.receiving_level AS ReceivingLevel,
        l.receiving_region_path AS ReceivingRegionPath, l.receiving_unit_id AS ReceivingUnitId, ru.name AS ReceivingUnitName,
        l.signatories AS Signatories, l.signed_on AS SignedOn,
        l.file_name AS FileName, l.file_content_type AS FileContentType, l.file_size_bytes AS FileSizeBytes, l.file_sha256 AS FileSha256,
        l.file_uploaded_at AS FileUploadedAt, l.issuing_region_path AS IssuingRegionPath,
        l.withdrawn_at AS WithdrawnAt, l.withdrawal_reason AS WithdrawalReason, l.version AS Version
        """;

    private const string From = """
        FROM org_responsibility_letters l
        JOIN org_regions ir ON ir.id = l.issuing_region_id
        JOIN org_regions rr ON rr.id = l.receiving_region_id
        LEFT JOIN org_units iu ON iu.id = l.issuing_unit_id
        LEFT JOIN org_units ru ON ru.id = l.receiving_unit_id
        """;

    /// <summary>A letter is seen by whoever's jurisdiction holds the receiving region: the issuing region lies above it.</summary>
    public static string List(ISqlDialect dialect) => $"""
        SELECT {Columns}
        {From}
        WHERE l.receiving_region_path LIKE @JurisdictionPrefix
          AND l.receiving_region_path LIKE @RegionPrefix
          AND (@Year IS NULL OR l.year = @Year)
          AND (@ReceivingLevel IS NULL OR l.receiving_level = @ReceivingLevel)
          AND (@AfterYear IS NULL
               OR l.year < @AfterYear
               OR (l.year = @AfterYear AND (l.receiving_region_path > @AfterPath OR (l.receiving_region_path = @AfterPath AND l.id > @AfterId))))
        ORDER BY l.year DESC, l.receiving_region_path, l.id
        {dialect.Limit("@Limit")}
        """;

    public const string GetInJurisdiction = $"""
        SELECT {Columns}
        {From}
        WHERE l.id = @Id AND l.receiving_region_path LIKE @JurisdictionPrefix
        """;

    public const string RegionPathInJurisdiction = """
        SELECT path FROM org_regions WHERE id = @RegionId AND path LIKE @JurisdictionPrefix
        """;

    /// <summary>The issuing region: active and in the caller's jurisdiction, since its side signs.</summary>
    public const string IssuingRegionInJurisdiction = """
        SELECT id AS Id, path AS Path, level AS Level
        FROM org_regions
        WHERE id = @RegionId AND path LIKE @JurisdictionPrefix AND retired_at IS NULL
        """;

    /// <summary>The receiving region: active and directly below the issuing one.</summary>
    public const string ReceivingRegionBelow = """
        SELECT id AS Id, path AS Path, level AS Level
        FROM org_regions
        WHERE id = @RegionId AND parent_id = @ParentId AND retired_at IS NULL
        """;

    public const string ActiveUnitOfRegion = "SELECT COUNT(*) FROM org_units WHERE id = @UnitId AND region_id = @RegionId AND retired_at IS NULL";

    /// <summary>A withdrawn letter leaves the pair free to sign the year's letter again.</summary>
    public const string PairSigned = """
        SELECT COUNT(*) FROM org_responsibility_letters
        WHERE year = @Year AND issuing_region_id = @IssuingRegionId AND receiving_region_id = @ReceivingRegionId AND withdrawn_at IS NULL
        """;

    public const string Insert = """
        INSERT INTO org_responsibility_letters (
            id, year, issuing_region_id, issuing_region_path, issuing_unit_id, receiving_region_id, receiving_region_path, receiving_level,
            receiving_unit_id, signatories, signed_on, created_at, version)
        VALUES (
            @Id, @Year, @IssuingRegionId, @IssuingRegionPath, @IssuingUnitId, @ReceivingRegionId, @ReceivingRegionPath, @ReceivingLevel,
            @ReceivingUnitId, @Signatories, @SignedOn, @Now, 1)
        """;

    public const string Correct = """
        UPDATE org_responsibility_letters
        SET issuing_unit_id = @IssuingUnitId, receiving_unit_id = @ReceivingUnitId, signatories = @Signatories, signed_on = @SignedOn, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND withdrawn_at IS NULL
        """;

    public const string Withdraw = """
        UPDATE org_responsibility_letters
        SET withdrawn_at = @Now, withdrawn_by = @UserId, withdrawal_reason = @Reason, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND withdrawn_at IS NULL
        """;

    public const string AttachFile = """
        UPDATE org_responsibility_letters
        SET file_name = @FileName, file_content_type = @ContentType, file_size_bytes = @SizeBytes, file_sha256 = @Sha256,
            file_storage_key = @StorageKey, file_uploaded_at = @UploadedAt, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND file_storage_key IS NULL AND withdrawn_at IS NULL
        """;

    public const string FileOf = """
        SELECT file_name AS FileName, file_content_type AS ContentType, file_storage_key AS StorageKey
        FROM org_responsibility_letters
        WHERE id = @Id AND file_storage_key IS NOT NULL
        """;
}
