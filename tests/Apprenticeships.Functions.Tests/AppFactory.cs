using Apprenticeships.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Apprenticeships.Functions.Tests;

/// <summary>The app on the test process's Azurite, with a task hub of its own.</summary>
public static class AppFactory
{
    public static async Task<WebApplicationFactory<Program>> CreateAsync(string environment = "Development", Action<IWebHostBuilder>? configure = null)
    {
        var connection = await LocalAzurite.ConnectionStringAsync();
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("AzureWebJobsStorage", connection);
            b.UseSetting("Durable:TaskHub", LocalAzurite.UniqueName("hub"));
            // Apps that move their clock on would otherwise push other apps' mail off the newest-first outbox.
            b.UseSetting("Email:PickupContainer", LocalAzurite.UniqueName("outbox"));
            configure?.Invoke(b);
        });
    }
}
