using Apprenticeships.Workflows.Hosting;
using DurableTask.AzureStorage;

namespace Workflow.Bench;

/// <summary>
/// The engine configurations the bench compares. "ours" is exactly what the app runs
/// (WorkflowEngineOptions' defaults through WorkflowEngine.Settings). "functions-defaults" is
/// what Durable Functions would give the same engine with no host.json settings, as its
/// host.json reference documents them (learn.microsoft.com, durable-functions-host-json-settings):
/// partitionCount 4, maxQueuePollingInterval 30 s, extended sessions off, and for a dedicated or
/// premium host 10 concurrent activities and 10 orchestrator work items per core, a control
/// queue buffer of 256 and messages held 5 minutes. (The Durable Task Framework's own defaults,
/// 10 and 100, are not Durable Functions'; activities= and orchestrators= on the command line
/// try those or any other.)
/// </summary>
public static class EnginePresets
{
    public static readonly string[] Names = ["functions-defaults", "ours"];

    public static WorkflowEngineOptions Options(string preset, string hub) => preset switch
    {
        "ours" => new WorkflowEngineOptions { TaskHub = hub },
        "functions-defaults" => new WorkflowEngineOptions
        {
            TaskHub = hub,
            PartitionCount = 4,
            MaxQueuePollingInterval = TimeSpan.FromSeconds(30),
            MaxConcurrentActivities = 10 * Environment.ProcessorCount,
            MaxConcurrentOrchestrations = 10 * Environment.ProcessorCount,
            ExtendedSessions = false,
        },
        _ => throw new ArgumentException($"Unknown settings '{preset}': use {string.Join(" or ", Names)}."),
    };

    /// <summary>Durable Functions' values for settings that WorkflowEngineOptions does not carry or that ours change.</summary>
    public static void Tune(string preset, AzureStorageOrchestrationServiceSettings settings)
    {
        if (preset != "functions-defaults") return;
        settings.ControlQueueBufferThreshold = 256;
        settings.ControlQueueVisibilityTimeout = TimeSpan.FromMinutes(5);
        settings.WorkItemQueueVisibilityTimeout = TimeSpan.FromMinutes(5);
        // Durable Functions 3.x (the isolated worker's extension) manages partitions in a table.
        settings.UseTablePartitionManagement = true;
    }

    /// <summary>One line saying what the engine actually ran with, for the bench's output.</summary>
    public static string Describe(AzureStorageOrchestrationServiceSettings s) =>
        $"partitions {s.PartitionCount}, max polling {s.MaxQueuePollingInterval.TotalSeconds:0.#} s, " +
        $"{s.MaxConcurrentTaskActivityWorkItems} activities / {s.MaxConcurrentTaskOrchestrationWorkItems} orchestrations at once, " +
        $"extended sessions {(s.ExtendedSessionsEnabled ? $"on ({s.ExtendedSessionIdleTimeout.TotalSeconds:0} s)" : "off")}, " +
        $"control queue buffer {s.ControlQueueBufferThreshold}, messages held {s.ControlQueueVisibilityTimeout.TotalSeconds:0} s (control) / " +
        $"{s.WorkItemQueueVisibilityTimeout.TotalSeconds:0} s (work items), partition leases in {(s.UseTablePartitionManagement ? "a table" : "blobs")}";
}
