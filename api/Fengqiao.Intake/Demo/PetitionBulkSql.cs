namespace Fengqiao.Intake.Demo;

internal static class PetitionBulkSql
{
    public const string AnyPetition = "SELECT CASE WHEN EXISTS (SELECT 1 FROM intake_petitions) THEN 1 ELSE 0 END";

    /// <summary>
    /// The registrar's insert plus the classification columns, for petitions loaded already decided. Generated
    /// decisions name the deciding unit, not a staff member, and demo data has no routing rules to suggest a unit.
    /// </summary>
    public const string InsertPetition = """
        INSERT INTO intake_petitions (
            id, number, channel, status, region_id, region_path, region_name, registrar_unit_id, registrar_region_path, registered_by,
            received_at, registered_at, acceptance_due, category, persons, request_text, facts_text, reasons_text, channel_reference,
            is_first_time, is_repeat, is_skip_level, is_collective, is_business, is_cross_boundary, is_urgent, flag_reasons, text_signature,
            decision, decision_reason, decision_notice, legal_channel, decided_at,
            tracking_code, tracking_secret_hash, version)
        VALUES (
            @Id, @Number, @Channel, @Status, @RegionId, @RegionPath, @RegionName, @RegistrarUnitId, @RegistrarRegionPath, @RegisteredBy,
            @ReceivedAt, @RegisteredAt, @AcceptanceDue, @Category, @Persons, @RequestText, @FactsText, @ReasonsText, @ChannelReference,
            @IsFirstTime, @IsRepeat, @IsSkipLevel, @IsCollective, @IsBusiness, @IsCrossBoundary, @IsUrgent, @FlagReasons, @TextSignature,
            @Decision, @DecisionReason, @DecisionNotice, @LegalChannel, @DecidedAt,
            @TrackingCode, @TrackingSecretHash, @Version)
        """;

    public const string SetCounter = """
        UPDATE intake_number_counters SET last_value = @LastValue WHERE prefix = @Prefix AND year = @Year
        """;

    public const string InsertCounterAt = """
        INSERT INTO intake_number_counters (prefix, year, last_value) VALUES (@Prefix, @Year, @LastValue)
        """;
}
