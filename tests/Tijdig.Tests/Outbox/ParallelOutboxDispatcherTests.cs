using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tijdig.Data;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;
using Tijdig.Outbox;
using Tijdig.Tests.Messaging.Support;
using Tijdig.Tikkie;
using Tijdig.Tikkie.Sandbox;

// Not Tijdig.Tests.Outbox: a namespace of that name would hide Tijdig.Outbox in the other test files.
namespace Tijdig.Tests.Messaging;

/// <summary>
/// The parallel dispatcher against the Tikkie sandbox on loopback and the Local-mode file outbox.
/// Every debtor has an SMS and an e-mail that share one payment request, the case where two workers
/// could otherwise create two Tikkies for one record.
/// </summary>
public sealed class ParallelOutboxDispatcherTests
{
    private const int Debtors = 24;
    private const string ApiKey = "parallel-test-api-key";
    private const string AppToken = "0b8f7c52-3e1a-4d0c-9a57-2f6e1c9d4b10";
    private static readonly DateOnly Today = new(2026, 4, 14);

    [Theory]
    [InlineData(0, false)]
    [InlineData(25, false)]
    [InlineData(25, true)]
    public async Task Dispatch_SendsEachMessageOnce(int failPercent, bool failAfterCreate)
    {
        await using var sandbox = await StartSandboxAsync();
        await using var ledger = await CreateLedgerAsync(sandbox);
        await ledger.SeedAsync(Debtors, Today.AddDays(-7));
        var messageIds = await QueueWithSharedRequestsAsync(ledger);
        using var control = new HttpClient { BaseAddress = sandbox.BaseAddress };
        (await control.PostAsJsonAsync("tikkie-sandbox/control/faults", new { failPercent, failSeed = 7, failAfterCreate })).EnsureSuccessStatusCode();

        var dispatcher = ledger.Services.GetRequiredService<ParallelOutboxDispatcher>();
        var sent = 0;
        for (var run = 0; run < 6 && sent < messageIds.Count; run++)
        {
            sent += (await dispatcher.DispatchAsync(workers: 4, CancellationToken.None)).Sent;
            ledger.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(messageIds.Count, sent);
        var messages = await ledger.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.All(messages, m => Assert.Equal(MessageStatus.Sent, m.Status));
        Assert.Equal(Debtors, Directory.GetFiles(Path.Combine(ledger.DataDirectory, "outbox", "sms")).Length);
        Assert.Equal(Debtors, Directory.GetFiles(Path.Combine(ledger.DataDirectory, "outbox", "email")).Length);

        var atTikkie = await ListAllAsync(ledger.Services.GetRequiredService<TikkieClient>());
        Assert.Equal(Debtors, atTikkie.Count);
        Assert.Equal(Debtors, atTikkie.Select(r => r.ReferenceId).Distinct().Count());

        var records = await ledger.QueryAsync(db => db.PaymentRequests.AsNoTracking().ToListAsync());
        Assert.All(records, r => Assert.Contains(atTikkie, t => t.PaymentRequestToken == r.Token && t.ReferenceId == r.ReferenceId));
        Assert.All(messages.GroupBy(m => m.DebtorId), pair => Assert.Single(pair.Select(m => m.PaymentLink).Distinct()));

        var faults = await control.GetFromJsonAsync<System.Text.Json.JsonElement>("tikkie-sandbox/control/faults");
        var injected = faults.GetProperty("createFailuresInjected").GetInt64();
        if (failPercent > 0)
        {
            Assert.True(injected > 0, "The fault switch injected no failure, so the retry path was not exercised.");
        }
    }

    [Fact]
    public async Task DispatchDebtor_SendsOnlyThatDebtor()
    {
        await using var sandbox = await StartSandboxAsync();
        await using var ledger = await CreateLedgerAsync(sandbox);
        await ledger.SeedAsync(3, Today.AddDays(-7));
        await QueueWithSharedRequestsAsync(ledger);
        var target = await ledger.QueryAsync(db => db.Debtors.OrderBy(d => d.Id).Select(d => d.Id).Skip(1).FirstAsync());

        var result = await ledger.Services.GetRequiredService<ParallelOutboxDispatcher>().DispatchDebtorAsync(target, CancellationToken.None);

        var messages = await ledger.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.Equal(2, result.Sent);
        Assert.All(messages.Where(m => m.DebtorId == target), m => Assert.Equal(MessageStatus.Sent, m.Status));
        Assert.All(messages.Where(m => m.DebtorId != target), m => Assert.Equal(MessageStatus.Queued, m.Status));
        Assert.Single(await ListAllAsync(ledger.Services.GetRequiredService<TikkieClient>()));
    }

    [Fact]
    public async Task Dispatch_RejectsZeroWorkers()
    {
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)));
        var dispatcher = ledger.Services.GetRequiredService<ParallelOutboxDispatcher>();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => dispatcher.DispatchAsync(workers: 0, CancellationToken.None));
    }

    private static DateTimeOffset Now => MessagingLedger.At(Today, new TimeOnly(10, 0));

    private static Task<TikkieSandboxServer> StartSandboxAsync()
    {
        var options = new SandboxOptions { Clock = new FakeTimeProvider(Now) };
        options.PreregisteredApps.Add((ApiKey, AppToken));
        return TikkieSandboxServer.StartAsync(options, CancellationToken.None);
    }

    // A short retry delay, so a test with injected faults does not wait for the client's backoff.
    private static Task<MessagingLedger> CreateLedgerAsync(TikkieSandboxServer sandbox) =>
        MessagingLedger.CreateAsync(Now, new Dictionary<string, string?>
        {
            ["Tikkie:BaseUrl"] = sandbox.ApiBaseAddress.AbsoluteUri,
            ["Tikkie:ApiKey"] = ApiKey,
            ["Tikkie:AppToken"] = AppToken,
            ["Tikkie:RetryDelay"] = "00:00:00.010",
        });

    // One payment request intent per debtor, and an SMS and an e-mail that both point at it, as the cycle queues them.
    private static Task<List<long>> QueueWithSharedRequestsAsync(MessagingLedger ledger) => ledger.RunAsync(async services =>
    {
        var db = services.GetRequiredService<TijdigDbContext>();
        var debtors = await db.Debtors.OrderBy(d => d.Id).ToListAsync();
        var messages = new List<OutboxMessage>();
        foreach (var debtor in debtors)
        {
            var invoice = "INV" + debtor.DebtorNumber[3..];
            var record = new PaymentRequestRecord
            {
                DebtorId = debtor.Id,
                Purpose = PaymentRequestPurpose.Arrears,
                ReferenceId = $"TJ-20260414-AR-{debtor.DebtorNumber}",
                Description = "Factuur " + invoice,
                AmountCents = 100_00,
                InvoiceNumbers = invoice,
                ExpiryDate = Today.AddDays(14),
                State = PaymentRequestState.Intent,
                CreatedAt = ledger.Clock.GetUtcNow(),
            };
            db.PaymentRequests.Add(record);
            await db.SaveChangesAsync();

            foreach (var channel in new[] { MessageChannel.Sms, MessageChannel.Email })
            {
                messages.Add(new OutboxMessage
                {
                    IdempotencyKey = $"{debtor.Id}:reminder-1:{channel}:2026-04-14",
                    DebtorId = debtor.Id,
                    Channel = channel,
                    Step = "reminder-1",
                    BusinessDate = Today,
                    AmountCents = 100_00,
                    InvoiceNumbers = invoice,
                    PaymentRequestId = record.Id,
                    Status = MessageStatus.Queued,
                    CreatedAt = ledger.Clock.GetUtcNow(),
                    Reason = "test",
                });
            }
        }

        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    });

    private static async Task<List<PaymentRequest>> ListAllAsync(TikkieClient client)
    {
        var all = new List<PaymentRequest>();
        for (var page = 0; ; page++)
        {
            var result = await client.ListPaymentRequestsAsync(page, 50, null, null, CancellationToken.None);
            all.AddRange(result.Items);
            if (result.Items.Count == 0 || all.Count >= result.TotalElementCount)
            {
                return all;
            }
        }
    }
}
