using Fengqiao.BuildingBlocks.Data;
using Microsoft.Extensions.Configuration;

namespace Fengqiao.Intake.Attachments;

/// <summary>Files kept in a folder (default: attachments/ under the data folder), one file per attachment id.</summary>
internal sealed class AttachmentStore(IConfiguration configuration, DataDirectory dataDirectory)
{
    private readonly string _root = Path.GetFullPath(configuration["Attachments:Directory"] ?? dataDirectory.File("attachments"));

    public async Task<string> SaveAsync(Guid id, DateTimeOffset at, Stream content, CancellationToken cancellationToken)
    {
        var key = $"{at:yyyy}/{at:MM}/{id:N}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        content.Position = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public Stream Open(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string key) => File.Delete(PathOf(key));

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        return path.StartsWith(_root, StringComparison.Ordinal) ? path : throw new InvalidOperationException("Attachment key escapes the store.");
    }
}
