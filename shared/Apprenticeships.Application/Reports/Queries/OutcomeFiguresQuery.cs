using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Reports.Queries;

/// <summary>
/// The hub's outcome figures for a date range (<see cref="OutcomeReport"/>), from candidates,
/// programme records, and the levy side for the cohorts' employers, as of today on the business
/// clock: what is dated after today is a forecast, shown apart and never counted as spent or expired.
/// </summary>
public sealed class OutcomeFiguresQuery(CandidateStore candidates, ProgrammeRecords records, CohortStore cohorts,
    CommitmentRepository commitments, AccountRecordsRepository accounts, FundingPolicy policy, TimeProvider clock)
{
    /// <summary>Longest range one request may ask for: a few years of figures, not a scan of the century.</summary>
    public const int LongestRangeDays = 366 * 5;

    /// <summary>The figures from <paramref name="from"/> to <paramref name="to"/> inclusive ("YYYY-MM-DD").</summary>
    public async Task<Result<OutcomeFigures>> BuildAsync(string? from, string? to, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var start = errors.Date("from", from, "From");
        var end = errors.Date("to", to, "To");
        if (start is { } s && end is { } e)
        {
            if (e < s) errors.Add("to", "To must be on or after from.");
            else if (e.DayNumber - s.DayNumber > LongestRangeDays) errors.Add("to", "Ask for at most five years at a time.");
        }
        if (errors.Any) return errors.ToProblem();
        return Result<OutcomeFigures>.Ok(await BuildAsync(start!.Value, end!.Value, ct));
    }

    private async Task<OutcomeFigures> BuildAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var today = clock.Today();
        var facts = await records.DatedAsync(from, to, ct);
        // A levy month's money counts on the month's last day: the months whose last day is in the
        // range, those over by today counted, the later ones forecast.
        bool InRange(YearMonth m) => m.LastDay >= from && m.LastDay <= to;
        bool Over(YearMonth m) => m.LastDay <= today;
        var (firstMonth, lastMonth) = (YearMonth.Of(from), YearMonth.Of(to));

        // Paid for hub apprentices: every apprenticeship the hub started, whenever, paid within the range.
        decimal paid = 0, paidAhead = 0;
        foreach (var started in await records.OfKindAsync(RecordKind.ApprenticeshipStart, ct))
        {
            if (await commitments.FindAsync(started.Value!, ct) is not { } commitment) continue;
            foreach (var payment in PaymentSchedule.Build(commitment.Commitment, commitment.Events, policy).Payments.Where(p => InRange(p.PaidMonth)))
            {
                if (Over(payment.PaidMonth)) paid += payment.Amount;
                else paidAhead += payment.Amount;
            }
        }
        decimal used = 0, expired = 0, usedAhead = 0, expiring = 0;
        foreach (var employerId in (await cohorts.ListAsync(ct)).Select(c => c.EmployerId).Distinct())
        {
            if (await accounts.LoadAsync(employerId, ct) is not { } account) continue;
            foreach (var month in LevyAccount.AsOf(account, lastMonth, policy).Months.Where(m => m.Month >= firstMonth && InRange(m.Month)))
            {
                if (Over(month.Month)) (used, expired) = (used + month.LevyPayments, expired + month.Expired);
                else (usedAhead, expiring) = (usedAhead + month.LevyPayments, expiring + month.Expired);
            }
        }
        return OutcomeReport.Build(from, to, today, await candidates.ListAsync(null, null, ct), facts,
            new LevyFigures(paid, used, expired), new LevyFigures(paidAhead, usedAhead, expiring));
    }
}
