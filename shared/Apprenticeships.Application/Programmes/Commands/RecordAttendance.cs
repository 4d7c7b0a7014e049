using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Programmes.Commands;

/// <summary>Whether a member came to one of the academy's sessions.</summary>
public sealed record RecordAttendance(string? CandidateId, string? Date, bool? Attended);

/// <summary>A whole session's attendance at once: each member on its register (by candidate id), attended or not.</summary>
public sealed record RecordSessionAttendance(string? Date, IReadOnlyDictionary<string, bool?>? Answers);

/// <summary>Who is expected at a session: the academy's members still on it, and anyone already recorded for it.</summary>
public sealed record SessionRegister(Academy Academy, DateOnly Session, IReadOnlyList<RegisterLine> Lines);

/// <summary>One member on a session's register, with what is recorded so far (<see cref="AcademyAttendance.Present"/>, <see cref="AcademyAttendance.Absent"/> or <see cref="AcademyAttendance.NotRecorded"/>).</summary>
public sealed record RegisterLine(string CandidateId, string Name, CandidateStage Stage, string Recorded);

/// <summary>A session's attendance as saved: how many answers were new, and how many repeated what was already recorded.</summary>
public sealed record SessionAttendanceRecorded(DateOnly Session, int Recorded, int AlreadyRecorded);

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

    /// <summary>The field that carries one member's answer in <see cref="RecordSessionAttendanceAsync"/>'s problems (and a form's field name).</summary>
    public static string AnswerField(string candidateId) => $"attended-{candidateId}";

    /// <summary>The register of one of the academy's sessions (<paramref name="date"/> as "YYYY-MM-DD").</summary>
    public async Task<Result<SessionRegister>> RegisterAsync(string academyId, string? date, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var session = errors.Date("date", date, "Session date");
        if (errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(academyId) || await academies.GetAsync(academyId, ct) is not { } academy) return Problem.NotFound("id", $"No academy '{academyId}'.");
        if (!academy.Sessions.Contains(session!.Value)) return NoSession(academy, session.Value);
        var lines = new List<RegisterLine>();
        foreach (var c in await candidates.InProgrammeAsync(academy.Id, null, ct))
        {
            var recorded = await OfAsync(c.Id, academy.Id, session.Value, ct);
            if (c.Stage == CandidateStage.InSwap || recorded != NotRecorded) lines.Add(new RegisterLine(c.Id, $"{c.GivenName} {c.FamilyName}", c.Stage, recorded));
        }
        return Result<SessionRegister>.Ok(new(academy, session.Value, lines));
    }

    /// <summary>
    /// Records a session for everyone on its register at once: every member needs an answer, and an
    /// answer that contradicts one already recorded is refused, so nothing is saved unless all of it
    /// can be (problems are under <see cref="AnswerField"/> of the member). Answers already recorded
    /// are kept as they are.
    /// </summary>
    public async Task<Result<SessionAttendanceRecorded>> RecordSessionAttendanceAsync(string academyId, RecordSessionAttendance command, CancellationToken ct)
    {
        var register = await RegisterAsync(academyId, command.Date, ct);
        if (register.Problem is { } problem) return problem;
        var (academy, session, lines) = register.Done;
        var answers = command.Answers ?? new Dictionary<string, bool?>();
        var errors = new FieldErrors();
        if (lines.Count == 0) errors.Add("date", "Nobody is on this session's register.");
        foreach (var line in lines)
        {
            var field = AnswerField(line.CandidateId);
            if (answers.GetValueOrDefault(line.CandidateId) is not { } attended) errors.Add(field, $"Select whether {line.Name} attended.");
            else if (line.Recorded != NotRecorded && line.Recorded != (attended ? Present : Absent))
                errors.Add(field, $"{line.Name} is already recorded as {(line.Recorded == Present ? "attended" : "absent")}; a recorded session cannot be changed.");
        }
        foreach (var other in answers.Keys.Where(k => lines.All(l => l.CandidateId != k)))
            errors.Add(InputLimits.IsId(other) ? AnswerField(other) : "date", $"Candidate '{(InputLimits.IsId(other) ? other : "?")}' is not on this session's register.");
        if (errors.Any) return errors.ToProblem();

        var (created, repeated) = (0, 0);
        foreach (var line in lines)
        {
            switch (await SaveAsync(academy, line.CandidateId, session, answers[line.CandidateId]!.Value, ct))
            {
                case SaveResult.Created: created++; break;
                case SaveResult.Unchanged: repeated++; break;
                default: return Problem.Conflict(AnswerField(line.CandidateId), $"Attendance for {line.Name} was recorded differently meanwhile.");
            }
        }
        return Result<SessionAttendanceRecorded>.Ok(new(session, created, repeated), created > 0);
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
