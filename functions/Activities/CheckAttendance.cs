using Apprenticeships.Durable;
using Apprenticeships.Functions.Models;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Functions.Activities;

/// <summary>Whether attendance at a session was recorded (by the provider or an advisor), and how.</summary>
public sealed class CheckAttendance(ProgrammeRecords records) : TaskActivity<AttendanceCheck, string>
{
    public const string Present = "Present";
    public const string Absent = "Absent";
    public const string NotRecorded = "NotRecorded";

    public static string Key(string academyId, DateOnly session) => $"attendance-{academyId}-{session:yyyy-MM-dd}";

    public override async Task<string> RunAsync(TaskActivityContext context, AttendanceCheck check) =>
        (await records.GetAsync(check.CandidateId, Key(check.AcademyId, check.Session)))?.Value ?? NotRecorded;
}
