using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Fengqiao.Integrations.Webhooks;

/// <summary>
/// Keeps webhooks from reaching into the server's own networks (SSRF): a target whose address is private, loopback,
/// link-local, unique-local, carrier-grade NAT, multicast or reserved is refused unless <see cref="WebhookOptions.AllowedHosts"/>
/// names its host or network. Checked when a subscription is saved and again on every connection, after DNS resolution, so a
/// name that later resolves elsewhere (DNS rebinding) is caught where it matters.
/// </summary>
internal sealed class OutboundAddressPolicy
{
    private static readonly IPNetwork[] Blocked =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private readonly IReadOnlyList<IPNetwork> _allowedNetworks;
    private readonly IReadOnlyList<string> _allowedHosts;

    public OutboundAddressPolicy(IOptions<WebhookOptions> options)
    {
        var entries = options.Value.AllowedHosts.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToList();
        _allowedNetworks = entries.Select(NetworkOf).OfType<IPNetwork>().ToList();
        _allowedHosts = entries.Where(e => NetworkOf(e) is null).Select(e => e.ToLowerInvariant()).ToList();
    }

    /// <summary>A CIDR entry, or a single address as the network of just it; null for a host name.</summary>
    private static IPNetwork? NetworkOf(string entry) =>
        IPNetwork.TryParse(entry, out var network) ? network
        : IPAddress.TryParse(entry, out var address) ? new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
        : null;

    /// <summary>Whether the configuration names the host itself (exactly, or under a <c>*.</c> wildcard): any address it resolves to is allowed.</summary>
    public bool IsAllowedHost(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        return _allowedHosts.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? name.EndsWith(allowed[1..], StringComparison.Ordinal)
            : name == allowed);
    }

    public bool IsAllowedAddress(IPAddress address)
    {
        var normalised = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IsInAllowedNetwork(normalised) || !Blocked.Any(n => n.Contains(normalised));
    }

    /// <summary>Why <paramref name="url"/> may not be a webhook's target, or null when it may: resolves its host now.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Give an absolute http or https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "A webhook URL carries no user name or password; the signature authenticates the sender.";
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "A webhook URL has no fragment.";
        }

        if (IsAllowedHost(uri.IdnHost))
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return "The host name does not resolve.";
        }

        if (addresses.Length == 0)
        {
            return "The host name does not resolve.";
        }

        if (!addresses.All(IsAllowedAddress))
        {
            return "The URL leads to a private, loopback, link-local or otherwise internal address, which webhooks may not reach.";
        }

        // Deliveries carry petition data: in clear only to a receiver on a network the configuration names (an intranet).
        return uri.Scheme == Uri.UriSchemeHttps || addresses.All(IsInAllowedNetwork) ? null : "Use https.";
    }

    private bool IsInAllowedNetwork(IPAddress address)
    {
        var normalised = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _allowedNetworks.Any(n => n.Contains(normalised));
    }

    /// <summary>
    /// Connects to the first address of <paramref name="endpoint"/> the policy allows; refuses when it allows none. Installed as
    /// the webhook handler's ConnectCallback, so the address checked is the address connected to.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(endpoint.Host, cancellationToken);
        var allowedHost = IsAllowedHost(endpoint.Host);
        var permitted = addresses.Where(a => allowedHost || IsAllowedAddress(a)).ToList();
        if (permitted.Count == 0)
        {
            throw new HttpRequestException($"Refused: {endpoint.Host} resolves to no address webhooks may reach.");
        }

        SocketException? last = null;
        foreach (var address in permitted)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
}
