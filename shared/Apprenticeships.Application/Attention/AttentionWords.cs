using Apprenticeships.Application.Programmes;

namespace Apprenticeships.Application.Attention;

/// <summary>An attention item in words: the heading it is listed under, what happened, and what clears it.</summary>
public sealed record AttentionDescription(string Title, string What, string Clears);

/// <summary>
/// Attention items in the words advisors read on the board, in the JSON list and in the alert
/// email. The day counts come from the item's facts, which the workflows took from
/// <see cref="PipelinePolicy"/>, or from the policy itself: no page repeats a number.
/// </summary>
public static class AttentionWords
{
    /// <summary>The kinds in the order the board lists them: the earliest in the pipeline first.</summary>
    public static readonly AttentionKind[] BoardOrder =
    [
        AttentionKind.NoAnswer, AttentionKind.NotAssigned, AttentionKind.MissedSession, AttentionKind.AttendanceNotRecorded,
        AttentionKind.NoAcademyOutcome, AttentionKind.NoJobOffer, AttentionKind.SustainmentOverdue, AttentionKind.ConfirmationOverdue,
        AttentionKind.FailedAssessment, AttentionKind.BreakInLearning, AttentionKind.ReturnNotRecorded, AttentionKind.BackFromBreak,
        AttentionKind.LinkAnswer, AttentionKind.ProgressionNoAnswer, AttentionKind.Other,
    ];

    public static string Title(AttentionKind kind) => kind switch
    {
        AttentionKind.NoAnswer => "No answer to their welcome email",
        AttentionKind.NotAssigned => "Engaged but not yet assigned",
        AttentionKind.MissedSession => "Missed an academy session",
        AttentionKind.AttendanceNotRecorded => "Academy attendance not recorded",
        AttentionKind.NoAcademyOutcome => "Academy outcome not recorded",
        AttentionKind.NoJobOffer => "Finished an academy without an offer",
        AttentionKind.SustainmentOverdue => "Sustainment check not recorded",
        AttentionKind.ConfirmationOverdue => "Provider confirmation overdue",
        AttentionKind.FailedAssessment => "Did not pass the end-point assessment",
        AttentionKind.BreakInLearning => "On a break in learning",
        AttentionKind.BackFromBreak => "Back in learning after a break",
        AttentionKind.ReturnNotRecorded => "Return from a break not recorded in the levy account",
        AttentionKind.LinkAnswer => "Answered an emailed link",
        AttentionKind.ProgressionNoAnswer => "In-work progression prompt not answered",
        _ => "Needs attention",
    };

    /// <summary>When the workflows raise the kind, from the policy's day counts.</summary>
    public static string WhenRaised(AttentionKind kind) => kind switch
    {
        AttentionKind.NoAnswer => $"No answer to the welcome email {PipelinePolicy.NoResponseAlertDays} days after referral.",
        AttentionKind.NotAssigned => $"Engaged for {PipelinePolicy.UnassignedAlertDays} days without an academy, cohort or job.",
        AttentionKind.MissedSession => "Recorded absent from an academy session (checked on the session's evening).",
        AttentionKind.AttendanceNotRecorded => "No attendance recorded by the evening of an academy session.",
        AttentionKind.NoAcademyOutcome => $"No academy outcome recorded {PipelinePolicy.AcademyOutcomeChaseDays} days after the interview.",
        AttentionKind.NoJobOffer => "An academy finished without a job or apprenticeship offer.",
        AttentionKind.SustainmentOverdue => $"A 13- or 26-week sustainment answer not recorded {PipelinePolicy.SustainmentChaseDays} days after it was due.",
        AttentionKind.ConfirmationOverdue => $"No provider confirmation for more than {PipelinePolicy.ConfirmationOverdueDays} days, found at a monthly progress review.",
        AttentionKind.FailedAssessment => "The provider confirmed a failed end-point assessment.",
        AttentionKind.BreakInLearning => "The provider confirmed a break in learning.",
        AttentionKind.BackFromBreak => "The provider confirmed a return from a break; the remaining levy instalments are re-spread to the new planned end.",
        AttentionKind.ReturnNotRecorded => "The provider confirmed a return from a break that the levy account refused.",
        AttentionKind.LinkAnswer => "A candidate's answer needs the advisor: they came back after their referral closed, or declined or asked to leave while on a programme.",
        AttentionKind.ProgressionNoAnswer => $"Nobody recorded an in-work progression update {PipelinePolicy.ProgressionChaseDays} days after the employer was asked (every {PipelinePolicy.ProgressionIntervalWeeks} weeks).",
        _ => "Alerts raised before alerts had codes.",
    };

    /// <summary>What takes the kind off the board (<see cref="AttentionRules"/>), as a sentence.</summary>
    public static string Clears(AttentionKind kind) => kind switch
    {
        AttentionKind.NoAnswer => "Clears when the candidate confirms interest or declines.",
        AttentionKind.NotAssigned => "Clears when they are assigned to an academy, a cohort or a job.",
        AttentionKind.MissedSession => "Clears when they attend a later session, the academy's outcome is recorded or they leave the academy.",
        AttentionKind.AttendanceNotRecorded => "Clears when attendance for the session or the academy's outcome is recorded.",
        AttentionKind.NoAcademyOutcome => "Clears when the academy's outcome is recorded.",
        AttentionKind.NoJobOffer => "Clears when they are given a next step: another academy, a cohort or a job.",
        AttentionKind.SustainmentOverdue => "Clears when the sustainment answer is recorded.",
        AttentionKind.ConfirmationOverdue => "Clears when the provider confirms anything for them.",
        AttentionKind.FailedAssessment => "Clears when the provider confirms a new gateway or end-point assessment result.",
        AttentionKind.BreakInLearning => "Clears when their return is recorded or the provider confirms training again.",
        AttentionKind.BackFromBreak => "Clears when the provider next confirms their training.",
        AttentionKind.ReturnNotRecorded => "Clears when a finance officer records the return.",
        AttentionKind.LinkAnswer => "Clears when the candidate's stage changes (a closed candidate's answer stays until then).",
        AttentionKind.ProgressionNoAnswer => "Clears when a progression update is recorded for them (training, pay or hours, nothing new, or leaving), or a placed candidate is withdrawn; it stays after their 26-week completion, as progression goes on for a year.",
        _ => "Clears when the candidate's record is closed.",
    } + (kind is AttentionKind.LinkAnswer or AttentionKind.ProgressionNoAnswer ? "" : " Every alert clears when the candidate is closed (completed, no response or withdrawn).")
      + (AttentionRules.IsNews(kind) ? " An advisor may mark it as seen." : "");

    public static AttentionDescription Describe(AttentionItem item, ProgrammeDirectory names) =>
        new(Title(item.Kind), What(item, names), Clears(item.Kind));

    /// <summary>What happened, as a sentence about the candidate (who is named beside it, or by id in an email).</summary>
    public static string What(AttentionItem item, ProgrammeDirectory names)
    {
        var academy = names.Academy(item.Fact(AttentionFacts.AcademyId));
        var session = Words.Date(item.Fact(AttentionFacts.Session));
        return item.Kind switch
        {
            AttentionKind.NoAnswer => $"Has not confirmed interest {item.Fact(AttentionFacts.Days)} days after referral.",
            AttentionKind.NotAssigned => $"Confirmed interest but has had no academy, cohort or job for {item.Fact(AttentionFacts.Days)} days.",
            AttentionKind.MissedSession => $"Missed the session on {session} of the academy {academy}.",
            AttentionKind.AttendanceNotRecorded => $"No attendance recorded for the session on {session} of the academy {academy}.",
            AttentionKind.NoAcademyOutcome => $"No outcome recorded for the academy {academy}, {item.Fact(AttentionFacts.Days)} days after the interview.",
            AttentionKind.NoJobOffer => $"Finished the academy {academy} without an offer ({Words.OutcomeOf(item.Fact(AttentionFacts.Outcome)).ToLowerInvariant()}): agree what next.",
            AttentionKind.SustainmentOverdue => $"The {item.Fact(AttentionFacts.Week)}-week sustainment answer is due and not recorded.",
            AttentionKind.ConfirmationOverdue => $"No confirmation from the provider since {Words.Date(item.Fact(AttentionFacts.Since))}.",
            AttentionKind.FailedAssessment => "Did not pass the end-point assessment: arrange a resit with the provider.",
            AttentionKind.BreakInLearning => $"On a break in learning from {Words.Date(item.Fact(AttentionFacts.From))}; levy instalments have stopped.",
            AttentionKind.BackFromBreak => $"Back in learning from {Words.Date(item.Fact(AttentionFacts.From))} after a break (commitment {item.Fact(AttentionFacts.CommitmentId)}); the new planned end is {Words.Date(item.Fact(AttentionFacts.NewEnd))} and the remaining levy instalments are re-spread to it.",
            AttentionKind.ProgressionNoAnswer => $"Nobody has answered the {item.Fact(AttentionFacts.Week)}-week in-work progression prompt.",
            AttentionKind.ReturnNotRecorded => $"Back in learning from {Words.Date(item.Fact(AttentionFacts.From))} after a break (commitment {item.Fact(AttentionFacts.CommitmentId)}), but the levy account refused the return: {item.Fact(AttentionFacts.Reason)} A finance officer should record it.",
            _ => Words.Capitalised(item.Fact(AttentionFacts.Reason) ?? "Needs attention."),
        };
    }
}
