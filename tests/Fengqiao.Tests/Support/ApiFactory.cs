using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Support;

/// <summary>
/// The real host over a fresh, migrated and seeded SQLite file in a temporary folder, called over HTTP.
/// One instance per test fixture; tokens are cached per user because each sign-in runs 600,000 PBKDF2 rounds.
/// </summary>
internal sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Pass-2026!";
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly Dictionary<string, string?> _settings;

    private readonly bool _ownsDataDirectory;

    /// <param name="overKestrel">Serve on Kestrel at a free loopback port instead of in memory, for what only a real server does (its own headers).</param>
    /// <param name="dataDirectory">
    /// The data folder of an earlier host, to start again on its database (a restart); the caller then deletes it. A fresh one by default.
    /// </param>
    public ApiFactory(Action<IServiceCollection>? configureServices = null, Dictionary<string, string?>? settings = null, bool overKestrel = false, string? dataDirectory = null)
    {
        if (overKestrel)
        {
            UseKestrel(0);
        }

        _configureServices = configureServices;
        _settings = settings ?? [];
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "fengqiao-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    public static JsonSerializerOptions Json { get; } = CreateJson();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Fengqiao:DataDirectory", DataDirectory);
        builder.UseSetting("Demo:Password", DemoPassword);
        // Tests count the petitions they register themselves; DemoDataTests and ReceptionDemoDataTests turn the generated ones back on.
        builder.UseSetting("Demo:Petitions", "0");
        builder.UseSetting("Demo:Receptions", "false");
        builder.UseSetting("Demo:Suggestions", "false");
        builder.UseSetting("Demo:Diary", "false");
        builder.UseSetting("Demo:Disputes", "false");
        builder.UseSetting("RateLimits:AuthenticationPerMinute", "100000");
        // The OWASP minimum rather than the production default: the suite hashes hundreds of passwords.
        builder.UseSetting("Passwords:Iterations", "210000");
        builder.UseSetting("Spa:DistPath", Path.Combine(DataDirectory, "no-spa"));
        // No test host sends webhooks unless it says so, and then only to a receiver of its own on loopback.
        builder.UseSetting("Webhooks:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_configureServices is not null)
        {
            builder.ConfigureServices(_configureServices);
        }
    }

    public async Task<string> TokenForAsync(string userName, string password = DemoPassword)
    {
        if (_tokens.TryGetValue(userName, out var cached))
        {
            return cached;
        }

        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        _tokens[userName] = token;
        return token;
    }

    public async Task<HttpClient> ClientForAsync(string userName)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(userName));
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        if (disposing && _ownsDataDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing connection; the OS temp folder is cleaned eventually.
            }
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
