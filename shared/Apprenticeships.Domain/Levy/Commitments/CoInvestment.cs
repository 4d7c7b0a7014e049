using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Commitments;

/// <summary>
/// Who pays the part of a payment the levy account cannot cover. The rule in force on the
/// apprenticeship's start date applies for its whole life [OFF DfE help "Co-investment": the
/// share depends on when the apprenticeship started]. For a non-levy employer every payment
/// is a shortfall. Full government funding depends on the employer not paying the levy, not
/// on its size [OFF written answer 11 Feb 2026]; see docs/levy-rules.md.
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
        return employer.IsLevyPayer
            ? policy.LevyPayerShortfallEmployerShare.At(start)
            : policy.NonLevyEmployerShare.At(start);
    }
}
