using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Data;
using Tijdig.Domain.Tikkie;
using Tijdig.Payments;
using Tijdig.Tikkie;

namespace Tijdig.Tests.Tikkie;

/// <summary>
/// A create call that came back with an error is settled by the next round's listing whatever its
/// age. One that may still be in flight (a crash, a timeout) waits a minute and creates nothing meanwhile.
/// </summary>
public sealed class CreateAttemptSettlementTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ErrorResponse_SettledByOneListing(bool storedBeforeError)
    {
        await using var app = await TikkieWebApp.StartAsync();
        await app.SeedDebtorAsync("S1", ("FS-1", TikkieWebApp.Today.AddDays(-7), 40m));
        var id = await AddIntentAsync(app, "TJ-RETURNED-1", attemptedAt: null);
        await app.SetFaultsAsync(new { failPercent = 100, failSeed = 1, failAfterCreate = storedBeforeError });

        await Assert.ThrowsAsync<TikkieApiException>(() => EnsureCreatedAsync(app, id));
        var afterError = await RecordAsync(app, id);
        await app.SetFaultsAsync(new { failPercent = 0 });
        var callsBefore = await ApiCallsAsync(app);
        await app.App.RunAsync(async s =>
        {
            await s.GetRequiredService<PaymentRequestCreator>().ReconcileUnknownOutcomesAsync(CancellationToken.None);
            return 0;
        });
        var callsForSettlement = await ApiCallsAsync(app) - callsBefore;
        var settled = await RecordAsync(app, id);

        Assert.Equal(PaymentRequestState.IntentCallReturned, afterError.State);
        Assert.NotNull(afterError.CreationAttemptedAt);
        // One page of the closed window before the round and one of the open tail after it.
        Assert.Equal(2, callsForSettlement);
        if (storedBeforeError)
        {
            Assert.Equal(PaymentRequestState.Open, settled.State);
            Assert.NotNull(settled.Token);
        }
        else
        {
            Assert.Equal(PaymentRequestState.Intent, settled.State);
            Assert.Null(settled.CreationAttemptedAt);
            Assert.Null(settled.Token);
        }

        Assert.Equal(PaymentRequestLink.Ready, await EnsureCreatedAsync(app, id));
        var atTikkie = await ListAsync(app);
        var request = Assert.Single(atTikkie, r => r.ReferenceId == "TJ-RETURNED-1");
        Assert.Equal(request.PaymentRequestToken, (await RecordAsync(app, id)).Token);
    }

    [Fact]
    public async Task AttemptWithoutResponse_WaitsForAgeThreshold()
    {
        await using var app = await TikkieWebApp.StartAsync();
        await app.SeedDebtorAsync("S2", ("FS-2", TikkieWebApp.Today.AddDays(-7), 40m));

        // As after a crash or a timeout: the attempt is committed, Tikkie has nothing (yet).
        var attemptedAt = app.App.Clock.GetUtcNow();
        var id = await AddIntentAsync(app, "TJ-INFLIGHT-2", attemptedAt);

        await app.App.RunAsync(async s =>
        {
            await s.GetRequiredService<PaymentRequestCreator>().ReconcileUnknownOutcomesAsync(CancellationToken.None);
            return 0;
        });
        var early = await EnsureCreatedAsync(app, id);
        var whileYoung = await RecordAsync(app, id);
        var createdWhileYoung = (await ListAsync(app)).Count;

        app.App.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await EnsureCreatedAsync(app, id);

        Assert.Equal(PaymentRequestLink.Pending, early);
        Assert.Equal(PaymentRequestState.Intent, whileYoung.State);
        Assert.NotNull(whileYoung.CreationAttemptedAt);
        Assert.Equal(0, createdWhileYoung);
        Assert.Equal(PaymentRequestLink.Ready, late);
        Assert.Single(await ListAsync(app), r => r.ReferenceId == "TJ-INFLIGHT-2");
    }

    [Fact]
    public async Task TwoDispatchers_OnlyOneStampsTheAttempt()
    {
        await using var app = await TikkieWebApp.StartAsync();
        await app.SeedDebtorAsync("S3", ("FS-3", TikkieWebApp.Today.AddDays(-7), 40m));
        var id = await AddIntentAsync(app, "TJ-TWICE-3", attemptedAt: null);

        // Both load the record before either stamps it, as two processes would.
        await using var first = app.App.Services.CreateAsyncScope();
        await using var second = app.App.Services.CreateAsyncScope();
        var firstRecord = await first.ServiceProvider.GetRequiredService<TijdigDbContext>().PaymentRequests.SingleAsync(r => r.Id == id);
        var secondRecord = await second.ServiceProvider.GetRequiredService<TijdigDbContext>().PaymentRequests.SingleAsync(r => r.Id == id);
        var firstLink = await first.ServiceProvider.GetRequiredService<PaymentRequestCreator>().EnsureCreatedAsync(firstRecord, CancellationToken.None);
        var secondLink = await second.ServiceProvider.GetRequiredService<PaymentRequestCreator>().EnsureCreatedAsync(secondRecord, CancellationToken.None);

        Assert.Equal(PaymentRequestLink.Ready, firstLink);
        Assert.Equal(PaymentRequestLink.Pending, secondLink);
        Assert.Single(await ListAsync(app), r => r.ReferenceId == "TJ-TWICE-3");
        Assert.Equal(firstRecord.Token, (await RecordAsync(app, id)).Token);
    }

    private static Task<long> AddIntentAsync(TikkieWebApp app, string referenceId, DateTimeOffset? attemptedAt) => app.App.QueryAsync(async db =>
    {
        var debtor = await db.Debtors.FirstAsync();
        var record = new PaymentRequestRecord
        {
            DebtorId = debtor.Id,
            Purpose = PaymentRequestPurpose.BalanceRequest,
            ReferenceId = referenceId,
            Description = "Test " + referenceId,
            AmountCents = 40_00,
            ExpiryDate = TikkieWebApp.Today.AddDays(7),
            State = PaymentRequestState.Intent,
            CreatedAt = app.App.Clock.GetUtcNow(),
            CreationAttemptedAt = attemptedAt,
        };
        db.PaymentRequests.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    });

    private static Task<PaymentRequestLink> EnsureCreatedAsync(TikkieWebApp app, long id) => app.App.RunAsync(async s =>
    {
        var record = await s.GetRequiredService<TijdigDbContext>().PaymentRequests.SingleAsync(r => r.Id == id);
        return await s.GetRequiredService<PaymentRequestCreator>().EnsureCreatedAsync(record, CancellationToken.None);
    });

    private static Task<PaymentRequestRecord> RecordAsync(TikkieWebApp app, long id) =>
        app.App.QueryAsync(db => db.PaymentRequests.AsNoTracking().SingleAsync(r => r.Id == id));

    private static async Task<long> ApiCallsAsync(TikkieWebApp app)
    {
        var faults = await app.Http.GetFromJsonAsync<JsonElement>(new Uri("tikkie-sandbox/control/faults", UriKind.Relative));
        return faults.GetProperty("apiRequestCount").GetInt64();
    }

    private static Task<List<PaymentRequest>> ListAsync(TikkieWebApp app) => app.App.RunAsync(async s =>
    {
        var page = await s.GetRequiredService<TikkieClient>().ListPaymentRequestsAsync(0, 50, null, null, CancellationToken.None);
        return page.Items.ToList();
    });
}
