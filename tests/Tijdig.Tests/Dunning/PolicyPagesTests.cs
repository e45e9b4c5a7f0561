using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Dunning;

/// <summary>The policy pages over HTTP: the policy view in both languages, adding and ending a pause.</summary>
public sealed partial class PolicyPagesTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData("beheer/beleid", "<h1>Incassobeleid</h1>", "Versie 2026-01")]
    [InlineData("beheer/beleid?culture=en", "<h1>Dunning policy</h1>", "Version 2026-01")]
    [InlineData("beheer/beleid/pauzes", "<h1>Pauzes</h1>", "Er zijn geen pauzes.")]
    [InlineData("beheer/beleid/vorderingen", "<h1>Vorderingen bij incassobureaus</h1>", "Er zijn geen vorderingen.")]
    public async Task Page_ShowsPolicyTexts(string path, string heading, string text)
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyPage_ListsAgenciesWithJustisNumbers()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = app.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("beheer/beleid", UriKind.Relative)));

        Assert.Contains("VOORBEELD-0001", html, StringComparison.Ordinal);
        Assert.Contains("VOORBEELD-0002", html, StringComparison.Ordinal);
        Assert.Contains("Veertiendagenbrief", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PausesPage_AddsAndEndsPause()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        Assert.True((await app.RunAsync(s => s.ImportDebtorsAsync(LedgerFixtures.DebtorHeader + "\nDEB1,Ouder Een,ouder1@example.nl,0612345100,,,,,Transfer,nl,C1\n"))).Success);
        using var client = app.CreateClient();

        var form = await client.GetStringAsync(new Uri("beheer/beleid/pauzes", UriKind.Relative));
        using var add = await client.PostAsync(new Uri("beheer/beleid/pauzes?handler=Add", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["Input.DebtorNumber"] = "DEB1",
            ["Input.Kind"] = "Hardship",
            ["Input.Reason"] = "Ziekte in het gezin",
            ["Input.StartsOn"] = "2026-03-02",
            ["Input.EndsOn"] = "2026-04-30",
        }));
        var listed = WebUtility.HtmlDecode(await add.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.Contains("Schrijnende situatie", listed, StringComparison.Ordinal);
        Assert.Contains("Ziekte in het gezin", listed, StringComparison.Ordinal);
        var pause = await app.QueryAsync(db => db.DunningPauses.SingleAsync());
        Assert.Equal(new DateOnly(2026, 4, 30), pause.EndsOn);

        using var end = await client.PostAsync(new Uri($"beheer/beleid/pauzes?handler=End&id={pause.Id}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(listed),
        }));

        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        var ended = await app.QueryAsync(db => db.DunningPauses.SingleAsync());
        Assert.Equal(Today, ended.EndedOn);
    }

    [Theory]
    [InlineData("beheer/beleid/saldo-opgaven", "Request", "DebtorNumber=", "Vul je debiteurnummer in.")]
    [InlineData("beheer/beleid/saldo-opgaven?culture=en", "Request", "DebtorNumber=", "Enter your debtor number.")]
    [InlineData("beheer/beleid/pauzes", "Add", "Input.DebtorNumber=&Input.Reason=Ziekte&Input.Kind=Dispute&Input.StartsOn=2026-03-02&Input.EndsOn=2026-03-31", "Vul je debiteurnummer in.")]
    [InlineData("beheer/beleid/pauzes", "Add", "Input.DebtorNumber=DEB1&Input.Reason=&Input.Kind=Dispute&Input.StartsOn=2026-03-02&Input.EndsOn=2026-03-31", "Vul een reden in.")]
    [InlineData("beheer/beleid/pauzes?culture=en", "Add", "Input.DebtorNumber=DEB1&Input.Reason=&Input.Kind=Dispute&Input.StartsOn=2026-03-02&Input.EndsOn=2026-03-31", "Enter a reason.")]
    [InlineData("beheer/beleid/pauzes", "Add", "Input.DebtorNumber=DEB1&Input.Reason=Ziekte&Input.Kind=Dispute&Input.StartsOn=&Input.EndsOn=2026-03-31", "Vul de begindatum van de pauze in.")]
    [InlineData("beheer/beleid/pauzes", "Add", "Input.DebtorNumber=DEB1&Input.Reason=Ziekte&Input.Kind=Dispute&Input.StartsOn=2026-03-02&Input.EndsOn=", "Vul de einddatum van de pauze in.")]
    [InlineData("beheer/beleid/pauzes", "Add", "Input.DebtorNumber=DEB1&Input.Reason=Ziekte&Input.Kind=Dispute&Input.StartsOn=1900-01-01&Input.EndsOn=1900-01-02", "Datum 1900-01-01 ligt niet tussen 2000 en 2099")]
    public async Task PolicyForms_MissingFieldInPageLanguage(string path, string handler, string fields, string expected)
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = app.BaseAddress };
        var form = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var values = fields.Split('&').Select(field => field.Split('=')).ToDictionary(pair => pair[0], pair => pair[1]);
        values["__RequestVerificationToken"] = Token(form);
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";

        using var response = await client.PostAsync(new Uri($"{path}{separator}handler={handler}", UriKind.Relative), new FormUrlEncodedContent(values));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required.</li>", html, StringComparison.Ordinal);
    }

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
