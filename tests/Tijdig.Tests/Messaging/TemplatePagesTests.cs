using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Messaging;

/// <summary>The back-office template pages over HTTP: the list, a preview, and saving a new version or rejecting it with the reason.</summary>
public sealed partial class TemplatePagesTests
{
    private static readonly DateOnly Today = new(2026, 4, 9);

    private const string ShortSms = "{{ organisation_name }}: beste {{ debtor_name }}, betaal {{ total_amount }} via {{ payment_link }}";

    // Three GSM-7 segments once rendered: over the limit of two.
    private const string LongSms = "{{ organisation_name }}: Beste {{ debtor_name }}, betaal {{ total_amount }}. Betaal via {{ payment_link }} of vraag een regeling aan via {{ arrangement_link }}. Heeft u al betaald? Dan hoeft u niets te doen. Vragen? Bel ons op werkdagen tussen 9 en 17 uur, wij helpen u graag verder met een oplossing.";

    [Fact]
    public async Task List_ShowsEverySlotWithVersion()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = app.CreateClient();

        var html = await GetAsync(client, "beheer/berichten");

        Assert.Contains("<h1>Berichtteksten</h1>", html, StringComparison.Ordinal);
        Assert.Equal(9 * 3 * 2, RowPattern().Matches(html).Count);
        Assert.Contains("href=\"/beheer/berichten/bewerken?step=last-chance&amp;channel=letter&amp;language=nl\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/beheer/berichten/voorbeeld?step=reminder-1&amp;channel=sms&amp;language=en\"", html, StringComparison.Ordinal);
        Assert.Contains("Laatste kans (veertiendagenbrief)", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("standaardtekst", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/beheer/berichten\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("beheer/berichten", "<h1>Message templates</h1>")]
    [InlineData("beheer/berichten/voorbeeld?step=last-chance&channel=email&language=en", "Preview: ")]
    public async Task Pages_ShowEnglishTexts(string path, string heading)
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = app.CreateClient();

        var html = await GetAsync(client, path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "taal=en");

        Assert.Contains(heading, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_RendersLastChanceForSampleDebtor()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = app.CreateClient();

        var html = WebUtility.HtmlDecode(await GetAsync(client, "beheer/berichten/voorbeeld?step=last-chance&channel=letter&language=nl"));

        Assert.Contains("Anna de Vries-van den Berg", html, StringComparison.Ordinal);
        Assert.Contains("D1234567", html, StringComparison.Ordinal);
        Assert.Contains("14 dagen na de dag waarop u deze brief heeft ontvangen", html, StringComparison.Ordinal);

        // The sample letter is dated today, and the engine's calendar counts its term.
        Assert.Contains("28 april 2026", html, StringComparison.Ordinal);
        Assert.Contains("In gebruik: de standaardtekst.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_CountsSmsSegments()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = app.CreateClient();

        var html = WebUtility.HtmlDecode(await GetAsync(client, "beheer/berichten/voorbeeld?step=reminder-1&channel=sms&language=nl"));

        Assert.Matches(SegmentsPattern(), html);
        Assert.DoesNotContain("Onderwerp", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("beheer/berichten/voorbeeld?step=unknown&channel=sms&language=nl")]
    [InlineData("beheer/berichten/voorbeeld?step=reminder-1&channel=fax&language=nl")]
    [InlineData("beheer/berichten/voorbeeld?step=reminder-1&channel=1&language=nl")]
    [InlineData("beheer/berichten/bewerken?step=reminder-1&channel=sms&language=de")]
    public async Task UnknownTemplate_IsNotFound(string path)
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Save_ValidSmsAddsVersion()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = app.CreateClient();
        const string Edit = "beheer/berichten/bewerken?step=reminder-1&channel=sms&language=nl";
        var form = await GetAsync(client, Edit);

        using var response = await PostAsync(client, Edit + "&handler=Save", Token(form), ShortSms);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Versie 1 is opgeslagen.", html, StringComparison.Ordinal);
        Assert.Contains("In gebruik: versie 1.", html, StringComparison.Ordinal);
        var saved = await app.QueryAsync(db => db.MessageTemplates.SingleAsync());
        Assert.Equal(("reminder-1", Domain.Messaging.MessageChannel.Sms, "nl", 1), (saved.Step, saved.Channel, saved.Language, saved.Version));
        Assert.Equal(ShortSms, saved.Source);
        Assert.Equal("beheer", saved.CreatedBy);

        var list = await GetAsync(client, "beheer/berichten");
        var row = RowPattern().Matches(list).Single(m => m.Value.Contains("data-step=\"reminder-1\" data-channel=\"sms\" data-language=\"nl\"", StringComparison.Ordinal));
        Assert.Contains("<td data-testid=\"template-version\">1</td>", row.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LongSms, "De sms wordt 3 delen")]
    [InlineData("{{ organisation_name }: kapot", "De template is ongeldig")]
    [InlineData("   ", "De template is leeg.")]
    public async Task Save_InvalidSmsShowsDutchError(string source, string error)
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = app.CreateClient();
        const string Edit = "beheer/berichten/bewerken?step=reminder-1&channel=sms&language=en";
        var form = await GetAsync(client, Edit + "&taal=en");

        using var response = await PostAsync(client, Edit + "&handler=Save", Token(form), source);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(error, html, StringComparison.Ordinal);
        Assert.Contains("The text has not been saved.", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.MessageTemplates.CountAsync()));
    }

    [Fact]
    public async Task Save_EmailWithoutSubjectRejected()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = app.CreateClient();
        const string Edit = "beheer/berichten/bewerken?step=reminder-2&channel=email&language=nl";
        var form = await GetAsync(client, Edit);

        using var response = await PostAsync(client, Edit + "&handler=Save", Token(form), "=== text ===\nBeste {{ debtor_name }}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Het onderwerp ontbreekt", html, StringComparison.Ordinal);
        Assert.Contains("De tekst is niet opgeslagen.", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.MessageTemplates.CountAsync()));
    }

    [Fact]
    public async Task PreviewHandler_RendersUnsavedSource()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = app.CreateClient();
        const string Edit = "beheer/berichten/bewerken?step=reminder-1&channel=sms&language=nl";
        var form = await GetAsync(client, Edit);

        using var response = await PostAsync(client, Edit + "&handler=Preview", Token(form), ShortSms);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kinderopvang De Vlinder: beste Anna de Vries-van den Berg, betaal € 1.234,56 via https://tikkie.me/pay/", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.MessageTemplates.CountAsync()));
    }

    [Fact]
    public async Task Save_WithoutAntiforgeryTokenRejected()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = app.CreateClient();

        using var response = await client.PostAsync(
            new Uri("beheer/berichten/bewerken?step=reminder-1&channel=sms&language=nl&handler=Save", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Source"] = ShortSms }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.MessageTemplates.CountAsync()));
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return html;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string token, string source) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Source"] = source,
        }));

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<tr data-testid=\"template-row\".*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"\d+ tekens \((Gsm7|Ucs2)\), [12] van maximaal 2 sms-delen\.")]
    private static partial Regex SegmentsPattern();
}
