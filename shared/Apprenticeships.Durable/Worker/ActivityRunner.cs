using Apprenticeships.Durable.History;
using Apprenticeships.Durable.Messaging;
using Apprenticeships.Durable.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Apprenticeships.Durable.Worker;

/// <summary>Runs one activity call in its own DI scope and turns the outcome into the result message.</summary>
internal sealed class ActivityRunner(TaskHub hub, IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly ILogger _log = loggers.CreateLogger("Apprenticeships.Durable.Activities");

    public async Task<WorkMessage> RunAsync(string instanceId, WorkMessage call, CancellationToken ct)
    {
        var activity = call.Activity!;
        var context = new TaskActivityContext(activity.Name, instanceId, activity.EventId,
            IdempotencyKey: $"{instanceId}:{call.Generation}:{activity.EventId}");
        HistoryEvent outcome;
        try
        {
            if (!hub.Options.Activities.TryGetValue(activity.Name, out var registration))
            {
                throw new InvalidOperationException($"No activity named '{activity.Name}' is registered with this worker.");
            }
            await using var scope = scopes.CreateAsyncScope();
            var instance = (ITaskActivity)ActivatorUtilities.CreateInstance(scope.ServiceProvider, registration.Type);
            var output = await instance.RunAsync(context, JsonPayload.Deserialize(activity.Input, instance.InputType));
            outcome = new HistoryEvent { Kind = HistoryEventKind.TaskCompleted, EventId = activity.EventId, Data = JsonPayload.Serialize(output) };
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Ids only in logs: the exception message is the activity's, which must not carry personal data.
            _log.LogWarning("Activity {Activity} for {InstanceId} #{EventId} failed: {ErrorType}", activity.Name, instanceId, activity.EventId, e.GetType().Name);
            outcome = new HistoryEvent { Kind = HistoryEventKind.TaskFailed, EventId = activity.EventId, Failure = TaskFailureDetails.FromException(e) };
        }
        return new WorkMessage
        {
            Id = MessageIds.Result(instanceId, call.Generation, activity.EventId),
            InstanceId = instanceId,
            Generation = call.Generation,
            Event = outcome,
        };
    }
}
