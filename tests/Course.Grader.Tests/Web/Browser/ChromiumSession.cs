using Microsoft.Playwright;

namespace Course.Grader.Tests.Web.Browser;

/// <summary>Debian's Chromium driven by Playwright, headless, and pages signed in to a served course with a user's token.</summary>
internal sealed class ChromiumSession : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private ChromiumSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ChromiumSession> LaunchAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/prerequisites.sh installs Debian's chromium");
        var playwright = await Playwright.CreateAsync();
        try
        {
            return new ChromiumSession(playwright, await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            }));
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A new browser context on <paramref name="served"/>, signed in on its sign-in page with a new token of <paramref name="login"/>.</summary>
    public async Task<IPage> SignedInPageAsync(ServedCourse served, string login)
    {
        var page = await NewPageAsync(served);
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=token]", await served.TokenAsync(login));
        await page.ClickAsync("main button");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync(login);
        return page;
    }

    public async Task<IPage> NewPageAsync(ServedCourse served) =>
        await (await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = served.Address.ToString() })).NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
