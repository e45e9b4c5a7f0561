using Tijdig;
using Tijdig.Cli;
using Tijdig.Data;
using Tijdig.Demo;
using Tijdig.Hosting;

var line = CommandLine.Parse(args);
try
{
    if (line.Verb != "serve" || line.Flag("help"))
    {
        return await Verbs.RunAsync(line, Console.Out, CancellationToken.None);
    }

    await using var app = TijdigApp.Build(line, serve: true);
    await PrepareForServeAsync(app);
    await app.RunAsync();
    return 0;
}
catch (UsageException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

// The embedded default starts with a demo organisation, so a first run shows a working back office.
static async Task PrepareForServeAsync(WebApplication app)
{
    await TijdigApp.EnsureDatabaseAsync(app.Services, CancellationToken.None);
    if (!app.Configuration.GetValue("Demo:SeedOnFirstRun", true))
    {
        return;
    }

    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<TijdigDbContext>();
    if (!db.Debtors.Any())
    {
        var today = scope.ServiceProvider.GetRequiredService<BusinessCalendar>().Today;
        var summary = await DemoData.SeedAsync(db, today, 300, CancellationToken.None);
        app.Logger.LogInformation("Created demo data: {Debtors} debtors, {Invoices} invoices", summary.Debtors, summary.Invoices);
    }
}

/// <summary>The entry point, visible to tests that host the web app.</summary>
public partial class Program;
