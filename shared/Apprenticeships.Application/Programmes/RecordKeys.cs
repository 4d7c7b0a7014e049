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
}
