using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Access;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Access;

/// <summary>Signing in to the back office over real HTTP, with the form token and the cookie as a browser sends them.</summary>
public sealed partial class SignInHttpTests
{
    private const string Password = "lang-genoeg-wachtwoord";

    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public async Task NoUsers_BackOfficeOpenWithWarning()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        using var client = NewClient(app);

        using var response = await client.GetAsync(new Uri("beheer", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("de backoffice heeft nog geen gebruikers", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("beheer", "/beheer/inloggen?terug=%2Fbeheer")]
    [InlineData("beheer/beleid/pauzes?x=1", "/beheer/inloggen?terug=%2Fbeheer%2Fbeleid%2Fpauzes%3Fx%3D1")]
    public async Task WithUser_PagesSendAnonymousVisitorsToSignIn(string path, string expectedLocation)
    {
        await using var app = await StartWithUserAsync();
        using var client = NewClient(app);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedLocation, response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("api/v1/report")]
    [InlineData("api/v1/messages")]
    public async Task WithUser_AnonymousApiCallGets401(string path)
    {
        await using var app = await StartWithUserAsync();
        using var client = NewClient(app);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("/beheer/inloggen", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithUser_PortalStaysOpenWithoutSignIn()
    {
        await using var app = await StartWithUserAsync();
        using var client = NewClient(app);

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPasswordShowsError()
    {
        await using var app = await StartWithUserAsync();
        using var client = NewClient(app);

        using var response = await PostSignInAsync(client, "anouk", "niet-het-wachtwoord", returnUrl: "/beheer");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        using var dashboard = await client.GetAsync(new Uri("beheer", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("De gebruikersnaam of het wachtwoord klopt niet.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnsToRequestedPage()
    {
        await using var app = await StartWithUserAsync();
        using var client = NewClient(app);

        using var signIn = await PostSignInAsync(client, "Anouk", Password, returnUrl: "/beheer/beleid");
        using var policy = await client.GetAsync(new Uri("beheer/beleid", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await policy.Content.ReadAsStringAsync());
        using var api = await client.GetAsync(new Uri("api/v1/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/beheer/beleid", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        Assert.Contains("Ingelogd als Anouk de Vries", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Theory]
    [InlineData("https://elders.example/phish")]
    [InlineData("//elders.example/phish")]
    [InlineData("/betalingsregeling")]
    public async Task SignIn_NeverReturnsOutsideTheBackOffice(string returnUrl)
    {
        await using var app = await StartWithUserAsync();
        using var client = NewClient(app);

        using var signIn = await PostSignInAsync(client, "anouk", Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/beheer", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Session_EndsOnPasswordChangeOrSignOut()
    {
        await using var app = await StartWithUserAsync();
        using var first = NewClient(app);
        using var second = NewClient(app);
        await PostSignInAsync(first, "anouk", Password, "/beheer");
        await PostSignInAsync(second, "anouk", Password, "/beheer");

        await app.RunAsync(async services =>
        {
            await services.GetRequiredService<BackOfficeUsers>().SetPasswordAsync("anouk", "het-nieuwe-wachtwoord", default);
            return 0;
        });
        using var afterChange = await first.GetAsync(new Uri("beheer", UriKind.Relative));

        await PostSignInAsync(second, "anouk", "het-nieuwe-wachtwoord", "/beheer");
        var page = await second.GetStringAsync(new Uri("beheer", UriKind.Relative));
        using var signOut = await second.PostAsync(
            new Uri("beheer/uitloggen", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(page) }));
        using var afterSignOut = await second.GetAsync(new Uri("beheer", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, afterChange.StatusCode);
        Assert.StartsWith("/beheer/inloggen", afterChange.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsCopiedSessionCookie()
    {
        await using var app = await StartWithUserAsync();
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = app.BaseAddress };
        await PostSignInAsync(client, "anouk", Password, "/beheer");
        var copied = cookies.GetCookieHeader(app.BaseAddress);
        var page = await client.GetStringAsync(new Uri("beheer", UriKind.Relative));

        using var signOut = await client.PostAsync(
            new Uri("beheer/uitloggen", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(page) }));
        using var replay = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("beheer", UriKind.Relative));
        request.Headers.Add("Cookie", copied);
        using var afterSignOut = await replay.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/beheer/inloggen", afterSignOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_HidesBackOfficeLinks()
    {
        await using var app = await StartWithUserAsync();
        using var client = NewClient(app);

        var anonymous = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("beheer/inloggen", UriKind.Relative)));
        await PostSignInAsync(client, "anouk", Password, "/beheer");
        var signedIn = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("beheer", UriKind.Relative)));

        Assert.DoesNotContain("Berichtteksten", anonymous, StringComparison.Ordinal);
        Assert.Contains("Berichtteksten", signedIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithoutFormTokenIsRefused()
    {
        await using var app = await StartWithUserAsync();
        using var client = NewClient(app);
        await PostSignInAsync(client, "anouk", Password, "/beheer");

        using var forged = await client.PostAsync(new Uri("beheer/uitloggen", UriKind.Relative), new FormUrlEncodedContent([]));
        using var stillIn = await client.GetAsync(new Uri("beheer", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    private static async Task<TestWebApp> StartWithUserAsync()
    {
        var app = await TestWebApp.StartAsync(Today);
        await app.RunAsync(async services =>
        {
            await services.GetRequiredService<BackOfficeUsers>().AddAsync("anouk", "Anouk de Vries", Password, default);
            return 0;
        });
        return app;
    }

    private static HttpClient NewClient(TestWebApp app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password, string returnUrl)
    {
        var form = await client.GetStringAsync(new Uri("beheer/inloggen", UriKind.Relative));
        return await client.PostAsync(new Uri("beheer/inloggen", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["terug"] = returnUrl,
        }));
    }

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
