using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tijdig.Access;
using Tijdig.Tests.Infrastructure;
using Tijdig.Tests.Web;
using static Microsoft.Playwright.Assertions;

namespace Tijdig.Tests.Access;

/// <summary>Signing in and out in headless Chromium, as a member of the credit team does.</summary>
[Collection(WebCollection.Name)]
public sealed class SignInBrowserTests(ChromiumFixture chromium)
{
    [SkippableFact]
    public async Task SignIn_WrongThenRightPasswordThenSignOut()
    {
        await using var app = await TestWebApp.StartAsync(new DateOnly(2026, 3, 2));
        await app.RunAsync(async services =>
        {
            await services.GetRequiredService<BackOfficeUsers>().AddAsync("anouk", "Anouk de Vries", "lang-genoeg-wachtwoord", default);
            return 0;
        });
        await using var context = await chromium.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("beheer/beleid");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen op de backoffice", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Gebruikersnaam", new() { Exact = true }).FillAsync("anouk");
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync("verkeerd-wachtwoord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("De gebruikersnaam of het wachtwoord klopt niet.");

        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync("lang-genoeg-wachtwoord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Incassobeleid", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Ingelogd als Anouk de Vries")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen op de backoffice", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync("beheer");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/beheer/inloggen\\?terug=%2Fbeheer$"));
    }
}
