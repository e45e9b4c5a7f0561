using System.Globalization;
using Tijdig.Cli;

namespace Tijdig.Letters;

/// <summary>The command-line verb that hands the printed letters to a print-and-mail service.</summary>
public static class LetterVerbs
{
    public const string Usage = """
          letters export [--date D] [--output DIR]
                                                  letters dated on or before D (default today) not yet exported, as one PDF and a CSV manifest
        """;

    public static async Task<int> ExportAsync(CommandLine line, IServiceProvider services, DateOnly today, TextWriter output, CancellationToken ct)
    {
        var date = line.Date(today);
        var batch = await services.GetRequiredService<ExportLetters>().RunAsync(date, line.Option("output"), ct);
        if (batch.Count == 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"No letters to export on {date:yyyy-MM-dd}; no file written."));
            return 0;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {batch.PdfPath} and {batch.ManifestPath}: {batch.Count} letters."));
        if (batch.DatedEarlier > 0)
        {
            // The printed term assumes the letter is posted on its sending date. A letter posted
            // later gives the parent less time than the law requires after receipt.
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Warning: {batch.DatedEarlier} letters carry a sending date before {date:yyyy-MM-dd}. The term printed in them counts from that date: check them before posting."));
        }

        return 0;
    }
}
