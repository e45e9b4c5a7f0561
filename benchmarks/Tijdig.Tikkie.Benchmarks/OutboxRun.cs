using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tijdig.Cli;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;
using Tijdig.Dunning;
using Tijdig.Hosting;
using Tijdig.Outbox;
using Tijdig.Tikkie.Sandbox;

namespace Tijdig.Tikkie.Benchmarks;

/// <summary>What one timed run measured and what the checks after it counted.</summary>
internal sealed record RunResult(
    TimeSpan Elapsed,
    int Rounds,
    long InjectedFailures,
    long ApiCalls,
    RunCheck Check,
    string Profile)
{
    public double PerSecond(int count) => count / Elapsed.TotalSeconds;
}

/// <summary>
/// One run: a fresh Tijdig data directory and database, a fresh in-process Tikkie sandbox, then
/// <c>count</c> payment request intents each with a queued SMS. Only the dispatch rounds are timed.
/// </summary>
internal static class OutboxRun
{
    private const string ApiKey = "benchmark-api-key";
    private const string AppToken = "4d2c9b1e-7a3f-4e58-8c61-0f9a2b3c4d5e";
    private const int MaxRounds = 10;

    public static async Task<RunResult> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("tijdig-benchmark-").FullName;
        var postgres = options.Postgres ? await CreatePostgresDatabaseAsync(ct) : null;
        try
        {
            await using var sandbox = await StartSandboxAsync(options.SandboxProcess, ct);
            await using var app = await BuildAppAsync(dataDirectory, sandbox.ApiBaseAddress, postgres, ct);
            using var control = new HttpClient { BaseAddress = sandbox.BaseAddress };

            await SeedAsync(app.Services, options.Count, ct);
            var faults = new { failPercent = options.FailPercent, failSeed = options.Seed, failAfterCreate = options.FailAfterCreate };
            (await control.PostAsJsonAsync("tikkie-sandbox/control/faults", faults, ct)).EnsureSuccessStatusCode();

            var cpu = new CpuSampler(sandbox.ProcessId, postgres);
            await cpu.StartAsync(ct);
            using var phases = new PhaseProfile();
            var stopwatch = Stopwatch.StartNew();
            var rounds = await DispatchUntilEmptyAsync(app.Services, options.Workers, ct);
            stopwatch.Stop();
            var profile = await cpu.StopAsync(stopwatch.Elapsed, ct) + Environment.NewLine + phases.Describe();

            var state = await control.GetFromJsonAsync<JsonElement>("tikkie-sandbox/control/faults", ct);
            var check = await RunCheck.CountAsync(app.Services, dataDirectory, ct);
            return new RunResult(
                stopwatch.Elapsed,
                rounds,
                state.GetProperty("createFailuresInjected").GetInt64(),
                state.GetProperty("apiRequestCount").GetInt64(),
                check,
                profile);
        }
        finally
        {
            if (postgres is not null)
            {
                await DropPostgresDatabaseAsync(postgres, ct);
            }

            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<Sandbox> StartSandboxAsync(bool childProcess, CancellationToken ct)
    {
        if (childProcess)
        {
            var process = await SandboxProcess.StartAsync(ApiKey, AppToken, ct);
            return new Sandbox(process.BaseAddress, process.ApiBaseAddress, process.ProcessId, process);
        }

        var sandboxOptions = new SandboxOptions();
        sandboxOptions.PreregisteredApps.Add((ApiKey, AppToken));
        var server = await TikkieSandboxServer.StartAsync(sandboxOptions, ct);
        return new Sandbox(server.BaseAddress, server.ApiBaseAddress, null, server);
    }

    private sealed record Sandbox(Uri BaseAddress, Uri ApiBaseAddress, int? ProcessId, IAsyncDisposable Owner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Owner.DisposeAsync();
    }

    // A failed create is queued again with NextAttemptAt = now + backoff, so a zero backoff makes it due in the next round.
    private static async Task<int> DispatchUntilEmptyAsync(IServiceProvider services, int workers, CancellationToken ct)
    {
        for (var round = 1; round <= MaxRounds; round++)
        {
            if (workers == 0)
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(ct);
            }
            else
            {
                await services.GetRequiredService<ParallelOutboxDispatcher>().DispatchAsync(workers, ct);
            }

            await using var check = services.CreateAsyncScope();
            var db = check.ServiceProvider.GetRequiredService<TijdigDbContext>();
            if (!await db.Outbox.AnyAsync(m => m.Status == MessageStatus.Queued, ct))
            {
                return round;
            }
        }

        return MaxRounds;
    }

    private static async Task<WebApplication> BuildAppAsync(string dataDirectory, Uri tikkieApi, string? postgres, CancellationToken ct)
    {
        var app = TijdigApp.Build(CommandLine.Parse(["--data-dir", dataDirectory]), serve: false, builder =>
        {
            builder.Configuration["Logging:LogLevel:Default"] = "Error";
            builder.Configuration["Tikkie:BaseUrl"] = tikkieApi.AbsoluteUri;
            builder.Configuration["Tikkie:ApiKey"] = ApiKey;
            builder.Configuration["Tikkie:AppToken"] = AppToken;
            builder.Configuration["Messaging:Mode"] = "Local";
            if (postgres is not null)
            {
                builder.Configuration["Database:Provider"] = "PostgreSql";
                builder.Configuration["Database:ConnectionString"] = postgres;
            }

            builder.Services.PostConfigure<OutboxSettings>(settings => settings.BackoffMinutes = [0]);
        });
        await TijdigApp.EnsureDatabaseAsync(app.Services, ct);
        return app;
    }

    // One debtor, one open invoice, one payment request intent and one queued SMS per payment request, as the cycle writes them.
    private static async Task SeedAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        var today = services.GetRequiredService<BusinessCalendar>().Today;
        var now = services.GetRequiredService<BusinessCalendar>().Now;
        const int Batch = 1000;
        for (var start = 1; start <= count; start += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TijdigDbContext>();
            var end = Math.Min(count, start + Batch - 1);
            var debtors = Enumerable.Range(start, end - start + 1).Select(n => NewDebtor(n, today)).ToList();
            db.Debtors.AddRange(debtors);
            await db.SaveChangesAsync(ct);

            var requests = debtors.Select(d => new PaymentRequestRecord
            {
                DebtorId = d.Id,
                Purpose = PaymentRequestPurpose.Arrears,
                ReferenceId = PaymentRequestReferences.Create(d.DebtorNumber, today, PaymentRequestPurpose.Arrears),
                Description = PaymentRequestReferences.Description([d.Invoices[0].InvoiceNumber]),
                AmountCents = d.Invoices[0].OpenCents,
                InvoiceNumbers = d.Invoices[0].InvoiceNumber,
                ExpiryDate = today.AddDays(14),
                State = PaymentRequestState.Intent,
                CreatedAt = now,
            }).ToList();
            db.PaymentRequests.AddRange(requests);
            await db.SaveChangesAsync(ct);

            db.Outbox.AddRange(requests.Select(r => new OutboxMessage
            {
                IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"{r.DebtorId}:reminder-1:Sms:{today:yyyy-MM-dd}"),
                DebtorId = r.DebtorId,
                Channel = MessageChannel.Sms,
                Step = "reminder-1",
                BusinessDate = today,
                AmountCents = r.AmountCents ?? 0,
                InvoiceNumbers = r.InvoiceNumbers,
                PaymentRequestId = r.Id,
                Status = MessageStatus.Queued,
                CreatedAt = now,
                Reason = "benchmark",
            }));
            await db.SaveChangesAsync(ct);
        }
    }

    private static Debtor NewDebtor(int n, DateOnly today)
    {
        var number = string.Create(CultureInfo.InvariantCulture, $"B{n:D6}");
        var debtor = new Debtor
        {
            DebtorNumber = number,
            Name = string.Create(CultureInfo.InvariantCulture, $"Ouder {n}"),
            Mobile = string.Create(CultureInfo.InvariantCulture, $"+316{n:D8}"),
            Language = "nl",
        };
        debtor.Invoices.Add(new Invoice
        {
            InvoiceNumber = string.Create(CultureInfo.InvariantCulture, $"F{n:D6}"),
            IssueDate = today.AddDays(-21),
            DueDate = today.AddDays(-7),
            AmountCents = 100_00,
            OpenCents = 100_00,
            PaymentReference = string.Create(CultureInfo.InvariantCulture, $"{n:D16}"),
        });
        return debtor;
    }

    private static async Task<string> CreatePostgresDatabaseAsync(CancellationToken ct)
    {
        var server = Environment.GetEnvironmentVariable("TIJDIG_TEST_POSTGRES")
            ?? throw new InvalidOperationException("--postgres needs TIJDIG_TEST_POSTGRES, a connection string to a server where the user may create databases.");
        var name = "tijdig_benchmark_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(ct);
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task DropPostgresDatabaseAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
