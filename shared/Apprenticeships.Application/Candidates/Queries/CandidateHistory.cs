using Apprenticeships.Application.Attention;
using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Programmes.Commands;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Application.Candidates.Queries;

/// <summary>What a timeline event is: a stage change (with the fact that caused it, if any), a programme fact, a nudge or reminder emailed to the candidate, or an alert to advisors.</summary>
public enum TimelineEventKind { Stage, Fact, Email, Alert }

/// <summary>One thing that happened to a candidate, in words: when, what kind of thing, the stage they were at (or moved to) and what happened.</summary>
public sealed record TimelineEvent(DateTimeOffset At, TimelineEventKind Kind, CandidateStage Stage, string What);

/// <summary>
/// A candidate's timeline as a person reads it, oldest first: one event per fact, programmes and
/// providers by name, codes in words. A stage change and the programme fact behind it (joining
/// an academy and its start record, the outcome and the move back to engaged, a job start, the
/// start of training, the achievement, the 26-week answer) are one event; a provider's
/// attendance confirmation and the attendance it recorded are one event, and so are a passing
/// end-point assessment result and the achievement.
/// </summary>
public static class CandidateHistory
{
    /// <summary>How far apart a stage change and the fact behind it may be recorded (they are written by different steps, seconds apart).</summary>
    private static readonly TimeSpan SameFact = TimeSpan.FromDays(1);

    public static List<TimelineEvent> Build(Candidate candidate, TimelineRows rows, IReadOnlyList<ProgrammeRecord> records,
        IReadOnlyList<AttentionItem> alerts, ProgrammeDirectory names)
    {
        var stages = rows.Stages;
        var facts = records.OrderBy(r => r.At).ToList();
        var events = new List<TimelineEvent>();

        // A provider's attendance confirmation is the attendance record it made: one event, saying who confirmed it.
        var attendance = facts.Where(r => r.Kind == RecordKind.Attendance).ToList();
        var confirmedBy = new Dictionary<ProgrammeRecord, string>(ReferenceEqualityComparer.Instance);
        foreach (var confirmation in facts.Where(r => r.Kind == RecordKind.Confirmation && r.Value == nameof(ConfirmationKind.Attendance)).ToList())
        {
            if (attendance.FirstOrDefault(a => a.Date == confirmation.Date && !confirmedBy.ContainsKey(a)) is not { } recorded) continue;
            confirmedBy[recorded] = names.Provider(confirmation.ProgrammeId);
            facts.Remove(confirmation);
        }

        // So is the passing end-point assessment result and the achievement it brought.
        foreach (var achievement in facts.Where(r => r.Kind == RecordKind.Achievement).ToList())
        {
            if (facts.FirstOrDefault(r => r.Kind == RecordKind.Confirmation && r.Value == nameof(ConfirmationKind.EpaResult) && r.Date == achievement.Date) is not { } result) continue;
            confirmedBy[achievement] = names.Provider(result.ProgrammeId);
            facts.Remove(result);
        }

        var paired = new HashSet<TimelineEntry>(ReferenceEqualityComparer.Instance);
        foreach (var fact in facts)
        {
            var text = Describe(fact, names, confirmedBy.GetValueOrDefault(fact));
            if (StageOf(fact) is { } stage && ChangeFor(fact, stage, stages, paired) is { } change)
            {
                paired.Add(change);
                events.Add(new TimelineEvent(change.At < fact.At ? change.At : fact.At, TimelineEventKind.Stage, stage, text));
            }
            else
            {
                events.Add(new TimelineEvent(fact.At, TimelineEventKind.Fact, StageAt(stages, fact.At), text));
            }
        }
        foreach (var change in stages.Where(s => !paired.Contains(s)))
            events.Add(new TimelineEvent(change.At, TimelineEventKind.Stage, change.Stage, Describe(change, candidate, names)));
        foreach (var email in rows.Emails)
            events.Add(new TimelineEvent(email.At, TimelineEventKind.Email, StageAt(stages, email.At), DescribeEmail(email, names)));
        foreach (var alert in alerts)
        {
            var what = AttentionWords.What(alert, names);
            events.Add(new TimelineEvent(alert.RaisedAt, TimelineEventKind.Alert, StageAt(stages, alert.RaisedAt),
                $"Advisors alerted: {char.ToLowerInvariant(what[0])}{what[1..]}"));
        }
        return events.OrderBy(e => e.At).ThenBy(e => e.Kind).ToList();
    }

    /// <summary>The templates whose sending the timeline notes: the nudges and reminders (the welcome email is the "awaiting interest" change).</summary>
    public static readonly IReadOnlySet<string> NotedEmails = new HashSet<string>(StringComparer.Ordinal)
    {
        "confirm-interest-nudge", "session-reminder", "placement-check-in", "interview-reminder", "sustainment-check", "progress-review",
    };

    /// <summary>The stage a fact moves the candidate to, when the journey moves them because of it.</summary>
    private static CandidateStage? StageOf(ProgrammeRecord fact) => fact.Kind switch
    {
        RecordKind.SwapStart => CandidateStage.InSwap,
        RecordKind.SwapOutcome => CandidateStage.Engaged,
        RecordKind.JobStart => CandidateStage.InWork,
        RecordKind.ApprenticeshipStart => CandidateStage.InTraining,
        RecordKind.Achievement => CandidateStage.Completed,
        RecordKind.SustainmentCheck when fact.Reason == SustainmentChecks.NotInWork => CandidateStage.Withdrawn,
        RecordKind.SustainmentCheck when fact.Value == SustainmentChecks.CheckWeeks[^1].ToString(System.Globalization.CultureInfo.InvariantCulture) => CandidateStage.Completed,
        _ => null,
    };

    /// <summary>The unpaired change to <paramref name="stage"/> nearest the fact (for the same academy or cohort when the change names one).</summary>
    private static TimelineEntry? ChangeFor(ProgrammeRecord fact, CandidateStage stage, List<TimelineEntry> stages, HashSet<TimelineEntry> paired) =>
        stages.Where(s => s.Stage == stage && !paired.Contains(s) && (s.At - fact.At).Duration() <= SameFact
                && (s.ProgrammeId is null || fact.Kind is not (RecordKind.SwapStart or RecordKind.SwapOutcome or RecordKind.ApprenticeshipStart) || s.ProgrammeId == fact.ProgrammeId))
            .OrderBy(s => (s.At - fact.At).Duration())
            .FirstOrDefault();

    private static CandidateStage StageAt(List<TimelineEntry> stages, DateTimeOffset at) =>
        stages.LastOrDefault(e => e.At <= at)?.Stage ?? CandidateStage.Referred;

    /// <summary>A stage change on its own, in the words the workflow wrote, naming the cohort it waits for.</summary>
    private static string Describe(TimelineEntry change, Candidate candidate, ProgrammeDirectory names) => change.Stage switch
    {
        CandidateStage.AwaitingCohort when names.CohortOf(change.ProgrammeId ?? candidate.CohortId) is { } cohort =>
            $"Accepted for the cohort {names.Cohort(cohort.Id)}; waiting for its start on {Words.Date(cohort.StartDate)}.",
        _ => change.What,
    };

    /// <summary>A programme fact in words.</summary>
    public static string Describe(ProgrammeRecord r, ProgrammeDirectory names, string? confirmedBy = null)
    {
        var date = r.Date is { } d ? Words.Date(d) : "";
        return r.Kind switch
        {
            RecordKind.SwapStart => $"Joined the academy {names.Academy(r.ProgrammeId)}.",
            RecordKind.SwapOutcome => $"Finished the academy {names.Academy(r.ProgrammeId)}: {Words.OutcomeOf(r.Value).ToLowerInvariant()}{OutcomeDetail(r.Reason)}.",
            RecordKind.Attendance => $"{(r.Value == AcademyAttendance.Present ? "Attended" : "Missed")} the session on {date} of the academy {names.Academy(r.ProgrammeId)}."
                + (r.Reason is null ? "" : $" {Words.Capitalised(r.Reason)}.") + (confirmedBy is null ? "" : $" Confirmed by {confirmedBy}."),
            RecordKind.JobStart => $"Started a job{(r.ProgrammeId is not null ? $" with {names.Employer(r.ProgrammeId)}" : r.Reason is null ? "" : $" with {r.Reason}")} on {date}{(r.Value == JobRoute.ViaSwap ? " after an academy" : "")}.",
            RecordKind.SustainmentCheck => $"{r.Value}-week sustainment check: {(r.Reason == SustainmentChecks.InWork ? "still in work" : "no longer in work")}.",
            RecordKind.ApprenticeshipStart => $"Started the apprenticeship in the cohort {names.Cohort(r.ProgrammeId)} on {date}.",
            RecordKind.Confirmation => $"{names.Provider(r.ProgrammeId)} confirmed {ConfirmationWords(r.Value)} on {date}{(r.Reason is null ? "" : $": {r.Reason}")}.",
            RecordKind.Achievement => $"Achieved the apprenticeship on {date}{(r.Value is null ? "" : $" with {Words.GradeOf(r.Value)}")}."
                + (confirmedBy is null ? "" : $" Confirmed by {confirmedBy}."),
            RecordKind.SessionReply => $"Said they are coming to the session on {date} of the academy {names.Academy(r.ProgrammeId)}.",
            RecordKind.LinkAnswer => Candidates.Commands.LinkAnswerRules.Describe(r),
            _ => r.Kind.ToString(),
        };
    }

    // The outcome's record keeps the offer as "Offer: Job", or the reason the advisor gave.
    private static string OutcomeDetail(string? reason) => reason switch
    {
        null or "" => "",
        _ when reason.StartsWith("Offer: ", StringComparison.Ordinal) && Enum.TryParse<SwapOffer>(reason["Offer: ".Length..], out var offer) => $", offered {Words.Of(offer)}",
        _ => $" ({reason})",
    };

    private static string ConfirmationWords(string? kind) =>
        Enum.TryParse<ConfirmationKind>(kind, out var k) && Enum.IsDefined(k) ? Words.Of(k) : kind ?? "something";

    private static string DescribeEmail(TimelineEmail email, ProgrammeDirectory names)
    {
        string Detail(string name) => email.Details.TryGetValue(name, out var value) ? value : "";
        return email.Template switch
        {
            "confirm-interest-nudge" => "Emailed a reminder to confirm their interest.",
            "session-reminder" => $"Emailed a reminder of the session on {Words.Date(Detail("sessionDate"))} of the academy {names.Academy(Detail("academyId"))}.",
            "placement-check-in" => $"Emailed the week {Detail("week")} placement check-in.",
            "interview-reminder" => $"Emailed a reminder of the interview at the end of the academy {names.Academy(Detail("academyId"))}.",
            "sustainment-check" => $"Emailed the {Detail("week")}-week sustainment check.",
            "progress-review" => $"Emailed a reminder that a progress review is due by {Words.Date(Detail("dueDate"))}.",
            _ => $"Emailed: {email.Template}.",
        };
    }
}
