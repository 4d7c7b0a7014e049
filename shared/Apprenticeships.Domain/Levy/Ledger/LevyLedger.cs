using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Ledger;

/// <summary>
/// Runs an account month by month. Funds are kept as tranches by the month they entered
/// (on the funds-available day), each expiring N months later, N being the policy in force
/// when they entered (24 months; 12 for funds entering from August 2026). Within a month,
/// in this order:
/// 1. funds and transfers in are added; a refund (negative month) is netted against the
///    latest earlier tranches first [DAS ExpiredFunds.CalculateAndApplyAdjustmentsToTotals],
///    and whatever it cannot net is owed (a deficit the next funds in repay), so the
///    balance can go below zero;
/// 2. payments due take the oldest funds first (FIFO); what is missing is co-invested;
/// 3. transfers out take the oldest funds first;
/// 4. what is left of the tranches reaching their expiry month expires.
/// Expiry comes last because the official rule counts the expiry month's own spending:
/// each month, expired = funds that entered N or more months ago - all payments and
/// transfers out to date, this month's included - funds already expired, never below zero
/// [OFF DfE help "Expired funds"; DAS ExpiredFunds.CalculateExpiryAmount takes funds out
/// of every month up to and including the expiry month]. So "funds entering May 2018
/// expire May 2020" means May 2020's payments can still use them. With FIFO the remainder
/// of the expiring tranches is exactly that formula, taken per expiry period: payments use
/// the older (24-month) funds first, as DAS's 24-month run consumes funds out before its
/// 12-month run does [DAS ExpireFundsExtensions.GetExpiredFunds]. Expiry only ever takes a
/// tranche's unspent remainder, so it never takes money spent. See docs/levy-rules.md.
/// </summary>
public static class LevyLedger
{
    // The period that lets DAS report a separate "short-term" expiry [DAS ExpireAccountFundsCommandHandler].
    private const int ShortExpiryMonths = 12;

    private sealed class Tranche(decimal amount, int expiryMonths)
    {
        public decimal Remaining = amount;
        public readonly int ExpiryMonths = expiryMonths;
    }

    public static IReadOnlyList<LedgerMonth> Run(LedgerInput input, YearMonth from, YearMonth to, FundingPolicy policy)
    {
        var length = from.MonthsUntil(to) + 1;
        if (length <= 0) return [];
        var fundsIn = ByMonth(input.FundsIn, from, length);
        var transfersIn = ByMonth(input.TransfersIn, from, length);
        var transfersOut = ByMonth(input.TransfersOut, from, length);
        // Payments ordered by month with a counting sort: paymentStart[i]..paymentStart[i+1] are month i's.
        var paymentStart = new int[length + 1];
        foreach (var p in input.Payments)
        {
            var i = from.MonthsUntil(p.Month);
            if (i >= 0 && i < length) paymentStart[i + 1]++;
        }
        for (var i = 0; i < length; i++) paymentStart[i + 1] += paymentStart[i];
        var payments = new PaymentDue[paymentStart[length]];
        var fill = (int[])paymentStart.Clone();
        foreach (var p in input.Payments)
        {
            var i = from.MonthsUntil(p.Month);
            if (i >= 0 && i < length) payments[fill[i]++] = p;
        }
        // Tranches by the month they expire, so expiry looks only at the month's own tranches.
        var expiringIn = new List<Tranche>?[length];

        var tranches = new List<Tranche>();
        var oldest = 0;
        decimal deficit = 0, held = 0;
        var months = new LedgerMonth[length];
        for (var i = 0; i < length; i++)
        {
            var month = from.AddMonths(i);
            var expiryMonths = policy.FundsExpiryMonths.At(month.Day(policy.FundsAvailableDay.At(month.FirstDay)));
            for (var source = 0; source < 2; source++)
            {
                var amount = source == 0 ? fundsIn[i] : transfersIn[i];
                if (amount > 0)
                {
                    var repay = Math.Min(deficit, amount);
                    deficit -= repay;
                    if (amount > repay)
                    {
                        var tranche = new Tranche(amount - repay, expiryMonths);
                        tranches.Add(tranche);
                        var e = i + expiryMonths;
                        if (e < length) (expiringIn[e] ??= []).Add(tranche);
                    }
                    held += amount - repay;
                }
                else if (amount < 0)
                {
                    var refund = -amount;
                    for (var t = tranches.Count - 1; t >= oldest && refund > 0; t--)
                    {
                        var take = Math.Min(refund, tranches[t].Remaining);
                        tranches[t].Remaining -= take;
                        refund -= take;
                        held -= take;
                    }
                    deficit += refund;
                }
            }

            decimal due = 0, fromLevy = 0, employer = 0, government = 0;
            for (var p = paymentStart[i]; p < paymentStart[i + 1]; p++)
            {
                var payment = payments[p];
                due += payment.Amount;
                var taken = TakeOldestFirst(tranches, ref oldest, payment.Amount);
                fromLevy += taken;
                var shortfall = payment.Amount - taken;
                if (shortfall > 0)
                {
                    var employerPart = Money.ToPence(shortfall * payment.EmployerShareOfShortfall);
                    employer += employerPart;
                    government += shortfall - employerPart;
                }
            }
            held -= fromLevy;

            var outgoing = transfersOut[i];
            if (outgoing > 0)
            {
                var taken = TakeOldestFirst(tranches, ref oldest, outgoing);
                held -= taken;
                deficit += outgoing - taken;
            }

            decimal expired = 0, expiredShort = 0;
            if (expiringIn[i] is { } expiringNow)
            {
                foreach (var tranche in expiringNow)
                {
                    expired += tranche.Remaining;
                    if (tranche.ExpiryMonths == ShortExpiryMonths) expiredShort += tranche.Remaining;
                    tranche.Remaining = 0;
                }
            }
            held -= expired;

            months[i] = new LedgerMonth(month, fundsIn[i], transfersIn[i], due, fromLevy, employer, government, outgoing, expired,
                held - deficit, expiredShort);
        }
        return months;
    }

    private static decimal TakeOldestFirst(List<Tranche> tranches, ref int oldest, decimal wanted)
    {
        decimal taken = 0;
        for (var t = oldest; t < tranches.Count && taken < wanted; t++)
        {
            var take = Math.Min(wanted - taken, tranches[t].Remaining);
            tranches[t].Remaining -= take;
            taken += take;
        }
        while (oldest < tranches.Count && tranches[oldest].Remaining == 0) oldest++;
        return taken;
    }

    private static decimal[] ByMonth(IReadOnlyList<MonthAmount> amounts, YearMonth from, int length)
    {
        var result = new decimal[length];
        foreach (var a in amounts)
        {
            var i = from.MonthsUntil(a.Month);
            if (i >= 0 && i < length) result[i] += a.Amount;
        }
        return result;
    }
}
