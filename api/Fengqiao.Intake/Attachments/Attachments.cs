using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Files;
using Fengqiao.Intake.Petitions;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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

/// <summary>
/// Adds a file to a petition: its type is read from its content, its SHA-256 kept beside it. Who may is
/// <see cref="PetitionAction.AddAttachment"/>'s rule.
/// </summary>
internal sealed record AddAttachment(Guid PetitionId, string FileName, Stream Content) : ICommand<AddedAttachment>;

internal sealed class AddAttachmentHandler(
    IDbSession session,
    ICurrentUser caller,
    PetitionReader reader,
    FileStore store,
    Timeline timeline,
    IAuditLog audit) : ICommandHandler<AddAttachment, AddedAttachment>
{
    public async ValueTask<AddedAttachment> Handle(AddAttachment command, CancellationToken cancellationToken)
    {
        var petition = await reader.GetAsync(command.PetitionId, cancellationToken);
        PetitionActions.Require(PetitionAction.AddAttachment, petition, caller);

        var stored = await store.StoreAsync(
            command.FileName,
            command.Content,
            async file =>
            {
                await session.ExecuteAsync(
                    AttachmentSql.Insert,
                    new { file.Id, PetitionId = petition.Id, file.FileName, file.ContentType, file.SizeBytes, file.Sha256, file.StorageKey, UploadedBy = caller.UserId, UploadedAt = file.StoredAt },
                    cancellationToken);
                await timeline.AddByCallerAsync(petition.Id, TimelineKind.AttachmentAdded, false, file.FileName, cancellationToken);
                audit.Record(new AuditEntry("petition.attachment_added", "petition", petition.Id, After: new { AttachmentId = file.Id, file.FileName, file.ContentType, file.Sha256 }));
            },
            cancellationToken);
        return stored.Added;
    }
}

internal sealed record DownloadAttachment(Guid PetitionId, Guid AttachmentId) : IQuery<AttachmentDownload>;

internal sealed class DownloadAttachmentHandler(IDbSession session, CaseAgentReads agentReads, FileStore store) : IQueryHandler<DownloadAttachment, AttachmentDownload>
{
    public async ValueTask<AttachmentDownload> Handle(DownloadAttachment query, CancellationToken cancellationToken)
    {
        var (parameters, asCaseAgent) = await agentReads.ParametersForReadingAsync(query.PetitionId, new { Id = query.PetitionId }, cancellationToken);
        var petition = await session.QuerySingleOrDefaultAsync<PetitionRow>(PetitionSql.Get, parameters, cancellationToken) ?? throw new NotFoundException("Petition");
        var file = await session.QuerySingleOrDefaultAsync<AttachmentFile>(AttachmentSql.Find, new { query.AttachmentId, PetitionId = petition.Id }, cancellationToken)
            ?? throw new NotFoundException("Attachment");
        if (asCaseAgent)
        {
            await agentReads.RecordCaseAgentReadAsync("petition.attachment_read_as_case_agent", petition.Id, cancellationToken);
        }

        return store.Open(file);
    }
}

internal static class AttachmentEndpoints
{
    public static void Map(IEndpointRouteBuilder petitions)
    {
        petitions.MapPost("/{id:guid}/attachments", UploadAsync)
            .WithName("AddPetitionAttachment")
            .WithDescription("Uploads a file for the petition as the multipart form field `file`. Its type is read from the content, not the name, and must be PDF, JPEG, PNG, MP3 or an Office document; its SHA-256 is kept beside it. 400 for a disallowed type, an empty file or one over 20 MB; 404 when the petition lies outside the caller's jurisdiction.")
            .WithSummary("Adds a file (PDF, JPEG, PNG, MP3 or Office, at most 20 MB) as multipart form field 'file'.")
            .RequireRoles(PetitionActions.RolesFor(PetitionAction.AddAttachment))
            .AcceptsFileUpload()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        petitions.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync)
            .WithName("DownloadPetitionAttachment")
            .WithSummary("Downloads a file attached to the petition or to a petition merged into it.")
            .WithDescription("Streams one attachment of a petition within the caller's jurisdiction, including those of petitions merged into it, with its stored content type and file name. 404 when the attachment or the petition does not exist or is outside the caller's jurisdiction.")
            .RequireSignedIn()
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<AddedAttachment>> UploadAsync(Guid id, IFormFile file, ISender sender, CancellationToken cancellationToken)
    {
        await using var buffer = await FileEndpoints.BufferAsync(file, cancellationToken);
        var added = await sender.Send(new AddAttachment(id, file.FileName, buffer), cancellationToken);
        return TypedResults.Created($"/api/v1/petitions/{id}/attachments/{added.Id}", added);
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(Guid id, Guid attachmentId, ISender sender, CancellationToken cancellationToken) =>
        FileEndpoints.Send(await sender.Send(new DownloadAttachment(id, attachmentId), cancellationToken));
}
