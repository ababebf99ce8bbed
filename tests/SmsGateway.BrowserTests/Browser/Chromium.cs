using Microsoft.Playwright;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>Debian's chromium driven by Playwright (its own browser download is not reachable here; the test command
/// installs the <c>chromium</c> package). One browser for the test run; each test takes a page of its own.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Browser tests need {ExecutablePath}: run ./test.sh (it installs Debian's chromium), or apt-get install chromium.");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A page of the given size (a phone, a desktop, the kiosk's portrait screen), watched for
    /// Content-Security-Policy violations (<see cref="CspWatch"/>).</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "cs-CZ" });
        var page = await context.NewPageAsync();
        await CspWatch.WatchAsync(context, page);
        return page;
    }

    /// <summary>Saves a full-page screenshot under <c>.test-run/screenshots/</c> (or <c>$SMSBOOKING_SCREENSHOTS</c>), for a
    /// person to look at; docs/ shows the chosen ones.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("SMSBOOKING_SCREENSHOTS") ?? Path.Combine(RepositoryRoot(), ".test-run", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmsBooking.sln")))
            {
                return dir.FullName;
            }
        }
        return Path.GetTempPath();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}

/// <summary>Browser tests share one chromium and run one after another (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
