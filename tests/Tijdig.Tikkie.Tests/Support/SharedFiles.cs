namespace Tijdig.Tikkie.Tests.Support;

// Reference files live next to the repository in shared/; TIJDIG_SHARED overrides the location.
internal static class SharedFiles
{
    public static string Path(params string[] parts)
    {
        var root = Environment.GetEnvironmentVariable("TIJDIG_SHARED") ?? FindSharedNextToRepository();
        return System.IO.Path.Combine([root, .. parts]);
    }

    private static string FindSharedNextToRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Tijdig.slnx")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            throw new InvalidOperationException("Tijdig.slnx not found above the test directory; set TIJDIG_SHARED to the shared folder.");
        }

        return System.IO.Path.Combine(directory.Parent.FullName, "shared");
    }
}
