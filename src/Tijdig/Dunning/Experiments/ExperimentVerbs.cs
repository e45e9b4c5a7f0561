using System.Globalization;
using System.Text.Json;
using Tijdig.Cli;

namespace Tijdig.Dunning.Experiments;

/// <summary>The command-line verb for policy experiments.</summary>
public static class ExperimentVerbs
{
    public const string Usage = """
          experiments report --key K [--days N] [--date D] [--format text|json]
                                                  paid rate per variant within N days (default 14), with a 95 % interval
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(CommandLine line, IServiceProvider services, DateOnly today, TextWriter output, CancellationToken ct)
    {
        if (line.Word(1) != "report")
        {
            throw new UsageException("Onbekende opdracht: gebruik 'experiments report --key K' (unknown experiments verb).");
        }

        var key = line.Option("key") ?? throw new UsageException("--key K ontbreekt: gebruik een van de sleutels onder Dunning:Experiments (missing --key).");
        var daysText = line.Option("days") ?? "14";
        if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            throw new UsageException($"--days '{daysText}' is ongeldig: geef een heel aantal dagen, bijvoorbeeld 14 (invalid --days).");
        }

        ExperimentReport report;
        try
        {
            report = await services.GetRequiredService<ReportExperiment>().RunAsync(key, days, line.Date(today), ct);
        }
        catch (KeyNotFoundException error)
        {
            throw new UsageException(error.Message);
        }

        if (line.Format("text") == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            return 0;
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Experiment {report.Key} ({report.Step}, {report.StartsOn:yyyy-MM-dd} to {report.EndsOn:yyyy-MM-dd}), paid within {report.PaidWithinDays} days:"));
        foreach (var variant in report.Variants)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  {variant.Variant,-12} {(variant.HoldOut ? "hold-out" : ""),-8} reached {variant.Reached,6}  paid {variant.Paid,6}  {variant.PaidRate:P1} (95 % CI {variant.Lower:P1} to {variant.Upper:P1})"));
        }

        return 0;
    }
}
