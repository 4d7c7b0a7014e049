using Apprenticeships.Email;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.DurableTask.Worker;

namespace Apprenticeships.Functions.Hosting.FunctionsHost;

/// <summary>
/// The app as an Azure Functions .NET isolated worker, started by the Functions host (in Azure, or
/// `func start` in the published folder). The host owns HTTP, timers and the Durable Task engine:
/// it forwards each request to the ASP.NET Core integration, fires the timer functions, and runs
/// the orchestrations and activities through Durable Functions, which calls the same classes as
/// the in-process engine (<see cref="TaskRegistry"/>). The functions themselves are listed from
/// the app's routes and schedules when the host asks (<see cref="AppFunctions"/>).
/// </summary>
public static class FunctionsWorker
{
    /// <summary>The host starts its worker with this argument (and the matching configuration key).</summary>
    private const string HostEndpointArgument = "--functions-uri";
    private const string HostEndpointSetting = "Functions:Worker:HostEndpoint";

    public static bool IsStartedByFunctionsHost(string[] args) =>
        args.Contains(HostEndpointArgument) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(HostEndpointSetting.Replace(":", "__")));

    public static async Task<IHost> BuildAsync(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Configuration.AddDurableTaskSettingsFromHostJson(AppContext.BaseDirectory);
        builder.AddAppServices(await FrontendAssets.LoadAsync(builder.Environment.ContentRootPath));

        // Workflow inputs, outputs and events in the task hub read as they do in-process.
        builder.Services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(WorkflowJson.Options));
        builder.ConfigureDurableExtension();
        builder.ConfigureDurableWorker().AddTasks(registry => TaskRegistry.AddTo(registry));
        builder.Services.AddSingleton<IWorkflows>(new DurableWorkflows(InvocationWorkflowClient.Current));

        builder.Services.AddSingleton<AppRequests>();
        builder.Services.AddSingleton<IFunctionMetadataTransformer, AppFunctions>();
        builder.UseMiddleware<AppFunctionInvocation>();
        return builder.Build();
    }
}
