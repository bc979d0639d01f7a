namespace Fengqiao.Mediation.Outcomes;

internal static class OutcomeSql
{
    public const string InsertAgreement = """
        INSERT INTO mediation_agreements (
            dispute_id, terms, amount_agreed, form, applicant_signed, respondent_signed, effective_on, performance_deadline, confirmation_due_on, recorded_by, recorded_at)
        VALUES (
            @DisputeId, @Terms, @AmountAgreed, @Form, @ApplicantSigned, @RespondentSigned, @EffectiveOn, @PerformanceDeadline, @ConfirmationDueOn, @RecordedBy, @RecordedAt)
        """;

    public const string Agree = """
        UPDATE mediation_disputes
        SET status = 'Agreed', closed_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string Fail = """
        UPDATE mediation_disputes
        SET status = 'Failed', failure_reason = @Reason, guidance = @Guidance, closed_at = @Now, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public const string AgreementOf = """
        SELECT terms AS Terms, amount_agreed AS AmountAgreed, form AS Form, applicant_signed AS ApplicantSigned, respondent_signed AS RespondentSigned,
               effective_on AS EffectiveOn, performance_deadline AS PerformanceDeadline, confirmation_due_on AS ConfirmationDueOn, recorded_at AS RecordedAt,
               confirmation_applied_on AS ConfirmationAppliedOn, confirmation_court AS ConfirmationCourt, confirmation_ruling AS ConfirmationRuling,
               confirmation_decided_on AS ConfirmationDecidedOn, confirmation_note AS ConfirmationNote
        FROM mediation_agreements
        WHERE dispute_id = @DisputeId
        """;
}
