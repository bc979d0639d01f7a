using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Files;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.Dispatch.Attachments;

/// <summary>A file of the case as staff see it; <see cref="RepliedAt"/> is set once a reply sent it to the petitioner.</summary>
internal sealed record CaseAttachmentView
{
    public required Guid Id { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required long SizeBytes { get; init; }

    public required string Sha256 { get; init; }

    public required DateTimeOffset UploadedAt { get; init; }

    public string? UploadedByName { get; init; }

    public DateTimeOffset? RepliedAt { get; init; }
}

/// <summary>A file the petitioner received with the reply: no uploader, no hash, nothing internal.</summary>
internal sealed record PublicCaseAttachment
{
    public required Guid Id { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required long SizeBytes { get; init; }
}

/// <summary>The files of a case: listed for staff and the petitioner, sent with the reply, opened for download.</summary>
internal sealed class CaseAttachments(IDbSession session, FileStore files)
{
    public Task<IReadOnlyList<PublicCaseAttachment>> SentWithReplyAsync(Guid caseId, CancellationToken cancellationToken) =>
        session.QueryAsync<PublicCaseAttachment>(CaseAttachmentSql.SentWithReplyOf, new { CaseId = caseId }, cancellationToken);

    /// <summary>Marks the files as sent with the case's reply; 400 unless every one was uploaded to this case and not sent before.</summary>
    public async Task SendWithReplyAsync(Guid caseId, IReadOnlyList<Guid>? attachmentIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // As text: Dapper expands a list without the type handlers, and SQLite keeps ids as text.
        var ids = attachmentIds?.Distinct().Select(id => id.ToString("D")).ToList() ?? [];
        if (ids.Count == 0)
        {
            return;
        }

        var sent = await session.ExecuteAsync(CaseAttachmentSql.SendWithReply, new { CaseId = caseId, Ids = ids, Now = now }, cancellationToken);
        if (sent != ids.Count)
        {
            throw new ValidationException([new ValidationFailure("attachmentIds", "Each attachment must have been uploaded to this case and not sent with a reply yet.")]);
        }
    }

    public Task<AttachmentDownload> OpenOfCaseAsync(Guid caseId, Guid attachmentId, CancellationToken cancellationToken) =>
        OpenAsync(CaseAttachmentSql.FileOfCase, new { CaseId = caseId, AttachmentId = attachmentId }, cancellationToken);

    public Task<AttachmentDownload> OpenSentAsync(Guid petitionId, Guid attachmentId, CancellationToken cancellationToken) =>
        OpenAsync(CaseAttachmentSql.SentFileOfPetition, new { PetitionId = petitionId, AttachmentId = attachmentId }, cancellationToken);

    private async Task<AttachmentDownload> OpenAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var file = await session.QuerySingleOrDefaultAsync<AttachmentFile>(sql, parameters, cancellationToken)
            ?? throw new NotFoundException("Attachment");
        return files.Open(file);
    }
}
