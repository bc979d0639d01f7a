using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Fengqiao.Sample.Integration;

/// <summary>A webhook that passed the signature check: its <c>webhook-id</c>, event type and data.</summary>
internal sealed record VerifiedWebhook(string Id, string Type, JsonElement Data);

/// <summary>
/// A tiny webhook receiver on <see cref="HttpListener"/>: answers 401 to a request whose signature does not verify, 204 to one
/// that does, and hands each webhook on once, since deliveries are at least once (a redelivery keeps its webhook-id).
/// </summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly StandardWebhook _verifier;
    private readonly TextWriter _log;
    private readonly Channel<VerifiedWebhook> _received = Channel.CreateUnbounded<VerifiedWebhook>();
    private readonly HashSet<string> _seen = [];
    private readonly Task _loop;

    private WebhookListener(string prefix, StandardWebhook verifier, TextWriter log)
    {
        _verifier = verifier;
        _log = log;
        _listener.Prefixes.Add(prefix);
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    public static WebhookListener Start(string prefix, StandardWebhook verifier, TextWriter log) => new(prefix, verifier, log);

    /// <summary>The first webhook, arrived or still to come, that <paramref name="wanted"/> picks.</summary>
    public async Task<VerifiedWebhook> WaitForAsync(Func<VerifiedWebhook, bool> wanted, CancellationToken cancellationToken)
    {
        await foreach (var webhook in _received.Reader.ReadAllAsync(cancellationToken))
        {
            if (wanted(webhook))
            {
                return webhook;
            }
        }

        throw new InvalidOperationException("The listener stopped.");
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception stopped) when (stopped is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            using var response = context.Response;
            var request = context.Request;
            string body;
            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var id = request.Headers["webhook-id"];
            if (request.HttpMethod != "POST" || !_verifier.IsAuthentic(id, request.Headers["webhook-timestamp"], request.Headers["webhook-signature"], body))
            {
                await _log.WriteLineAsync($"Refused a webhook whose signature does not verify (webhook-id {id}).");
                response.StatusCode = (int)HttpStatusCode.Unauthorized;
                continue;
            }

            response.StatusCode = (int)HttpStatusCode.NoContent;
            if (_seen.Add(id!))
            {
                using var json = JsonDocument.Parse(body);
                var webhook = new VerifiedWebhook(id!, json.RootElement.GetProperty("type").GetString()!, json.RootElement.GetProperty("data").Clone());
                await _log.WriteLineAsync($"Received {webhook.Type} (webhook-id {webhook.Id}), signature verified.");
                await _received.Writer.WriteAsync(webhook);
            }
        }

        _received.Writer.TryComplete();
    }
}
