using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Programmes.Commands;

/// <summary>A new academy; dates travel as "YYYY-MM-DD" text so a wrong one is a problem naming its field.</summary>
public sealed record CreateAcademy(
    string? Id, string? Name, string? EmployerName, string? Sector, string? ProviderId, string? Place,
    List<string>? Sessions, string? PlacementStart, string? PlacementEnd, string? InterviewDate, decimal? CostPerPlace);

/// <summary>Creates a sector-based work academy run by a registered provider (<see cref="AcademyRules"/>).</summary>
public sealed class AcademyCreation(AcademyStore academies, ProviderStore providers, TimeProvider clock)
{
    /// <summary>A session a day for the six weeks an academy may run, and then some.</summary>
    public const int MostSessions = 60;

    public async Task<Result<Academy>> CreateAsync(CreateAcademy command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = command.Id is null ? NewIds.Academy() : errors.Id("id", command.Id, "Academy id");
        var name = errors.Text("name", command.Name, "Name", InputLimits.Title);
        var employer = errors.Text("employerName", command.EmployerName, "Employer name", InputLimits.Title);
        var sector = errors.Text("sector", command.Sector, "Sector", InputLimits.Sector);
        var providerId = errors.Id("providerId", command.ProviderId, "Provider id");
        var place = errors.Text("place", command.Place, "Place", InputLimits.Place);
        var cost = errors.Money("costPerPlace", command.CostPerPlace, "Cost per place", required: false, zeroAllowed: true);
        var sessions = new List<DateOnly>();
        if (command.Sessions is not { Count: > 0 }) errors.Add("sessions", "Add at least one pre-employment session date.");
        else if (command.Sessions.Count > MostSessions) errors.Add("sessions", $"An academy has at most {MostSessions} sessions.");
        else foreach (var s in command.Sessions) if (errors.Date("sessions", s, "Each session") is { } day) sessions.Add(day);
        var placementStart = errors.Date("placementStart", command.PlacementStart, "Placement start");
        var placementEnd = errors.Date("placementEnd", command.PlacementEnd, "Placement end");
        var interview = errors.Date("interviewDate", command.InterviewDate, "Interview date");
        if (errors.Any) return errors.ToProblem();

        var academy = new Academy(id!, name!, employer!, sector!, providerId!, place!, sessions.Order().ToList(),
            placementStart!.Value, placementEnd!.Value, interview!.Value, cost ?? 0);
        var rules = AcademyRules.Check(academy, clock.Today());
        if (rules.Count > 0) return Problem.Invalid(rules);
        if (await providers.GetAsync(academy.ProviderId, ct) is null) return Problem.NotFound("providerId", $"No provider '{academy.ProviderId}'.");
        if (!await academies.AddAsync(academy.Id, academy, ct)) return Problem.Conflict("id", $"Academy '{academy.Id}' already exists.");
        return Result<Academy>.Ok(academy, created: true);
    }
}
