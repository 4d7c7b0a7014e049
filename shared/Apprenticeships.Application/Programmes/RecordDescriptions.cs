using Apprenticeships.Domain.Programmes;

namespace Apprenticeships.Application.Programmes;

/// <summary>Programme records in the words an advisor reads on a timeline or a member list.</summary>
public static class RecordDescriptions
{
    public static string Describe(ProgrammeRecord r) => r.Kind switch
    {
        RecordKind.SwapStart => $"Joined academy {r.ProgrammeId}.",
        RecordKind.Attendance => $"Session on {r.Date:yyyy-MM-dd}: {r.Value}{(r.Reason is null ? "" : $" ({r.Reason})")}.",
        RecordKind.SwapOutcome => $"Academy {r.ProgrammeId} outcome: {r.Value}{(r.Reason is null ? "" : $" ({r.Reason})")}.",
        RecordKind.JobStart => $"Job start on {r.Date:yyyy-MM-dd} ({(r.Value == JobRoute.ViaSwap ? "after an academy" : "direct")}).",
        RecordKind.SustainmentCheck => $"{r.Value}-week check: {(r.Reason == SustainmentChecks.InWork ? "in work" : "not in work")}.",
        RecordKind.ApprenticeshipStart => $"Apprenticeship started on {r.Date:yyyy-MM-dd} in cohort {r.ProgrammeId} (commitment {r.Value}).",
        RecordKind.Confirmation => $"Provider {r.ProgrammeId} confirmed {r.Value} on {r.Date:yyyy-MM-dd}{(r.Reason is null ? "" : $": {r.Reason}")}.",
        RecordKind.Achievement => $"Achieved the apprenticeship on {r.Date:yyyy-MM-dd} ({r.Value}).",
        RecordKind.SessionReply => $"Said they are coming to the session on {r.Date:yyyy-MM-dd}.",
        RecordKind.LinkAnswer => Candidates.Commands.LinkAnswerRules.Describe(r),
        _ => r.Kind.ToString(),
    };
}
