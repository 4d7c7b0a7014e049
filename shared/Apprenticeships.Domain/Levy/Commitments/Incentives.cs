using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Commitments;

/// <summary>
/// Incentives for apprentices aged 16-18 at the start, or 19-24 with an EHC plan or
/// care-leaver status [OFF/DAS]: an amount each to employer and provider, in equal parts
/// due a set number of days after the start, each only if due on or before the planned end.
/// A break in learning shifts the due dates of the parts not yet due by its length: until the
/// return is recorded such a part waits (OnBreak); after it, it is due that many days later,
/// and paid only if that is on or before the new planned end [DAS earnings,
/// UpdateIncentivesDueDateAfterReturnFromBreakInLearning]. Several breaks shift it in turn.
/// </summary>
public static class Incentives
{
    public static IReadOnlyList<IncentivePayment> For(Commitment commitment, IReadOnlyCollection<CommitmentEvent> events, FundingPolicy policy)
    {
        var rule = policy.Incentives.At(commitment.StartDate);
        if (!IsEligible(commitment, rule)) return [];

        var withdrawn = events.FirstOrDefault(e => e.Kind == CommitmentEventKind.Withdrawal)?.Date;
        var periods = LearningPeriods.Of(commitment, events);
        var parts = rule.PartDueAfterDays.Count;
        var partAmount = Money.DownToPence(rule.AmountEach / parts);
        var result = new List<IncentivePayment>(parts * 2);
        foreach (var payee in new[] { IncentivePayee.Employer, IncentivePayee.Provider })
        {
            for (var i = 0; i < parts; i++)
            {
                var due = commitment.StartDate.AddDays(rule.PartDueAfterDays[i]);
                // Each break that begins on or before the part is due moves it by the break's length, in turn
                // (the next break is compared with the date the earlier ones moved it to).
                var waiting = false;
                foreach (var pause in periods.Breaks)
                {
                    if (pause.From > due) break;
                    if (pause.ReturnedOn is null) waiting = true;
                    else due = due.AddDays(pause.Days);
                }
                // Any odd pence go to the last part so each payee gets the full amount.
                var amount = i == parts - 1 ? rule.AmountEach - partAmount * (parts - 1) : partAmount;
                var status = due > periods.PlannedEndDate ? IncentiveStatus.AfterPlannedEnd
                    : withdrawn is { } w && w < due ? IncentiveStatus.Withdrawn
                    : waiting ? IncentiveStatus.OnBreak
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
