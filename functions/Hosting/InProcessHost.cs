using Apprenticeships.Functions.Schedules;

namespace Apprenticeships.Functions.Hosting;

/// <summary>
/// The app without the Functions host (`dotnet run --project functions`, the tests, a container):
/// Kestrel serves the routes, the Durable Task engine runs the workflows in this process over the
/// same storage, and each schedule is a background loop.
/// </summary>
public static class InProcessHost
{
    public const string DefaultUrl = "http://localhost:7071";

    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddDurableTaskSettingsFromHostJson(AppContext.BaseDirectory);
        // Where an Azure Functions developer expects the app, unless URLs were set explicitly.
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls(DefaultUrl);
        // Locally, candidates' emailed links point where this app listens unless Hub__PublicUrl says otherwise.
        if (builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(builder.Configuration["Hub:PublicUrl"]))
            builder.Configuration["Hub:PublicUrl"] = LocalAddress(builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? DefaultUrl);
        await builder.UseLocalStorageWhenUnconfiguredAsync();
        builder.AddAppServices(await FrontendAssets.LoadAsync(builder.Environment.ContentRootPath));
        builder.Services.AddWorkflowEngine(builder.Configuration);
        ScheduleLoop.AddScheduleLoops(builder.Services, builder.Configuration);

        var app = builder.Build();
        app.UseAppPipeline(app.Environment);
        return app;
    }

    /// <summary>The first listening URL as a browser on this machine reaches it: "http://+:8080" is http://localhost:8080.</summary>
    internal static string? LocalAddress(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null) return null;
        var local = System.Text.RegularExpressions.Regex.Replace(first, "^(https?://)(\\+|\\*|0\\.0\\.0\\.0|\\[::\\])(?=[:/]|$)", "${1}localhost");
        // Port 0 is chosen by the server as it starts: leave the links to the default.
        return Uri.TryCreate(local, UriKind.Absolute, out var uri) && uri.Port != 0 ? uri.GetLeftPart(UriPartial.Authority) : null;
    }
}
