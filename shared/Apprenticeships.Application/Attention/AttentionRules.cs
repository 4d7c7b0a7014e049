using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Programmes.Commands;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Programmes;

namespace Apprenticeships.Application.Attention;

/// <summary>What is known about a candidate when their attention items are checked.</summary>
public sealed record CandidateFacts(Candidate Candidate, IReadOnlyList<ProgrammeRecord> Records, IReadOnlyList<CommitmentEvent> CommitmentEvents);

/// <summary>
/// When an attention item has been acted upon, and so leaves the board: worked out from the
/// candidate's stage and recorded facts each time the list is read, whoever recorded them (the
/// API, a page, a provider or a workflow). Every kind clears once the candidate is closed
/// (completed, no response, withdrawn); and besides:
/// <list type="bullet">
/// <item>no answer: the candidate has moved on from waiting for their answer (engaged or later);</item>
/// <item>not assigned: their stage changed after the alert (assigned to an academy, cohort or job);</item>
/// <item>missed session: they attended a later session of that academy, its outcome is recorded, or they are no longer on it;</item>
/// <item>attendance not recorded: attendance for that session or the academy's outcome is recorded, or they are no longer on it;</item>
/// <item>no academy outcome: the outcome is recorded, or they are no longer on the academy;</item>
/// <item>no job offer: they have a next step (another academy, a cohort, a job);</item>
/// <item>sustainment overdue: the answer for that week is recorded;</item>
/// <item>confirmation overdue: the provider confirmed anything dated after the last day it was heard from (or recorded after the alert), or training ended;</item>
/// <item>failed assessment: a gateway or end-point assessment result dated after the failed one is confirmed, or the apprenticeship is achieved;</item>
/// <item>break in learning: the return is recorded on the levy commitment, the provider confirms training dated after the break began, or training ended;</item>
/// <item>back from a break: the provider confirms training dated after the return; a return the levy account refused: the return is recorded there;</item>
/// <item>a link answer (the one kind a closed candidate keeps, since "came back" is about a closed referral): the candidate's stage changes after it.</item>
/// </list>
/// Facts are compared by their dates where the alert names one, rather than by when they were
/// recorded, so the record that caused an alert never clears it. An item once cleared stays
/// cleared (each rule looks for something after the alert, or a stage there is no way back from),
/// which lets the attention list mark it closed when it first finds it so.
/// </summary>
public static class AttentionRules
{
    /// <summary>
    /// Kinds that tell the advisor something rather than ask for a step the hub records: a candidate
    /// who came back after closure may never change stage, and a legacy alert has no rule at all, so
    /// an advisor may mark these seen. The others clear only by what is recorded, so none is hidden
    /// while its work is undone.
    /// </summary>
    public static bool IsNews(AttentionKind kind) => kind is AttentionKind.LinkAnswer or AttentionKind.BackFromBreak or AttentionKind.Other;

    public static bool IsCleared(AttentionItem item, CandidateFacts facts)
    {
        var c = facts.Candidate;
        // A closed candidate's answer (they came back) is exactly what the advisor needs to see.
        if (item.Kind == AttentionKind.LinkAnswer) return c.StageChangedAt > item.RaisedAt;
        // Progression outlasts the candidate's record (completed at 26 weeks in work): the update that answers it closes it
        // (ProgressionUpdates); only a candidate withdrawn or never engaged is past following.
        if (item.Kind == AttentionKind.ProgressionNoAnswer) return c.Stage is CandidateStage.Withdrawn or CandidateStage.NoResponse;
        if (c.Stage.IsClosed()) return true;
        var academyId = item.Fact(AttentionFacts.AcademyId);
        bool OnAcademy() => c.Stage == CandidateStage.InSwap && c.AcademyId == academyId;
        bool Has(RecordKind kind, Func<ProgrammeRecord, bool> where) => facts.Records.Any(r => r.Kind == kind && where(r));
        bool OutcomeRecorded() => Has(RecordKind.SwapOutcome, r => r.ProgrammeId == academyId);
        // Heard from the provider since: a confirmation dated after the day the alert names, or recorded after the alert.
        bool ConfirmedSince(DateOnly? day, Func<ProgrammeRecord, bool> where) =>
            Has(RecordKind.Confirmation, r => where(r) && (day is { } d ? r.Date > d || r.At > item.RaisedAt : r.At > item.RaisedAt));
        bool InTraining() => c.Stage == CandidateStage.InTraining;

        return item.Kind switch
        {
            AttentionKind.NoAnswer => c.Stage is not (CandidateStage.Referred or CandidateStage.AwaitingInterest),
            AttentionKind.NotAssigned => c.Stage != CandidateStage.Engaged || c.StageChangedAt > item.RaisedAt,
            AttentionKind.MissedSession => !OnAcademy() || OutcomeRecorded()
                || Has(RecordKind.Attendance, r => r.ProgrammeId == academyId && r.Value == AcademyAttendance.Present && r.Date > item.DateFact(AttentionFacts.Session)),
            AttentionKind.AttendanceNotRecorded => !OnAcademy() || OutcomeRecorded()
                || Has(RecordKind.Attendance, r => r.ProgrammeId == academyId && r.Date == item.DateFact(AttentionFacts.Session)),
            AttentionKind.NoAcademyOutcome => !OnAcademy() || OutcomeRecorded(),
            // A job or a cohort is never left for engaged again; another academy is, so it counts once joined after the alert.
            AttentionKind.NoJobOffer => c.Stage is CandidateStage.InWork or CandidateStage.AwaitingCohort or CandidateStage.InTraining
                || Has(RecordKind.SwapStart, r => r.ProgrammeId != academyId && r.At > item.RaisedAt),
            AttentionKind.SustainmentOverdue => Has(RecordKind.SustainmentCheck, r => r.Value == item.Fact(AttentionFacts.Week)),
            AttentionKind.ConfirmationOverdue => !InTraining() || ConfirmedSince(item.DateFact(AttentionFacts.Since), _ => true),
            AttentionKind.FailedAssessment => !InTraining() || Has(RecordKind.Achievement, _ => true)
                || Has(RecordKind.Confirmation, r => r.Value is nameof(ConfirmationKind.EpaResult) or nameof(ConfirmationKind.Gateway)
                    && (item.DateFact(AttentionFacts.Date) is { } failed ? r.Date > failed : r.At > item.RaisedAt)),
            AttentionKind.BreakInLearning => !InTraining()
                || facts.CommitmentEvents.Any(e => e.Kind is CommitmentEventKind.ReturnFromBreak or CommitmentEventKind.Completion or CommitmentEventKind.Withdrawal
                    && (item.DateFact(AttentionFacts.From) is not { } from || e.Date >= from))
                || Has(RecordKind.Confirmation, r => r.Value != nameof(ConfirmationKind.BreakInLearning)
                    && (item.DateFact(AttentionFacts.From) is { } from ? r.Date > from : r.At > item.RaisedAt)),
            AttentionKind.BackFromBreak => !InTraining() || ConfirmedSince(item.DateFact(AttentionFacts.From), r => r.Value != nameof(ConfirmationKind.ReturnFromBreak)),
            AttentionKind.ReturnNotRecorded => !InTraining()
                || facts.CommitmentEvents.Any(e => e.Kind == CommitmentEventKind.ReturnFromBreak && (item.DateFact(AttentionFacts.From) is not { } back || e.Date >= back)),
            _ => false,
        };
    }
}
