using System.Globalization;
using System.Text;
using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Forecast;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Functions.Http.Finance.Models;
using Apprenticeships.Storage.Levy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Apprenticeships.Functions.Http.Finance;

/// <summary>An employer's account, forecast and CSV statement, computed from stored records on each request.</summary>
public static class AccountEndpoints
{
    // Far enough for any forecast; stops a typo like 9024-01 running the ledger for millennia.
    private const int LastAcceptedYear = 2199;

    public static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> GetAccountAsync(
        string id, string? asOf, AccountRecordsRepository accounts, FundingPolicy policy, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var month = Month(errors, "asOf", asOf, policy, clock);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var records = await accounts.LoadAsync(id, cancellationToken);
        if (records is null) return ProblemResults.NotFound("employerId", $"No employer '{id}'.");

        var account = LevyAccount.AsOf(records, month!.Value, policy);
        return TypedResults.Ok(new AccountResponse(id, account.AsOf.ToString(), account.Balance,
            new AccountTotals(account.TotalFundsIn, account.TotalTransfersIn, account.TotalLevyPayments, account.TotalEmployerCoInvestment,
                account.TotalGovernmentCoInvestment, account.TotalTransfersOut, account.TotalExpired),
            account.Months.Select(AccountMonthResponse.From).ToList()));
    }

    public static async Task<Results<Ok<ForecastResponse>, ValidationProblem, ProblemHttpResult>> GetForecastAsync(
        string id, string? months, string? from, string? band, AccountRecordsRepository accounts, FundingPolicy policy,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var start = Month(errors, "from", from, policy, clock);
        var horizon = policy.ForecastHorizonMonths.At((start ?? policy.FirstLedgerMonth).FirstDay);
        var count = horizon;
        if (months is not null && (!int.TryParse(months, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > horizon))
            errors.Add("months", $"Months must be a whole number from 1 to {horizon}.");
        decimal? bandAmount = null;
        if (start is { } s)
        {
            var floor = policy.FundingBandFloor.At(s.FirstDay);
            var ceiling = policy.FundingBandCeiling.At(s.FirstDay);
            bandAmount = ceiling;
            if (band is not null)
            {
                if (decimal.TryParse(band, NumberStyles.Number, CultureInfo.InvariantCulture, out var b) && b >= floor && b <= ceiling)
                    bandAmount = b;
                else
                    errors.Add("band", $"Band must be a funding band maximum from {floor:0} to {ceiling:0}.");
            }
        }
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var records = await accounts.LoadAsync(id, cancellationToken);
        if (records is null) return ProblemResults.NotFound("employerId", $"No employer '{id}'.");

        var forecast = LevyForecast.Project(records, start!.Value, count, bandAmount!.Value, policy);
        return TypedResults.Ok(new ForecastResponse(id, forecast.From.ToString(), count, forecast.TotalExpiring,
            forecast.FirstExpiryMonth?.ToString(), forecast.Band, forecast.AdditionalApprentices, forecast.ExpiringWithAdditionalApprentices,
            forecast.Months.Select(AccountMonthResponse.From).ToList()));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetStatementAsync(
        string id, string? asOf, AccountRecordsRepository accounts, FundingPolicy policy, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var month = Month(errors, "asOf", asOf, policy, clock);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var records = await accounts.LoadAsync(id, cancellationToken);
        if (records is null) return ProblemResults.NotFound("employerId", $"No employer '{id}'.");

        var account = LevyAccount.AsOf(records, month!.Value, policy);
        var csv = new StringBuilder("Month,FundsIn,TransfersIn,PaymentsDue,Payments,EmployerCoInvestment,GovernmentCoInvestment,TransfersOut,Expired,Balance\n");
        foreach (var m in account.Months)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{m.Month},{m.FundsIn:0.00},{m.TransfersIn:0.00},{m.PaymentsDue:0.00},{m.LevyPayments:0.00},{m.EmployerCoInvestment:0.00},{m.GovernmentCoInvestment:0.00},{m.TransfersOut:0.00},{m.Expired:0.00},{m.Balance:0.00}\n");
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"levy-statement-{id}-{account.AsOf}.csv");
    }

    private static YearMonth? Month(FieldErrors errors, string field, string? text, FundingPolicy policy, TimeProvider clock)
    {
        var month = errors.Month(field, text, YearMonth.Of(clock.GetUtcNow().UtcDateTime));
        if (month is { } m && (m < policy.FirstLedgerMonth || m.Year > LastAcceptedYear))
        {
            errors.Add(field, $"Month must be from {policy.FirstLedgerMonth} to {LastAcceptedYear}-12.");
            return null;
        }
        return month;
    }
}
