using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Domain.Tikkie;
using Tijdig.Payments;
using Tijdig.Tests.Infrastructure;
using Tijdig.Tikkie;

namespace Tijdig.Tests.Tikkie;

/// <summary>One listing at the start of a dispatch settles every create whose outcome was lost.</summary>
public sealed class UnknownOutcomeReconciliationTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public async Task Reconcile_AdoptsCreatedAndClearsMissing()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        await app.RunAsync(s => s.ImportDebtorsAsync(string.Join('\n', LedgerFixtures.DebtorHeader, "R1,Iris Smit,,0612345678,,,,,Transfer,nl,")));
        var debtorId = await app.QueryAsync(db => db.Debtors.Select(d => d.Id).SingleAsync());

        // The create reached Tikkie but the answer was lost; the second never reached it.
        var created = await app.RunAsync(s => s.GetRequiredService<TikkieClient>().CreatePaymentRequestAsync(
            new CreatePaymentRequest("Factuur F1", 12_50, "TJ-LOST-1", Today.AddDays(7)), CancellationToken.None));
        var attemptedAt = app.Clock.GetUtcNow().AddMinutes(-2);
        await app.QueryAsync(async db =>
        {
            db.PaymentRequests.AddRange(
                Record(debtorId, "TJ-LOST-1", attemptedAt),
                Record(debtorId, "TJ-LOST-2", attemptedAt),
                Record(debtorId, "TJ-RECENT-3", app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            return 0;
        });

        await app.RunAsync(async s =>
        {
            await s.GetRequiredService<PaymentRequestCreator>().ReconcileUnknownOutcomesAsync(CancellationToken.None);
            return 0;
        });

        var records = await app.QueryAsync(db => db.PaymentRequests.OrderBy(r => r.ReferenceId).ToListAsync());
        var adopted = records.Single(r => r.ReferenceId == "TJ-LOST-1");
        Assert.Equal(created.PaymentRequestToken, adopted.Token);
        Assert.Equal(PaymentRequestState.Open, adopted.State);
        var missing = records.Single(r => r.ReferenceId == "TJ-LOST-2");
        Assert.Null(missing.Token);
        Assert.Null(missing.CreationAttemptedAt);
        var recent = records.Single(r => r.ReferenceId == "TJ-RECENT-3");
        Assert.NotNull(recent.CreationAttemptedAt);
    }

    private static PaymentRequestRecord Record(long debtorId, string referenceId, DateTimeOffset attemptedAt) => new()
    {
        DebtorId = debtorId,
        Purpose = PaymentRequestPurpose.BalanceRequest,
        ReferenceId = referenceId,
        Description = "Factuur F1",
        AmountCents = 12_50,
        ExpiryDate = Today.AddDays(7),
        State = PaymentRequestState.Intent,
        CreatedAt = attemptedAt,
        CreationAttemptedAt = attemptedAt,
    };
}
