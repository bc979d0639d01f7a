using System.IO.Compression;
using System.Text;

namespace Fengqiao.BuildingBlocks.Files;

/// <summary>
/// Recognises an upload by its first bytes, never by its name: PDF, JPEG, PNG, MP3, Office Open XML
/// (docx/xlsx/pptx, checked inside the ZIP) and legacy Office (OLE2 compound files).
/// </summary>
public static class FileTypes
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static string? Detect(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        head = head[..read];

        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return "image/jpeg";
        }

        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }

        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE6) == 0xE2))
        {
            return "audio/mpeg";
        }

        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            return "application/vnd.ms-office";
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return OfficeOpenXml(content);
        }

        return null;
    }

    private static string? OfficeOpenXml(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }

            var names = zip.Entries.Select(e => e.FullName).ToList();
            return names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)) ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                : names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)) ? "application/vnd.openxmlformats-officedocument.presentationml.presentation"
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>A file name safe to send back in Content-Disposition: path parts and control characters removed.</summary>
    public static string SafeName(string name)
    {
        var fileName = Path.GetFileName(name.Replace('\\', '/'));
        var builder = new StringBuilder();
        foreach (var c in fileName)
        {
            if (!char.IsControl(c) && c != '"')
            {
                builder.Append(c);
            }
        }

        var safe = builder.ToString().Trim();
        return safe.Length == 0 ? "attachment" : safe.Length > 200 ? safe[..200] : safe;
    }
}
