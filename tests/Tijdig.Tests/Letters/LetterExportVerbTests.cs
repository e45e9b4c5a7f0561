using System.Globalization;
using Tijdig.Cli;
using Tijdig.Hosting;
using UglyToad.PdfPig;

namespace Tijdig.Tests.Letters;

/// <summary><c>letters export</c> as a user runs it, after <c>init --demo</c> and a cycle that posts letters.</summary>
public sealed class LetterExportVerbTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tijdig-letters-").FullName;

    // The verbs date the demo and the letters by the Amsterdam business date, not the machine's time zone.
    private static DateOnly BusinessToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, BusinessCalendar.Amsterdam).DateTime);

    private static string Today => BusinessToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task LettersExport_WritesBatchPdfAndManifest()
    {
        // 40 demo debtors include two at the last-chance step and one at termination, each with an address.
        await RunAsync("init", "--demo", "--debtors", "40");
        await RunAsync("cycle", "run", "--date", Today);
        var letters = Directory.GetFiles(Path.Combine(_dataDirectory, "letters"), "*.pdf", SearchOption.AllDirectories);
        var output = Path.Combine(_dataDirectory, "print");

        var (exitCode, text) = await RunAsync("letters", "export", "--date", Today, "--output", output);

        Assert.Equal(0, exitCode);
        Assert.Equal(3, letters.Length);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{letters.Length} letters."), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning", text, StringComparison.Ordinal);
        var pdf = Assert.Single(Directory.GetFiles(output, "letters-*.pdf"));
        var manifest = Assert.Single(Directory.GetFiles(output, "letters-*.csv"));
        Assert.StartsWith("letters-" + Today, Path.GetFileName(pdf), StringComparison.Ordinal);

        var rows = await File.ReadAllLinesAsync(manifest);
        Assert.Equal("letter_id,debtor_id,step,sending_date,pages_file,sha256", rows[0]);
        Assert.Equal(letters.Length, rows.Length - 1);
        Assert.Equal(2, rows.Count(r => r.Contains(",last-chance," + Today + ",", StringComparison.Ordinal)));
        Assert.Equal(1, rows.Count(r => r.Contains(",termination," + Today + ",", StringComparison.Ordinal)));

        // The batch contains every page of every letter.
        using var batch = PdfDocument.Open(pdf);
        var pages = letters.Sum(path =>
        {
            using var single = PdfDocument.Open(path);
            return single.NumberOfPages;
        });
        Assert.Equal(pages, batch.NumberOfPages);

        var (_, again) = await RunAsync("letters", "export", "--output", output);
        Assert.Contains("No letters to export", again, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(output).Length);
    }

    [Fact]
    public async Task LettersExport_LeavesLaterLettersWaiting()
    {
        await RunAsync("init", "--demo", "--debtors", "40");
        await RunAsync("cycle", "run", "--date", Today);
        var yesterday = BusinessToday.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (exitCode, early) = await RunAsync("letters", "export", "--date", yesterday);
        var (_, onTheDay) = await RunAsync("letters", "export", "--date", Today);

        Assert.Equal(0, exitCode);
        Assert.Contains("No letters to export on " + yesterday, early, StringComparison.Ordinal);
        Assert.Contains("3 letters.", onTheDay, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_dataDirectory, "exports"), "letters-*.pdf"));
    }

    [Fact]
    public async Task Help_ListsLettersExport()
    {
        var (exitCode, text) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("letters export [--date D] [--output DIR]", text, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await Verbs.RunAsync(CommandLine.Parse([.. args, "--data-dir", _dataDirectory]), output, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file through a pooled connection; the temp folder is cleaned later.
        }
    }
}
