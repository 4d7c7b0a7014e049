using Apprenticeships.Domain.Employers;
using Apprenticeships.Domain.Progression;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Progression;

namespace Apprenticeships.Application.Progression;

/// <summary>
/// What every progression command reads the same way: the employer and participant named in the
/// route (404 naming the route's field when there is none), and a day that is a real date and
/// not far ahead (what happened, or was agreed, is at most a year off).
/// </summary>
public sealed class ProgressionInput(EmployerStore employers, ParticipantStore participants, TimeProvider clock)
{
    /// <summary>How far ahead a recorded day may be: a pay rise agreed for next spring, not a typo for next century.</summary>
    public const int MostDaysAhead = 366;

    public DateOnly Today => clock.Today();

    public async Task<Employer?> EmployerAsync(string employerId, CancellationToken ct) =>
        InputLimits.IsId(employerId) ? await employers.GetAsync(employerId, ct) : null;

    public async Task<ProgressionParticipant?> ParticipantAsync(string employerId, string participantId, CancellationToken ct) =>
        InputLimits.IsId(employerId) && InputLimits.IsId(participantId) && await participants.GetAsync(participantId, ct) is { } p && p.EmployerId == employerId ? p : null;

    public static Problem NoEmployer(string employerId) => Problem.NotFound("employerId", $"No employer '{employerId}'.");

    public static Problem NoParticipant(string participantId) => Problem.NotFound("participantId", $"No progression participant '{participantId}' at this employer.");

    /// <summary>A required day, at most <see cref="MostDaysAhead"/> days after today.</summary>
    public DateOnly? Day(FieldErrors errors, string field, string? value, string what)
    {
        var day = errors.Date(field, value, what);
        if (day is { } d && d > Today.AddDays(MostDaysAhead)) { errors.Add(field, $"{what} must be at most {MostDaysAhead} days after today."); return null; }
        return day;
    }
}
