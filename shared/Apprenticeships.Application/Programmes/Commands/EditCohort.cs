using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Programmes.Commands;

/// <summary>A cohort's new details (its id stays), like <see cref="CreateCohort"/>.</summary>
public sealed record EditCohort(
    string? Name, string? StandardName, string? EmployerId, string? ProviderId, string? StartDate,
    int? DurationMonths, decimal? AgreedPrice, decimal? FundingBandMaximum)
{
    internal CohortFields Details => new(Name, StandardName, EmployerId, ProviderId, StartDate, DurationMonths, AgreedPrice, FundingBandMaximum);

    /// <summary>The cohort's details as they stand, to start an edit from.</summary>
    public static EditCohort From(Cohort k) => new(k.Name, k.StandardName, k.EmployerId, k.ProviderId,
        k.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), k.DurationMonths, k.AgreedPrice, k.FundingBandMaximum);
}

/// <summary>
/// Changes a cohort's details under the same rules as creating one (<see cref="CohortRules"/>; a
/// start date it already had may be past). Members wait for the start date they were accepted
/// with and their provider confirms their training, so once it has members its start, duration and
/// provider stay; on the start date their levy commitments take the employer, price and band, so
/// once it has started with members those stay too. Its names may always change.
/// </summary>
public sealed class CohortEditing(CohortStore cohorts, ProviderStore providers, LevyEmployerRepository employers, CandidateStore candidates, FundingPolicy policy, TimeProvider clock)
{
    /// <summary>What is wrong with the command's fields, without looking anything up or saving: for a form with problems of its own.</summary>
    public Dictionary<string, string[]> CheckFields(EditCohort command)
    {
        var errors = new FieldErrors();
        command.Details.Read(errors, "edit", policy);
        return errors.ToDictionary();
    }

    public async Task<Result<Cohort>> EditAsync(string id, EditCohort command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (command.Details.Read(errors, id, policy) is not { } edited) return errors.ToProblem();
        if (!InputLimits.IsId(id) || await cohorts.GetAsync(id, ct) is not { } before) return Problem.NotFound("id", $"No cohort '{id}'.");

        var today = clock.Today();
        var rules = CohortRules.Check(edited, today, before);
        if (rules.Count > 0) return Problem.Invalid(rules);
        if (await employers.FindAsync(edited.EmployerId, ct) is null) return Problem.NotFound("employerId", $"No employer '{edited.EmployerId}' (add it under /api/employers).");
        if (await providers.GetAsync(edited.ProviderId, ct) is null) return Problem.NotFound("providerId", $"No provider '{edited.ProviderId}'.");
        if ((await candidates.InProgrammeAsync(null, id, ct)).Count > 0)
        {
            var fixedFields = new Dictionary<string, string[]>();
            void Keep(string field, bool changed, string why)
            {
                if (changed) fixedFields[field] = [why];
            }
            const string waiting = "The cohort has members waiting for the start they were accepted with, so its {0} cannot change.";
            Keep("startDate", edited.StartDate != before.StartDate, string.Format(null, waiting, "start date"));
            Keep("durationMonths", edited.DurationMonths != before.DurationMonths, string.Format(null, waiting, "duration"));
            Keep("providerId", edited.ProviderId != before.ProviderId, "The cohort has members whose training this provider confirms, so its provider cannot change.");
            if (before.StartDate <= today)
            {
                const string started = "The cohort has started and its members' levy commitments were made with its {0}, so it cannot change.";
                Keep("employerId", edited.EmployerId != before.EmployerId, string.Format(null, started, "employer"));
                Keep("agreedPrice", edited.AgreedPrice != before.AgreedPrice, string.Format(null, started, "agreed price"));
                Keep("fundingBandMaximum", edited.FundingBandMaximum != before.FundingBandMaximum, string.Format(null, started, "funding band"));
            }
            if (fixedFields.Count > 0) return new Problem(ProblemKind.Conflict, fixedFields);
        }
        var saved = await cohorts.ChangeAsync(id, _ => edited, ct);
        return saved is null ? Problem.NotFound("id", $"No cohort '{id}'.") : Result<Cohort>.Ok(saved);
    }
}
