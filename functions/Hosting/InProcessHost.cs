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
        await builder.UseLocalStorageWhenUnconfiguredAsync();
        builder.AddAppServices(await FrontendAssets.LoadAsync(builder.Environment.ContentRootPath));
        builder.Services.AddWorkflowEngine(builder.Configuration);
        ScheduleLoop.AddScheduleLoops(builder.Services, builder.Configuration);

        var app = builder.Build();
        app.UseAppPipeline(app.Environment);
        return app;
    }
}
