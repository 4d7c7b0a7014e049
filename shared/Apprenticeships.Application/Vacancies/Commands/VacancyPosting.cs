using Apprenticeships.Domain.Vacancies;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Vacancies;

namespace Apprenticeships.Application.Vacancies.Commands;

/// <summary>Posting, editing and closing vacancies, by hub staff for any employer or by an employer for their own.</summary>
public sealed class VacancyPosting(VacancyStore vacancies, EmployerStore employers, TimeProvider clock)
{
    /// <summary>What is wrong with the fields alone, for a form that has problems of its own to show beside them.</summary>
    public async Task<Dictionary<string, string[]>> CheckAsync(PostVacancy command, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var employer = await EmployerAsync(errors, command.EmployerId, actor, ct);
        command.Fields.Read(errors, "new", employer, clock.Today());
        return errors.ToDictionary();
    }

    public async Task<Result<Vacancy>> PostAsync(PostVacancy command, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var employerId = actor.EmployerId ?? errors.Id("employerId", command.EmployerId, "Employer id");
        var employer = employerId is null ? null : await employers.GetAsync(employerId, ct);
        var vacancy = command.Fields.Read(errors, NewIds.Vacancy(), employer, clock.Today());
        if (errors.Any) return errors.ToProblem();
        if (employer is null) return Problem.NotFound("employerId", $"No employer '{employerId}'.");
        await vacancies.AddAsync(vacancy!.Id, vacancy, ct);
        return Result<Vacancy>.Ok(vacancy, created: true);
    }

    public async Task<Result<Vacancy>> EditAsync(string id, EditVacancy command, Actor actor, CancellationToken ct)
    {
        if (await FindAsync(id, actor, ct) is not { } before) return Problem.NotFound("id", $"No vacancy '{id}'.");
        var errors = new FieldErrors();
        var employer = await employers.GetAsync(before.EmployerId, ct);
        if (employer is null) return Problem.Conflict("id", "The vacancy's employer is no longer recorded.");
        if (command.Fields.Read(errors, id, employer, clock.Today(), before) is not { } edited) return errors.ToProblem();
        var saved = await vacancies.ChangeAsync(id, current => edited with
        {
            // Positions filled meanwhile stay filled; more positions reopen a filled vacancy, fewer may fill it.
            Filled = current.Filled,
            Status = current.Status == VacancyStatus.Closed ? VacancyStatus.Closed
                : current.Filled.Count >= edited.Positions ? VacancyStatus.Filled : VacancyStatus.Open,
        }, ct);
        return saved is null ? Problem.NotFound("id", $"No vacancy '{id}'.") : Result<Vacancy>.Ok(saved);
    }

    /// <summary>Closes the vacancy to new put-forwards; decisions about people already put forward can still be recorded. Closing again changes nothing.</summary>
    public async Task<Result<Vacancy>> CloseAsync(string id, Actor actor, CancellationToken ct)
    {
        if (await FindAsync(id, actor, ct) is null) return Problem.NotFound("id", $"No vacancy '{id}'.");
        var saved = await vacancies.ChangeAsync(id, v => v.Status == VacancyStatus.Open ? v with { Status = VacancyStatus.Closed } : v, ct);
        return saved is null ? Problem.NotFound("id", $"No vacancy '{id}'.") : Result<Vacancy>.Ok(saved);
    }

    /// <summary>The vacancy if the actor may see it.</summary>
    internal async Task<Vacancy?> FindAsync(string id, Actor actor, CancellationToken ct) =>
        InputLimits.IsId(id) && await vacancies.GetAsync(id, ct) is { } v && actor.CanSee(v) ? v : null;

    private async Task<Domain.Employers.Employer?> EmployerAsync(FieldErrors errors, string? employerId, Actor actor, CancellationToken ct)
    {
        var id = actor.EmployerId ?? errors.Id("employerId", employerId, "Employer id");
        if (id is null) return null;
        var employer = await employers.GetAsync(id, ct);
        if (employer is null) errors.Add("employerId", $"No employer '{id}'.");
        return employer;
    }
}
