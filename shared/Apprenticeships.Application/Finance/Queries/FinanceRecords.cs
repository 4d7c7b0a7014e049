using Apprenticeships.Application.Finance.Models;
using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Declarations;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Storage.Levy;

namespace Apprenticeships.Application.Finance.Queries;

/// <summary>What a finance officer reads besides the account: employers, declarations and what became of them, English fractions, commitments and the transfer allowance.</summary>
public sealed class FinanceRecords(LevyEmployerRepository employers, AccountRecordsRepository accounts, FundingPolicy policy, TimeProvider clock)
{
    public async Task<EmployersResponse> EmployersAsync(CancellationToken ct) =>
        new((await employers.ListAsync(ct)).OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => new EmployerResponse(e.Id, e.Name, e.IsLevyPayer, e.IsSme)).ToList());

    public async Task<Result<DeclarationsResponse>> DeclarationsAsync(string employerId, CancellationToken ct)
    {
        if (await LoadAsync(employerId, ct) is not { } records) return NotFound(employerId);
        var views = DeclarationOutcome.For(records.Declarations, records.EnglishFractions, policy).Select(o => new DeclarationView(
            o.Declaration.PayeScheme, o.Declaration.Period.PayrollYear, o.Declaration.Period.Month, o.Declaration.LevyDueYtd, o.Declaration.PayBill,
            new DateTimeOffset(DateTime.SpecifyKind(o.Declaration.SubmittedAt, DateTimeKind.Utc)), o.CutOff.ToString("yyyy-MM-dd"),
            o.OnTime, !o.OnTime && !o.IsYearEndAdjustment, o.Counted, o.IsYearEndAdjustment,
            o.FundsIn?.Month.ToString(), o.FundsIn?.Levy, o.FundsIn?.EnglishFraction, o.FundsIn?.TopUp, o.FundsIn?.Amount)).ToList();
        return Result<DeclarationsResponse>.Ok(new(employerId, views));
    }

    public async Task<Result<EnglishFractionsResponse>> EnglishFractionsAsync(string employerId, CancellationToken ct)
    {
        if (await LoadAsync(employerId, ct) is not { } records) return NotFound(employerId);
        return Result<EnglishFractionsResponse>.Ok(new(employerId, records.EnglishFractions.OrderBy(f => f.DateCalculated)
            .Select(f => new EnglishFractionResponse(employerId, f.DateCalculated, f.Fraction)).ToList()));
    }

    /// <summary>The employer's commitments with their schedules; incentives that will never be paid only when <paramref name="all"/> is "true".</summary>
    public async Task<Result<CommitmentsResponse>> CommitmentsAsync(string employerId, string? all, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var everyIncentive = errors.Flag("all", all);
        if (errors.Any) return errors.ToProblem();
        if (await LoadAsync(employerId, ct) is not { } records) return NotFound(employerId);
        return Result<CommitmentsResponse>.Ok(new(employerId, records.Commitments.OrderBy(c => c.Commitment.StartDate).ThenBy(c => c.Commitment.Id, StringComparer.Ordinal)
            .Select(c => CommitmentSchedules.Of(c, records.Employer, policy, everyIncentive)).ToList()));
    }

    /// <summary>The transfer allowance in the tax year of <paramref name="date"/> (today when absent): used and left.</summary>
    public async Task<Result<TransferAllowanceResponse>> TransferAllowanceAsync(string employerId, string? date, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var on = date is null ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : errors.LevyDate("date", date, "Date");
        if (errors.Any) return errors.ToProblem();
        if (await LoadAsync(employerId, ct) is not { } records) return NotFound(employerId);
        var allowance = TransferAllowance.For(records, on!.Value, policy);
        return Result<TransferAllowanceResponse>.Ok(new(employerId, on.Value, PayrollPeriod.FormatYear(allowance.TaxYearStart),
            PayrollPeriod.FormatYear(allowance.TaxYearStart - 1), allowance.PreviousYearFundsIn, allowance.Share, allowance.Allowance,
            allowance.AlreadyTransferred, allowance.Remaining));
    }

    private async Task<AccountRecords?> LoadAsync(string employerId, CancellationToken ct) =>
        InputLimits.IsId(employerId) ? await accounts.LoadAsync(employerId, ct) : null;

    private static Problem NotFound(string employerId) => Problem.NotFound("employerId", $"No employer '{employerId}'.");
}
