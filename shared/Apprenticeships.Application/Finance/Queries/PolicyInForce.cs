using Apprenticeships.Application.Finance.Models;
using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Application.Finance.Queries;

/// <summary>The levy rules in force on a date, so a finance officer can see which rates a figure used.</summary>
public sealed class PolicyInForce(FundingPolicy policy, TimeProvider clock)
{
    public Result<PolicyResponse> On(string? date)
    {
        var errors = new FieldErrors();
        var on = date is null ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : errors.LevyDate("date", date, "Date");
        if (errors.Any) return errors.ToProblem();
        var d = on!.Value;
        var fullFunding = At(policy.FullGovernmentFunding, d);
        var incentives = At(policy.Incentives, d);
        return Result<PolicyResponse>.Ok(new PolicyResponse(d,
            Value(policy.LevyRate, d), Value(policy.AnnualAllowance, d), Value(policy.TopUp, d), Value(policy.DeclarationCutOffDay, d),
            Value(policy.FundsAvailableDay, d), Value(policy.YearEndAdjustmentAfterDays, d), Value(policy.FundsExpiryMonths, d),
            Value(policy.FundingBandFloor, d), Value(policy.FundingBandCeiling, d), Value(policy.CompletionShare, d),
            Value(policy.NonLevyEmployerShare, d), Value(policy.LevyPayerShortfallEmployerShare, d),
            fullFunding is null ? null : new FullFundingResponse(fullFunding.NonLevyMaxAge, fullFunding.NonLevyMaxAgeWithEhcPlanOrCareLeaver),
            Value(policy.TransferAllowanceShare, d),
            incentives is null ? null : new IncentiveRuleResponse(incentives.MinAge, incentives.MaxAge, incentives.MaxAgeWithEhcPlanOrCareLeaver,
                incentives.AmountEach, incentives.PartDueAfterDays),
            Value(policy.MinimumDurationMonths, d),
            "docs/levy-rules.md"));
    }

    // A rule not yet in force on the date (transfers before April 2018) is shown as null, not an error.
    private static T? Value<T>(PolicyParameter<T> parameter, DateOnly date) where T : struct =>
        date < parameter.FirstEffective ? null : parameter.At(date);

    private static T? At<T>(PolicyParameter<T> parameter, DateOnly date) where T : class =>
        date < parameter.FirstEffective ? null : parameter.At(date);
}
