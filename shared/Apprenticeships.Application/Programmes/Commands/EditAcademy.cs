using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Programmes.Commands;

/// <summary>An academy's new details (its id stays); dates as "YYYY-MM-DD" text, like <see cref="CreateAcademy"/>.</summary>
public sealed record EditAcademy(
    string? Name, string? EmployerId, string? Sector, string? ProviderId, string? Place,
    List<string>? Sessions, string? PlacementStart, string? PlacementEnd, string? InterviewDate, decimal? CostPerPlace)
{
    internal AcademyFields Details => new(Name, EmployerId, Sector, ProviderId, Place, Sessions, PlacementStart, PlacementEnd, InterviewDate, CostPerPlace);

    /// <summary>The employer's vacancies the academy is built around; left out (null), they stay as they are.</summary>
    public List<string>? VacancyIds { get; init; }

    /// <summary>The academy's details as they stand, to start an edit from.</summary>
    public static EditAcademy From(Academy a) => new(a.Name, a.EmployerId, a.Sector, a.ProviderId, a.Place,
        a.Sessions.Select(s => s.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        a.PlacementStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        a.PlacementEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        a.InterviewDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), a.CostPerPlace) { VacancyIds = a.VacancyIds.ToList() };
}

/// <summary>
/// Changes an academy's details under the same rules as creating one (<see cref="AcademyRules"/>;
/// sessions it already had may be past). Members' workflows read the academy's dates when they
/// join, and its provider confirms their attendance, so once it has members its dates and provider
/// stay as they are; its names, place and cost per place (for members who join later) may change.
/// </summary>
public sealed class AcademyEditing(AcademyStore academies, ProviderStore providers, EmployerStore employers, CandidateStore candidates, Vacancies.Commands.AcademyVacancies vacancies, TimeProvider clock)
{
    /// <summary>What is wrong with the command's fields, without looking anything up or saving: for a form with problems of its own.</summary>
    public Dictionary<string, string[]> CheckFields(EditAcademy command)
    {
        var errors = new FieldErrors();
        command.Details.Read(errors, "edit");
        return errors.ToDictionary();
    }

    public async Task<Result<Academy>> EditAsync(string id, EditAcademy command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var read = command.Details.Read(errors, id);
        var vacancyIds = command.VacancyIds is null ? null : await vacancies.ReadAsync(errors, command.VacancyIds, command.EmployerId, ct);
        if (read is null || errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(id) || await academies.GetAsync(id, ct) is not { } before) return Problem.NotFound("id", $"No academy '{id}'.");
        var edited = read with { VacancyIds = vacancyIds ?? before.VacancyIds };

        var rules = AcademyRules.Check(edited, clock.Today(), before);
        if (rules.Count > 0) return Problem.Invalid(rules);
        if (await providers.GetAsync(edited.ProviderId, ct) is null) return Problem.NotFound("providerId", $"No provider '{edited.ProviderId}'.");
        if (await employers.GetAsync(edited.EmployerId!, ct) is null) return Problem.NotFound("employerId", $"No employer '{edited.EmployerId}' (add it under /api/employers).");
        if ((await candidates.InProgrammeAsync(id, null, ct)).Count > 0)
        {
            var fixedFields = new Dictionary<string, string[]>();
            void Keep(string field, bool changed, string what)
            {
                if (changed) fixedFields[field] = [$"The academy has members, so its {what} cannot change: their reminders and checks follow what they joined."];
            }
            Keep("sessions", !edited.Sessions.SequenceEqual(before.Sessions), "session dates");
            Keep("placementStart", edited.PlacementStart != before.PlacementStart, "placement start");
            Keep("placementEnd", edited.PlacementEnd != before.PlacementEnd, "placement end");
            Keep("interviewDate", edited.InterviewDate != before.InterviewDate, "interview date");
            Keep("providerId", edited.ProviderId != before.ProviderId, "provider");
            if (fixedFields.Count > 0) return new Problem(ProblemKind.Conflict, fixedFields);
        }
        var saved = await academies.ChangeAsync(id, _ => edited, ct);
        return saved is null ? Problem.NotFound("id", $"No academy '{id}'.") : Result<Academy>.Ok(saved);
    }
}
