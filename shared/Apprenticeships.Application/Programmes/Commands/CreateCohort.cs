using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Programmes.Commands;

public sealed record CreateCohort(
    string? Id, string? Name, string? StandardName, string? EmployerId, string? ProviderId, string? StartDate,
    int? DurationMonths, decimal? AgreedPrice, decimal? FundingBandMaximum);

/// <summary>Creates an apprenticeship cohort for a levy employer and a registered provider (<see cref="CohortRules"/>).</summary>
public sealed class CohortCreation(CohortStore cohorts, ProviderStore providers, LevyEmployerRepository employers, FundingPolicy policy, TimeProvider clock)
{
    public async Task<Result<Cohort>> CreateAsync(CreateCohort command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = command.Id is null ? NewIds.Cohort() : errors.Id("id", command.Id, "Cohort id");
        var name = errors.Text("name", command.Name, "Name", InputLimits.Title);
        var standard = errors.Text("standardName", command.StandardName, "Standard", InputLimits.Title);
        var employerId = errors.Id("employerId", command.EmployerId, "Employer id");
        var providerId = errors.Id("providerId", command.ProviderId, "Provider id");
        var start = errors.Date("startDate", command.StartDate, "Start date");
        var months = errors.Required("durationMonths", command.DurationMonths, "Duration in months");
        var price = errors.Money("agreedPrice", command.AgreedPrice, "Agreed price");
        var band = errors.FundingBand("fundingBandMaximum", command.FundingBandMaximum, start, policy);
        if (errors.Any) return errors.ToProblem();

        var cohort = new Cohort(id!, name!, standard!, employerId!, providerId!, start!.Value, months!.Value, price!.Value, band!.Value);
        var rules = CohortRules.Check(cohort, clock.Today());
        if (rules.Count > 0) return Problem.Invalid(rules);
        if (await employers.FindAsync(cohort.EmployerId, ct) is null) return Problem.NotFound("employerId", $"No employer '{cohort.EmployerId}' (add it under /api/finance/employers).");
        if (await providers.GetAsync(cohort.ProviderId, ct) is null) return Problem.NotFound("providerId", $"No provider '{cohort.ProviderId}'.");
        if (!await cohorts.AddAsync(cohort.Id, cohort, ct)) return Problem.Conflict("id", $"Cohort '{cohort.Id}' already exists.");
        return Result<Cohort>.Ok(cohort, created: true);
    }
}
