using System.Net;

namespace Tijdig.Tests.Web;

/// <summary>The back-office pages over plain HTTP: status codes, headings and the language choice.</summary>
[Collection(WebCollection.Name)]
public sealed class BackOfficeHttpTests(WebAppFixture app)
{
    public static TheoryData<string, string, string[]> Pages => new()
    {
        { "beheer", "nl", ["<h1>Debiteurenoverzicht</h1>", "Ouderdom openstaande facturen", "Vervallen facturen", "Uitgaande berichten", "Bankmutaties zonder match", "Openstaande taken"] },
        { "beheer?taal=en", "en", ["<h1>Receivables overview</h1>", "Ageing of open invoices", "Overdue invoices", "Outgoing messages", "Unmatched bank entries", "Open work items"] },
        { "beheer/debiteuren/100231", "nl", ["<h1>Debiteur 100231 – Familie de Vries</h1>", "<h2 id=\"invoices\">Facturen</h2>", "<h2 id=\"timeline\">Tijdlijn</h2>"] },
        { "beheer/debiteuren/100231?culture=en", "en", ["<h1>Debtor 100231 – Familie de Vries</h1>", "<h2 id=\"invoices\">Invoices</h2>", "<h2 id=\"timeline\">Timeline</h2>"] },
        { "beheer/debiteuren/100233", "nl", ["<h1>Debiteur 100233 – Familie Bakker</h1>", "Deze debiteur heeft geen facturen."] },
        { "", "nl", ["<h1>Je betaling zelf regelen</h1>", "Betalingsregeling aanvragen", "Tikkie aanvragen voor je openstaande saldo"] },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_ReturnsOkWithHeadings(string path, string language, string[] expected)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        foreach (var text in expected)
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DebtorPage_UnknownNumberIsNotFound()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("beheer/debiteuren/999999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task LanguageChoice_IsKeptInCookie()
    {
        using var client = app.CreateClient();

        using var switched = await client.GetAsync(new Uri("beheer?taal=en", UriKind.Relative));
        var next = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("beheer", UriKind.Relative)));
        using var back = await client.GetAsync(new Uri("beheer?taal=nl", UriKind.Relative));
        var afterBack = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("beheer", UriKind.Relative)));

        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("<h1>Receivables overview</h1>", next, StringComparison.Ordinal);
        Assert.Contains("<h1>Debiteurenoverzicht</h1>", afterBack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ShowsSeededTotals()
    {
        using var client = app.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("beheer", UriKind.Relative)));

        Assert.Contains($"data-testid=\"open-balance\">{WebSeed.OpenBalance}<", html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"overdue-balance\">{WebSeed.OverdueBalance}<", html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"overdue-count\">{WebSeed.OverdueCount}<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortalPost_WithoutAntiforgeryTokenIsRejected()
    {
        using var client = app.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Balance.DebtorNumber"] = "100231" });

        using var response = await client.PostAsync(new Uri("?handler=Balance", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
