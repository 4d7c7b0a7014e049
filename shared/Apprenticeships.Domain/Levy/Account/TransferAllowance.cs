using System.Globalization;
using Apprenticeships.Domain.Levy.Declarations;
using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Account;

/// <summary>
/// How much a levy payer may still transfer [OFF]: the share in force on the transfer date
/// of the previous tax year's levy funds in (funds that entered the account in that year,
/// after English fraction and top-up), less transfers already sent this tax year.
/// </summary>
public static class TransferAllowance
{
    public sealed record Result(int TaxYearStart, decimal PreviousYearFundsIn, decimal Share, decimal Allowance, decimal AlreadyTransferred)
    {
        public decimal Remaining => Math.Max(0, Allowance - AlreadyTransferred);
    }

    public static Result For(AccountRecords sender, DateOnly date, FundingPolicy policy)
    {
        var taxYear = PayrollPeriod.TaxYearOf(YearMonth.Of(date));
        var previousStart = PayrollPeriod.FirstMonthOfTaxYear(taxYear - 1);
        var thisStart = PayrollPeriod.FirstMonthOfTaxYear(taxYear);
        var fundsIn = sender.Employer.IsLevyPayer
            ? LevyFundsIn.Calculate(sender.Declarations, sender.EnglishFractions, policy)
                .Where(f => f.Month >= previousStart && f.Month < thisStart).Sum(f => f.Amount)
            : 0m;
        var share = date < policy.TransferAllowanceShare.FirstEffective ? 0m : policy.TransferAllowanceShare.At(date);
        var already = sender.TransfersOut.Where(t => PayrollPeriod.TaxYearOf(t.Month) == taxYear).Sum(t => t.Amount);
        return new Result(taxYear, fundsIn, share, Money.ToPence(Math.Max(0, fundsIn) * share), already);
    }

    /// <summary>Null when the transfer fits; otherwise why it is refused, in words a finance officer understands.</summary>
    public static string? Refusal(AccountRecords sender, Transfer transfer, FundingPolicy policy)
    {
        if (!sender.Employer.IsLevyPayer) return "Only a levy payer can transfer levy funds.";
        var allowance = For(sender, transfer.Date, policy);
        if (transfer.Amount <= allowance.Remaining) return null;
        return string.Create(CultureInfo.InvariantCulture, $"Transfer of £{transfer.Amount:N2} is over the transfer allowance: {allowance.Share * 100:0.##}% of " +
               $"{PayrollPeriod.FormatYear(allowance.TaxYearStart - 1)} funds in (£{allowance.PreviousYearFundsIn:N2}) is " +
               $"£{allowance.Allowance:N2}, less £{allowance.AlreadyTransferred:N2} already transferred in " +
               $"{PayrollPeriod.FormatYear(allowance.TaxYearStart)}, leaves £{allowance.Remaining:N2}.");
    }
}
