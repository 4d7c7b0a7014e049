using Apprenticeships.Application.Finance.Models;
using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Declarations;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Storage.Levy;

namespace Apprenticeships.Application.Finance.Commands;

/// <summary>
/// Employers' levy records: the employer, HMRC's levy declarations and English fractions. Every
/// record has a deterministic key, so posting it again is harmless (Unchanged) and a different
/// record under the same key is refused.
/// </summary>
public sealed class LevyEmployers(LevyEmployerRepository employers, LevyDeclarationRepository declarations,
    EnglishFractionRepository fractions, FundingPolicy policy)
{
    public async Task<Result<EmployerResponse>> AddEmployerAsync(AddEmployer command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = errors.Id("employerId", command.EmployerId, "Employer id");
        var name = errors.Text("name", command.Name, "Name", InputLimits.OrganisationName);
        var levyPayer = errors.Required("isLevyPayer", command.IsLevyPayer, "Whether the employer pays the levy");
        if (errors.Any) return errors.ToProblem();

        var employer = new LevyEmployer(id!, name!, levyPayer!.Value, command.IsSme ?? false);
        return Saved(await employers.AddAsync(employer, ct), new EmployerResponse(employer.Id, employer.Name, employer.IsLevyPayer, employer.IsSme),
            "employerId", $"Employer '{employer.Id}' already exists with different details.");
    }

    public async Task<Result<DeclarationResponse>> AddDeclarationAsync(string employerId, AddLevyDeclaration command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var scheme = errors.Text("payeScheme", command.PayeScheme, "PAYE scheme reference", InputLimits.PayeScheme);
        if (!PayrollPeriod.TryParseYear(command.PayrollYear, out var taxYear))
            errors.Add("payrollYear", "Payroll year must be two tax years like \"26-27\".");
        else if (taxYear < policy.FirstTaxYear)
            errors.Add("payrollYear", $"Payroll year must be {PayrollPeriod.FormatYear(policy.FirstTaxYear)} or later: the levy started then.");
        var month = errors.Required("payrollMonth", command.PayrollMonth, "Payroll month");
        if (month is < 1 or > 12) errors.Add("payrollMonth", "Payroll month must be 1 to 12.");
        decimal? ytd = null, payBill = null;
        switch (command.LevyDueYtd, command.PayBill)
        {
            case (null, null):
                errors.Add("levyDueYtd", "Give either levyDueYtd (HMRC's levy due for the year to date) or payBill (the month's pay bill).");
                errors.Add("payBill", "Give either payBill (the month's pay bill) or levyDueYtd (HMRC's levy due for the year to date).");
                break;
            case (not null, not null):
                errors.Add("payBill", "Give either payBill or levyDueYtd, not both: the levy due is worked out from the pay bill.");
                break;
            case (< 0, _):
                errors.Add("levyDueYtd", "LevyDueYTD cannot be negative: it is the levy due for the year to date.");
                break;
            case (not null, _):
                ytd = errors.Money("levyDueYtd", command.LevyDueYtd, "LevyDueYTD", zeroAllowed: true);
                break;
            default:
                payBill = errors.Money("payBill", command.PayBill, "Pay bill", zeroAllowed: true);
                break;
        }
        var submitted = errors.Instant("submissionDate", command.SubmissionDate, "Submission date");
        var period = errors.Any ? default : new PayrollPeriod(taxYear, month!.Value);
        if (!errors.Any && submitted < period.CalendarMonth.FirstDay.ToDateTime(TimeOnly.MinValue))
            errors.Add("submissionDate", "A declaration cannot be submitted before its payroll month begins.");
        if (errors.Any) return errors.ToProblem();

        var employer = InputLimits.IsId(employerId) ? await employers.FindAsync(employerId, ct) : null;
        if (employer is null) return Problem.NotFound("employerId", $"No employer '{employerId}'.");
        if (!employer.IsLevyPayer) return Problem.Conflict("employerId", $"Employer '{employerId}' is not a levy payer, so it has no levy declarations.");

        if (payBill is { } bill)
        {
            var outcome = PayBillDeclaration.LevyDueYtd(scheme!, period, bill, submitted!.Value, await declarations.ListAsync(employerId, ct), policy);
            if (outcome.LevyDueYtd is null)
                return Problem.Conflict("payBill", $"The levy due is worked out from the pay bills to date, and the pay bill of {PayrollPeriod.FormatYear(period.TaxYearStart)} " +
                    $"month {string.Join(", ", outcome.MonthsWithoutPayBill)} is not declared for scheme {scheme}: declare it first, or give levyDueYtd.");
            ytd = outcome.LevyDueYtd;
        }
        var declaration = new LevyDeclaration(scheme!, period, ytd!.Value, submitted!.Value, payBill);
        var cutOff = LevyFundsIn.CutOff(period, policy);
        var response = new DeclarationResponse(employerId, declaration.PayeScheme, period.PayrollYear, period.Month, declaration.LevyDueYtd,
            new DateTimeOffset(declaration.SubmittedAt, TimeSpan.Zero), cutOff.ToString("yyyy-MM-dd"),
            declaration.SubmittedAt < cutOff.ToDateTime(TimeOnly.MinValue), declaration.PayBill);
        return Saved(await declarations.AddAsync(employerId, declaration, ct), response,
            payBill is null ? "levyDueYtd" : "payBill", "A different declaration is already recorded for this scheme, payroll month and submission time.");
    }

    public async Task<Result<EnglishFractionResponse>> AddEnglishFractionAsync(string employerId, AddEnglishFraction command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = errors.LevyDate("dateCalculated", command.DateCalculated, "Date calculated");
        var fraction = errors.Required("fraction", command.Fraction, "English fraction");
        if (fraction is < 0 or > 1) errors.Add("fraction", "English fraction must be between 0 and 1.");
        if (errors.Any) return errors.ToProblem();

        if (!InputLimits.IsId(employerId) || await employers.FindAsync(employerId, ct) is null) return Problem.NotFound("employerId", $"No employer '{employerId}'.");
        return Saved(await fractions.AddAsync(employerId, new EnglishFraction(date!.Value, fraction!.Value), ct), new EnglishFractionResponse(employerId, date.Value, fraction.Value),
            "fraction", $"A different English fraction is already recorded for {date:yyyy-MM-dd}.");
    }

    internal static Result<T> Saved<T>(SaveResult saved, T response, string conflictField, string conflict) => saved switch
    {
        SaveResult.Conflict => Problem.Conflict(conflictField, conflict),
        _ => Result<T>.Ok(response, saved == SaveResult.Created),
    };
}
