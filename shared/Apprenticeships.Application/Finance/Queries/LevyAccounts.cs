using System.Globalization;
using Apprenticeships.Application.Finance.Models;
using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Forecast;
using Apprenticeships.Domain.Levy.Ledger;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Storage.Levy;

namespace Apprenticeships.Application.Finance.Queries;

/// <summary>An employer's account to a month, and its forecast from the month after, for the finance page.</summary>
public sealed record AccountOverview(LevyEmployer Employer, YearMonth ThisMonth, LevyAccountStatement Account, ForecastResult Forecast, IReadOnlyList<LedgerMonth> Projected);

/// <summary>A forecast and how many months were asked for.</summary>
public sealed record AccountForecast(ForecastResult Projection, int Months);

/// <summary>Levy accounts, forecasts and statements, computed from stored records on each request.</summary>
public sealed class LevyAccounts(LevyEmployerRepository employers, AccountRecordsRepository accounts, FundingPolicy policy, TimeProvider clock)
{
    // The last year any finance date may be (InputLimits.LatestDate); stops a typo like 9024-01 running the ledger for millennia.
    private static readonly int LastAcceptedYear = InputLimits.LatestDate.Year;

    public async Task<List<LevyEmployer>> EmployersAsync(CancellationToken ct) => (await employers.ListAsync(ct)).OrderBy(e => e.Name).ToList();

    /// <summary>The account to the end of <paramref name="asOf"/> ("YYYY-MM", this month when absent).</summary>
    public async Task<Result<LevyAccountStatement>> AccountAsync(string employerId, string? asOf, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var month = Month(errors, "asOf", asOf);
        if (errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(employerId) || await accounts.LoadAsync(employerId, ct) is not { } records) return Problem.NotFound("employerId", $"No employer '{employerId}'.");
        return Result<LevyAccountStatement>.Ok(LevyAccount.AsOf(records, month!.Value, policy));
    }

    /// <summary>The forecast for <paramref name="months"/> months from <paramref name="from"/>, with how many more apprentices at <paramref name="band"/> would use what expires.</summary>
    public async Task<Result<AccountForecast>> ForecastAsync(string employerId, string? months, string? from, string? band, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var start = Month(errors, "from", from);
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
                if (decimal.TryParse(band, NumberStyles.Number, CultureInfo.InvariantCulture, out var b) && b >= floor && b <= ceiling && decimal.Round(b, 2) == b)
                    bandAmount = b;
                else
                    errors.Add("band", $"Band must be a funding band maximum from {floor:0} to {ceiling:0}, in pounds and pence.");
            }
        }
        if (errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(employerId) || await accounts.LoadAsync(employerId, ct) is not { } records) return Problem.NotFound("employerId", $"No employer '{employerId}'.");
        return Result<AccountForecast>.Ok(new(LevyForecast.Project(records, start!.Value, count, bandAmount!.Value, policy), count));
    }

    /// <summary>The account to this month with a forecast of the next <paramref name="forecastMonths"/> at the highest band.</summary>
    public async Task<AccountOverview?> OverviewAsync(string employerId, int forecastMonths, CancellationToken ct)
    {
        if (!InputLimits.IsId(employerId)) return null;
        var employer = await employers.FindAsync(employerId, ct);
        var records = await accounts.LoadAsync(employerId, ct);
        if (employer is null || records is null) return null;
        var thisMonth = YearMonth.Of(clock.GetUtcNow().UtcDateTime);
        var nextMonth = thisMonth.AddMonths(1);
        var forecast = LevyForecast.Project(records, nextMonth, forecastMonths, policy.FundingBandCeiling.At(nextMonth.FirstDay), policy);
        return new AccountOverview(employer, thisMonth, LevyAccount.AsOf(records, thisMonth, policy), forecast,
            forecast.Months.Where(m => m.Month > thisMonth).ToList());
    }

    private YearMonth? Month(FieldErrors errors, string field, string? text)
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
