using AwardVote.Infrastructure.Data;
using AwardVote.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests;

/// <summary>
/// AwardVote on real Kestrel at 127.0.0.1 and Debian's Chromium driven by Playwright (no downloaded browser: the
/// machine has no network). Screenshots go to the artefacts folder.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;
    private IPlaywright? _playwright;

    /// <summary>The class fixture: SQLite, the quickest to start.</summary>
    public BrowserSession() : this(DatabaseProvider.Sqlite) { }

    /// <summary>A session of its own on another database (xunit wants one public constructor on a fixture).</summary>
    internal BrowserSession(DatabaseProvider provider) => _provider = provider;

    public AwardVoteApp App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new AwardVoteApp(_provider, onKestrel: true);
        BaseAddress = App.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    private readonly List<IPage> _pages = [];

    /// <summary>A phone's screen, 390 × 844 CSS pixels, touch and all (issue 16: the librarian's and juror's journeys on it).</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>A page in a context of its own: its own cookies, so each person signs in separately.</summary>
    /// <param name="viewport">The screen; none: Playwright's desktop default (1280 × 720).</param>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var options = new BrowserNewContextOptions { BaseURL = BaseAddress.ToString().TrimEnd('/') };
        if (viewport is not null)
        {
            options.ViewportSize = viewport;
            options.IsMobile = viewport.Width < 600;
            options.HasTouch = viewport.Width < 600;
        }
        var context = await Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        _pages.Add(page);
        return page;
    }

    /// <summary>Keeps a picture of every open page when a test fails, to see what the person saw.</summary>
    public async Task CaptureAllAsync(string name)
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            if (!_pages[i].IsClosed)
                await ScreenshotAsync(_pages[i], $"{name}-page{i + 1}");
        }
    }

    /// <summary>Runs the outbox delivery job, as the Hangfire server would, so mails reach the SMTP receiver now.</summary>
    public async Task DeliverMailAsync()
    {
        await using var scope = App.Scope();
        await scope.ServiceProvider.GetRequiredService<AwardVote.Infrastructure.Mail.DeliverOutboxJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>A full-page picture in the artefacts; one taken on a phone-sized screen is named "phone-…".</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(TestEnvironment.ArtifactsDirectory, (page.ViewportSize?.Width < 600 && !name.StartsWith("phone-", StringComparison.Ordinal) ? "phone-" : "") + name + ".png"),
            FullPage = true,
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (App is not null)
            await App.DisposeAsync();
    }
}
