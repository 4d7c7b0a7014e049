using Apprenticeships.Functions.Schedules;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.DurableTask.Client;

namespace Apprenticeships.Functions.Hosting.FunctionsHost;

/// <summary>
/// Runs the app's HTTP and timer functions (<see cref="AppFunctions"/>): binds the invocation's
/// Durable client for the workflow port, then passes the forwarded request through the app's
/// pipeline, or runs the schedule's job. Every other invocation (the orchestrators and
/// activities) goes on to Durable Functions.
/// </summary>
public sealed class AppFunctionInvocation(AppRequests requests) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var entryPoint = context.FunctionDefinition.EntryPoint;
        if (entryPoint == AppFunctionEntryPoints.Request)
        {
            await BindWorkflowClientAsync(context);
            var http = context.GetHttpContext() ?? throw new InvalidOperationException($"{context.FunctionDefinition.Name}: no HTTP request (is the ASP.NET Core integration on?)");
            await requests.HandleAsync(http);
            // The response is written; an empty result tells the integration so.
            context.GetInvocationResult().Value = Results.Empty;
        }
        else if (entryPoint == AppFunctionEntryPoints.Schedule)
        {
            await BindWorkflowClientAsync(context);
            var schedule = AppSchedules.Named(context.FunctionDefinition.Name) ?? throw new InvalidOperationException($"No schedule {context.FunctionDefinition.Name}");
            await schedule.RunAsync(context.InstanceServices, context.CancellationToken);
        }
        else
        {
            await next(context);
        }
    }

    private static async Task BindWorkflowClientAsync(FunctionContext context)
    {
        var binding = context.FunctionDefinition.InputBindings[AppFunctionEntryPoints.DurableClientBinding];
        var client = await context.BindInputAsync<DurableTaskClient>(binding);
        InvocationWorkflowClient.Use(client.Value ?? throw new InvalidOperationException("The host bound no Durable client."));
    }
}
