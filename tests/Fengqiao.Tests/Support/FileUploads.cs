using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Fengqiao.Tests.Support;

/// <summary>Multipart uploads as the SPA sends them: one field <c>file</c>, typed by the client as a plain byte stream.</summary>
internal static class FileUploads
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF");

    /// <summary>A Windows program named as a PDF: only its content tells.</summary>
    public static readonly byte[] ProgramNamedPdf = Encoding.UTF8.GetBytes("MZ this is really a program");

    public static Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string name, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return client.PostAsync(url, form);
    }

    public static async Task<JsonObject> UploadAsync(HttpClient client, string url, string name, byte[] content) =>
        await (await PostFileAsync(client, url, name, content)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
}
