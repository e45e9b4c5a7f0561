using Microsoft.Playwright;

namespace Tijdig.Tests.Web;

/// <summary>
/// Debian's Chromium driven by Playwright, headless. Tests skip when the browser is not installed
/// (<c>apt-get install chromium</c>), because Playwright's own browser download needs the internet.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    private IBrowser? _browser;

    public bool IsAvailable => File.Exists(ExecutablePath);

    public async Task InitializeAsync()
    {
        if (!IsAvailable)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Opens a browser context with its own cookies; skips the calling test when Chromium is missing.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, string locale = "nl-NL")
    {
        Skip.IfNot(IsAvailable, $"Chromium is not installed at {ExecutablePath}.");

        return await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = locale });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
