namespace Apprenticeships.Domain.Programmes;

/// <summary>The rules that tie an academy's dates together; errors keyed by the request's field names.</summary>
public static class AcademyRules
{
    /// <summary>DWP: a SWAP lasts up to six weeks, first session to interview.</summary>
    public const int MaximumDays = 42;

    /// <param name="before">The academy as it stood, when this is an edit: its own past sessions may stay.</param>
    public static Dictionary<string, string[]> Check(Academy academy, DateOnly today, Academy? before = null)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        if (academy.Sessions.Count == 0) Add("sessions", "Add at least one pre-employment session date.");
        else if (academy.Sessions.Any(s => s < today && before?.Sessions.Contains(s) != true)) Add("sessions", "Session dates cannot be in the past.");
        else if (academy.Sessions.Distinct().Count() != academy.Sessions.Count) Add("sessions", "Each session date can appear once.");
        if (academy.PlacementEnd < academy.PlacementStart) Add("placementEnd", "The placement must end on or after its start.");
        if (academy.InterviewDate < academy.PlacementEnd) Add("interviewDate", "The interview comes after the placement.");
        else if (academy.InterviewDate.DayNumber - academy.Starts.DayNumber > MaximumDays)
            Add("interviewDate", "A sector-based work academy lasts up to six weeks from its first session to the interview.");
        if (academy.CostPerPlace < 0) Add("costPerPlace", "Cost per place cannot be negative.");
        return errors;
    }
}
