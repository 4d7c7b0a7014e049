using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Commitments;

/// <summary>
/// Who pays the part of a payment the levy account cannot cover. The rule in force on the
/// apprenticeship's start date applies for its whole life. For a non-levy employer every
/// payment is a shortfall.
/// </summary>
public static class CoInvestment
{
    /// <summary>The employer's share (0..1) of a shortfall; the government pays the rest.</summary>
    public static decimal EmployerShare(Commitment commitment, LevyEmployer employer, FundingPolicy policy)
    {
        var start = commitment.StartDate;
        var age = commitment.ApprenticeAgeAtStart;
        var full = policy.FullGovernmentFunding.At(start);
        var supported = commitment.HasEhcPlan || commitment.IsCareLeaver;
        if (!employer.IsLevyPayer)
        {
            if (age <= full.NonLevyMaxAge) return 0m;
            if (supported && age <= full.NonLevyMaxAgeWithEhcPlanOrCareLeaver) return 0m;
        }
        if (employer.IsSme && age < full.SmeMaxAgeExclusive) return 0m;
        return employer.IsLevyPayer
            ? policy.LevyPayerShortfallEmployerShare.At(start)
            : policy.NonLevyEmployerShare.At(start);
    }
}
