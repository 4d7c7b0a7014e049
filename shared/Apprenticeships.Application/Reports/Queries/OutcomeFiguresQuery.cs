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
/// programme records, and the levy side for the cohorts' employers.
/// </summary>
public sealed class OutcomeFiguresQuery(CandidateStore candidates, ProgrammeRecords records, CohortStore cohorts,
    CommitmentRepository commitments, AccountRecordsRepository accounts, FundingPolicy policy)
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
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var facts = await records.RecordedAsync(start, end, ct);
        var (firstMonth, lastMonth) = (YearMonth.Of(from), YearMonth.Of(to));

        // Paid for hub apprentices: every apprenticeship the hub started, whenever, paid within the range.
        var paid = 0m;
        foreach (var started in await records.OfKindAsync(RecordKind.ApprenticeshipStart, ct))
        {
            if (await commitments.FindAsync(started.Value!, ct) is not { } commitment) continue;
            paid += PaymentSchedule.Build(commitment.Commitment, commitment.Events, policy).Payments
                .Where(p => p.PaidMonth >= firstMonth && p.PaidMonth <= lastMonth).Sum(p => p.Amount);
        }
        decimal used = 0, expired = 0;
        foreach (var employerId in (await cohorts.ListAsync(ct)).Select(c => c.EmployerId).Distinct())
        {
            if (await accounts.LoadAsync(employerId, ct) is not { } account) continue;
            var months = LevyAccount.AsOf(account, lastMonth, policy).Months.Where(m => m.Month >= firstMonth).ToList();
            used += months.Sum(m => m.LevyPayments);
            expired += months.Sum(m => m.Expired);
        }
        return OutcomeReport.Build(from, to, await candidates.ListAsync(null, null, ct), facts, new LevyFigures(paid, used, expired));
    }
}
