namespace Fengqiao.Mediation.Outcomes;

internal static class ConfirmationSql
{
    /// <summary>A change to the agreement is a change to its dispute: the dispute's version is the one If-Match names.</summary>
    public const string TouchDispute = "UPDATE mediation_disputes SET version = version + 1 WHERE id = @Id AND version = @ExpectedVersion";

    public const string Apply = """
        UPDATE mediation_agreements SET confirmation_applied_on = @AppliedOn, confirmation_court = @Court
        WHERE dispute_id = @DisputeId AND confirmation_applied_on IS NULL
        """;

    public const string Decide = """
        UPDATE mediation_agreements SET confirmation_ruling = @Ruling, confirmation_decided_on = @DecidedOn, confirmation_note = @Note
        WHERE dispute_id = @DisputeId AND confirmation_applied_on IS NOT NULL AND confirmation_ruling IS NULL
        """;
}
