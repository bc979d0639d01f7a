using System.Security.Cryptography;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.Intake.Petitions;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.Attachments;

internal static class AttachmentSql
{
    public const string Insert = """
        INSERT INTO intake_attachments (id, petition_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
        VALUES (@Id, @PetitionId, @FileName, @ContentType, @SizeBytes, @Sha256, @StorageKey, @UploadedBy, @UploadedAt)
        """;

    /// <summary>An attachment of the petition itself or of a petition merged into it.</summary>
    public const string Find = """
        SELECT a.file_name AS FileName, a.content_type AS ContentType, a.storage_key AS StorageKey
        FROM intake_attachments a
        JOIN intake_petitions p ON p.id = a.petition_id
        WHERE a.id = @AttachmentId AND (p.id = @PetitionId OR p.merged_into_id = @PetitionId)
        """;
}

internal sealed record AttachmentFile
{
    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required string StorageKey { get; init; }
}

internal sealed record AddedAttachment(Guid Id, string ContentType, long SizeBytes, string Sha256);

/// <summary>Adds a file to a petition: its type is read from its content, its SHA-256 kept beside it.</summary>
internal sealed record AddAttachment(Guid PetitionId, string FileName, Stream Content) : ICommand<AddedAttachment>;

internal sealed class AddAttachmentHandler(
    IDbSession session,
    ICurrentUser caller,
    PetitionReader reader,
    AttachmentStore store,
    Timeline timeline,
    IAuditLog audit,
    TimeProvider clock) : ICommandHandler<AddAttachment, AddedAttachment>
{
    public async ValueTask<AddedAttachment> Handle(AddAttachment command, CancellationToken cancellationToken)
    {
        var petition = await reader.GetAsync(command.PetitionId, cancellationToken);
        if (command.Content.Length == 0 || command.Content.Length > FileTypes.MaxBytes)
        {
            throw Invalid($"A file must hold between 1 byte and {FileTypes.MaxBytes / 1024 / 1024} MB.");
        }

        var contentType = FileTypes.Detect(command.Content)
            ?? throw Invalid("Only PDF, JPEG, PNG, MP3 and Office documents are accepted (checked from the content).");
        command.Content.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(command.Content, cancellationToken));

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var key = await store.SaveAsync(id, now, command.Content, cancellationToken);
        try
        {
            var fileName = FileTypes.SafeName(command.FileName);
            await session.ExecuteAsync(
                AttachmentSql.Insert,
                new { Id = id, PetitionId = petition.Id, FileName = fileName, ContentType = contentType, SizeBytes = command.Content.Length, Sha256 = sha256, StorageKey = key, UploadedBy = caller.UserId, UploadedAt = now },
                cancellationToken);
            await timeline.AddByCallerAsync(petition.Id, TimelineKind.AttachmentAdded, false, fileName, cancellationToken);
            audit.Record(new AuditEntry("petition.attachment_added", "petition", petition.Id, After: new { AttachmentId = id, fileName, contentType, sha256 }));
        }
        catch
        {
            store.Delete(key);
            throw;
        }

        return new AddedAttachment(id, contentType, command.Content.Length, sha256);
    }

    private static ValidationException Invalid(string message) => new([new ValidationFailure("file", message)]);
}

internal sealed record AttachmentDownload(AttachmentFile File, Stream Content);

internal sealed record DownloadAttachment(Guid PetitionId, Guid AttachmentId) : IQuery<AttachmentDownload>;

internal sealed class DownloadAttachmentHandler(IDbSession session, PetitionReader reader, AttachmentStore store) : IQueryHandler<DownloadAttachment, AttachmentDownload>
{
    public async ValueTask<AttachmentDownload> Handle(DownloadAttachment query, CancellationToken cancellationToken)
    {
        var petition = await reader.GetAsync(query.PetitionId, cancellationToken);
        var file = await session.QuerySingleOrDefaultAsync<AttachmentFile>(AttachmentSql.Find, new { query.AttachmentId, PetitionId = petition.Id }, cancellationToken)
            ?? throw new NotFoundException("Attachment");
        return new AttachmentDownload(file, store.Open(file.StorageKey));
    }
}

internal static class AttachmentEndpoints
{
    public static void Map(IEndpointRouteBuilder petitions)
    {
        petitions.MapPost("/{id:guid}/attachments", UploadAsync)
            .WithName("AddPetitionAttachment")
            .WithSummary("Adds a file (PDF, JPEG, PNG, MP3 or Office, at most 20 MB) as multipart form field 'file'.")
            .RequireRoles(Role.PetitionOfficer, Role.Leader, Role.Agent, Role.Handler)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(FileTypes.MaxBytes + (1024 * 1024)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        petitions.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync)
            .WithName("DownloadPetitionAttachment")
            .RequireSignedIn()
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<AddedAttachment>> UploadAsync(Guid id, IFormFile file, ISender sender, CancellationToken cancellationToken)
    {
        // Buffer to a temporary file, not memory: the type check and the hash read it twice.
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await file.CopyToAsync(buffer, cancellationToken);
        var added = await sender.Send(new AddAttachment(id, file.FileName, buffer), cancellationToken);
        return TypedResults.Created($"/api/v1/petitions/{id}/attachments/{added.Id}", added);
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(Guid id, Guid attachmentId, ISender sender, CancellationToken cancellationToken)
    {
        var download = await sender.Send(new DownloadAttachment(id, attachmentId), cancellationToken);
        return TypedResults.File(download.Content, download.File.ContentType, download.File.FileName);
    }
}
