namespace Tijdig.Tests.Infrastructure;

/// <summary>Locates the shared reference material (bank files, schemas) next to the repository.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Shared { get; } =
        Environment.GetEnvironmentVariable("TIJDIG_SHARED") ?? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Sample(string relativePath) => Path.Combine(Shared, "samples", "iso20022", relativePath);

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tijdig.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Tijdig.slnx not found above the test binaries.");
    }
}
