using Apprenticeships.Durable.Storage;
using Apprenticeships.Durable.Worker;
using Azure.Storage.Queues;

namespace Apprenticeships.Functions.Triggers;

/// <summary>
/// A non-HTTP function of the Functions app. The host fires its trigger and POSTs the
/// invocation to /{Name}; <see cref="BindingName"/> is the trigger's name in function.json and
/// so the key of its value in the invocation's Data.
/// </summary>
public abstract record TriggerFunction(string Name, string BindingName);

/// <summary>
/// Takes the messages of one task-hub queue (queue trigger), one per invocation. The host deletes
/// a message when we answer 2xx and delivers it again after a non-2xx answer.
/// </summary>
public sealed record QueueTriggerFunction(
    string Name,
    Func<TaskHub, QueueClient> Queue,
    Func<DurableWorker, string, int, CancellationToken, Task> Deliver) : TriggerFunction(Name, "message");

/// <summary>Runs one pass of a background loop on an NCRONTAB schedule (timer trigger); returns how much it did.</summary>
public sealed record TimerTriggerFunction(
    string Name,
    string Schedule,
    Func<DurableWorker, CancellationToken, Task<int>> RunOnce) : TriggerFunction(Name, "timer");
