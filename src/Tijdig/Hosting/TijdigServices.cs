using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tijdig.Arrangements;
using Tijdig.Banking;
using Tijdig.Data;
using Tijdig.Domain.Dunning;
using Tijdig.Dunning;
using Tijdig.Ledger;
using Tijdig.Messaging;
using Tijdig.Outbox;
using Tijdig.Payments;
using Tijdig.Payments.Portal;
using Tijdig.Reporting;
using Tijdig.Tikkie;

namespace Tijdig.Hosting;

/// <summary>Registers everything the CLI verbs and the web app share.</summary>
public static class TijdigServices
{
    public static IServiceCollection AddTijdig(this IServiceCollection services, IConfiguration configuration, DataDirectory dataDirectory)
    {
        services.AddSingleton(dataDirectory);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BusinessCalendar>();

        services.Configure<OrganisationSettings>(configuration.GetSection("Organisation"));
        services.Configure<SchedulerSettings>(configuration.GetSection("Scheduler"));
        services.Configure<ArrangementSettings>(configuration.GetSection("Arrangements"));
        services.AddDunningEngine(configuration);

        var (provider, connectionString) = DatabaseSettings(configuration, dataDirectory);
        services.AddTijdigDatabase(provider, connectionString);

        services.AddTijdigMessaging(configuration.GetSection("Messaging"), dataDirectory.OutboxPath);
        services.AddTikkieClient(configuration.GetSection("Tikkie"));

        services.AddScoped<ImportDebtors>();
        services.AddScoped<ImportInvoices>();
        services.AddScoped<PaymentBooking>();
        services.AddScoped<ReturnBooking>();
        services.AddScoped<StatusReportProcessor>();
        services.AddScoped<ReconciliationIndexLoader>();
        services.AddScoped<BankEntrySuggestions>();
        services.AddScoped<AssignBankEntry>();
        services.AddScoped<BankEntryProcessor>();
        services.AddScoped<ImportBankFile>();
        services.AddScoped<ExportDirectDebits>();
        services.AddScoped<DebtorSnapshotLoader>();
        services.AddScoped<RunDunningCycle>();
        services.AddScoped<PaymentRequestCreator>();
        services.AddScoped<TikkiePaymentIntake>();
        services.AddScoped<TikkieLedger>();
        services.Configure<TikkiePollingSettings>(configuration.GetSection("TikkiePolling"));
        services.Configure<PortalTikkieSettings>(configuration.GetSection("Portal:Tikkie"));
        services.AddSingleton<PortalTikkieQueue>();
        services.AddSingleton<PortalTikkieLimits>();
        services.AddScoped<RequestPortalTikkie>();
        services.AddScoped<Pages.Beheer.Tikkie.RefundCredit>();
        services.AddScoped<BuildReport>();
        services.AddScoped<DailyCycle>();
        services.AddScoped<BookArrangement>();
        services.AddScoped<RunArrangements>();
        services.AddScoped<ListMessages>();
        services.AddTijdigOutbox(configuration);
        return services;
    }

    public static (DatabaseProvider Provider, string ConnectionString) DatabaseSettings(IConfiguration configuration, DataDirectory dataDirectory)
    {
        var providerName = configuration["Database:Provider"] ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Database:Provider '{providerName}' is not supported: use Sqlite or PostgreSql.");
        }

        var connectionString = configuration["Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException("Database:ConnectionString is required for PostgreSql.");
            }

            connectionString = $"Data Source={dataDirectory.DatabaseFile}";
        }

        return (provider, connectionString);
    }

    /// <summary>
    /// In sandbox mode the web app serves the Tikkie sandbox itself, so the client calls its own
    /// address, read from the server once it listens.
    /// </summary>
    public static IServiceCollection UseOwnTikkieSandbox(this IServiceCollection services)
    {
        services.AddOptions<TikkieOptions>().PostConfigure<IServer>((options, server) =>
        {
            if (!string.IsNullOrEmpty(options.BaseUrl))
            {
                return;
            }

            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The web server has no address yet; the Tikkie sandbox cannot be reached.");
            options.BaseUrl = address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/v2/tikkie";
        });
        return services;
    }
}
