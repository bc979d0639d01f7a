namespace Fengqiao.Dispatch.Attachments;

internal static class CaseAttachmentSql
{
    public const string Insert = """
        INSERT INTO dispatch_case_attachments (id, case_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_by_name, uploaded_at, replied_at)
        VALUES (@Id, @CaseId, @FileName, @ContentType, @SizeBytes, @Sha256, @StorageKey, @UploadedBy, @UploadedByName, @UploadedAt, NULL)
        """;

    public const string OfCase = """
        SELECT id AS Id, file_name AS FileName, content_type AS ContentType, size_bytes AS SizeBytes, sha256 AS Sha256,
               uploaded_at AS UploadedAt, uploaded_by_name AS UploadedByName, replied_at AS RepliedAt
        FROM dispatch_case_attachments
        WHERE case_id = @CaseId
        ORDER BY uploaded_at, id
        """;

    public const string SentWithReplyOf = """
        SELECT id AS Id, file_name AS FileName, content_type AS ContentType, size_bytes AS SizeBytes
        FROM dispatch_case_attachments
        WHERE case_id = @CaseId AND replied_at IS NOT NULL
        ORDER BY uploaded_at, id
        """;

    /// <summary>A reply takes only files of its own case that no reply has sent yet; the count changed tells whether all were.</summary>
    public const string SendWithReply = """
        UPDATE dispatch_case_attachments SET replied_at = @Now
        WHERE case_id = @CaseId AND replied_at IS NULL AND id IN @Ids
        """;

    public const string FileOfCase = """
        SELECT file_name AS FileName, content_type AS ContentType, storage_key AS StorageKey
        FROM dispatch_case_attachments
        WHERE id = @AttachmentId AND case_id = @CaseId
        """;

    /// <summary>The petitioner gets only files a reply sent, of any case of their petition (handling, review, re-review).</summary>
    public const string SentFileOfPetition = """
        SELECT a.file_name AS FileName, a.content_type AS ContentType, a.storage_key AS StorageKey
        FROM dispatch_case_attachments a
        JOIN dispatch_cases c ON c.id = a.case_id
        WHERE a.id = @AttachmentId AND c.petition_id = @PetitionId AND a.replied_at IS NOT NULL
        """;
}
