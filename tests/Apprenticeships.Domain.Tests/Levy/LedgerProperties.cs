using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Ledger;
using Apprenticeships.Domain.Levy.Policy;
using FsCheck.Xunit;

namespace Apprenticeships.Domain.Tests.Levy;

public class LedgerProperties
{
    private static readonly FundingPolicy Policy = FundingPolicy.England;
    private static readonly YearMonth From = new(2024, 1);

    private static MonthAmount[] Amounts(int[] raw, bool allowNegative) =>
        raw.Select((r, i) => new MonthAmount(From.AddMonths(i), (allowNegative ? r % 500_000 : Math.Abs(r % 500_000)) / 100m)).ToArray();

    private static PaymentDue[] Payments(int[] raw) =>
        raw.Select((r, i) => new PaymentDue(From.AddMonths(i), Math.Abs(r % 400_000) / 100m, 0.05m)).ToArray();

    [Property(MaxTest = 300)]
    public bool Funds_in_equal_payments_plus_expired_plus_transfers_out_plus_balance_at_every_month(
        int[] fundsIn, int[] payments, int[] transfersOut)
    {
        var input = new LedgerInput(Amounts(fundsIn, true), [], Payments(payments), Amounts(transfersOut, false));
        var months = LevyLedger.Run(input, From, From.AddMonths(60), Policy);

        decimal inSoFar = 0, outSoFar = 0;
        foreach (var m in months)
        {
            inSoFar += m.FundsIn + m.TransfersIn;
            outSoFar += m.LevyPayments + m.Expired + m.TransfersOut;
            if (inSoFar != outSoFar + m.Balance) return false;
            if (m.PaymentsDue != m.LevyPayments + m.EmployerCoInvestment + m.GovernmentCoInvestment) return false;
        }
        return true;
    }

    [Property(MaxTest = 300)]
    public bool Expiry_never_takes_money_that_was_spent(int[] fundsIn, int[] payments)
    {
        var input = new LedgerInput(Amounts(fundsIn, false), [], Payments(payments), []);
        var months = LevyLedger.Run(input, From, From.AddMonths(60), Policy);

        decimal previousBalance = 0;
        foreach (var m in months)
        {
            // What expires was in the account before the month began, and never leaves it below zero.
            if (m.Expired > previousBalance || m.Balance < 0) return false;
            // Money is never left unspent while a provider's payment is co-invested.
            if (m.EmployerCoInvestment + m.GovernmentCoInvestment > 0 && m.Balance != 0) return false;
            previousBalance = m.Balance;
        }
        return true;
    }

    [Property(MaxTest = 500)]
    public bool No_schedule_pays_more_than_the_capped_price(int price, int band, int startOffset, int months, int eventKind, int eventOffset)
    {
        var start = new DateOnly(2024, 1, 1).AddDays(Math.Abs(startOffset % 1_500));
        var end = start.AddDays(1 + Math.Abs(months % 1_800));
        var commitment = new Commitment("c", "e", 1 + Math.Abs(price % 5_000_000) / 100m, 1_500 + Math.Abs(band % 25_501),
            start, end, 30, false, false);
        var eventDate = start.AddDays(Math.Abs(eventOffset % 2_000));
        CommitmentEvent[] events = Math.Abs(eventKind % 4) switch
        {
            0 => [],
            1 => [new(CommitmentEventKind.Completion, eventDate)],
            2 => [new(CommitmentEventKind.Withdrawal, eventDate)],
            _ => [new(CommitmentEventKind.BreakInLearning, eventDate)],
        };

        var schedule = PaymentSchedule.Build(commitment, events, Policy);
        var total = schedule.Payments.Sum(p => p.Amount);
        var completes = events.Length == 0 || events[0].Kind == CommitmentEventKind.Completion;
        return total <= commitment.CappedPrice
               && (!completes || total == commitment.CappedPrice)
               && schedule.Payments.All(p => p.Amount >= 0 && p.PaidMonth == p.EarnedMonth.AddMonths(1));
    }
}
