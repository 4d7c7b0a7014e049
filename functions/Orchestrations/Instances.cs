namespace Apprenticeships.Functions.Orchestrations;

/// <summary>
/// Instance ids, derived from the candidate (and programme) so that the API can find, signal or
/// stop a candidate's workflows without keeping a list of them.
/// </summary>
public static class Instances
{
    public static string Journey(string candidateId) => $"journey-{candidateId}";
    public static string Swap(string candidateId, string academyId) => $"swap-{candidateId}-{academyId}";
    public static string Sustainment(string candidateId) => $"sustain-{candidateId}";
    public static string Intake(string candidateId) => $"intake-{candidateId}";
    public static string Training(string commitmentId) => $"training-{commitmentId}";

    /// <summary>One apprenticeship per candidate, so the levy commitment is named after them.</summary>
    public static string Commitment(string candidateId) => $"ap-{candidateId}";

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
        yield return Training(Commitment(candidateId));
    }
}

/// <summary>Names of the events workflows wait for.</summary>
public static class Events
{
    public const string Interest = "Interest";
    public const string Assigned = "Assigned";
    public const string SwapOutcome = "SwapOutcome";
    public const string Confirmation = "Confirmation";
    public static string Sustainment(int week) => $"Sustainment{week}";
}

/// <summary>When in the day reminders go and checks happen. UTC: an hour out in summer is fine for a reminder.</summary>
public static class WorkingDay
{
    public static DateTime Morning(DateOnly day) => day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
    public static DateTime Evening(DateOnly day) => day.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc);
}
