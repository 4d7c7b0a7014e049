using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Commitments;

/// <summary>
/// Incentives for apprentices aged 16-18 at the start, or 19-24 with an EHC plan or
/// care-leaver status [OFF/DAS]: an amount each to employer and provider, in equal parts
/// due a set number of days after the start, each only if due on or before the planned end.
/// A break in learning shifts the due dates by its length; breaks are recorded here without
/// a return date, so a part falling due after a break starts waits (OnBreak).
/// </summary>
public static class Incentives
{
    public static IReadOnlyList<IncentivePayment> For(Commitment commitment, IReadOnlyCollection<CommitmentEvent> events, FundingPolicy policy)
    {
        var rule = policy.Incentives.At(commitment.StartDate);
        if (!IsEligible(commitment, rule)) return [];

        var withdrawn = events.FirstOrDefault(e => e.Kind == CommitmentEventKind.Withdrawal)?.Date;
        var onBreak = events.FirstOrDefault(e => e.Kind == CommitmentEventKind.BreakInLearning)?.Date;
        var parts = rule.PartDueAfterDays.Count;
        var partAmount = Money.DownToPence(rule.AmountEach / parts);
        var result = new List<IncentivePayment>(parts * 2);
        foreach (var payee in new[] { IncentivePayee.Employer, IncentivePayee.Provider })
        {
            for (var i = 0; i < parts; i++)
            {
                var due = commitment.StartDate.AddDays(rule.PartDueAfterDays[i]);
                // Any odd pence go to the last part so each payee gets the full amount.
                var amount = i == parts - 1 ? rule.AmountEach - partAmount * (parts - 1) : partAmount;
                var status = due > commitment.PlannedEndDate ? IncentiveStatus.AfterPlannedEnd
                    : withdrawn is { } w && w < due ? IncentiveStatus.Withdrawn
                    : onBreak is { } b && b <= due ? IncentiveStatus.OnBreak
                    : IncentiveStatus.Payable;
                result.Add(new IncentivePayment(payee, i + 1, due, amount, status));
            }
        }
        return result;
    }

    public static bool IsEligible(Commitment commitment, IncentiveRule rule)
    {
        var age = commitment.ApprenticeAgeAtStart;
        if (age < rule.MinAge) return false;
        if (age <= rule.MaxAge) return true;
        return (commitment.HasEhcPlan || commitment.IsCareLeaver) && age <= rule.MaxAgeWithEhcPlanOrCareLeaver;
    }
}
