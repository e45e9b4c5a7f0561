using Tijdig.Access;
using Tijdig.Cli;
using Tijdig.Data;
using Tijdig.Tikkie.Sandbox;
using Tijdig.Api;
using Tijdig.Arrangements;
using Tijdig.Web;

namespace Tijdig.Hosting;

/// <summary>
/// Builds the one application behind every verb: the same configuration, services and database
/// for the CLI and for <c>serve</c>. Configuration comes from appsettings.json next to the
/// binary, environment variables (Database__Provider and the like) and, for serve, the command line.
/// </summary>
public static class TijdigApp
{
    public static WebApplication Build(CommandLine line, bool serve, Action<WebApplicationBuilder>? configure = null)
    {
        var dataDirectory = new DataDirectory(line.DataDirectory);
        Directory.CreateDirectory(dataDirectory.Path);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Only serve takes ASP.NET Core settings (such as --urls) from the command line; the verbs'
            // bare flags and file paths are not configuration.
            Args = serve ? [.. line.RawArguments.Where(a => a != "serve")] : [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (!serve)
        {
            // Verbs print their own results; the framework's start-up chatter would drown them.
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        }

        configure?.Invoke(builder);

        builder.Services.AddTijdig(builder.Configuration, dataDirectory);
        builder.Services.AddTijdigWeb();
        builder.Services.AddBackOfficeSignIn(dataDirectory);

        var sandboxMode = IsSandboxMode(builder.Configuration);
        if (serve && sandboxMode)
        {
            var apiKey = builder.Configuration["Tikkie:ApiKey"] ?? "";
            var appToken = builder.Configuration["Tikkie:AppToken"] ?? "";
            // The sandbox runs on Tijdig's clock, so tests that move the clock move Tikkie's expiry too.
            var clock = builder.Services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))?.ImplementationInstance as TimeProvider;
            builder.Services.AddTikkieSandbox(options =>
            {
                options.Clock = clock;
                options.DatabasePath = dataDirectory.TikkieSandboxDatabase;
                options.PreregisteredApps.Add((apiKey, appToken));
                options.NotificationRetryDelay = TimeSpan.FromSeconds(1);
            });
            builder.Services.UseOwnTikkieSandbox();
        }

        if (serve)
        {
            builder.Services.AddHostedService<DailyCycleScheduler>();
            builder.Services.AddHostedService<TikkieSubscriptionRegistration>();
            builder.Services.AddSingleton<ArrangementRequestQueue>();
            builder.Services.AddHostedService<ArrangementRequestWorker>();
            builder.Services.AddHostedService<Payments.TikkiePollingService>();
            builder.Services.AddHostedService<Payments.Portal.PortalTikkieWorker>();
        }

        var app = builder.Build();
        if (serve)
        {
            app.UseBackOfficeAccess();
            app.UseTijdigWeb();
            app.MapTijdigApi();
            if (sandboxMode)
            {
                app.MapTikkieSandbox();
            }
        }

        return app;
    }

    /// <summary>True when Tijdig talks to its own local Tikkie sandbox instead of ABN AMRO.</summary>
    public static bool IsSandboxMode(IConfiguration configuration) =>
        string.Equals(configuration["Tikkie:Mode"] ?? "Sandbox", "Sandbox", StringComparison.OrdinalIgnoreCase)
        && string.IsNullOrEmpty(configuration["Tikkie:BaseUrl"]);

    public static async Task EnsureDatabaseAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TijdigDbContext>();
        await DatabaseSetup.EnsureSchemaAsync(db, ct);
    }
}
