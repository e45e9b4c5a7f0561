using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tijdig.Cli;
using Tijdig.Data;
using Tijdig.Domain.Messaging;
using Tijdig.Hosting;
using Tijdig.Outbox;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Messaging.Support;

/// <summary>
/// A Tijdig installation for outbox tests: like <see cref="TestLedger"/>, plus a services hook (to
/// wrap the senders) and every log line captured. Debtors DEB1..n have mobile 06123450n0, e-mail
/// parentn@example.nl, a postal address and one open invoice INVn of € 100.
/// </summary>
public sealed class MessagingLedger : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MessagingLedger(WebApplication app, string dataDirectory, FakeTimeProvider clock, LogCapture logs)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Clock = clock;
        Logs = logs;
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Clock { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<MessagingLedger> CreateAsync(DateTimeOffset now, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("tijdig-messaging-").FullName;
        var clock = new FakeTimeProvider(now);
        var logs = new LogCapture();
        var app = TijdigApp.Build(CommandLine.Parse(["--data-dir", dataDirectory]), serve: false, builder =>
        {
            // No test here creates a Tikkie; the client only needs a valid address to be built.
            builder.Configuration["Tikkie:BaseUrl"] = "http://127.0.0.1:9/v2/tikkie";
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.Configuration[key] = value;
            }

            builder.Configuration["Logging:LogLevel:Default"] = "Trace";
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(logs);
            builder.Services.AddSingleton<TimeProvider>(clock);
            services?.Invoke(builder.Services);
        });
        await TijdigApp.EnsureDatabaseAsync(app.Services, CancellationToken.None);
        return new MessagingLedger(app, dataDirectory, clock, logs);
    }

    /// <summary>Amsterdam local time on <paramref name="date"/> at <paramref name="time"/>.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, BusinessCalendar.Amsterdam.GetUtcOffset(local));
    }

    public static string Mobile(int n) => "+316123450" + n.ToString("D2", CultureInfo.InvariantCulture);

    public static string Email(int n) => $"parent{n}@example.nl";

    /// <summary>Imports <paramref name="count"/> debtors with invoices due <paramref name="dueDate"/>.</summary>
    public async Task SeedAsync(int count, DateOnly dueDate, Func<int, string>? mobile = null)
    {
        var debtors = new StringBuilder(ImportHeader).AppendLine();
        var invoices = new StringBuilder(LedgerFixtures.InvoiceHeader).AppendLine();
        for (var n = 1; n <= count; n++)
        {
            debtors.AppendLine(CultureInfo.InvariantCulture, $"DEB{n},Ouder {n},{Email(n)},{(mobile ?? Mobile)(n)},,,,,Transfer,nl,C{n},Dorpsstraat {n},1234ab,Utrecht");
            invoices.AppendLine(CultureInfo.InvariantCulture, $"INV{n},DEB{n},{dueDate.AddDays(-14):yyyy-MM-dd},{dueDate:yyyy-MM-dd},100.00,");
        }

        await RunAsync(async s =>
        {
            Assert.True((await s.ImportDebtorsAsync(debtors.ToString())).Success);
            Assert.True((await s.ImportInvoicesAsync(invoices.ToString())).Success);
            return 0;
        });
    }

    public const string ImportHeader = LedgerFixtures.DebtorHeader + ",street,postcode,city";

    /// <summary>Queues one message per debtor on <paramref name="channel"/>, as the cycle would.</summary>
    public Task<List<long>> QueueAsync(MessageChannel channel, string step, DateOnly date, int count) => RunAsync(async s =>
    {
        var db = s.GetRequiredService<TijdigDbContext>();
        var debtors = await db.Debtors.OrderBy(d => d.Id).Take(count).ToListAsync();
        var messages = debtors.Select(d => new OutboxMessage
        {
            IdempotencyKey = $"{d.Id}:{step}:{channel}:{date:yyyy-MM-dd}",
            DebtorId = d.Id,
            Channel = channel,
            Step = step,
            BusinessDate = date,
            AmountCents = 100_00,
            InvoiceNumbers = "INV" + d.DebtorNumber[3..],
            PaymentLink = "https://tikkie.me/pay/Tijdig/" + d.DebtorNumber,
            Status = MessageStatus.Queued,
            CreatedAt = Clock.GetUtcNow(),
            Reason = "test",
        }).ToList();
        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    });

    public Task<DispatchResult> DispatchAsync() => RunAsync(s => s.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None));

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> QueryAsync<T>(Func<TijdigDbContext, Task<T>> query) => RunAsync(s => query(s.GetRequiredService<TijdigDbContext>()));

    public static Dictionary<string, string?> LiveSettings(SmtpSink smtp, CmFake cm) => new()
    {
        ["Messaging:Mode"] = "Live",
        ["Messaging:Smtp:Host"] = "127.0.0.1",
        ["Messaging:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Messaging:Smtp:SecureSocketOptions"] = "None",
        ["Messaging:Smtp:FromAddress"] = "debiteuren@devlinder.example.nl",
        ["Messaging:Smtp:FromName"] = "Sanne Jansen, Kinderopvang De Vlinder",
        ["Messaging:Smtp:ReplyToAddress"] = "team-debiteuren@devlinder.example.nl",
        ["Messaging:Smtp:ReplyToName"] = "Team debiteuren De Vlinder",
        ["Messaging:Sms:BaseUrl"] = cm.BaseUrl,
        ["Messaging:Sms:ProductToken"] = CmFake.ProductToken,
        ["Messaging:Sms:Sender"] = "DeVlinder",
        ["Outbox:ArrangementLinkKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held open by a pooled connection; the temp folder is cleaned later.
        }
    }
}
