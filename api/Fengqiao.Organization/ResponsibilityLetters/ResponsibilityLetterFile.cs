using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Files;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Organization.JointMeetings;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.ResponsibilityLetters;

/// <summary>
/// Attaches the signed letter (a scan or the document) once; needs If-Match. Those who may record letters in the issuing
/// region's jurisdiction attach it; a letter keeps its first file, so none is left behind unreferenced.
/// </summary>
internal sealed record AttachResponsibilityLetterFile(Guid LetterId, long ExpectedVersion, string FileName, Stream Content) : ICommand<EntityVersion>;

internal sealed class AttachResponsibilityLetterFileHandler(IDbSession session, ResponsibilityLetterStore store, FileStore files, IAuditLog audit)
    : ICommandHandler<AttachResponsibilityLetterFile, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(AttachResponsibilityLetterFile command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.LetterId, command.ExpectedVersion, cancellationToken);
        if (before.File is not null)
        {
            throw new ConflictException("responsibility_letter_has_file", "The letter already has its signed file.");
        }

        await files.StoreAsync(
            command.FileName,
            command.Content,
            async file =>
            {
                await session.ExecuteVersionedAsync(
                    ResponsibilityLetterSql.AttachFile,
                    new
                    {
                        Id = before.Id, file.FileName, file.ContentType, file.SizeBytes, file.Sha256, file.StorageKey, UploadedAt = file.StoredAt, command.ExpectedVersion,
                    },
                    command.ExpectedVersion,
                    cancellationToken);
                audit.Record(new AuditEntry("responsibility_letter.file_attached", "responsibility_letter", before.Id, After: new { file.FileName, file.ContentType, file.Sha256 }));
            },
            cancellationToken);
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal sealed record DownloadResponsibilityLetterFile(Guid LetterId) : IQuery<AttachmentDownload>;

internal sealed class DownloadResponsibilityLetterFileHandler(IDbSession session, ResponsibilityLetterStore store, FileStore files)
    : IQueryHandler<DownloadResponsibilityLetterFile, AttachmentDownload>
{
    public async ValueTask<AttachmentDownload> Handle(DownloadResponsibilityLetterFile query, CancellationToken cancellationToken)
    {
        var letter = await store.GetAsync(query.LetterId, cancellationToken);
        var file = await session.QuerySingleOrDefaultAsync<AttachmentFile>(ResponsibilityLetterSql.FileOf, new { letter.Id }, cancellationToken)
            ?? throw new NotFoundException("ResponsibilityLetterFile");
        return files.Open(file);
    }
}

internal static class ResponsibilityLetterFileEndpoints
{
    public static void Map(IEndpointRouteBuilder letters)
    {
        letters.MapPost("/{id:guid}/file", UploadAsync)
            .WithName("AttachResponsibilityLetterFile")
            .WithDescription("Uploads the signed letter (a scan or the document) as the multipart form field `file`; its type is read from the content. If-Match carries the letter's ETag. A letter keeps its first file, so 409 when one is attached already or the letter was withdrawn; 400 for a disallowed type or size; 404 unless the issuing region lies in the caller's jurisdiction.")
            .ProducesETag()
            .WithSummary("Attaches the signed letter (PDF, JPEG, PNG or Office, at most 20 MB) as multipart form field 'file'; needs If-Match. 404 unless the issuing region is in the caller's jurisdiction; 409 when the letter already has its file.")
            .RequireCapability(Capability.ManageJointMeetingsAndLetters)
            .AcceptsFileUpload()
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

        letters.MapGet("/{id:guid}/file", DownloadAsync)
            .WithName("DownloadResponsibilityLetterFile")
            .WithDescription("Streams the signed file of a letter whose receiving region lies in the caller's jurisdiction, with its stored content type and file name. 404 when the letter is outside the jurisdiction or no file was attached.")
            .WithSummary("The signed file of a letter whose receiving region lies in the caller's jurisdiction; 404 when none was attached.")
            .RequireCapability(Capability.ViewJointMeetingsAndLetters)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<EntityVersion>> UploadAsync(Guid id, IFormFile file, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var expectedVersion = Versioning.RequiredIfMatch(context);
        await using var buffer = await FileEndpoints.BufferAsync(file, cancellationToken);
        var attached = await sender.Send(new AttachResponsibilityLetterFile(id, expectedVersion, file.FileName, buffer), cancellationToken);
        Versioning.SetETag(context, attached.Version);
        return TypedResults.Ok(attached);
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        FileEndpoints.Send(await sender.Send(new DownloadResponsibilityLetterFile(id), cancellationToken));
}
