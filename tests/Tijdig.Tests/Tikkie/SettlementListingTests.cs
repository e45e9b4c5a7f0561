using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tijdig.Domain.Tikkie;
using Tijdig.Payments;
using Tijdig.Tests.Messaging.Support;
using Tijdig.Tikkie;
using Tijdig.Tikkie.Sandbox;

namespace Tijdig.Tests.Tikkie;

/// <summary>
/// The settlement of lost create outcomes reads Tikkie's list in parallel pages while other
/// dispatchers keep creating requests. Every request of a settled attempt must still be found: one
/// that is missed would be created a second time.
/// </summary>
public sealed class SettlementListingTests
{
    private const string ApiKey = "settlement-test-api-key";
    private const string AppToken = "5d0c2a71-8e3b-4f6a-b1c9-7a4e2d8f0c36";
    private const int Stored = 300;
    private const int NotStored = 12;
    private static readonly DateOnly Today = new(2026, 4, 14);

    /// <summary>
    /// With the sandbox's clock in step, the other creates land after the closed window. With it a
    /// minute behind Tijdig's, they land inside the window and shift its pages during the read.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    public async Task Settlement_FindsEveryRequestWhileOthersCreate(int sandboxLagSeconds)
    {
        var start = MessagingLedger.At(Today, new TimeOnly(10, 0));
        var sandboxClock = new FakeTimeProvider(start);
        var sandboxOptions = new SandboxOptions { Clock = sandboxClock };
        sandboxOptions.PreregisteredApps.Add((ApiKey, AppToken));
        await using var sandbox = await TikkieSandboxServer.StartAsync(sandboxOptions, CancellationToken.None);
        await using var ledger = await MessagingLedger.CreateAsync(start, new Dictionary<string, string?>
        {
            ["Tikkie:BaseUrl"] = sandbox.ApiBaseAddress.AbsoluteUri,
            ["Tikkie:ApiKey"] = ApiKey,
            ["Tikkie:AppToken"] = AppToken,
        });
        await ledger.SeedAsync(1, Today.AddDays(-7));
        var client = ledger.Services.GetRequiredService<TikkieClient>();

        // As after a round in which every create call came back with an error: some requests were stored before the error.
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Stored; i++)
        {
            var created = await client.CreatePaymentRequestAsync(Request(ReferenceId("TJ-SETTLE", i)), CancellationToken.None);
            tokens[created.ReferenceId!] = created.PaymentRequestToken;
        }

        await AddReturnedAttemptsAsync(ledger, start);
        ledger.Clock.Advance(TimeSpan.FromMinutes(1));
        sandboxClock.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromSeconds(sandboxLagSeconds));

        using var stop = new CancellationTokenSource();
        var createdByOthers = 0;
        var othersStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var others = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                await client.CreatePaymentRequestAsync(Request(ReferenceId("TJ-OTHER", n)), CancellationToken.None);
                Interlocked.Increment(ref createdByOthers);
                othersStarted.TrySetResult();
            }
        });
        await othersStarted.Task;
        var createdBefore = Volatile.Read(ref createdByOthers);
        await ledger.RunAsync(async services =>
        {
            await services.GetRequiredService<PaymentRequestCreator>().ReconcileUnknownOutcomesAsync(CancellationToken.None);
            return 0;
        });
        var createdDuring = Volatile.Read(ref createdByOthers) - createdBefore;
        await stop.CancelAsync();
        await others;

        var records = await ledger.QueryAsync(db => db.PaymentRequests.AsNoTracking().ToListAsync());
        var adopted = records.Where(r => r.ReferenceId.StartsWith("TJ-SETTLE", StringComparison.Ordinal)).ToList();
        var cleared = records.Where(r => r.ReferenceId.StartsWith("TJ-LOST", StringComparison.Ordinal)).ToList();
        Assert.True(createdDuring > 0, "No request was created while the settlement ran, so nothing ran concurrently.");
        Assert.Equal(Stored, adopted.Count);
        Assert.All(adopted, r => Assert.Equal(PaymentRequestState.Open, r.State));
        Assert.All(adopted, r => Assert.Equal(tokens[r.ReferenceId], r.Token));
        Assert.Equal(NotStored, cleared.Count);
        Assert.All(cleared, r => Assert.Equal(PaymentRequestState.Intent, r.State));
        Assert.All(cleared, r => Assert.Null(r.CreationAttemptedAt));
        Assert.All(cleared, r => Assert.Null(r.Token));
    }

    private static CreatePaymentRequest Request(string referenceId) =>
        new("Factuur " + referenceId[^4..], 12_50, referenceId, Today.AddDays(14));

    private static string ReferenceId(string prefix, int n) =>
        prefix + "-" + n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<int> AddReturnedAttemptsAsync(MessagingLedger ledger, DateTimeOffset attemptedAt) => ledger.QueryAsync(async db =>
    {
        var debtor = await db.Debtors.FirstAsync();
        var referenceIds = Enumerable.Range(0, Stored).Select(i => ReferenceId("TJ-SETTLE", i))
            .Concat(Enumerable.Range(0, NotStored).Select(i => ReferenceId("TJ-LOST", i)));
        foreach (var referenceId in referenceIds)
        {
            db.PaymentRequests.Add(new PaymentRequestRecord
            {
                DebtorId = debtor.Id,
                Purpose = PaymentRequestPurpose.BalanceRequest,
                ReferenceId = referenceId,
                Description = "Factuur " + referenceId[^4..],
                AmountCents = 12_50,
                ExpiryDate = Today.AddDays(14),
                State = PaymentRequestState.IntentCallReturned,
                CreatedAt = attemptedAt,
                CreationAttemptedAt = attemptedAt,
            });
        }

        return await db.SaveChangesAsync();
    });
}
