using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Benchmarks;

/// <summary>
/// The real API host (its Program, configuration and middleware) over the SQLite file in a data folder, in the
/// Production environment, with the sign-in and public rate limits raised so the load is not throttled.
/// </summary>
internal sealed class BenchmarkHost : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Bench-Pass-2026!";
    private readonly string _dataDirectory;

    public BenchmarkHost(string dataDirectory, bool listenOnLoopback)
    {
        _dataDirectory = Path.GetFullPath(dataDirectory);
        if (listenOnLoopback)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    public string DatabaseFile => Path.Combine(_dataDirectory, "fengqiao.db");

    /// <summary>Starts Kestrel and answers the address it bound.</summary>
    public Uri StartListening()
    {
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Fengqiao:DataDirectory", _dataDirectory);
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Demo:Petitions", "0");
        // The generator loads the disputes at the size asked for; the demo's few hundred would only share its rooms' hours.
        builder.UseSetting("Demo:Disputes", "false");
        // The demo's receptions and diary register petitions and open cases through the modules, and a database holding any
        // would get none of the generated ones.
        builder.UseSetting("Demo:Receptions", "false");
        builder.UseSetting("Demo:Diary", "false");
        builder.UseSetting("RateLimits:AuthenticationPerMinute", "1000000");
        builder.UseSetting("RateLimits:PublicPerMinute", "1000000");
        builder.UseSetting("Spa:DistPath", Path.Combine(_dataDirectory, "no-spa"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // A run lasts longer than the default 15-minute access token.
        builder.UseSetting("Auth:AccessTokenMinutes", "240");
    }
}
