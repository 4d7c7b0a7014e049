using Apprenticeships.Application.Candidates.Commands;
using Apprenticeships.Application.Programmes;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Candidates.Queries;

/// <summary>One sustainment check: when it falls due, and the advisor's answer once recorded (null until then).</summary>
public sealed record SustainmentCheckView(int Week, DateOnly Due, bool IsDue, bool? InWork);

/// <summary>
/// A candidate's job start as recorded, and where its 13- and 26-week checks stand. The employer's
/// name is its record's current one; a job start from before employers had records has no id and keeps the name typed.
/// </summary>
public sealed record JobProgress(DateOnly StartDate, string? EmployerName, bool ViaAcademy, IReadOnlyList<SustainmentCheckView> Checks)
{
    public string? EmployerId { get; init; }

    /// <summary>The first check that is due and not yet answered, if any.</summary>
    public SustainmentCheckView? NextDue => Checks.FirstOrDefault(c => c.IsDue && c.InWork is null);
}

/// <summary>A candidate's job and sustainment checks, for the advisor who records them.</summary>
public sealed class JobProgressQuery(ProgrammeRecords records, EmployerStore employers, TimeProvider clock)
{
    /// <summary>The candidate's job start and checks; null when no job start is recorded (or the id could not be one).</summary>
    public async Task<JobProgress?> OfAsync(string candidateId, CancellationToken ct)
    {
        if (!InputLimits.IsId(candidateId)) return null;
        var all = await records.ForCandidateAsync(candidateId, ct);
        if (all.FirstOrDefault(r => r.Key == RecordKeys.JobStart) is not { Date: { } start } job) return null;
        var today = clock.Today();
        var checks = SustainmentChecks.CheckWeeks.Select(week =>
        {
            var due = SustainmentAnswers.DueOn(start, week);
            var answer = all.FirstOrDefault(r => r.Key == RecordKeys.Sustainment(week))?.Reason;
            return new SustainmentCheckView(week, due, today >= due, answer is null ? null : answer == SustainmentChecks.InWork);
        }).ToList();
        var employerName = job.ProgrammeId is { } employerId ? (await employers.GetAsync(employerId, ct))?.Name ?? employerId : job.Reason;
        return new JobProgress(start, employerName, job.Value == JobRoute.ViaSwap, checks) { EmployerId = job.ProgrammeId };
    }
}
