using System.Text.Json;
using Tijdig.Cli;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Banking;

/// <summary>`tijdig import bank FILE --dry-run` through the real CLI verb, as text and as JSON.</summary>
public sealed class DryRunOutputTests
{
    private static async Task<(int Exit, string Output)> RunAsync(string dataDirectory, params string[] arguments)
    {
        using var output = new StringWriter();
        var exit = await Verbs.RunAsync(CommandLine.Parse([.. arguments, "--data-dir", dataDirectory]), output, CancellationToken.None);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task DryRun_PrintsTextAndBooksNothing()
    {
        var directory = Directory.CreateTempSubdirectory("tijdig-dry-").FullName;
        var file = TestPaths.Sample("camt053/oca-abnamro-nl-camt053v02.xml");

        var (exit, text) = await RunAsync(directory, "import", "bank", file, "--dry-run");
        var (_, again) = await RunAsync(directory, "import", "bank", file, "--dry-run", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains("(proefrun: niets geboekt; dry run)", text, StringComparison.Ordinal);
        Assert.Contains("posten 4: nieuw 4, eerder gezien 0", text, StringComparison.Ordinal);
        Assert.Contains("zonder match 1", text, StringComparison.Ordinal);
        Assert.Contains("afschriften: nieuw 1, eerder gezien 0", text, StringComparison.Ordinal);

        // The first dry run booked nothing, so the second counts every entry as new again.
        using var json = JsonDocument.Parse(again);
        var root = json.RootElement;
        Assert.True(root.GetProperty("dryRun").GetBoolean());
        Assert.False(root.GetProperty("alreadyImported").GetBoolean());
        Assert.Equal(4, root.GetProperty("entries").GetInt32());
        Assert.Equal(4, root.GetProperty("newEntries").GetInt32());
        Assert.Equal(1, root.GetProperty("newStatements").GetInt32());
        Assert.Equal(1, root.GetProperty("unmatched").GetInt32());
        Assert.Equal("Camt053", root.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task BadFile_ExitsWithOneAndMessage()
    {
        var directory = Directory.CreateTempSubdirectory("tijdig-dry-").FullName;
        var file = Path.Combine(directory, "not-a-bank-file.txt");
        await File.WriteAllTextAsync(file, "Datum,Bedrag\n");

        var (exit, text) = await RunAsync(directory, "import", "bank", file, "--dry-run", "--format", "json");

        Assert.Equal(1, exit);
        Assert.Contains("Er is niets geboekt", text, StringComparison.Ordinal);
    }
}
