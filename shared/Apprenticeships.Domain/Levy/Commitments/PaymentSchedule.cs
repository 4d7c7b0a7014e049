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
        var lastPlanned = LastCensusMonth(commitment.PlannedEndDate);
        // A course shorter than a census month still earns its on-programme amount once.
        var count = Math.Max(1, first.MonthsUntil(lastPlanned) + 1);
        var instalment = Money.DownToPence(onProgramme / count);

        var stopped = events.Where(e => e.Kind is CommitmentEventKind.Withdrawal or CommitmentEventKind.BreakInLearning)
            .Select(e => (DateOnly?)e.Date).Min();
        var completed = events.FirstOrDefault(e => e.Kind == CommitmentEventKind.Completion)?.Date;
        var lastEarned = first.AddMonths(count - 1);
        if (stopped is { } stop) lastEarned = YearMonth.Min(lastEarned, LastCensusMonth(stop));
        if (completed is { } done) lastEarned = YearMonth.Min(lastEarned, LastCensusMonth(done));

        var payments = new List<ScheduledPayment>(count + 2);
        decimal paid = 0;
        for (var i = 0; i < count && first.AddMonths(i) <= lastEarned; i++)
        {
            var amount = i == count - 1 ? onProgramme - instalment * (count - 1) : instalment;
            var earned = first.AddMonths(i);
            payments.Add(new ScheduledPayment(PaymentKind.Instalment, i + 1, earned, earned.AddMonths(1), amount));
            paid += amount;
        }

        if (stopped is null)
        {
            // Without a recorded completion the plan assumes completion on the planned end date.
            var completionMonth = YearMonth.Of(completed ?? commitment.PlannedEndDate);
            if (completionMonth < first) completionMonth = first;
            if (paid < onProgramme)
            {
                payments.Add(new ScheduledPayment(PaymentKind.Balancing, 0, completionMonth, completionMonth.AddMonths(1), onProgramme - paid));
            }
            payments.Add(new ScheduledPayment(PaymentKind.Completion, 0, completionMonth, completionMonth.AddMonths(1), completion));
        }
        return new Result(capped, onProgramme, completion, count, instalment, payments);
    }

    /// <summary>The last month whose census date (its last day) falls on or before <paramref name="date"/>.</summary>
    public static YearMonth LastCensusMonth(DateOnly date)
    {
        var month = YearMonth.Of(date);
        return date == month.LastDay ? month : month.AddMonths(-1);
    }
}
