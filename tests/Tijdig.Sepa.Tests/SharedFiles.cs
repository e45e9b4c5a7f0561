namespace Tijdig.Sepa.Tests;

/// <summary>
/// Finds the shared reference files: TIJDIG_SHARED when set, otherwise the "shared" folder next to
/// the repository that contains Tijdig.slnx.
/// </summary>
internal static class SharedFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    public static string Sample(string relative) => Path("samples", "iso20022", relative);

    public static FileStream OpenSample(string relative) => File.OpenRead(Sample(relative));

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TIJDIG_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Tijdig.slnx")))
            {
                return System.IO.Path.Combine(dir.FullName, "..", "shared");
            }
        }

        throw new InvalidOperationException("Tijdig.slnx not found above the test directory; set TIJDIG_SHARED.");
    }
}
