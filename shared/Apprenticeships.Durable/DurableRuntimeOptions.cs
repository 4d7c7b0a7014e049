namespace Apprenticeships.Durable;

/// <summary>Settings for one task hub: where it keeps its state and how its workers poll.</summary>
public sealed class DurableRuntimeOptions
{
    /// <summary>Prefix of the hub's tables, queues and container: lowercase letters and digits.</summary>
    public string TaskHub { get; set; } = "apprenticeships";

    /// <summary>Messages taken per receive (Azure's maximum is 32).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>How long a received message stays hidden from other workers while it is processed.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A message delivered this many times without success goes to the poison queue.</summary>
    public int MaxDeliveryCount { get; set; } = 5;

    /// <summary>Wait before a failed message is seen again (doubles per delivery, at most VisibilityTimeout).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Sleep between polls when a queue was empty (grows to MaxPollInterval while idle).</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMilliseconds(10);
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often due timers are looked for.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>An outbox row older than this (wall-clock) is assumed lost by a crashed worker and resent.</summary>
    public TimeSpan OutboxResendAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the outbox and status-projection sweepers run.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Run activities in the worker that scheduled them and fold their results into the next
    /// checkpoint, instead of a queue round trip each. Activities registered as remote always go
    /// through the work queue.
    /// </summary>
    public bool RunActivitiesInline { get; set; } = true;

    /// <summary>Start the background worker (off for client-only hosts and for tests that drive workers by hand).</summary>
    public bool StartWorker { get; set; } = true;

    internal Dictionary<string, Type> Orchestrators { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal Dictionary<string, (Type Type, bool Remote)> Activities { get; } = new(StringComparer.OrdinalIgnoreCase);

    public DurableRuntimeOptions AddOrchestrator<T>(string? name = null) where T : class, ITaskOrchestrator
    {
        Orchestrators[name ?? typeof(T).Name] = typeof(T);
        return this;
    }

    public DurableRuntimeOptions AddActivity<T>(string? name = null, bool remote = false) where T : class, ITaskActivity
    {
        Activities[name ?? typeof(T).Name] = (typeof(T), remote);
        return this;
    }
}
