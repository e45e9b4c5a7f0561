using System.Globalization;
using Tijdig.Cli;
using Tijdig.Domain;
using Tijdig.Domain.Dunning.Pauses;
using Tijdig.Dunning.Claims;
using Tijdig.Dunning.Pauses;

namespace Tijdig.Dunning;

/// <summary>The command-line verbs for agency claims and dunning pauses.</summary>
public static class DunningVerbs
{
    public const string Usage = """
          claims export --agency KEY [--format csv|json] [--output FILE] [--date D]
                                                  new claims of one agency as a claim file; marks them submitted
          claims import FILE                      the agency's status file (claim_id;status;collected_principal;date)
          claims recall ID --reason TEXT [--date D]
                                                  take a claim back from its agency
          pause add DEBTOR --kind K --until D --reason TEXT [--from D]
                                                  pause dunning; K is Arrangement, Dispute, PromiseToPay, Hardship or Moratorium
          pause end ID --reason TEXT [--date D]   end a pause early; dunning resumes on D
        """;

    public static async Task<int> ClaimsAsync(CommandLine line, IServiceProvider services, DateOnly today, TextWriter output, CancellationToken ct)
    {
        var date = line.Date(today);
        switch (line.Word(1))
        {
            case "export":
                var agency = line.Option("agency") ?? throw new UsageException("--agency KEY ontbreekt: gebruik een van de sleutels onder Dunning:Agencies (missing --agency).");
                var export = await services.GetRequiredService<ExportClaims>().RunAsync(agency, line.Option("format") ?? "csv", line.Option("output"), date, ct);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{export.Count} claims, total {Money.Format(export.TotalCents)}: {export.Path}"));
                return 0;

            case "import":
                var path = line.Word(2) ?? throw new UsageException("BESTAND ontbreekt: gebruik 'claims import FILE' (missing FILE).");
                if (!File.Exists(path))
                {
                    throw new UsageException($"Bestand '{path}' niet gevonden: controleer het pad (file not found).");
                }

                using (var reader = new StreamReader(path))
                {
                    var result = await services.GetRequiredService<ImportClaimStatus>().RunAsync(reader, ct);
                    if (!result.Success)
                    {
                        await output.WriteLineAsync($"{Path.GetFileName(path)} is niet verwerkt; er is niets opgeslagen (not applied; nothing saved):");
                        foreach (var error in result.Errors)
                        {
                            await output.WriteLineAsync("  " + error);
                        }

                        return 1;
                    }

                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Updated} claims updated, {result.PaymentsBooked} payments booked ({Money.Format(result.BookedCents)})."));
                    return 0;
                }

            case "recall":
                var id = ParseId(line.Word(2), "claims recall ID");
                var claim = await services.GetRequiredService<RecallClaim>().RunAsync(id, line.Option("reason") ?? "", date, ct);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Claim {claim.Id} recalled from {claim.Agency}."));
                return 0;

            default:
                throw new UsageException("Onbekende opdracht: gebruik 'claims export', 'claims import' of 'claims recall' (unknown claims verb).");
        }
    }

    public static async Task<int> PauseAsync(CommandLine line, IServiceProvider services, DateOnly today, TextWriter output, CancellationToken ct)
    {
        var pauses = services.GetRequiredService<PauseDunning>();
        switch (line.Word(1))
        {
            case "add":
                var debtor = line.Word(2) ?? throw new UsageException("Debiteurnummer ontbreekt: gebruik 'pause add DEBTOR --kind K --until D --reason TEXT' (missing DEBTOR).");
                var kindText = line.Option("kind") ?? throw new UsageException("--kind ontbreekt: gebruik Arrangement, Dispute, PromiseToPay, Hardship of Moratorium (missing --kind).");
                if (!Enum.TryParse<PauseKind>(kindText, ignoreCase: true, out var kind) || kind == PauseKind.Unspecified)
                {
                    throw new UsageException($"--kind '{kindText}' is ongeldig: gebruik Arrangement, Dispute, PromiseToPay, Hardship of Moratorium (invalid --kind).");
                }

                var from = ParseDate(line.Option("from"), "--from") ?? today;
                var until = ParseDate(line.Option("until"), "--until") ?? throw new UsageException("--until JJJJ-MM-DD ontbreekt: de laatste dag van de pauze (missing --until).");
                var pause = await pauses.AddAsync(debtor, kind, line.Option("reason") ?? "", from, until, "cli", ct);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Pause {pause.Id}: {pause.Kind} for {debtor} from {pause.StartsOn:yyyy-MM-dd} to {pause.EndsOn:yyyy-MM-dd}."));
                return 0;

            case "end":
                var id = ParseId(line.Word(2), "pause end ID");
                var ended = await pauses.EndAsync(id, line.Date(today), "cli", line.Option("reason") ?? "", ct);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Pause {ended.Id} ended; dunning resumes on {ended.EndedOn:yyyy-MM-dd}."));
                return 0;

            default:
                throw new UsageException("Onbekende opdracht: gebruik 'pause add' of 'pause end' (unknown pause verb).");
        }
    }

    private static long ParseId(string? value, string usage) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new UsageException($"ID ontbreekt of is ongeldig: gebruik '{usage}' (missing or invalid ID).");

    private static DateOnly? ParseDate(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option} '{value}' is ongeldig: gebruik JJJJ-MM-DD, bijvoorbeeld 2026-12-04 (invalid date).");
    }
}
