using Microsoft.Playwright;

namespace Course.Grader.Tests.Web.Browser;

/// <summary>Debian's Chromium driven by Playwright, headless, and pages of it signed in to a served course with a user's token.</summary>
internal sealed class ChromiumBrowser : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private ChromiumBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/prerequisites.sh installs Debian's chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        return new ChromiumBrowser(playwright, browser);
    }

    /// <summary>A page of its own browser context, signed in as <paramref name="login"/> through the sign-in form.</summary>
    public async Task<IPage> SignedInPageAsync(ServedCourse served, string login)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = served.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=token]", await served.TokenAsync(login));
        await page.ClickAsync("main button");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync(login);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
