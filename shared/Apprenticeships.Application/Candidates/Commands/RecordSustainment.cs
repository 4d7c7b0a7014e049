using System.Globalization;
using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Candidates.Commands;

/// <summary>The advisor's answer to a 13- or 26-week check: is the candidate still in work?</summary>
public sealed record RecordSustainment(int? Week, bool? InWork);

/// <summary>Records a sustainment answer once it is due, and tells the sustainment workflow.</summary>
public sealed class SustainmentAnswers(CandidateStore candidates, ProgrammeRecords records, IWorkflows workflows, TimeProvider clock)
{
    /// <summary>The day a check falls due: <paramref name="week"/> weeks after the job start.</summary>
    public static DateOnly DueOn(DateOnly jobStart, int week) => jobStart.AddDays(7 * week);

    public async Task<Result<Recorded<SustainmentAnswer>>> RecordAsync(string candidateId, RecordSustainment command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var week = errors.Required("week", command.Week, "Week");
        if (week is not null && !SustainmentChecks.CheckWeeks.Contains(week.Value)) errors.Add("week", $"Week must be one of {string.Join(", ", SustainmentChecks.CheckWeeks)}.");
        var inWork = errors.Required("inWork", command.InWork, "In work");
        if (errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(candidateId) || await candidates.GetAsync(candidateId, ct) is not { } candidate) return Problem.NotFound("id", $"No candidate '{candidateId}'.");
        var job = await records.GetAsync(candidateId, RecordKeys.JobStart, ct);
        if (job?.Date is not { } started) return Problem.Conflict("id", "The candidate has no job start recorded.");
        var due = DueOn(started, week!.Value);
        if (clock.Today() < due) return Problem.Conflict("week", $"The {week}-week check is due on {due:yyyy-MM-dd}.");

        // Refused before anything is written: an answer recorded while the workflow is not running would never be heard.
        if (await records.GetAsync(candidateId, RecordKeys.Sustainment(week.Value), ct) is null && !await workflows.IsRunningAsync(WorkflowInstances.Sustainment(candidateId), ct))
            return Problem.Conflict("id", candidate.Stage == CandidateStage.InWork
                ? "The candidate's sustainment workflow is still starting; try again in a moment."
                : $"The candidate's sustainment checks have ended (they are {candidate.Stage.Describe()}).");
        var saved = await records.AddAsync(new ProgrammeRecord(candidateId, RecordKeys.Sustainment(week.Value), RecordKind.SustainmentCheck, clock.GetUtcNow())
        {
            Value = week.Value.ToString(CultureInfo.InvariantCulture), Reason = inWork!.Value ? SustainmentChecks.InWork : SustainmentChecks.NotInWork,
        }, ct);
        if (saved == SaveResult.Conflict) return Problem.Conflict("inWork", $"The {week}-week check is already recorded with the other answer.");
        var answer = new SustainmentAnswer(week.Value, inWork.Value);
        // Told again on a repeat (the first attempt may have stopped before this); once the workflow has ended there is nobody to tell.
        await workflows.AnswerSustainmentAsync(candidateId, answer, $"answer-{week}", ct);
        return Result<Recorded<SustainmentAnswer>>.Ok(new(answer, saved), saved == SaveResult.Created);
    }
}
