namespace Fengqiao.Intake.BulkLoading;

internal static class PetitionBulkSql
{
    public const string AnyPetition = "SELECT CASE WHEN EXISTS (SELECT 1 FROM intake_petitions) THEN 1 ELSE 0 END";

    public const string SetCounter = """
        UPDATE intake_number_counters SET last_value = @LastValue WHERE prefix = @Prefix AND year = @Year
        """;

    public const string InsertCounterAt = """
        INSERT INTO intake_number_counters (prefix, year, last_value) VALUES (@Prefix, @Year, @LastValue)
        """;
}
