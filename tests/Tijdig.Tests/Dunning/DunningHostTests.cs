using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Data;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Dunning.Pauses;
using Tijdig.Domain.Ledger;
using Tijdig.Dunning;
using Tijdig.Dunning.Claims;
using Tijdig.Dunning.Pauses;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Dunning;

/// <summary>The engine through the host on SQLite and PostgreSQL: loader, cycle, pauses, re-presentation and agency claims.</summary>
public sealed class DunningHostTests
{
    private static readonly DateOnly Due = new(2026, 3, 2);

    private const string Debtors = LedgerFixtures.DebtorHeader + "\n"
        + "DEB1,Ouder Een,ouder1@example.nl,0612345100,,,,,Transfer,nl,C1\n";

    private static async Task<TestLedger> LedgerAsync(DatabaseProvider provider, string invoices)
    {
        Skip.If(provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        var ledger = await TestLedger.CreateAsync(Due, provider);
        Assert.True((await ledger.RunAsync(s => s.ImportDebtorsAsync(Debtors))).Success);
        Assert.True((await ledger.RunAsync(s => s.ImportInvoicesAsync(LedgerFixtures.InvoiceHeader + "\n" + invoices))).Success);
        return ledger;
    }

    private static Task<CycleResult> CycleAsync(TestLedger ledger, DateOnly date)
    {
        ledger.SetToday(date);
        return ledger.RunAsync<RunDunningCycle, CycleResult>(cycle => cycle.RunAsync(date, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Moratorium_PausesOnlyOldArrears(DatabaseProvider provider)
    {
        await using var ledger = await LedgerAsync(provider, $"F-OLD,DEB1,{Due.AddDays(-14):yyyy-MM-dd},{Due:yyyy-MM-dd},120.00,\nF-NEW,DEB1,{Due.AddDays(26):yyyy-MM-dd},{Due.AddDays(40):yyyy-MM-dd},130.00,\n");
        await ledger.RunAsync<PauseDunning, DunningPause>(p => p.AddAsync("DEB1", PauseKind.Moratorium, "Erkend gedupeerde toeslagenaffaire", Due.AddDays(10), Due.AddDays(375), "test", CancellationToken.None));

        var result = await CycleAsync(ledger, Due.AddDays(47));

        var message = await ledger.QueryAsync(db => db.Outbox.SingleAsync(m => m.Channel == Domain.Messaging.MessageChannel.Email));
        Assert.Equal(1, result.DecisionsByStep["reminder-1"]);
        Assert.Equal("F-NEW", message.InvoiceNumbers);
        Assert.Equal(130_00, message.AmountCents);
        var old = await ledger.QueryAsync(db => db.Invoices.SingleAsync(i => i.InvoiceNumber == "F-OLD"));
        Assert.Equal(0, old.DunningLevel);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pause_EndedEarly_ResumesAndKeepsAudit(DatabaseProvider provider)
    {
        await using var ledger = await LedgerAsync(provider, $"F1,DEB1,{Due.AddDays(-14):yyyy-MM-dd},{Due:yyyy-MM-dd},120.00,\n");
        var pause = await ledger.RunAsync<PauseDunning, DunningPause>(p => p.AddAsync("DEB1", PauseKind.PromiseToPay, "Belt dat ze vrijdag betaalt", Due, Due.AddDays(20), "test", CancellationToken.None));

        var paused = await CycleAsync(ledger, Due.AddDays(8));
        await ledger.RunAsync<PauseDunning, DunningPause>(p => p.EndAsync(pause.Id, Due.AddDays(9), "test", "Niet betaald", CancellationToken.None));
        var resumed = await CycleAsync(ledger, Due.AddDays(9));

        Assert.Empty(paused.DecisionsByStep);
        Assert.Equal(1, resumed.DecisionsByStep["reminder-1"]);
        var stored = await ledger.QueryAsync(db => db.DunningPauses.SingleAsync());
        Assert.Equal(Due.AddDays(20), stored.EndsOn);
        Assert.Equal(Due.AddDays(9), stored.EndedOn);
        Assert.Equal("Niet betaald", stored.EndReason);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReturnedAm04_PlansRepresentationWithTikkie(DatabaseProvider provider)
    {
        await using var ledger = await LedgerAsync(provider, $"F1,DEB1,{Due.AddDays(-14):yyyy-MM-dd},{Due:yyyy-MM-dd},120.00,\n");
        await ledger.QueryAsync(async db =>
        {
            var debtor = await db.Debtors.SingleAsync();
            var invoice = await db.Invoices.SingleAsync();
            debtor.PaymentMethod = PaymentMethod.DirectDebit;
            db.Collections.Add(new DirectDebitCollection
            {
                InvoiceId = invoice.Id,
                DebtorId = debtor.Id,
                Attempt = 1,
                MessageId = "M1",
                PaymentInformationId = "P1",
                EndToEndId = "F1",
                MandateId = "MANDATE1",
                CollectionDate = Due,
                AmountCents = 120_00,
                Status = CollectionStatus.Returned,
                ReasonCode = "AM04",
                ReturnedOn = Due.AddDays(3),
            });
            return await db.SaveChangesAsync();
        });

        var result = await CycleAsync(ledger, Due.AddDays(3));

        Assert.Equal(1, result.DecisionsByStep["failed-direct-debit"]);
        Assert.Equal(1, result.PaymentRequestsQueued);
        var invoice = await ledger.QueryAsync(db => db.Invoices.SingleAsync());
        Assert.Equal(new DateOnly(2026, 3, 26), invoice.RepresentOn);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_ExportImportRecall(DatabaseProvider provider)
    {
        // The letter went out on Thu 9 April 2026; its term ends Tue 28 April, the claim follows 5 days later.
        var letter = new DateOnly(2026, 4, 9);
        await using var ledger = await LedgerAsync(provider, $"F1,DEB1,{Due.AddDays(-14):yyyy-MM-dd},{Due:yyyy-MM-dd},400.00,\n");
        await ledger.QueryAsync(async db =>
        {
            var invoice = await db.Invoices.SingleAsync();
            invoice.DunningLevel = 3;
            invoice.LastChanceSentOn = letter;
            return await db.SaveChangesAsync();
        });

        var early = await CycleAsync(ledger, new DateOnly(2026, 5, 2));
        var termination = await CycleAsync(ledger, new DateOnly(2026, 5, 3));

        Assert.Equal(0, early.Claims);
        Assert.Equal(1, termination.Claims);
        var claim = await ledger.QueryAsync(db => db.AgencyClaims.SingleAsync());
        Assert.Equal(400_00, claim.PrincipalCents);
        Assert.Equal(60_00, claim.CollectionCostsCents);
        Assert.Equal(letter, claim.StatutoryLetterSentOn);
        Assert.Equal(new DateOnly(2026, 4, 28), claim.StatutoryTermEnd);
        Assert.True(claim.InterestCents > 0);

        var csv = await ledger.RunAsync<ExportClaims, ClaimExport>(e => e.RunAsync(claim.Agency, "csv", null, new DateOnly(2026, 5, 4), CancellationToken.None));
        var lines = await File.ReadAllLinesAsync(csv.Path);
        Assert.Equal(1, csv.Count);
        Assert.Equal(string.Join(';', ClaimFile.Columns), lines[0]);
        Assert.Contains(";DEB1;Ouder Een;", lines[1], StringComparison.Ordinal);
        Assert.Contains(";400.00;60.00;0.00;", lines[1], StringComparison.Ordinal);
        Assert.Contains(";2026-04-09;2026-04-28;2026-05-03", lines[1], StringComparison.Ordinal);

        var again = await ledger.RunAsync<ExportClaims, ClaimExport>(e => e.RunAsync(claim.Agency, "json", null, new DateOnly(2026, 5, 4), CancellationToken.None));
        Assert.Equal(0, again.Count);

        var status = $"claim_id;status;collected_principal;date\n{claim.Id};in-progress;150.00;2026-05-20\n";
        var imported = await ledger.RunAsync<ImportClaimStatus, ClaimStatusImport>(i => i.RunAsync(new StringReader(status), CancellationToken.None));
        Assert.True(imported.Success, string.Join(" ", imported.Errors));
        Assert.Equal(150_00, imported.BookedCents);
        var invoice = await ledger.QueryAsync(db => db.Invoices.SingleAsync());
        Assert.Equal(250_00, invoice.OpenCents);
        Assert.True(await ledger.QueryAsync(db => db.Payments.AnyAsync(p => p.Source == PaymentSource.Agency && p.AmountCents == 150_00)));

        // The same file twice books nothing new.
        var repeated = await ledger.RunAsync<ImportClaimStatus, ClaimStatusImport>(i => i.RunAsync(new StringReader(status), CancellationToken.None));
        Assert.Equal(0, repeated.PaymentsBooked);

        var recalled = await ledger.RunAsync<RecallClaim, AgencyClaim>(r => r.RunAsync(claim.Id, "Betalingsregeling getroffen", new DateOnly(2026, 5, 21), CancellationToken.None));
        Assert.Equal(ClaimStatus.Recalled, recalled.Status);
        var rejected = await ledger.RunAsync<ImportClaimStatus, ClaimStatusImport>(i => i.RunAsync(new StringReader(status), CancellationToken.None));
        Assert.False(rejected.Success);
        Assert.Contains("was recalled", Assert.Single(rejected.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusImport_ReportsLineErrors()
    {
        await using var ledger = await TestLedger.CreateAsync(Due);
        var file = "claim_id;status;collected_principal;date\nx;paid;1.00;2026-05-01\n1;lost;1.00;2026-05-01\n1;paid;1,00;2026-05-01\n1;paid;1.00;01-05-2026\n";

        var result = await ledger.RunAsync<ImportClaimStatus, ClaimStatusImport>(i => i.RunAsync(new StringReader(file), CancellationToken.None));

        Assert.Equal(4, result.Errors.Count);
        Assert.StartsWith("line 2: claim_id", result.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("line 3: status", result.Errors[1], StringComparison.Ordinal);
        Assert.StartsWith("line 4: collected_principal", result.Errors[2], StringComparison.Ordinal);
        Assert.StartsWith("line 5: date", result.Errors[3], StringComparison.Ordinal);
    }
}
