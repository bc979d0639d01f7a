using System.Security.Cryptography;
using Fengqiao.BuildingBlocks.Data;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Configuration;

namespace Fengqiao.BuildingBlocks.Files;

/// <summary>A file as stored: what a module records in its own table beside the key that finds it again.</summary>
public sealed record StoredFile(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, string StorageKey, DateTimeOffset StoredAt)
{
    public AddedAttachment Added => new(Id, ContentType, SizeBytes, Sha256);
}

/// <summary>What an upload answers: the type read from the content and the hash kept beside the file.</summary>
public sealed record AddedAttachment(Guid Id, string ContentType, long SizeBytes, string Sha256);

/// <summary>The columns a module reads back to send a stored file.</summary>
public sealed record AttachmentFile
{
    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required string StorageKey { get; init; }
}

public sealed record AttachmentDownload(AttachmentFile File, Stream Content);

/// <summary>
/// Files kept in a folder (default: attachments/ under the data folder), one file per id. Uploads are accepted only
/// as PDF, JPEG, PNG, MP3 or Office documents up to <see cref="FileTypes.MaxBytes"/>, typed from their content.
/// </summary>
public sealed class FileStore(IConfiguration configuration, DataDirectory dataDirectory, TimeProvider clock)
{
    private readonly string _root = Path.GetFullPath(configuration["Attachments:Directory"] ?? dataDirectory.File("attachments"));

    /// <summary>
    /// Checks and stores <paramref name="content"/>, then lets <paramref name="record"/> write the module's row;
    /// if recording fails the file is removed again, so no file outlives its row. Bad files are a 400 on field <c>file</c>.
    /// </summary>
    public async Task<StoredFile> StoreAsync(string fileName, Stream content, Func<StoredFile, Task> record, CancellationToken cancellationToken)
    {
        if (content.Length == 0 || content.Length > FileTypes.MaxBytes)
        {
            throw Invalid($"A file must hold between 1 byte and {FileTypes.MaxBytes / 1024 / 1024} MB.");
        }

        var contentType = FileTypes.Detect(content)
            ?? throw Invalid("Only PDF, JPEG, PNG, MP3 and Office documents are accepted (checked from the content).");
        content.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var key = $"{now:yyyy}/{now:MM}/{id:N}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        content.Position = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        var stored = new StoredFile(id, FileTypes.SafeName(fileName), contentType, content.Length, sha256, key, now);
        try
        {
            await record(stored);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return stored;
    }

    public AttachmentDownload Open(AttachmentFile file) =>
        new(file, new FileStream(PathOf(file.StorageKey), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        return path.StartsWith(_root, StringComparison.Ordinal) ? path : throw new InvalidOperationException("Attachment key escapes the store.");
    }

    private static ValidationException Invalid(string message) => new([new ValidationFailure("file", message)]);
}
