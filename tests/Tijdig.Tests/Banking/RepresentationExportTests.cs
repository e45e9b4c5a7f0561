using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Banking;
using Tijdig.Domain.Ledger;
using Tijdig.Dunning;
using Tijdig.Sepa.Writing;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Banking;

/// <summary>An AM04 return is presented once more after pay day, with its own end-to-end id; refusals never are.</summary>
public sealed class RepresentationExportTests
{
    private static readonly DateOnly DueDate = new(2016, 10, 10);

    [Fact]
    public async Task Export_PresentsAm04AgainAfterPayDayOnly()
    {
        await using var app = await TestWebApp.StartAsync(new DateOnly(2016, 10, 3));
        var (debtors, invoices) = LedgerFixtures.Pain002Ledger(DueDate);
        await app.RunAsync(s => s.ImportDebtorsAsync(debtors));
        await app.RunAsync(s => s.ImportInvoicesAsync(invoices));
        await ExportAsync(app, DueDate);
        await app.RunAsync(s => s.ImportBankFileAsync(TestPaths.Sample("pain002/oca-boi-pain002v03-dd-rejects.xml")));
        app.SetToday(DueDate.AddDays(1));
        await app.RunAsync(s => s.GetRequiredService<DailyCycle>().RunAsync(DueDate.AddDays(1), dispatch: true, CancellationToken.None));

        var planned = await app.QueryAsync(db => db.Invoices.Where(i => i.RepresentOn != null).Select(i => new { i.InvoiceNumber, i.RepresentOn }).ToListAsync());
        var am04 = Assert.Single(planned);
        Assert.Equal("E2EID4", am04.InvoiceNumber);
        Assert.Equal(new DateOnly(2016, 10, 26), am04.RepresentOn);

        var early = await ExportAsync(app, new DateOnly(2016, 10, 25));
        Assert.Equal(0, early.Count);

        var again = await ExportAsync(app, new DateOnly(2016, 10, 26));
        Assert.Equal(1, again.Count);
        var collection = await app.QueryAsync(db => db.Collections.SingleAsync(c => c.Attempt == 2));
        Assert.Equal("E2EID4-2", collection.EndToEndId);
        Assert.Equal(CollectionStatus.Submitted, collection.Status);
        Assert.Null(await app.QueryAsync(db => db.Invoices.Where(i => i.InvoiceNumber == "E2EID4").Select(i => i.RepresentOn).SingleAsync()));

        var later = await ExportAsync(app, new DateOnly(2016, 10, 27));
        Assert.Equal(0, later.Count);
    }

    private static Task<DirectDebitExport> ExportAsync(TestWebApp app, DateOnly date) =>
        app.RunAsync(s => s.GetRequiredService<ExportDirectDebits>().RunAsync(date, null, Pain008Version.V02, CancellationToken.None));
}
