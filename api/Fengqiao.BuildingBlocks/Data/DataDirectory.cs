using Microsoft.Extensions.Configuration;

namespace Fengqiao.BuildingBlocks.Data;

/// <summary>The folder that holds the embedded database, generated keys and stored files.</summary>
public sealed class DataDirectory
{
    public DataDirectory(IConfiguration configuration)
    {
        var configured = configuration["Fengqiao:DataDirectory"];
        Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Reads a secret kept in the data folder, creating it on first use so no secret is ever committed.</summary>
    public string GetOrCreateSecret(string name, Func<string> create)
    {
        var file = File(name);
        if (System.IO.File.Exists(file))
        {
            return System.IO.File.ReadAllText(file).Trim();
        }

        var value = create();
        using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(value);
        }

        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return value;
    }
}
