using System.Text.Json;
using Apprenticeships.Durable.Storage;
using Apprenticeships.Durable.Worker;

namespace Apprenticeships.Functions.Triggers;

/// <summary>Marks the endpoints the Functions host calls for queue and timer triggers (not HTTP functions of their own).</summary>
public sealed record TriggerEndpointMetadata(TriggerFunction Function);

public static class TriggerEndpoints
{
    // The custom-handler contract spells its members in PascalCase (Data, Metadata, Outputs,
    // Logs, ReturnValue), unlike the API's camelCase.
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>POST /{functionName} for each queue and timer function, answered in the custom-handler response shape.</summary>
    public static IEndpointRouteBuilder MapTriggerEndpoints(this IEndpointRouteBuilder app)
    {
        // Published, the function folders sit beside the executable.
        QueueBindingCheck.Verify(AppContext.BaseDirectory, app.ServiceProvider.GetRequiredService<TaskHub>());
        foreach (var function in TriggerFunctions.All)
        {
            app.MapPost($"/{function.Name}", (HttpRequest request, DurableWorker worker, ILoggerFactory loggers, CancellationToken ct) =>
                    InvokeAsync(function, request, worker, loggers.CreateLogger("Apprenticeships.Triggers"), ct))
                .WithMetadata(new TriggerEndpointMetadata(function))
                .ExcludeFromDescription()
                // The Functions host calls these on the loopback address the app listens on; they are not reachable from outside.
                .AllowAnonymous();
        }
        return app;
    }

    private static async Task<IResult> InvokeAsync(TriggerFunction function, HttpRequest request, DurableWorker worker, ILogger log, CancellationToken ct)
    {
        InvocationRequest invocation;
        try
        {
            invocation = await JsonSerializer.DeserializeAsync<InvocationRequest>(request.Body, Json, ct) ?? new InvocationRequest(null, null);
        }
        catch (JsonException e)
        {
            return Answer(StatusCodes.Status400BadRequest, $"{function.Name}: the invocation is not JSON: {e.Message}");
        }

        try
        {
            var done = function switch
            {
                QueueTriggerFunction queue => await DeliverAsync(queue, invocation, worker, ct),
                TimerTriggerFunction timer => $"{timer.Name}: {await timer.RunOnce(worker, ct)} handled",
                _ => throw new InvalidOperationException($"No handler for {function.GetType().Name}"),
            };
            return done is null
                ? Answer(StatusCodes.Status400BadRequest, $"{function.Name}: the invocation has no Data.{function.BindingName}")
                : Answer(StatusCodes.Status200OK, done);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Non-2xx: the host counts the invocation as failed and, for a queue, delivers the
            // message again later; the runtime quarantines it on its last allowed delivery.
            log.LogWarning(e, "{Function} failed", function.Name);
            return Answer(StatusCodes.Status500InternalServerError, $"{function.Name} failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static async Task<string?> DeliverAsync(QueueTriggerFunction queue, InvocationRequest invocation, DurableWorker worker, CancellationToken ct)
    {
        if (invocation.QueueMessage(queue.BindingName) is not { } body) return null;
        var deliveries = invocation.DequeueCount();
        await queue.Deliver(worker, body, deliveries, ct);
        return $"{queue.Name}: message {invocation.MessageId() ?? "(no id)"} processed on delivery {deliveries}";
    }

    private static IResult Answer(int status, string log) => Results.Json(InvocationResponse.Logged(log), Json, statusCode: status);
}
