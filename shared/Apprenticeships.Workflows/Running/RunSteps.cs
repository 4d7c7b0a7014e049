using Apprenticeships.Workflows.Activities;

namespace Apprenticeships.Workflows.Running;

/// <summary>The activity calls every programme workflow makes, named for what they do; each with the retry policy and, where it has a side effect, its idempotency key.</summary>
public static class RunSteps
{
    public static Task<T> CallAsync<T>(this OrchestrationRun run, string activity, object? input) =>
        run.Context.CallActivityAsync<T>(activity, input, Retries.Transient);

    /// <summary>A sub-orchestration under a known instance id, so the application can signal it. Not retried: its own steps are.</summary>
    public static Task<T> SubAsync<T>(this OrchestrationRun run, string orchestrator, object input, string instanceId) =>
        run.Context.CallSubOrchestratorAsync<T>(orchestrator, input, new SubOrchestrationOptions { InstanceId = instanceId });

    public static async Task MoveAsync(this OrchestrationRun run, StageChange change, string? detail = null)
    {
        await run.CallAsync<bool>(nameof(RecordCandidateStage), new Keyed<StageChange>(run.NextKey(), change with { At = run.Now }));
        run.Context.SetCustomStatus(new JourneyStatus(change.Stage, run.Now, detail));
    }

    public static Task EmailAsync(this OrchestrationRun run, string candidateId, string template, Dictionary<string, string>? details = null) =>
        run.CallAsync<bool>(nameof(SendCandidateEmail), new Keyed<CandidateEmail>(run.NextKey(), new CandidateEmail(candidateId, template, details) { At = run.Now }));

    /// <summary>Alerts advisors: stored for the board, and emailed to the alerts mailbox when one is set. Facts are ids, dates and numbers.</summary>
    public static Task AlertAsync(this OrchestrationRun run, string candidateId, AttentionKind kind, params (string Name, string Value)[] facts) =>
        run.CallAsync<bool>(nameof(AlertAdvisor), new Keyed<AdvisorAlert>(run.NextKey(),
            new AdvisorAlert(candidateId, kind, facts.ToDictionary(f => f.Name, f => f.Value)) { At = run.Now }));

    /// <summary>A number or date as a fact: invariant text ("7", "2027-03-01").</summary>
    public static string Fact(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Fact(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
