using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Programmes.Commands;

public sealed record CreateCohort(
    string? Id, string? Name, string? StandardName, string? EmployerId, string? ProviderId, string? StartDate,
    int? DurationMonths, decimal? AgreedPrice, decimal? FundingBandMaximum)
{
    internal CohortFields Details => new(Name, StandardName, EmployerId, ProviderId, StartDate, DurationMonths, AgreedPrice, FundingBandMaximum);
}

/// <summary>Creates an apprenticeship cohort for a levy employer and a registered provider (<see cref="CohortRules"/>).</summary>
public sealed class CohortCreation(CohortStore cohorts, ProviderStore providers, LevyEmployerRepository employers, FundingPolicy policy, TimeProvider clock)
{
    /// <summary>What is wrong with the command's fields and dates, without looking anything up or saving: for a form with problems of its own.</summary>
    public Dictionary<string, string[]> Check(CreateCohort command)
    {
        var errors = new FieldErrors();
        var id = command.Id is null ? "new" : errors.Id("id", command.Id, "Cohort id");
        var cohort = command.Details.Read(errors, id, policy);
        if (cohort is not null) foreach (var (field, messages) in CohortRules.Check(cohort, clock.Today())) errors.Add(field, messages[0]);
        return errors.ToDictionary();
    }

    public async Task<Result<Cohort>> CreateAsync(CreateCohort command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = command.Id is null ? NewIds.Cohort() : errors.Id("id", command.Id, "Cohort id");
        if (command.Details.Read(errors, id, policy) is not { } cohort) return errors.ToProblem();

        var rules = CohortRules.Check(cohort, clock.Today());
        if (rules.Count > 0) return Problem.Invalid(rules);
        if (await employers.FindAsync(cohort.EmployerId, ct) is null) return Problem.NotFound("employerId", $"No employer '{cohort.EmployerId}' (add it under /api/employers).");
        if (await providers.GetAsync(cohort.ProviderId, ct) is null) return Problem.NotFound("providerId", $"No provider '{cohort.ProviderId}'.");
        if (!await cohorts.AddAsync(cohort.Id, cohort, ct)) return Problem.Conflict("id", $"Cohort '{cohort.Id}' already exists.");
        return Result<Cohort>.Ok(cohort, created: true);
    }
}

/// <summary>A cohort's fields as a create or an edit gives them, read the same way for both.</summary>
internal sealed record CohortFields(
    string? Name, string? StandardName, string? EmployerId, string? ProviderId, string? StartDate,
    int? DurationMonths, decimal? AgreedPrice, decimal? FundingBandMaximum)
{
    /// <summary>The cohort the fields describe, or null with each problem in <paramref name="errors"/> under its field's name.</summary>
    public Cohort? Read(FieldErrors errors, string? id, FundingPolicy policy)
    {
        var name = errors.Text("name", Name, "Name", InputLimits.Title);
        var standard = errors.Text("standardName", StandardName, "Standard", InputLimits.Title);
        var employerId = errors.Id("employerId", EmployerId, "Employer id");
        var providerId = errors.Id("providerId", ProviderId, "Provider id");
        var start = errors.Date("startDate", StartDate, "Start date");
        var months = errors.Required("durationMonths", DurationMonths, "Duration in months");
        var price = errors.Money("agreedPrice", AgreedPrice, "Agreed price");
        var band = errors.FundingBand("fundingBandMaximum", FundingBandMaximum, start, policy);
        if (errors.Any || id is null) return null;
        return new Cohort(id, name!, standard!, employerId!, providerId!, start!.Value, months!.Value, price!.Value, band!.Value);
    }
}
