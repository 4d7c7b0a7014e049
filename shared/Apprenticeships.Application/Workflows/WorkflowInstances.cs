namespace Apprenticeships.Application.Workflows;

/// <summary>
/// Instance ids, derived from the candidate (and programme), so that a candidate's workflows can
/// be found, signalled or stopped without keeping a list of them. The one place they are built.
/// </summary>
public static class WorkflowInstances
{
    public static string Journey(string candidateId) => $"journey-{candidateId}";
    public static string Swap(string candidateId, string academyId) => $"swap-{candidateId}-{academyId}";
    public static string Sustainment(string candidateId) => $"sustain-{candidateId}";
    public static string Intake(string candidateId) => $"intake-{candidateId}";
    public static string Training(string commitmentId) => $"training-{commitmentId}";
    /// <summary>One advisor alert the application asked for (<see cref="IWorkflows.AlertAdvisorAsync"/>); not stopped by a withdrawal.</summary>
    public static string Alert(string candidateId, string reference) => $"alert-{candidateId}-{reference}";
    /// <summary>In-work progression for one participant (a placed candidate's is <see cref="ProgressionIds.Placed"/>).</summary>
    public static string Progression(string participantId) => $"progress-{participantId}";

    /// <summary>
    /// Every workflow that may be running for a candidate, the journey first so that, when they
    /// are stopped in this order, no parent is left to react to a stopped child.
    /// </summary>
    public static IEnumerable<string> All(string candidateId, string? academyId)
    {
        yield return Journey(candidateId);
        if (academyId is not null) yield return Swap(candidateId, academyId);
        yield return Sustainment(candidateId);
        yield return Intake(candidateId);
        yield return Training(CommitmentIds.Of(candidateId));
        yield return Progression(ProgressionIds.Placed(candidateId));
    }
}

/// <summary>Names of the events workflows wait for.</summary>
public static class WorkflowEvents
{
    public const string Interest = "Interest";
    public const string Assigned = "Assigned";
    public const string SwapOutcome = "SwapOutcome";
    public const string Confirmation = "Confirmation";
    public static string Sustainment(int week) => $"Sustainment{week}";
    public const string Progression = "Progression";
}
