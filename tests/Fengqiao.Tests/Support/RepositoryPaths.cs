using System.Reflection;

namespace Fengqiao.Tests.Support;

/// <summary>
/// Locates files of the repository: above the test's output folder, or — when the build put its output
/// elsewhere (<c>--artifacts-path</c>) — at the root recorded in the assembly when it was built.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Fengqiao.slnx")))
        {
            directory = directory.Parent;
        }

        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        return directory?.FullName
            ?? (recorded is not null && File.Exists(Path.Combine(recorded, "Fengqiao.slnx")) ? Path.GetFullPath(recorded) : null)
            ?? throw new InvalidOperationException("Fengqiao.slnx not found above the test folder nor at the recorded repository root.");
    }
}
