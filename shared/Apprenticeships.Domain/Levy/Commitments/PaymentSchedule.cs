using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Commitments;

/// <summary>
/// What a commitment pays its provider, month by month [DAS earnings]:
/// - the completion share (20%) of the capped price is held back for completion, the rest
///   is paid in equal monthly instalments;
/// - an instalment is earned for each month whose last day (the census date) the
///   apprentice is in learning, so the last planned instalment is in the planned end month
///   only when the end date is that month's last day, otherwise in the month before;
/// - rounding: each instalment is rounded DOWN to pence and the last one takes the
///   remainder, so the instalments add up to the on-programme amount exactly and never more;
/// - completing early earns a balancing payment of the unpaid on-programme amount, in the
///   completion month, with the completion payment;
/// - a withdrawal or break in learning stops instalments from its census date on;
/// - on a return from a break, the on-programme amount not yet earned is spread equally over
///   the census months from the return month to the new planned end (DAS earnings'
///   BreakInLearning scenarios; docs/levy-rules.md), rounded the same way; a later break and
///   return do the same again with what is left then;
/// - each payment is made, and debited from the levy account, the month after it is earned.
/// </summary>
public static class PaymentSchedule
{
    public sealed record Result(
        decimal CappedPrice,
        decimal OnProgrammeAmount,
        decimal CompletionAmount,
        int PlannedInstalments,
        decimal MonthlyInstalment,
        IReadOnlyList<ScheduledPayment> Payments);

    public static Result Build(Commitment commitment, IReadOnlyCollection<CommitmentEvent> events, FundingPolicy policy)
    {
        var capped = commitment.CappedPrice;
        var completion = Money.ToPence(capped * policy.CompletionShare.At(commitment.StartDate));
        var onProgramme = capped - completion;
        var first = YearMonth.Of(commitment.StartDate);
        var periods = LearningPeriods.Of(commitment, events);
        var withdrawn = events.FirstOrDefault(e => e.Kind == CommitmentEventKind.Withdrawal)?.Date;
        var completed = events.FirstOrDefault(e => e.Kind == CommitmentEventKind.Completion)?.Date;
        // The last month earned at all: a withdrawal, a completion or a break with no return ends earning.
        var end = YearMonth.Max(first, LastCensusMonth(periods.PlannedEndDate));
        if (withdrawn is { } w) end = YearMonth.Min(end, LastCensusMonth(w));
        if (completed is { } done) end = YearMonth.Min(end, LastCensusMonth(done));
        if (periods.OpenBreak is { } open) end = YearMonth.Min(end, LastCensusMonth(open.From));

        // Each stretch in learning earns its instalments until the next break: the first at the original
        // monthly instalment, each after a return what is left of the on-programme amount spread over the
        // months from the return to the planned end agreed on it.
        var plannedCount = Math.Max(1, first.MonthsUntil(LastCensusMonth(commitment.PlannedEndDate)) + 1);
        var payments = new List<ScheduledPayment>(plannedCount + 2);
        var instalment = Money.DownToPence(onProgramme / plannedCount);
        var (from, count, paid, plannedEnd) = (first, plannedCount, 0m, commitment.PlannedEndDate);
        foreach (var pause in periods.Breaks)
        {
            paid += Instalments(payments, onProgramme - paid, from, count, YearMonth.Min(end, LastCensusMonth(pause.From)));
            if (pause.ReturnedOn is not { } back) break;
            plannedEnd = pause.NewPlannedEndDate ?? plannedEnd;
            from = YearMonth.Of(back);
            count = Math.Max(1, from.MonthsUntil(LastCensusMonth(plannedEnd)) + 1);
        }
        if (!periods.IsOnBreak) paid += Instalments(payments, onProgramme - paid, from, count, end);

        if (withdrawn is null && !periods.IsOnBreak)
        {
            // Without a recorded completion the plan assumes completion on the planned end date.
            var completionMonth = YearMonth.Max(first, YearMonth.Of(completed ?? periods.PlannedEndDate));
            if (paid < onProgramme)
            {
                payments.Add(new ScheduledPayment(PaymentKind.Balancing, 0, completionMonth, completionMonth.AddMonths(1), onProgramme - paid));
            }
            payments.Add(new ScheduledPayment(PaymentKind.Completion, 0, completionMonth, completionMonth.AddMonths(1), completion));
        }
        return new Result(capped, onProgramme, completion, plannedCount, instalment, payments);
    }

    /// <summary>
    /// <paramref name="amount"/> in <paramref name="count"/> equal instalments from <paramref name="from"/>,
    /// rounded down with the remainder in the last, adding those earned up to <paramref name="until"/>; returns their total.
    /// </summary>
    private static decimal Instalments(List<ScheduledPayment> payments, decimal amount, YearMonth from, int count, YearMonth until)
    {
        var each = Money.DownToPence(amount / count);
        var number = payments.Count(p => p.Kind == PaymentKind.Instalment);
        decimal total = 0;
        for (var i = 0; i < count && from.AddMonths(i) <= until; i++)
        {
            var value = i == count - 1 ? amount - each * (count - 1) : each;
            var earned = from.AddMonths(i);
            payments.Add(new ScheduledPayment(PaymentKind.Instalment, ++number, earned, earned.AddMonths(1), value));
            total += value;
        }
        return total;
    }

    /// <summary>The last month whose census date (its last day) falls on or before <paramref name="date"/>.</summary>
    public static YearMonth LastCensusMonth(DateOnly date)
    {
        var month = YearMonth.Of(date);
        return date == month.LastDay ? month : month.AddMonths(-1);
    }
}
