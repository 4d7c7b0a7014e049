using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Apprenticeships.Functions.Hosting;
using Apprenticeships.Functions.Tests.Http.Candidates;
using Apprenticeships.Testing;
using Azure.Storage.Queues;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>
/// What `dotnet publish` produces is a complete Functions app, and its executable, started the
/// way the Functions host starts a custom handler, serves forwarded HTTP and queue triggers.
/// </summary>
public class PublishedAppTests(PublishedFunctionsApp published) : IClassFixture<PublishedFunctionsApp>
{
    [Fact]
    public void The_folder_has_host_json_a_folder_per_function_and_the_executable_host_json_names()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(published.Folder, "host.json")))!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(Path.Combine(published.Root, "host.json"))), host));

        var executable = Path.Combine(published.Folder, (string)host["customHandler"]!["description"]!["defaultExecutablePath"]!);
        Assert.True(File.Exists(executable), $"{executable} is missing");
        // Published for Linux (Azure's custom-handler plans), so it must carry its execute bit.
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(executable).HasFlag(UnixFileMode.UserExecute), $"{executable} is not executable");

        foreach (var function in Directory.GetDirectories(Path.Combine(published.Root, "functions", "FunctionJson")))
        {
            var name = Path.GetFileName(function);
            Assert.Equal(File.ReadAllText(Path.Combine(function, "function.json")), File.ReadAllText(Path.Combine(published.Folder, name, "function.json")));
        }
        Assert.False(Directory.Exists(Path.Combine(published.Folder, "FunctionJson")));
    }

    [Fact]
    public async Task Started_as_a_custom_handler_it_serves_forwarded_http_and_queue_triggers()
    {
        var connection = await LocalAzurite.ConnectionStringAsync();
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(published.Folder, "Apprenticeships.Functions"))
        {
            WorkingDirectory = published.Folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment[CustomHandler.PortSetting] = port.ToString();
        start.Environment["AzureWebJobsStorage"] = connection;
        // Development for its X-Dev-User sign-in, which the forwarded enrolment uses; storage is
        // configured, so it starts no Azurite, and everything else runs as in Azure.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Links__SigningKey"] = Convert.ToBase64String([.. Guid.NewGuid().ToByteArray(), .. Guid.NewGuid().ToByteArray()]);
        using var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Add(Functions.Security.DevUserHeader.Header, "amara");
            var host = new FunctionsHostCalls(client);
            await WaitUntilListeningAsync(host.App, process, output);

            var enrolled = await host.ForwardAsync(HttpMethod.Post, "/api/candidates", CandidateJourneyTests.Referral());
            Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
            var id = (await enrolled.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

            // The journey runs on the engine inside the published app, which polls its task hub itself.
            await CandidateJourneyTests.EventuallyAsync(async () => await CandidateJourneyTests.StageOfAsync(host.App, id) == "AwaitingInterest", "awaiting interest");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>The host pings the handler until any HTTP answer comes back (within 60 s).</summary>
    private static async Task WaitUntilListeningAsync(HttpClient http, Process process, IEnumerable<string> output)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (process.HasExited) throw new InvalidOperationException("The app exited:\n" + string.Join('\n', output));
            try
            {
                await http.GetAsync("/");
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }
        throw new TimeoutException("The app did not listen within 60 s:\n" + string.Join('\n', output));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
