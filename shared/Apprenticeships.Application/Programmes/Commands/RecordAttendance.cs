using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Programmes.Commands;

/// <summary>Whether a member came to one of the academy's sessions.</summary>
public sealed record RecordAttendance(string? CandidateId, string? Date, bool? Attended);

/// <summary>
/// Attendance at an academy's session, recorded once per member and session, by an advisor or
/// (through <see cref="Providers.Commands.ProviderConfirmations"/>) the academy's provider. The
/// academy workflow reads it at the session's evening check.
/// </summary>
public sealed class AcademyAttendance(AcademyStore academies, CandidateStore candidates, ProgrammeRecords records, TimeProvider clock)
{
    public const string Present = "Present";
    public const string Absent = "Absent";
    public const string NotRecorded = "NotRecorded";

    public async Task<Result<Recorded<RecordAttendance>>> RecordAsync(string academyId, RecordAttendance command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var candidateId = errors.Id("candidateId", command.CandidateId, "Candidate id");
        var date = errors.Date("date", command.Date, "Session date");
        var attended = errors.Required("attended", command.Attended, "Attended");
        if (errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(academyId) || await academies.GetAsync(academyId, ct) is not { } academy) return Problem.NotFound("id", $"No academy '{academyId}'.");
        if (!academy.Sessions.Contains(date!.Value)) return NoSession(academy, date.Value);
        var candidate = await candidates.GetAsync(candidateId!, ct);
        if (candidate?.AcademyId != academy.Id) return Problem.NotFound("candidateId", $"Candidate '{candidateId}' is not a member of academy {academy.Id}.");
        return await SaveAsync(academy, candidate.Id, date.Value, attended!.Value, ct) is var saved && saved == SaveResult.Conflict
            ? Problem.Conflict("attended", "Attendance for that session is already recorded differently.")
            : Result<Recorded<RecordAttendance>>.Ok(new(command with { CandidateId = candidateId }, saved), saved == SaveResult.Created);
    }

    internal static Problem NoSession(Academy academy, DateOnly date) =>
        Problem.Invalid("date", $"Academy {academy.Id} has no session on {date:yyyy-MM-dd}.");

    internal Task<SaveResult> SaveAsync(Academy academy, string candidateId, DateOnly date, bool attended, CancellationToken ct) =>
        records.AddAsync(new ProgrammeRecord(candidateId, RecordKeys.Attendance(academy.Id, date), RecordKind.Attendance, clock.GetUtcNow())
        {
            ProgrammeId = academy.Id, Date = date, Value = attended ? Present : Absent,
        }, ct);

    /// <summary>What was recorded for the session: <see cref="Present"/>, <see cref="Absent"/> or <see cref="NotRecorded"/>.</summary>
    public async Task<string> OfAsync(string candidateId, string academyId, DateOnly session, CancellationToken ct = default) =>
        (await records.GetAsync(candidateId, RecordKeys.Attendance(academyId, session), ct))?.Value ?? NotRecorded;
}
