using System.Globalization;
using Tijdig.Cli;
using Tijdig.Domain;
using Tijdig.Dunning.Law;
using Tijdig.Hosting;

namespace Tijdig.Dunning;

/// <summary>The command-line verbs for balance statements for the debt-settlement scheme of the toeslagenaffaire.</summary>
public static class StatementVerbs
{
    public const string Usage = """
          statements request DEBTOR [--date D]    balance statement (saldo-opgave) as PDF for the toeslagenaffaire scheme; opens a task due in 14 days
          statements list [--open]                statements with their due date; --open shows only those not yet delivered
          statements delivered ID [--date D]      mark statement ID delivered on D (default today); closes its task
        """;

    public static async Task<int> RunAsync(CommandLine line, IServiceProvider services, DateOnly today, TextWriter output, CancellationToken ct)
    {
        var statements = services.GetRequiredService<BalanceStatements>();
        switch (line.Word(1))
        {
            case "request":
                return await RequestAsync(line, statements, services.GetRequiredService<DataDirectory>(), today, output, ct);

            case "list":
                return await ListAsync(line, statements, today, output, ct);

            case "delivered":
                if (!long.TryParse(line.Word(2), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    throw new UsageException($"Ongeldig of ontbrekend ID '{line.Word(2)}': gebruik 'statements delivered ID', met het nummer uit 'statements list' (invalid ID).");
                }

                var delivered = await statements.MarkDeliveredAsync(id, line.Date(today), ct);
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Saldo-opgave {delivered.WorkItemId} van {delivered.DebtorNumber} geleverd op {delivered.DeliveredOn:yyyy-MM-dd}; de taak is gesloten."));
                return 0;

            default:
                throw new UsageException("Onbekende opdracht: gebruik 'statements request', 'statements list' of 'statements delivered' (unknown statements verb).");
        }
    }

    private static async Task<int> RequestAsync(CommandLine line, BalanceStatements statements, DataDirectory dataDirectory, DateOnly today, TextWriter output, CancellationToken ct)
    {
        var debtorNumber = line.Word(2) ?? throw new UsageException("Debiteurnummer ontbreekt: gebruik 'statements request DEBTOR [--date D]' (missing DEBTOR).");

        var (task, statement) = await statements.RequestAsync(debtorNumber, line.Date(today), ct);

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Saldo-opgave {task.WorkItemId} voor {task.DebtorNumber} per {statement.RequestedOn:yyyy-MM-dd}: {Count(statement.Lines.Count, "factuur", "facturen")}, hoofdsom {Money.Format(statement.PrincipalCents)}, rente {Money.Format(statement.InterestCents)}, incassokosten {Money.Format(statement.CollectionCostsCents)}, totaal {Money.Format(statement.TotalCents)}."));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Aanleveren uiterlijk {task.DueOn:yyyy-MM-dd}."));
        if (task.PdfPath is { } pdf)
        {
            await output.WriteLineAsync($"Pdf: {Path.Combine(dataDirectory.Path, pdf)} (SHA-256 {task.Sha256})");
        }

        return 0;
    }

    private static async Task<int> ListAsync(CommandLine line, BalanceStatements statements, DateOnly today, TextWriter output, CancellationToken ct)
    {
        var openOnly = line.Flag("open");
        var tasks = await statements.ListAsync(int.MaxValue, openOnly, ct);
        foreach (var task in tasks)
        {
            var state = task.DeliveredOn is { } delivered
                ? string.Create(CultureInfo.InvariantCulture, $"geleverd {delivered:yyyy-MM-dd}")
                : task.IsOverdue(today) ? "TE LAAT" : "open";
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{task.WorkItemId,6}  {task.DebtorNumber,-10} aangevraagd {task.RequestedOn:yyyy-MM-dd}  uiterlijk {task.DueOn:yyyy-MM-dd}  {state,-18} {task.PdfPath}"));
        }

        var open = tasks.Count(t => t.DeliveredOn is null);
        var overdue = tasks.Count(t => t.IsOverdue(today));
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{Count(tasks.Count, "saldo-opgave", "saldo-opgaven")}, {open} open, {overdue} te laat."));
        return 0;
    }

    private static string Count(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural)}");
}
