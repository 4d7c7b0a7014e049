namespace Apprenticeships.Application.Programmes;

/// <summary>
/// The row keys of programme records: one fact per key, so recording it again is the same record.
/// The one place they are built; commands and workflow activities both use them.
/// </summary>
public static class RecordKeys
{
    public static string SwapStart(string academyId) => $"swap-start-{academyId}";
    public static string SwapOutcome(string academyId) => $"swap-outcome-{academyId}";
    public static string Attendance(string academyId, DateOnly session) => $"attendance-{academyId}-{session:yyyy-MM-dd}";
    public static string SessionReply(string academyId, DateOnly session) => $"session-reply-{academyId}-{session:yyyy-MM-dd}";
    public const string JobStart = "job-start";
    public static string Sustainment(int week) => $"sustainment-{week}";
    public const string ApprenticeshipStart = "apprenticeship-start";
    public const string Achievement = "achievement";
    public static string Confirmation(string providerId, string reference) => $"confirmation-{providerId}-{reference}";

    /// <summary>The welcome email's answer (confirm or decline), the first one given while the journey waits for it.</summary>
    public const string LinkInterest = "link-interest";

    /// <summary>A link used after the candidate's record was closed: once per purpose (and session).</summary>
    public static string LinkAfterClosure(Candidates.LinkPurpose purpose, string? academyId = null, DateOnly? session = null) =>
        academyId is null ? $"link-after-closure-{purpose}" : $"link-after-closure-{purpose}-{academyId}-{session:yyyy-MM-dd}";

    /// <summary>Asked to stop or leave at a stage where the hub tells the advisor rather than withdrawing: once per purpose and stage.</summary>
    public static string LinkAdvisorTold(Candidates.LinkPurpose purpose, Domain.Candidates.CandidateStage stage) => $"link-advisor-told-{purpose}-{stage}";
}
