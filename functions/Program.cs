using Apprenticeships.Functions.Hosting;
using Apprenticeships.Functions.Hosting.FunctionsHost;

// Started by the Azure Functions host: the isolated worker. Anywhere else (`dotnet run`, tests,
// a container): the same routes, workflows and schedules in-process on Kestrel.
if (FunctionsWorker.IsStartedByFunctionsHost(args))
{
    using var worker = await FunctionsWorker.BuildAsync(args);
    await worker.RunAsync();
}
else
{
    var app = await InProcessHost.BuildAsync(args);
    await app.RunAsync();
}

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
