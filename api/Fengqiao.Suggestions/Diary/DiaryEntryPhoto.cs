using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Files;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Suggestions.Handling;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Suggestions.Diary;

/// <summary>The cadre adds (or replaces) the photo taken at the visit; only JPEG or PNG. Needs If-Match.</summary>
internal sealed record AddDiaryEntryPhoto(Guid EntryId, long ExpectedVersion, string FileName, Stream Content) : ICommand<EntityVersion>;

internal sealed class AddDiaryEntryPhotoHandler(IDbSession session, DiaryStore store, FileStore files, IAuditLog audit)
    : ICommandHandler<AddDiaryEntryPhoto, EntityVersion>
{
    private static readonly string[] PhotoTypes = ["image/jpeg", "image/png"];

    public async ValueTask<EntityVersion> Handle(AddDiaryEntryPhoto command, CancellationToken cancellationToken)
    {
        var row = await store.GetEntryForChangeAsync(command.EntryId, command.ExpectedVersion, cancellationToken);
        await files.StoreAsync(
            command.FileName,
            command.Content,
            async file =>
            {
                if (!PhotoTypes.Contains(file.ContentType))
                {
                    throw SuggestionStore.Invalid("file", "A photo is a JPEG or PNG image.");
                }

                await session.ExecuteVersionedAsync(
                    DiarySql.SetPhoto,
                    new { row.Id, file.FileName, file.ContentType, file.SizeBytes, file.Sha256, file.StorageKey, command.ExpectedVersion },
                    command.ExpectedVersion,
                    cancellationToken);
                audit.Record(new AuditEntry("diary.photo_added", "diary_entry", row.Id, After: new { file.FileName, file.ContentType, file.Sha256, Version = row.Version + 1 }));
            },
            cancellationToken);
        return new EntityVersion(row.Id, row.Version + 1);
    }
}

internal sealed record DownloadDiaryEntryPhoto(Guid EntryId) : IQuery<AttachmentDownload>;

internal sealed class DownloadDiaryEntryPhotoHandler(IDbSession session, ICurrentUser caller, FileStore files) : IQueryHandler<DownloadDiaryEntryPhoto, AttachmentDownload>
{
    public async ValueTask<AttachmentDownload> Handle(DownloadDiaryEntryPhoto query, CancellationToken cancellationToken)
    {
        var file = await session.QuerySingleInJurisdictionAsync<AttachmentFile>(caller, DiarySql.PhotoOf, new { Id = query.EntryId }, cancellationToken)
            ?? throw new NotFoundException("Photo");
        return files.Open(file);
    }
}

internal static class DiaryEntryPhotoEndpoints
{
    public static void Map(IEndpointRouteBuilder diary)
    {
        diary.MapPost("/entries/{id:guid}/photo", UploadAsync)
            .WithName("AddDiaryEntryPhoto")
            .WithDescription("The cadre adds the photo taken at the visit (JPEG or PNG, at most 20 MB) as the multipart form field `file`, replacing an earlier one; its type is read from the content. If-Match carries the entry's ETag. 400 for another type or an empty file.")
            .ProducesETag()
            .WithSummary("Adds the visit's photo (JPEG or PNG) to a diary entry as multipart form field 'file'; needs If-Match.")
            .RequireCapability(Capability.KeepDiary)
            .AcceptsFileUpload()
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

        diary.MapGet("/entries/{id:guid}/photo", DownloadAsync)
            .WithName("DownloadDiaryEntryPhoto")
            .WithDescription("Streams the photo of a diary entry of the caller's jurisdiction. 404 when the entry has none or lies outside the jurisdiction.")
            .WithSummary("The photo of a diary entry.")
            .RequireCapability(Capability.ViewDiary)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<EntityVersion>> UploadAsync(Guid id, IFormFile file, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var expected = Versioning.RequiredIfMatch(context);
        await using var buffer = await FileEndpoints.BufferAsync(file, cancellationToken);
        var changed = await sender.Send(new AddDiaryEntryPhoto(id, expected, file.FileName, buffer), cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        FileEndpoints.Send(await sender.Send(new DownloadDiaryEntryPhoto(id), cancellationToken));
}
