using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tijdig.Tests.Web;

/// <summary>The pages in headless Chromium: what the credit team and parents actually see.</summary>
[Collection(WebCollection.Name)]
public sealed class BrowserTests(WebAppFixture app, ChromiumFixture chromium)
{
    private const string NeutralBalanceAnswer =
        "Als dit debiteurnummer bij ons bekend is, sturen we een betaalverzoek naar het mobiele nummer dat bij ons bekend is.";

    [SkippableFact]
    public async Task Dashboard_ShowsDutchTotalsAndRows()
    {
        // An English browser still gets Dutch: the language is chosen on the page, not by the browser.
        await using var context = await chromium.NewContextAsync(app.BaseAddress, locale: "en-US");
        var page = await context.NewPageAsync();

        await page.GotoAsync("beheer");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Debiteurenoverzicht", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("open-balance")).ToHaveTextAsync(WebSeed.OpenBalance);
        await Expect(page.GetByTestId("overdue-balance")).ToHaveTextAsync(WebSeed.OverdueBalance);
        await Expect(page.GetByTestId("overdue-count")).ToHaveTextAsync("3");

        var over90 = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Meer dan 90 dagen" });
        await Expect(over90).ToContainTextAsync("€ 987,65");
        var notDue = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nog niet vervallen" });
        await Expect(notDue).ToContainTextAsync("€ 450,00");

        var hundredDays = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "F-2026-0104" });
        await Expect(hundredDays).ToContainTextAsync("Sanne Jansen");
        await Expect(hundredDays.GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("100");
        await Expect(hundredDays.GetByRole(AriaRole.Cell).Nth(5)).ToHaveTextAsync("€ 987,65");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "F-2026-0105" })).ToHaveCountAsync(0);

        // Portal tests on the same fixture may add newer messages, so the row is found by its step.
        var message = page.GetByRole(AriaRole.Region, new() { Name = "Uitgaande berichten" })
            .GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "Eerste herinnering" });
        await Expect(message).ToContainTextAsync("Sms");
        await Expect(message).ToContainTextAsync("Verstuurd");
        await Expect(message.GetByRole(AriaRole.Link, new() { Name = "Betaallink openen" })).ToHaveAttributeAsync("href", WebSeed.PaymentLink);

        var bankEntry = page.GetByRole(AriaRole.Region, new() { Name = "Bankmutaties zonder match" });
        await Expect(bankEntry).ToContainTextAsync("€ 67,89");
        await Expect(bankEntry).ToContainTextAsync("J. Pietersen");
        await Expect(bankEntry).ToContainTextAsync("opvang november Noor");

        var workItem = page.GetByRole(AriaRole.Region, new() { Name = "Openstaande taken" });
        await Expect(workItem).ToContainTextAsync("Stornering");
        await Expect(workItem).ToContainTextAsync("Incasso F-2026-0101 teruggekomen (AM04): bel de ouder.");
    }

    [SkippableFact]
    public async Task LanguageSwitch_ShowsEnglishAndIsRemembered()
    {
        await using var context = await chromium.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("beheer");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Receivables overview", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Open balance", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "More than 90 days" })).ToContainTextAsync("€ 987,65");

        await page.GotoAsync("beheer/debiteuren/100231");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Debtor 100231 – Familie de Vries", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Nederlands" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Debiteur 100231 – Familie de Vries", Level = 1 })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task DebtorPage_ShowsInvoicesAndTimeline()
    {
        await using var context = await chromium.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("beheer");

        var overdueInvoices = page.GetByRole(AriaRole.Region, new() { Name = "Vervallen facturen", Exact = true });
        await overdueInvoices.GetByRole(AriaRole.Row).Filter(new() { HasText = "F-2026-0101" }).GetByRole(AriaRole.Link, new() { Name = "100231" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "beheer/debiteuren/100231").ToString());
        await Expect(page.GetByTestId("debtor-open-balance")).ToHaveTextAsync("€ 1.025,50");
        await Expect(page.GetByTestId("debtor-overdue-balance")).ToHaveTextAsync("€ 575,50");

        var partlyPaid = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "F-2026-0102" });
        await Expect(partlyPaid).ToContainTextAsync("€ 300,00");
        await Expect(partlyPaid).ToContainTextAsync("€ 125,50");

        var timeline = page.GetByRole(AriaRole.List).Filter(new() { Has = page.Locator("time") });
        await Expect(timeline).ToContainTextAsync("Betaling van € 174,50 ontvangen via overboeking.");
        await Expect(timeline).ToContainTextAsync("Incasso voor factuur F-2026-0101 kwam terug, reden AM04.");
        await Expect(timeline).ToContainTextAsync("Sms: Eerste herinnering (Verstuurd)");

        // Newest first: the reminder comes before the invoice it is about. Portal tests may add newer items on top.
        var items = await timeline.GetByRole(AriaRole.Listitem).AllInnerTextsAsync();
        var reminderAt = items.ToList().FindIndex(item => item.Contains("Sms: Eerste herinnering", StringComparison.Ordinal));
        var invoiceAt = items.ToList().FindIndex(item => item.Contains("Factuur F-2026-0101 van € 450,00 verstuurd", StringComparison.Ordinal));
        Assert.InRange(reminderAt, 0, invoiceAt - 1);
        await Expect(timeline).ToContainTextAsync("Factuur F-2026-0101 van € 450,00 verstuurd");
    }

    [SkippableTheory]
    // 100233 is known but owes nothing, so the portal's background work leaves the other tests' rows alone.
    [InlineData("100233")]
    [InlineData("999999")]
    public async Task Portal_BalanceRequestGivesNeutralAnswer(string debtorNumber)
    {
        await using var context = await chromium.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("");

        var form = page.GetByRole(AriaRole.Region, new() { Name = "Tikkie aanvragen voor je openstaande saldo" });
        await form.GetByLabel("Debiteurnummer").FillAsync(debtorNumber);
        await form.GetByRole(AriaRole.Button, new() { Name = "Tikkie aanvragen" }).ClickAsync();

        await Expect(page.GetByTestId("balance-answer")).ToHaveTextAsync(NeutralBalanceAnswer);
    }

    [SkippableFact]
    public async Task Portal_KnownAndUnknownNumbersLookIdentical()
    {
        var known = await SubmitBothFormsAsync(app.Seed.Overdue.DebtorNumber);
        var unknown = await SubmitBothFormsAsync("999999");

        Assert.Equal(known.Balance, unknown.Balance);
        Assert.Equal(known.Arrangement, unknown.Arrangement);
        Assert.Contains("4 termijnen", known.Arrangement, StringComparison.Ordinal);
        Assert.Contains(NeutralBalanceAnswer, known.Balance, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Portal_EmptyNumberShowsDutchError()
    {
        await using var context = await chromium.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("");

        var form = page.GetByRole(AriaRole.Region, new() { Name = "Betalingsregeling aanvragen" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Regeling aanvragen" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Betalingsregeling aanvragen" })).ToContainTextAsync("Vul je debiteurnummer in.");
        await Expect(page.GetByTestId("arrangement-answer")).ToHaveTextAsync("");
    }

    [SkippableFact]
    public async Task Portal_ShowsEnglishAfterSwitch()
    {
        await using var context = await chromium.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Arrange your payment yourself", Level = 1 })).ToBeVisibleAsync();
        var form = page.GetByRole(AriaRole.Region, new() { Name = "Request a Tikkie for your open balance" });
        await form.GetByLabel("Debtor number").FillAsync("999999");
        await form.GetByRole(AriaRole.Button, new() { Name = "Request a Tikkie" }).ClickAsync();
        await Expect(page.GetByTestId("balance-answer")).ToHaveTextAsync(
            "If we know this debtor number, we will send a payment request to the mobile number we have on file.");
    }

    /// <summary>Posts both portal forms for one debtor number and returns the whole visible page after each.</summary>
    private async Task<(string Arrangement, string Balance)> SubmitBothFormsAsync(string debtorNumber)
    {
        await using var context = await chromium.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("");

        var arrangement = page.GetByRole(AriaRole.Region, new() { Name = "Betalingsregeling aanvragen" });
        await arrangement.GetByLabel("Debiteurnummer").FillAsync(debtorNumber);
        await arrangement.GetByLabel("Aantal termijnen").SelectOptionAsync("4");
        await arrangement.GetByRole(AriaRole.Button, new() { Name = "Regeling aanvragen" }).ClickAsync();
        await Expect(page.GetByTestId("arrangement-answer")).Not.ToBeEmptyAsync();
        var afterArrangement = await page.Locator("main").InnerTextAsync();

        var balance = page.GetByRole(AriaRole.Region, new() { Name = "Tikkie aanvragen voor je openstaande saldo" });
        await balance.GetByLabel("Debiteurnummer").FillAsync(debtorNumber);
        await balance.GetByRole(AriaRole.Button, new() { Name = "Tikkie aanvragen" }).ClickAsync();
        await Expect(page.GetByTestId("balance-answer")).Not.ToBeEmptyAsync();
        var afterBalance = await page.Locator("main").InnerTextAsync();

        return (afterArrangement, afterBalance);
    }
}
