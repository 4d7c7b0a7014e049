using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Programmes.Commands;

/// <summary>A new academy; dates travel as "YYYY-MM-DD" text so a wrong one is a problem naming its field. The employer is an existing one, by id.</summary>
public sealed record CreateAcademy(
    string? Id, string? Name, string? EmployerId, string? Sector, string? ProviderId, string? Place,
    List<string>? Sessions, string? PlacementStart, string? PlacementEnd, string? InterviewDate, decimal? CostPerPlace)
{
    internal AcademyFields Details => new(Name, EmployerId, Sector, ProviderId, Place, Sessions, PlacementStart, PlacementEnd, InterviewDate, CostPerPlace);

    /// <summary>The employer's vacancies the academy is built around (optional).</summary>
    public List<string>? VacancyIds { get; init; }
}

/// <summary>Creates a sector-based work academy run by a registered provider (<see cref="AcademyRules"/>).</summary>
public sealed class AcademyCreation(AcademyStore academies, ProviderStore providers, EmployerStore employers, Vacancies.Commands.AcademyVacancies vacancies, TimeProvider clock)
{
    /// <summary>A session a day for the six weeks an academy may run, and then some.</summary>
    public const int MostSessions = AcademyFields.MostSessions;

    /// <summary>What is wrong with the command's fields and dates, without looking anything up or saving: for a form with problems of its own.</summary>
    public Dictionary<string, string[]> Check(CreateAcademy command)
    {
        var errors = new FieldErrors();
        var id = command.Id is null ? "new" : errors.Id("id", command.Id, "Academy id");
        var academy = command.Details.Read(errors, id);
        if (academy is not null) foreach (var (field, messages) in AcademyRules.Check(academy, clock.Today())) errors.Add(field, messages[0]);
        return errors.ToDictionary();
    }

    public async Task<Result<Academy>> CreateAsync(CreateAcademy command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = command.Id is null ? NewIds.Academy() : errors.Id("id", command.Id, "Academy id");
        var read = command.Details.Read(errors, id);
        var vacancyIds = await vacancies.ReadAsync(errors, command.VacancyIds, command.EmployerId, ct);
        if (read is null || vacancyIds is null) return errors.ToProblem();
        var academy = read with { VacancyIds = vacancyIds };

        var rules = AcademyRules.Check(academy, clock.Today());
        if (rules.Count > 0) return Problem.Invalid(rules);
        if (await providers.GetAsync(academy.ProviderId, ct) is null) return Problem.NotFound("providerId", $"No provider '{academy.ProviderId}'.");
        if (await employers.GetAsync(academy.EmployerId!, ct) is null) return Problem.NotFound("employerId", $"No employer '{academy.EmployerId}' (add it under /api/employers).");
        if (!await academies.AddAsync(academy.Id, academy, ct)) return Problem.Conflict("id", $"Academy '{academy.Id}' already exists.");
        return Result<Academy>.Ok(academy, created: true);
    }
}

/// <summary>An academy's fields as a create or an edit gives them, read the same way for both.</summary>
internal sealed record AcademyFields(
    string? Name, string? EmployerId, string? Sector, string? ProviderId, string? Place,
    List<string>? Sessions, string? PlacementStart, string? PlacementEnd, string? InterviewDate, decimal? CostPerPlace)
{
    public const int MostSessions = 60;

    /// <summary>The academy the fields describe, or null with each problem in <paramref name="errors"/> under its field's name.</summary>
    public Academy? Read(FieldErrors errors, string? id)
    {
        var name = errors.Text("name", Name, "Name", InputLimits.Title);
        var employer = errors.Id("employerId", EmployerId, "Employer");
        var sector = errors.Text("sector", Sector, "Sector", InputLimits.Sector);
        var providerId = errors.Id("providerId", ProviderId, "Provider id");
        var place = errors.Text("place", Place, "Place", InputLimits.Place);
        var cost = errors.Money("costPerPlace", CostPerPlace, "Cost per place", required: false, zeroAllowed: true);
        var sessions = new List<DateOnly>();
        if (Sessions is not { Count: > 0 }) errors.Add("sessions", "Add at least one pre-employment session date.");
        else if (Sessions.Count > MostSessions) errors.Add("sessions", $"An academy has at most {MostSessions} sessions.");
        else foreach (var s in Sessions) if (errors.Date("sessions", s, "Each session") is { } day) sessions.Add(day);
        var placementStart = errors.Date("placementStart", PlacementStart, "Placement start");
        var placementEnd = errors.Date("placementEnd", PlacementEnd, "Placement end");
        var interview = errors.Date("interviewDate", InterviewDate, "Interview date");
        if (errors.Any || id is null) return null;
        return new Academy(id, name!, employer!, sector!, providerId!, place!, sessions.Order().ToList(),
            placementStart!.Value, placementEnd!.Value, interview!.Value, cost ?? 0);
    }
}
