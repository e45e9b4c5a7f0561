using System.Globalization;
using System.Text.Json;
using Tijdig.Cli;
using Tijdig.Domain.Dunning;

namespace Tijdig.Dunning.Replay;

/// <summary>The command-line verb for the what-if replay of a candidate policy.</summary>
public static class PolicyVerbs
{
    public const string Usage = """
          policy replay --candidate FILE.json | --candidate-version V [--months N] [--seed N] [--days N] [--date D] [--json]
                                                  replay the active and a candidate policy over the last N months (default 6)
        """;

    public static async Task<int> RunAsync(CommandLine line, IServiceProvider services, DateOnly today, TextWriter output, CancellationToken ct)
    {
        if (line.Word(1) != "replay")
        {
            throw new UsageException("Onbekende opdracht: gebruik 'policy replay --candidate FILE.json' (unknown policy verb).");
        }

        var candidate = await CandidateAsync(line, services, ct);
        var options = new ReplayOptions(
            line.Date(today),
            Number(line, "months", 6, minimum: int.MinValue),
            Number(line, "seed", 1, minimum: 0),
            Number(line, "days", 14, minimum: 1));
        var report = await services.GetRequiredService<RunPolicyReplay>().RunAsync(candidate, options, ct);

        await output.WriteLineAsync(line.Flag("json") || line.Option("format") == "json"
            ? JsonSerializer.Serialize(report, Verbs.Json)
            : ReplayText.Format(report));
        return 0;
    }

    private static async Task<DunningPolicy> CandidateAsync(CommandLine line, IServiceProvider services, CancellationToken ct)
    {
        if (line.Option("candidate-version") is not null && line.Option("candidate") is not null)
        {
            throw new UsageException("Geef --candidate FILE.json of --candidate-version V, niet allebei (give one candidate, not both).");
        }

        if (line.Option("candidate-version") is { } version)
        {
            return services.GetRequiredService<IReadOnlyList<DunningPolicy>>()
                .FirstOrDefault(p => string.Equals(p.Version, version, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"Beleidsversie '{version}' bestaat niet (no such policy version); kies een Version uit Dunning of Dunning:Versions.");
        }

        var path = line.Option("candidate") ?? throw new UsageException("Geef --candidate FILE.json of --candidate-version V (missing candidate policy).");
        if (!File.Exists(path))
        {
            throw new UsageException($"Bestand '{path}' niet gevonden (file not found).");
        }

        return CandidatePolicy.Parse(await File.ReadAllTextAsync(path, ct));
    }

    /// <summary>Reads a whole-number option of at least the minimum. The use case checks the range of the months, because the page shares it.</summary>
    private static int Number(CommandLine line, string name, int fallback, int minimum)
    {
        var text = line.Option(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new UsageException($"--{name} '{text}' is ongeldig: geef een heel getal (not a whole number).");
        }

        if (value < minimum)
        {
            throw new UsageException($"--{name} '{text}' is ongeldig: geef minstens {minimum.ToString(CultureInfo.InvariantCulture)} (must be at least {minimum.ToString(CultureInfo.InvariantCulture)}).");
        }

        return value;
    }
}
