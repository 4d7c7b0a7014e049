using Apprenticeships.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Apprenticeships.Functions.Tests;

/// <summary>
/// The app on the test process's Azurite, with a task hub of its own. Callers are a hub
/// administrator (<see cref="SignedInAsAdmin"/>) unless <paramref name="asAdmin"/> is false,
/// which leaves the app's own sign-in to do its work.
/// </summary>
public static class AppFactory
{
    public static async Task<WebApplicationFactory<Program>> CreateAsync(string environment = "Development", Action<IWebHostBuilder>? configure = null, bool asAdmin = true)
    {
        var connection = await LocalAzurite.ConnectionStringAsync();
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("AzureWebJobsStorage", connection);
            b.UseSetting("Durable:TaskHub", LocalAzurite.UniqueName("hub"));
            // One partition: dozens of test apps share one Azurite, and each partition is a queue polled and a lease renewed.
            b.UseSetting("Durable:PartitionCount", "1");
            // Test apps share one Candidates table across task hubs: one app's sweep would start journeys in its hub for another's candidates.
            b.UseSetting("Schedules:ReferralRecovery", "false");
            b.UseSetting("Schedules:Retention", "false");
            // Apps that move their clock on would otherwise push other apps' mail off the newest-first outbox.
            b.UseSetting("Email:PickupContainer", LocalAzurite.UniqueName("outbox"));
            // A key of its own: candidate ids are keyed hashes of the enrolment (EnrolmentIds), and test
            // apps share one Candidates table, so two apps enrolling the same referral must not meet.
            b.UseSetting("Links:SigningKey", $"a-test-signing-key-{Guid.NewGuid():N}");
            // What Azure's app settings give it: outside Development the app refuses to start without it.
            if (environment != "Development") b.UseSetting("Hub:PublicUrl", "https://apprenticeships.example.gov.uk");
            if (asAdmin) b.ConfigureTestServices(SignedInAsAdmin.Register);
            configure?.Invoke(b);
        });
    }
}
