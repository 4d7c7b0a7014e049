using System.Net;
using System.Text.Json;
using Apprenticeships.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Apprenticeships.Functions.Tests.Http;

public class HealthApiTests
{
    [Fact]
    public async Task Health_reports_tables_queues_and_blobs_reachable()
    {
        var connection = await LocalAzurite.ConnectionStringAsync();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.UseSetting("AzureWebJobsStorage", connection));

        var response = await app.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        foreach (var service in new[] { "tables", "queues", "blobs" })
        {
            Assert.True(body.RootElement.GetProperty("services").GetProperty(service).GetProperty("reachable").GetBoolean());
        }
    }

    [Fact]
    public async Task Health_and_every_request_are_503_while_storage_is_down()
    {
        // A port nothing listens on.
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;" +
                         "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;" +
                         "TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.UseSetting("AzureWebJobsStorage", connection));

        var response = await app.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.GetProperty("services").GetProperty("tables").GetProperty("reachable").GetBoolean());

        // Any other request: a temporary fault to retry, not a 500.
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Functions.Security.DevUserHeader.Header, "carys");
        var candidates = await client.GetAsync("/api/candidates");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, candidates.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), candidates.Headers.RetryAfter?.Delta);
    }
}
