using Apprenticeships.Application.Programmes.Commands;

namespace Apprenticeships.Workflows.Activities;

/// <summary>Whether attendance at a session was recorded (by the provider or an advisor), and how.</summary>
public sealed class CheckAttendance(AcademyAttendance attendance) : TaskActivity<AttendanceCheck, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, AttendanceCheck check) =>
        attendance.OfAsync(check.CandidateId, check.AcademyId, check.Session);
}
