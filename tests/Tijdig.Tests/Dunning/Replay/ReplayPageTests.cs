using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tijdig.Tests.Infrastructure;
using Tijdig.Tests.Web;
using static Microsoft.Playwright.Assertions;
using static Tijdig.Tests.Dunning.Replay.ReplaySeed;

namespace Tijdig.Tests.Dunning.Replay;

/// <summary>The what-if replay page at /beheer/beleid/replay: over HTTP in both languages, and driven in headless Chromium.</summary>
public sealed partial class ReplayPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Theory]
    [InlineData("beheer/beleid/replay", "<h1>Wat-als-herhaling</h1>", "Kandidaat: opgeslagen versie")]
    [InlineData("beheer/beleid/replay?culture=en", "<h1>What-if replay</h1>", "Candidate: stored version")]
    public async Task Page_ShowsFormInBothLanguages(string path, string heading, string label)
    {
        await using var app = await TestWebApp.StartAsync(WindowEnd);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(label, html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2026-01\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "0", "1", "Kies tussen 1 en 60 maanden.")]
    [InlineData("", "-2", "1", "Kies tussen 1 en 60 maanden.")]
    [InlineData("", "6", "-1", "Het startgetal (seed) is 0 of hoger.")]
    [InlineData("?culture=en", "61", "1", "Choose between 1 and 60 months.")]
    [InlineData("?culture=en", "6", "-1", "The seed is 0 or higher.")]
    public async Task Post_OutOfRangeNumberInPageLanguage(string query, string months, string seed, string expected)
    {
        await using var app = await TestWebApp.StartAsync(WindowEnd);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = app.BaseAddress };
        var path = new Uri("beheer/beleid/replay" + query, UriKind.Relative);

        var form = await client.GetStringAsync(path);
        using var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value,
            ["Input.CandidateVersion"] = "2026-01",
            ["Input.Months"] = months,
            ["Input.Seed"] = seed,
        }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("The field", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Browser_ReplaysPastedCandidateSideBySide()
    {
        await using var app = await TestWebApp.StartAsync(WindowEnd);
        await app.RunAsync(async s => { await WriteAsync(s); return 0; });
        await using var context = await chromium.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("beheer/beleid");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wat-als-herhaling" }).ClickAsync();
        await page.GetByLabel("of plak een beleidsversie (JSON)").FillAsync(EarlierReminderCandidate());
        await page.GetByLabel("Startgetal (seed)").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Naspelen" }).ClickAsync();

        await Expect(page.GetByTestId("replay-window")).ToContainTextAsync("60 facturen");
        var comparison = page.GetByRole(AriaRole.Region, new() { Name = "Vergelijking" });
        await Expect(comparison.GetByRole(AriaRole.Columnheader, new() { Name = "Actief (2026-01)" })).ToBeVisibleAsync();
        await Expect(comparison.GetByRole(AriaRole.Columnheader, new() { Name = "Kandidaat (vroeg)" })).ToBeVisibleAsync();
        // Seed 3 as in the verb test, so the page shows the verb's figures.
        await Expect(page.GetByTestId("replay-claims")).ToHaveTextAsync("Vorderingen aangemaakt1515");
        await Expect(page.GetByTestId("replay-dso")).ToContainTextAsync("0,0");
        await Expect(comparison.GetByRole(AriaRole.Row).Filter(new() { HasText = "stap: Eerste herinnering" })).ToContainTextAsync("49");

        var rates = page.GetByRole(AriaRole.Region, new() { Name = "Geschatte betaalkansen" });
        await Expect(page.GetByTestId("rate-on-time")).ToContainTextAsync("33,3");
        await Expect(page.GetByTestId("rate-on-time")).ToContainTextAsync("60");
        var smsAll = rates.GetByTestId("rate-row").Filter(new() { HasText = "Eerste herinnering" }).Filter(new() { HasText = "62,5" });
        await Expect(smsAll).ToHaveCountAsync(3);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
