namespace Apprenticeships.Workflows.Hosting;

/// <summary>
/// The engine's settings (configuration section "Durable"). Durable Functions' defaults are the
/// baseline (bench/ measures both); ours differ where a hub of a few thousand candidates on one
/// or two small instances is better served:
/// <list type="bullet">
/// <item>Partitions: 4, Durable Functions' default. Each is a control queue one worker owns at a
/// time, so 4 lets up to 4 instances share orchestration work; more buys nothing at our load.</item>
/// <item>Polling: idle queues are polled at most every 5 s (Durable Functions backs off to 30 s),
/// so a signal from an advisor reaches an idle workflow within seconds, at about 12 cheap storage
/// calls a minute per queue when nothing happens.</item>
/// <item>Concurrency: 20 activities and 50 orchestrations per worker (Durable Functions: 10 and
/// 10 per core). Activities wait on storage and SendGrid, not on CPU.</item>
/// <item>Extended sessions on, 30 s: a workflow that takes several steps in a row (a clock move
/// through a month of reminders) is kept in memory instead of replayed from its history each step.</item>
/// </list>
/// </summary>
public sealed class WorkflowEngineOptions
{
    public const string Section = "Durable";

    /// <summary>The task hub: the prefix of the engine's tables, queues and containers (Durable Functions' hubName).</summary>
    public string TaskHub { get; set; } = "apprenticeships";

    public int PartitionCount { get; set; } = 4;

    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxConcurrentActivities { get; set; } = 20;

    public int MaxConcurrentOrchestrations { get; set; } = 50;

    public bool ExtendedSessions { get; set; } = true;

    /// <summary>
    /// This worker's name in the task hub's partition leases: unique per process, because two
    /// processes with one name each believe they own every partition and both run the same
    /// workflows (a chaos run with two instances on one machine sent emails twice that way).
    /// Durable Functions uses the machine's name, which is unique per instance in Azure. A
    /// restarted process takes its predecessor's partitions when their leases expire (30 s).
    /// </summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// How long a message a worker has taken stays hidden from the others. Durable Functions
    /// keeps 5 minutes, so the work a killed instance had taken waits 5 minutes for anyone else;
    /// our steps take milliseconds (orchestrations) to seconds (activities, with SendGrid's
    /// retries), and the engine renews an activity's hold while it runs, so 30 s and 1 minute
    /// bring recovery after a crash down to under a minute.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Off for hosts that only start and signal workflows (Durable Functions runs them there).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>Azure Storage's rule for a task hub name: 3-45 letters and digits, starting with a letter.</summary>
    public static bool IsValidHubName(string name) => System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z][A-Za-z0-9]{2,44}$");
}
