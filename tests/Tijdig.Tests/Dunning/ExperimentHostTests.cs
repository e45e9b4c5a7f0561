using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Data;
using Tijdig.Domain.Dunning;
using Tijdig.Domain.Dunning.Experiments;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Dunning;
using Tijdig.Dunning.Experiments;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Dunning;

/// <summary>A pre-reminder experiment with a hold-out group through the real cycle and the experiment report.</summary>
public sealed class ExperimentHostTests
{
    private static readonly DateOnly Due = new(2026, 3, 2);

    private const string Key = "pre-reminder-test";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dunning:Experiments:0:Key"] = Key,
        ["Dunning:Experiments:0:StartsOn"] = "2026-01-01",
        ["Dunning:Experiments:0:EndsOn"] = "2026-06-30",
        ["Dunning:Experiments:0:Step"] = "pre-reminder",
        ["Dunning:Experiments:0:Variants:0:Name"] = "control",
        ["Dunning:Experiments:0:Variants:0:Weight"] = "1",
        ["Dunning:Experiments:0:Variants:1:Name"] = "hold-out",
        ["Dunning:Experiments:0:Variants:1:Weight"] = "1",
        ["Dunning:Experiments:0:Variants:1:HoldOut"] = "true",
    };

    private static string Number(int i) => "EXP" + i.ToString("D3", CultureInfo.InvariantCulture);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cycle_HoldOutGetsNoPreReminder_ReportCountsBoth(DatabaseProvider provider)
    {
        Skip.If(provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        await using var ledger = await TestLedger.CreateAsync(Due.AddDays(-3), provider, Settings);
        var debtors = new StringBuilder(LedgerFixtures.DebtorHeader).Append('\n');
        var invoices = new StringBuilder(LedgerFixtures.InvoiceHeader).Append('\n');
        for (var i = 1; i <= 40; i++)
        {
            debtors.Append(CultureInfo.InvariantCulture, $"{Number(i)},Ouder {i},ouder{i}@example.nl,06123451{i:D2},,,,,Transfer,nl,C{i}\n");
            invoices.Append(CultureInfo.InvariantCulture, $"F{i},{Number(i)},{Due.AddDays(-14):yyyy-MM-dd},{Due:yyyy-MM-dd},120.00,\n");
        }

        Assert.True((await ledger.RunAsync(s => s.ImportDebtorsAsync(debtors.ToString()))).Success);
        Assert.True((await ledger.RunAsync(s => s.ImportInvoicesAsync(invoices.ToString()))).Success);
        var experiment = ledger.Services.GetRequiredService<DunningEngine>().Experiments.Single();
        var holdOut = Enumerable.Range(1, 40).Select(Number).Where(n => ExperimentAssignment.Assign(experiment, n).HoldOut).ToHashSet();

        await ledger.RunAsync<RunDunningCycle, CycleResult>(cycle => cycle.RunAsync(Due.AddDays(-3), CancellationToken.None));

        var reminded = await ledger.QueryAsync(db => db.Outbox.Where(m => m.Step == "pre-reminder")
            .Join(db.Debtors, m => m.DebtorId, d => d.Id, (_, d) => d.DebtorNumber)
            .Distinct()
            .ToListAsync());
        Assert.InRange(holdOut.Count, 5, 35);
        Assert.Equal(40 - holdOut.Count, reminded.Count);
        Assert.DoesNotContain(reminded, holdOut.Contains);

        // The report counts sent messages only, so mark them sent here instead of running the dispatcher.
        // Then the first two debtors of each group pay two days after the pre-reminder date.
        await ledger.QueryAsync(async db =>
        {
            await db.Outbox.ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, MessageStatus.Sent));
            var payers = await db.Debtors.OrderBy(d => d.DebtorNumber).ToListAsync();
            var paying = payers.Where(d => holdOut.Contains(d.DebtorNumber)).Take(2)
                .Concat(payers.Where(d => !holdOut.Contains(d.DebtorNumber)).Take(2));
            foreach (var debtor in paying)
            {
                db.Payments.Add(new Payment { DebtorId = debtor.Id, Source = PaymentSource.BankTransfer, ExternalReference = "pay-" + debtor.DebtorNumber, BookingDate = Due.AddDays(-1), AmountCents = 120_00 });
            }

            return await db.SaveChangesAsync();
        });
        var report = await ledger.RunAsync<ReportExperiment, ExperimentReport>(r => r.RunAsync(Key, 14, Due.AddDays(10), CancellationToken.None));

        var control = report.Variants.Single(v => v.Variant == "control");
        var holdOutResult = report.Variants.Single(v => v.Variant == "hold-out");
        Assert.Equal(40 - holdOut.Count, control.Reached);
        Assert.Equal(2, control.Paid);
        Assert.Equal(holdOut.Count, holdOutResult.Reached);
        Assert.Equal(2, holdOutResult.Paid);
        Assert.True(holdOutResult.HoldOut);
        Assert.InRange(control.PaidRate, control.Lower, control.Upper);
    }
}
