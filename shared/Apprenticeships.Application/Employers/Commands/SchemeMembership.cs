using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Employers;

namespace Apprenticeships.Application.Employers.Commands;

/// <summary>The employer joins the scheme on a date ("YYYY-MM-DD"), offered some of <see cref="MemberSupport"/> by name.</summary>
public sealed record JoinScheme(string? Date, List<string>? Support);

public sealed record LeaveScheme(string? Date, string? Reason);

public sealed record RecordSchemeEvent(string? Date, string? EventName);

/// <summary>A one-to-one support session; the note is short and about the employer, never about another person.</summary>
public sealed record LogSupportSession(string? Date, string? Topic, string? AdvisorId, string? Note);

/// <summary>
/// The hub's employer scheme: joining, leaving, events attended and support sessions, under
/// <see cref="MembershipRules"/>. Each step is applied to the stored membership under its ETag, so
/// two advisors recording at once both count; a step repeated exactly is recorded once.
/// </summary>
public sealed class SchemeMembership(EmployerStore employers, MembershipStore memberships, TimeProvider clock)
{
    /// <summary>The membership and its history; an employer that has never joined has an empty one.</summary>
    public async Task<Result<EmployerMembership>> OfAsync(string employerId, CancellationToken ct)
    {
        if (!InputLimits.IsId(employerId) || await employers.GetAsync(employerId, ct) is null) return Problem.NotFound("employerId", $"No employer '{employerId}'.");
        return Result<EmployerMembership>.Ok(await memberships.GetAsync(employerId, ct) ?? new EmployerMembership(employerId));
    }

    public Task<Result<EmployerMembership>> JoinAsync(string employerId, JoinScheme command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = errors.Date("date", command.Date, "Date joined");
        var support = new List<MemberSupport>();
        if (command.Support is not { Count: > 0 }) errors.Add("support", "Choose at least one kind of support offered.");
        else foreach (var name in command.Support.Distinct())
        {
            if (Enum.TryParse<MemberSupport>(name, ignoreCase: false, out var s) && Enum.IsDefined(s) && !int.TryParse(name, out _)) support.Add(s);
            else { errors.Add("support", $"Support must each be one of: {string.Join(", ", Enum.GetNames<MemberSupport>())}."); break; }
        }
        if (errors.Any) return Task.FromResult<Result<EmployerMembership>>(errors.ToProblem());
        support.Sort();
        return StepAsync(employerId, m => MembershipRules.Join(m, date!.Value, support, clock.Today()), ct);
    }

    public Task<Result<EmployerMembership>> LeaveAsync(string employerId, LeaveScheme command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = errors.Date("date", command.Date, "Date left");
        var reason = errors.Text("reason", command.Reason, "Reason", InputLimits.Reason);
        if (errors.Any) return Task.FromResult<Result<EmployerMembership>>(errors.ToProblem());
        return StepAsync(employerId, m => MembershipRules.Leave(m, date!.Value, reason!, clock.Today()), ct);
    }

    public Task<Result<EmployerMembership>> RecordEventAsync(string employerId, RecordSchemeEvent command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = errors.Date("date", command.Date, "Event date");
        var name = errors.Text("eventName", command.EventName, "Event name", InputLimits.Title);
        if (errors.Any) return Task.FromResult<Result<EmployerMembership>>(errors.ToProblem());
        return StepAsync(employerId, m => MembershipRules.AttendEvent(m, date!.Value, name!, clock.Today()), ct);
    }

    public Task<Result<EmployerMembership>> LogSessionAsync(string employerId, LogSupportSession command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = errors.Date("date", command.Date, "Session date");
        var topic = errors.Text("topic", command.Topic, "Topic", InputLimits.Title);
        var advisorId = errors.Id("advisorId", command.AdvisorId, "Advisor");
        var note = errors.OptionalText("note", command.Note, "Note", InputLimits.Detail);
        // The advisor is a staff id, as on a candidate's record: the directory names those it lists, and need not list everyone.
        if (errors.Any) return Task.FromResult<Result<EmployerMembership>>(errors.ToProblem());
        var session = new SupportSession(date!.Value, topic!, advisorId!) { Note = note };
        return StepAsync(employerId, m => MembershipRules.LogSession(m, session, clock.Today()), ct);
    }

    /// <summary>Applies the step to the membership as stored (creating it on first joining); a refusal stores nothing.</summary>
    private async Task<Result<EmployerMembership>> StepAsync(string employerId, Func<EmployerMembership, MembershipStep> step, CancellationToken ct)
    {
        if (!InputLimits.IsId(employerId) || await employers.GetAsync(employerId, ct) is null) return Problem.NotFound("employerId", $"No employer '{employerId}'.");
        while (true)
        {
            if (await memberships.GetAsync(employerId, ct) is null)
            {
                var first = step(new EmployerMembership(employerId));
                if (first.Status != MembershipStepStatus.Recorded) return Outcome(first);
                if (await memberships.AddAsync(employerId, first.Membership, ct)) return Outcome(first);
                continue; // Someone else recorded the first step meanwhile: apply this one to theirs.
            }
            MembershipStep? done = null;
            var saved = await memberships.ChangeAsync(employerId, m => (done = step(m)).Membership, ct);
            if (saved is not null) return Outcome(done!);
        }
    }

    private static Result<EmployerMembership> Outcome(MembershipStep step) => step.Status switch
    {
        MembershipStepStatus.Invalid => Problem.Invalid(step.Field!, step.Why!),
        MembershipStepStatus.Conflict => Problem.Conflict(step.Field!, step.Why!),
        var status => Result<EmployerMembership>.Ok(step.Membership, created: status == MembershipStepStatus.Recorded),
    };
}
