using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fengqiao.BuildingBlocks.Files;

/// <summary>Upload and download plumbing shared by every endpoint that takes or sends a stored file.</summary>
public static class FileEndpoints
{
    /// <summary>One multipart field <c>file</c> of at most <see cref="FileTypes.MaxBytes"/>, with room for the multipart envelope.</summary>
    public static RouteHandlerBuilder AcceptsFileUpload(this RouteHandlerBuilder endpoint) =>
        endpoint
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(FileTypes.MaxBytes + (1024 * 1024)));

    /// <summary>Buffers to a temporary file, not memory: the type check and the hash read it twice. Deleted when disposed.</summary>
    public static async Task<FileStream> BufferAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var buffer = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await file.CopyToAsync(buffer, cancellationToken);
            return buffer;
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
    }

    public static FileStreamHttpResult Send(AttachmentDownload download) =>
        TypedResults.File(download.Content, download.File.ContentType, download.File.FileName);
}
