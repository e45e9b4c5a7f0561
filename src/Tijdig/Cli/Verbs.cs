using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Tijdig.Access;
using Tijdig.Banking;
using Tijdig.Data;
using Tijdig.Demo;
using Tijdig.Dunning;
using Tijdig.Dunning.Experiments;
using Tijdig.Dunning.Replay;
using Tijdig.Hosting;
using Tijdig.Ledger;
using Tijdig.Letters;
using Tijdig.Outbox;
using Tijdig.Reporting;
using Tijdig.Sepa.Writing;
using Tijdig.Tikkie.Sandbox;

namespace Tijdig.Cli;

/// <summary>The command-line verbs. Each resolves its use case from the shared services and prints the outcome.</summary>
public static class Verbs
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public const string Usage = """
        Tijdig: friendly dunning for recurring consumer services.

        Usage: Tijdig [VERB] [OPTIONS]            (every verb takes --data-dir DIR, default ./data)

          serve                                   web app, Tikkie sandbox and daily scheduler (default; --urls as in ASP.NET Core)
          init [--demo] [--debtors N]             create the database; --demo adds a demo organisation dated from today
          import debtors FILE                     debtors from CSV (see README for the columns)
          import invoices FILE                    invoices from CSV
          import bank FILE [--dry-run] [--format text|json]
                                                  pain.002, camt.052/053/054 or MT940; --dry-run books nothing
          export direct-debits --date D [--output FILE] [--pain-version 02|08]
                                                  pain.008 batch for direct-debit invoices due on or before D
          cycle run [--date D] [--no-dispatch]    the daily dunning cycle for business date D (default today)
          report [--date D] [--format text|json]  open and overdue balance, DSO, ageing, Tikkies sent and paid
          messages [--date D] [--format text|json]
                                                  messages queued or sent for date D
        """ + "\n" + DunningVerbs.Usage + "\n" + StatementVerbs.Usage + "\n" + LetterVerbs.Usage + "\n" + ExperimentVerbs.Usage + "\n" + PolicyVerbs.Usage + "\n" + UserVerbs.Usage;

    public static async Task<int> RunAsync(CommandLine line, TextWriter output, CancellationToken ct)
    {
        if (line.Flag("help") || line.Verb == "help")
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        var verb = line.Verb;

        // Checked before anything is built, so a typo creates no database in the data folder.
        if (!IsKnownVerb(verb, line.Word(1)))
        {
            throw new UsageException($"Onbekende opdracht '{string.Join(' ', line.Words)}': --help toont de lijst (unknown verb).");
        }

        var needsTikkie = verb == "cycle";
        await using var sandbox = needsTikkie ? await StartSandboxIfNeededAsync(line, ct) : null;

        await using var app = TijdigApp.Build(line, serve: false, builder =>
        {
            if (sandbox is not null)
            {
                builder.Configuration["Tikkie:BaseUrl"] = new Uri(sandbox.BaseAddress, "v2/tikkie").ToString();
            }
        });
        await TijdigApp.EnsureDatabaseAsync(app.Services, ct);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var today = services.GetRequiredService<BusinessCalendar>().Today;

        return (verb, line.Word(1)) switch
        {
            ("init", _) => await InitAsync(line, services, today, output, ct),
            ("import", "debtors") => await ImportCsvAsync(line, (reader, token) => services.GetRequiredService<ImportDebtors>().RunAsync(reader, token), output, ct),
            ("import", "invoices") => await ImportCsvAsync(line, (reader, token) => services.GetRequiredService<ImportInvoices>().RunAsync(reader, token), output, ct),
            ("import", "bank") => await ImportBankAsync(line, services, output, ct),
            ("export", "direct-debits") => await ExportAsync(line, services, today, output, ct),
            ("cycle", "run") => await CycleAsync(line, services, today, output, ct),
            ("report", _) => await ReportAsync(line, services, today, output, ct),
            ("messages", _) => await MessagesAsync(line, services, today, output, ct),
            ("claims", _) => await DunningVerbs.ClaimsAsync(line, services, today, output, ct),
            ("pause", _) => await DunningVerbs.PauseAsync(line, services, today, output, ct),
            ("statements", _) => await StatementVerbs.RunAsync(line, services, today, output, ct),
            ("letters", "export") => await LetterVerbs.ExportAsync(line, services, today, output, ct),
            ("experiments", _) => await ExperimentVerbs.RunAsync(line, services, today, output, ct),
            ("users", _) => await UserVerbs.RunAsync(line, services, Console.In, output, ct),
            ("policy", "replay") => await PolicyVerbs.RunAsync(line, services, today, output, ct),
            _ => throw new UsageException($"Onbekende opdracht '{string.Join(' ', line.Words)}': --help toont de lijst (unknown verb)."),
        };
    }

    /// <summary>
    /// In sandbox mode without a running web app, the CLI starts the Tikkie sandbox on a free
    /// loopback port for the duration of the verb. It shares its SQLite state with <c>serve</c>,
    /// so payment links created here can be paid on the web app's sandbox page.
    /// </summary>
    private static async Task<TikkieSandboxServer?> StartSandboxIfNeededAsync(CommandLine line, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        if (!TijdigApp.IsSandboxMode(configuration))
        {
            return null;
        }

        var dataDirectory = new DataDirectory(line.DataDirectory);
        Directory.CreateDirectory(dataDirectory.Path);
        var options = new SandboxOptions
        {
            DatabasePath = dataDirectory.TikkieSandboxDatabase,
            PublicBaseUrl = new Uri(configuration["Organisation:PublicUrl"] ?? "http://localhost:5080"),
        };
        options.PreregisteredApps.Add((configuration["Tikkie:ApiKey"] ?? "", configuration["Tikkie:AppToken"] ?? ""));
        return await TikkieSandboxServer.StartAsync(options, ct);
    }

    private static async Task<int> InitAsync(CommandLine line, IServiceProvider services, DateOnly today, TextWriter output, CancellationToken ct)
    {
        if (!line.Flag("demo"))
        {
            await output.WriteLineAsync($"Database ready in {line.DataDirectory}.");
            return 0;
        }

        var count = int.TryParse(line.Option("debtors"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 300;
        var summary = await DemoData.SeedAsync(services.GetRequiredService<TijdigDbContext>(), today, count, ct);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Demo organisation created for {today:yyyy-MM-dd}: {summary.Debtors} debtors, {summary.Invoices} invoices, {summary.Returns} returned direct debits."));
        return 0;
    }

    private static async Task<int> ImportCsvAsync(CommandLine line, Func<TextReader, CancellationToken, Task<ImportResult>> import, TextWriter output, CancellationToken ct)
    {
        var path = RequireFile(line);
        // Strict UTF-8: a Latin-1 export would otherwise be stored with replacement characters in names.
        using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        ImportResult result;
        try
        {
            result = await import(reader, ct);
        }
        catch (System.Text.DecoderFallbackException)
        {
            await output.WriteLineAsync($"{Path.GetFileName(path)} is niet geïmporteerd: het bestand is geen UTF-8. Sla het op als 'CSV UTF-8' en importeer opnieuw; er is niets opgeslagen.");
            return 1;
        }

        if (!result.Success)
        {
            await output.WriteLineAsync($"{Path.GetFileName(path)} is niet geïmporteerd; er is niets opgeslagen:");
            foreach (var error in result.Errors)
            {
                await output.WriteLineAsync("  " + error);
            }

            return 1;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}: {result.Imported} new, {result.Updated} updated, {result.Skipped} already present."));
        return 0;
    }

    private static async Task<int> ImportBankAsync(CommandLine line, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var path = RequireFile(line);
        var format = line.Format("text");
        await using var file = File.OpenRead(path);

        BankImportReport report;
        try
        {
            report = await services.GetRequiredService<ImportBankFile>().RunAsync(path, file, line.Flag("dry-run"), ct);
        }
        catch (BankImportException exception)
        {
            await output.WriteLineAsync(exception.Message);
            return 1;
        }

        await output.WriteLineAsync(format == "json" ? JsonSerializer.Serialize(report, Json) : BankReportText.Format(report));
        return 0;
    }

    private static async Task<int> ExportAsync(CommandLine line, IServiceProvider services, DateOnly today, TextWriter output, CancellationToken ct)
    {
        var date = line.Date(ExportDirectDebits.EarliestCollectionDate(today));
        var version = line.Option("pain-version") switch
        {
            null or "02" => Pain008Version.V02,
            "08" => Pain008Version.V08,
            var other => throw new UsageException($"--pain-version '{other}' is ongeldig: gebruik 02 of 08 (invalid --pain-version)."),
        };

        var export = await services.GetRequiredService<ExportDirectDebits>().RunAsync(date, line.Option("output"), version, ct);
        if (export.Count == 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"No direct-debit invoices to collect on {date:yyyy-MM-dd}; no file written."));
            return 0;
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote {export.Path}: {export.Count} collections, {Domain.Money.Format(export.TotalCents)}, collection date {date:yyyy-MM-dd}, message id {export.MessageId}."));
        return 0;
    }

    private static async Task<int> CycleAsync(CommandLine line, IServiceProvider services, DateOnly today, TextWriter output, CancellationToken ct)
    {
        var date = line.Date(today);
        var result = await services.GetRequiredService<DailyCycle>().RunAsync(date, dispatch: !line.Flag("no-dispatch"), ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Dunning cycle for {date:yyyy-MM-dd}:"));
        foreach (var (step, count) in result.Cycle.DecisionsByStep)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {step,-26} {count,5}"));
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"  messages queued {result.Cycle.MessagesQueued}, Tikkies {result.Cycle.PaymentRequestsQueued}, work items {result.Cycle.WorkItems}, claims {result.Cycle.Claims}"));
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"  sent {result.Dispatch.Sent}, cancelled {result.Dispatch.Cancelled}, failed {result.Dispatch.Failed}, deferred {result.Dispatch.Deferred}; Tikkie payments found by polling {result.TikkiePaymentsPolled}"));
        return 0;
    }

    private static async Task<int> ReportAsync(CommandLine line, IServiceProvider services, DateOnly today, TextWriter output, CancellationToken ct)
    {
        var format = line.Format("text");
        var report = await services.GetRequiredService<BuildReport>().RunAsync(line.Date(today), ct);
        await output.WriteLineAsync(format == "json" ? JsonSerializer.Serialize(report, Json) : ReportText.Format(report));
        return 0;
    }

    private static async Task<int> MessagesAsync(CommandLine line, IServiceProvider services, DateOnly today, TextWriter output, CancellationToken ct)
    {
        var format = line.Format("text");
        var messages = await services.GetRequiredService<ListMessages>().RunAsync(line.Date(today), ct);
        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(messages, Json));
            return 0;
        }

        foreach (var message in messages)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{message.Date:yyyy-MM-dd} {message.Channel,-5} {message.DebtorNumber,-10} {message.Step,-20} {message.Status,-9} {message.PaymentLink}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{messages.Count} messages."));
        return 0;
    }

    private static bool IsKnownVerb(string verb, string? word) => (verb, word) switch
    {
        ("init" or "report" or "messages" or "claims" or "pause" or "statements" or "experiments" or "users", _) => true,
        ("import", "debtors" or "invoices" or "bank") => true,
        ("export", "direct-debits") or ("cycle", "run") or ("letters", "export") or ("policy", "replay") => true,
        _ => false,
    };

    private static string RequireFile(CommandLine line)
    {
        var path = line.Word(2) ?? throw new UsageException($"BESTAND ontbreekt: gebruik '{line.Word(0)} {line.Word(1)} FILE' (missing FILE).");
        if (!File.Exists(path))
        {
            throw new UsageException($"Bestand '{path}' niet gevonden: controleer het pad (file not found).");
        }

        return path;
    }
}
