using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Apprenticeships.Functions.Security;
using Apprenticeships.Storage.Azurite;
using Apprenticeships.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Apprenticeships.Pages.Tests;

/// <summary>
/// The app on a real Kestrel port (a browser needs a real URL), in Development with its demo
/// users, on the test process's Azurite with a task hub of its own; and a headless Chromium.
/// </summary>
public sealed class PagesApp : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    /// <summary>The API as a script would call it locally, signed in as the demo administrator.</summary>
    public HttpClient Api { get; private set; } = null!;
    /// <summary>The app's services, for what no API makes yet (an employer with a contact, for the progression pages).</summary>
    public IServiceProvider Services => _factory!.Services;
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Find()!, "tests", "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        if (BrowserSetup.MissingBrowser is { } missing) throw new InvalidOperationException(missing);
        var connection = await LocalAzurite.ConnectionStringAsync();
        var port = FreePort();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("AzureWebJobsStorage", connection);
            b.UseSetting("Durable:TaskHub", LocalAzurite.UniqueName("pages"));
            // Candidate ids are keyed hashes of the enrolment; test apps share one Candidates table.
            b.UseSetting("Links:SigningKey", $"a-test-signing-key-{Guid.NewGuid():N}");
            // As AppFactory's apps: two browser test classes run at once on one Azurite. Each has an
            // outbox of its own (else one's mail pushes the other's off the newest-first list), and
            // no sweep of the shared Candidates table starts journeys in its hub for the other's candidates.
            b.UseSetting("Email:PickupContainer", LocalAzurite.UniqueName("outbox"));
            b.UseSetting("Schedules:ReferralRecovery", "false");
            b.UseSetting("Schedules:Retention", "false");
            // The app listens where its URLs say (else on 7071): here, a free port of its own.
            b.UseSetting(Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey, $"http://localhost:{port}");
        });
        _factory.UseKestrel(port);
        _factory.StartServer();
        BaseUrl = $"http://localhost:{port}";
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Api.DefaultRequestHeaders.Add(DevUserHeader.Header, "carys");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSetup.ChromiumPath, Headless = true, Args = BrowserSetup.LaunchArgs,
        });
    }

    /// <param name="javaScript">False for a browser with JavaScript turned off: every page must work without it.</param>
    /// <param name="bypassCsp">True only for an accessibility audit, whose axe-core is injected as an inline script the pages' policy forbids.</param>
    public async Task<IPage> SignedInPageAsync(string demoUser, bool javaScript = true, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, AcceptDownloads = true, JavaScriptEnabled = javaScript, BypassCSP = bypassCsp });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel(DemoUsers.Find(demoUser)!.Name, new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/sign-in"));
        return page;
    }

    /// <summary>
    /// A page nobody has signed in on, for an accessibility audit: its context bypasses the pages'
    /// Content-Security-Policy so that axe-core can be injected (see <see cref="Axe"/>).
    /// </summary>
    public async Task<IPage> AuditContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, BypassCSP = true });
        return await context.NewPageAsync();
    }

    /// <summary>A demo hub made by the app's own seeder (providers with keys, a levy employer, an academy, a cohort, candidates).</summary>
    public async Task<JsonElement> DemoHubAsync()
    {
        var created = await Api.PostAsync("/api/dev/demo", null);
        created.EnsureSuccessStatusCode();
        return await created.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
