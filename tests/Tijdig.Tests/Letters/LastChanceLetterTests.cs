using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tijdig.Data;
using Tijdig.Domain.Messaging;
using Tijdig.Dunning;
using Tijdig.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Tijdig.Tests.Letters;

/// <summary>
/// The 14-day letter through the real cycle: the e-mail and the PDF state the collection costs and the
/// last day of the term exactly as the engine decided them, over all of the debtor's overdue invoices.
/// </summary>
public sealed class LastChanceLetterTests
{
    // Posted Thursday 9 April 2026, the letter is presumed received on Saturday 11 April. The 14 days
    // end on Saturday 25 April and run on past Sunday and Koningsdag (Monday 27 April) to Tuesday 28 April.
    private static readonly DateOnly Today = new(2026, 4, 9);
    private static readonly DateOnly TermEnd = new(2026, 4, 28);

    private const string DebtorHeader = LedgerFixtures.DebtorHeader + ",street,postcode,city";

    /// <summary>
    /// Provider, VAT percent, costs as printed, total with costs as printed, whether the VAT remark shows.
    /// € 1,500 + € 1,200 = € 2,700: 15 % of € 2,500 plus 10 % of € 200 is € 395. Per invoice it would
    /// have been € 225 + € 180 = € 405, which the letter must not state.
    /// </summary>
    public static TheoryData<DatabaseProvider, int, string, string, bool> Cases()
    {
        var cases = new TheoryData<DatabaseProvider, int, string, string, bool>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            cases.Add(provider, 0, "€ 395,00", "€ 3.095,00", false);

            // 21 % VAT on € 395 is € 82.95: the costs the engine quoted include it, so the letter does too.
            cases.Add(provider, 21, "€ 477,95", "€ 3.177,95", true);
        }

        return cases;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task LastChance_StatesEngineCostsAndTerm(DatabaseProvider provider, int vatPercent, string costs, string totalWithCosts, bool includesVat)
    {
        Skip.If(provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        await using var app = await TestWebApp.StartAsync(Today, provider, new Dictionary<string, string?>
        {
            ["Dunning:CollectionCosts:VatPercent"] = vatPercent.ToString(CultureInfo.InvariantCulture),
        });
        await SeedAsync(app, street: "Dorpsstraat 12");

        var result = await app.RunAsync(s => s.GetRequiredService<DailyCycle>().RunAsync(Today, dispatch: true, CancellationToken.None));

        Assert.Equal(1, result.Cycle.DecisionsByStep["last-chance"]);
        var messages = await app.QueryAsync(db => db.Outbox.Where(m => m.Step == "last-chance").OrderBy(m => m.Channel).ToListAsync());
        Assert.Equal([MessageChannel.Email, MessageChannel.Letter], messages.Select(m => m.Channel));
        Assert.All(messages, m => Assert.Equal(MessageStatus.Sent, m.Status));
        Assert.All(messages, m => Assert.Equal("INV-A,INV-B", m.InvoiceNumbers));
        Assert.All(messages, m => Assert.Equal(270_000, m.AmountCents));
        Assert.All(messages, m => Assert.Equal(TermEnd, m.StatutoryTermEnd));
        Assert.All(messages, m => Assert.Equal("2026-01", m.PolicyVersion));
        Assert.All(messages, m => Assert.Equal(vatPercent == 0 ? 39_500 : 47_795, m.CollectionCostsCents));
        Assert.All(messages, m => Assert.Equal(vatPercent == 0 ? 0 : 8_295, m.CollectionCostsVatCents));

        var email = await MimeMessage.LoadAsync(Path.Combine(app.DataDirectory, "outbox", "email", messages[0].ClientReference + ".eml"));
        AssertStatesTerms(email.TextBody ?? "", costs, totalWithCosts, includesVat);
        AssertStatesTerms(System.Net.WebUtility.HtmlDecode(email.HtmlBody ?? ""), costs, totalWithCosts, includesVat);

        var letter = await app.QueryAsync(db => db.Letters.SingleAsync());
        Assert.Equal(messages[1].Id, letter.MessageId);
        Assert.Equal(Today, letter.SendingDate);
        Assert.Equal(TermEnd, letter.TermEndDate);
        AssertStatesTerms(PdfText(Path.Combine(app.DataDirectory, letter.FilePath)), costs, totalWithCosts, includesVat);
    }

    [Fact]
    public async Task LastChance_WithoutAddressStillEmails()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        await SeedAsync(app, street: "");

        var result = await app.RunAsync(s => s.GetRequiredService<DailyCycle>().RunAsync(Today, dispatch: true, CancellationToken.None));

        Assert.Equal(1, result.Dispatch.Sent);
        Assert.Equal(1, result.Dispatch.Failed);
        var messages = await app.QueryAsync(db => db.Outbox.Where(m => m.Step == "last-chance").OrderBy(m => m.Channel).ToListAsync());
        Assert.Equal(MessageStatus.Sent, messages[0].Status);
        Assert.Equal(MessageStatus.Failed, messages[1].Status);
        Assert.False(await app.QueryAsync(db => db.Letters.AnyAsync()));
        var item = await app.QueryAsync(db => db.WorkItems.SingleAsync(w => w.Key == $"message:{messages[1].Id}:no-address"));
        Assert.Equal("messages", item.Queue);
        Assert.Contains("postadres", item.Description, StringComparison.Ordinal);
    }

    /// <summary>One debtor with two invoices, 40 and 36 days past due on <see cref="Today"/>, paid by transfer.</summary>
    private static async Task SeedAsync(TestWebApp app, string street)
    {
        var debtors = new StringBuilder(DebtorHeader).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"DEB1,Ouder Een,ouder1@example.nl,0612345100,,,,,Transfer,nl,C1,{street},3511 AB,Utrecht");
        var invoices = new StringBuilder(LedgerFixtures.InvoiceHeader).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"INV-A,DEB1,{Today.AddDays(-54):yyyy-MM-dd},{Today.AddDays(-40):yyyy-MM-dd},1500.00,")
            .AppendLine(CultureInfo.InvariantCulture, $"INV-B,DEB1,{Today.AddDays(-50):yyyy-MM-dd},{Today.AddDays(-36):yyyy-MM-dd},1200.00,");

        Assert.True((await app.RunAsync(s => s.ImportDebtorsAsync(debtors.ToString()))).Success);
        Assert.True((await app.RunAsync(s => s.ImportInvoicesAsync(invoices.ToString()))).Success);
    }

    private static void AssertStatesTerms(string rendered, string costs, string totalWithCosts, bool includesVat)
    {
        var text = rendered.Replace('\u00a0', ' ');
        Assert.Contains("28 april 2026", text, StringComparison.Ordinal);
        Assert.Contains("Die kosten zijn " + costs, text, StringComparison.Ordinal);
        Assert.Contains("in totaal " + totalWithCosts, text, StringComparison.Ordinal);
        Assert.Equal(includesVat, text.Contains("(inclusief btw)", StringComparison.Ordinal));
        Assert.DoesNotContain("€ 405,00", text, StringComparison.Ordinal);
        Assert.Contains("INV-A", text, StringComparison.Ordinal);
        Assert.Contains("INV-B", text, StringComparison.Ordinal);
    }

    /// <summary>The words of every page in reading order, separated by single spaces.</summary>
    private static string PdfText(string path)
    {
        using var document = PdfDocument.Open(path);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            foreach (var word in page.GetWords())
            {
                text.Append(word.Text).Append(' ');
            }
        }

        return text.ToString();
    }
}
