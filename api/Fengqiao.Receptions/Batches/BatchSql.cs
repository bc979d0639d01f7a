namespace Fengqiao.Receptions.Batches;

internal static class BatchSql
{
    public const string NextOrdinal = "SELECT COALESCE(MAX(ordinal), 0) + 1 FROM receptions_batches WHERE reception_id = @ReceptionId";

    public const string Insert = """
        INSERT INTO receptions_batches (
            id, reception_id, ordinal, persons, matter, petition_id, petition_number, petition_registered, outcome, instruction, is_must_visit,
            in_charge_user_id, in_charge_name, case_id, case_number, in_charge_at, kind, level, host_user_id, host_name, unit_id, region_path, day,
            recorded_by, recorded_at, version)
        VALUES (
            @Id, @ReceptionId, @Ordinal, @Persons, @Matter, @PetitionId, @PetitionNumber, @PetitionRegistered, @Outcome, @Instruction, @IsMustVisit,
            NULL, NULL, NULL, NULL, NULL, @Kind, @Level, @HostUserId, @HostName, @UnitId, @RegionPath, @Day,
            @RecordedBy, @RecordedAt, 1)
        """;

    public const string InsertPetitioner = """
        INSERT INTO receptions_batch_petitioners (
            id, batch_id, ordinal, name, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked)
        VALUES (
            @Id, @BatchId, @Ordinal, @Name, @IdNumberCipher, @IdNumberHash, @IdNumberMasked, @PhoneCipher, @PhoneHash, @PhoneMasked)
        """;

    private const string Columns = """
        b.id AS Id, b.reception_id AS ReceptionId, b.ordinal AS Ordinal, b.persons AS Persons, b.matter AS Matter, b.petition_id AS PetitionId,
        b.petition_number AS PetitionNumber, b.petition_registered AS PetitionRegistered, b.outcome AS Outcome, b.instruction AS Instruction,
        b.is_must_visit AS IsMustVisit, b.in_charge_user_id AS InChargeUserId, b.in_charge_name AS InChargeName, b.case_id AS CaseId,
        b.case_number AS CaseNumber, b.in_charge_at AS InChargeAt, b.recorded_at AS RecordedAt, b.version AS Version
        """;

    /// <summary>The batches of a reception the caller found (the reception's own lookup applies the jurisdiction).</summary>
    public const string OfReception = $"""
        SELECT {Columns}
        FROM receptions_batches b
        WHERE b.reception_id = @ReceptionId
        ORDER BY b.ordinal
        """;

    public const string ById = $"""
        SELECT {Columns}
        FROM receptions_batches b
        WHERE b.id = @BatchId AND b.reception_id = @ReceptionId
        """;

    /// <summary>Masked petitioners of a reception's batches; the full values only through the audited reveal.</summary>
    public const string PetitionersOfReception = """
        SELECT p.id AS Id, p.batch_id AS BatchId, p.ordinal AS Ordinal, p.name AS Name, p.id_number_masked AS IdNumberMasked, p.phone_masked AS PhoneMasked
        FROM receptions_batch_petitioners p
        JOIN receptions_batches b ON b.id = p.batch_id
        WHERE b.reception_id = @ReceptionId
        ORDER BY b.ordinal, p.ordinal
        """;

    public const string CountPetitioners = "SELECT COUNT(*) FROM receptions_batch_petitioners WHERE batch_id = @BatchId";

    public const string Ciphers = """
        SELECT p.id_number_cipher AS IdNumberCipher, p.phone_cipher AS PhoneCipher
        FROM receptions_batch_petitioners p
        WHERE p.id = @PetitionerId AND p.batch_id = @BatchId
        """;

    public const string Correct = """
        UPDATE receptions_batches SET persons = @Persons, outcome = @Outcome, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string RecordCharge = """
        UPDATE receptions_batches
        SET in_charge_user_id = @UserId, in_charge_name = @UserName, case_id = @CaseId, case_number = @CaseNumber, in_charge_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;
}
