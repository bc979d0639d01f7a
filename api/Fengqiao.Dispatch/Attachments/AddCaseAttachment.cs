using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Files;
using Fengqiao.Dispatch.Cases;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Attachments;

/// <summary>The lead unit adds a file for its written reply; it reaches the petitioner only when a reply sends it.</summary>
internal sealed record AddCaseAttachment(Guid CaseId, string FileName, Stream Content) : ICommand<AddedAttachment>;

internal sealed class AddCaseAttachmentHandler(IDbSession session, CaseStore cases, FileStore files, ICurrentUser caller, IAuditLog audit)
    : ICommandHandler<AddCaseAttachment, AddedAttachment>
{
    public async ValueTask<AddedAttachment> Handle(AddCaseAttachment command, CancellationToken cancellationToken)
    {
        // The files go out with the written reply, so adding one is part of replying: whoever may reply now may add one.
        var row = await cases.GetForActionAsync(command.CaseId, CaseAction.Reply, cancellationToken);
        var stored = await files.StoreAsync(
            command.FileName,
            command.Content,
            async file =>
            {
                await session.ExecuteAsync(
                    CaseAttachmentSql.Insert,
                    new
                    {
                        file.Id, CaseId = row.Id, file.FileName, file.ContentType, file.SizeBytes, file.Sha256, file.StorageKey,
                        UploadedBy = caller.UserId, UploadedByName = caller.DisplayName, UploadedAt = file.StoredAt,
                    },
                    cancellationToken);
                audit.Record(new AuditEntry("case.attachment_added", "case", row.Id, After: new { AttachmentId = file.Id, file.FileName, file.ContentType, file.Sha256 }));
            },
            cancellationToken);
        return stored.Added;
    }
}

internal sealed record DownloadCaseAttachment(Guid CaseId, Guid AttachmentId) : IQuery<AttachmentDownload>;

internal sealed class DownloadCaseAttachmentHandler(CaseStore cases, CaseAttachments attachments) : IQueryHandler<DownloadCaseAttachment, AttachmentDownload>
{
    public async ValueTask<AttachmentDownload> Handle(DownloadCaseAttachment query, CancellationToken cancellationToken)
    {
        var row = await cases.GetAsync(query.CaseId, cancellationToken);
        return await attachments.OpenOfCaseAsync(row.Id, query.AttachmentId, cancellationToken);
    }
}

internal static class CaseAttachmentEndpoints
{
    public static void Map(IEndpointRouteBuilder cases)
    {
        cases.MapPost("/{id:guid}/attachments", UploadAsync)
            .WithName("AddCaseAttachment")
            .WithDescription("The lead unit uploads a file for its written reply as the multipart form field `file`; its type is read from the content. The file reaches the petitioner only if a reply sends it. 400 for a disallowed type, an empty file or one over 20 MB; 409 when the case's state does not allow it (`allowedActions` of the case says what does).")
            .WithSummary("The lead unit adds a file for its reply (PDF, JPEG, PNG, MP3 or Office, at most 20 MB) as multipart form field 'file'.")
            .RequireRoles(CaseActions.RolesFor(CaseAction.Reply))
            .AcceptsFileUpload()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync)
            .WithName("DownloadCaseAttachment")
            .WithDescription("Streams one file of a case within the caller's jurisdiction, with its stored content type and file name. 404 when the file or the case does not exist or the case lies outside the caller's jurisdiction.")
            .WithSummary("A file of a case within the caller's jurisdiction.")
            .RequireSignedIn()
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<AddedAttachment>> UploadAsync(Guid id, IFormFile file, ISender sender, CancellationToken cancellationToken)
    {
        await using var buffer = await FileEndpoints.BufferAsync(file, cancellationToken);
        var added = await sender.Send(new AddCaseAttachment(id, file.FileName, buffer), cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{id}/attachments/{added.Id}", added);
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(Guid id, Guid attachmentId, ISender sender, CancellationToken cancellationToken) =>
        FileEndpoints.Send(await sender.Send(new DownloadCaseAttachment(id, attachmentId), cancellationToken));
}
