using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Declarations;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Functions.Http.Finance.Models;
using Apprenticeships.Storage.Levy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Apprenticeships.Functions.Http.Finance;

/// <summary>Employers, their levy declarations and English fractions.</summary>
public static class EmployerEndpoints
{
    public static async Task<Results<Created<EmployerResponse>, Ok<EmployerResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        JsonBody<CreateEmployerRequest> body, LevyEmployerRepository employers, CancellationToken cancellationToken)
    {
        if (!body.TryGet(out var request, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var id = errors.Id("employerId", request.EmployerId, "Employer id");
        var name = errors.Text("name", request.Name, "Name", 200);
        var levyPayer = errors.Required("isLevyPayer", request.IsLevyPayer, "Whether the employer pays the levy");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var employer = new LevyEmployer(id!, name!, levyPayer!.Value, request.IsSme ?? false);
        var response = new EmployerResponse(employer.Id, employer.Name, employer.IsLevyPayer, employer.IsSme);
        return await employers.AddAsync(employer, cancellationToken) switch
        {
            SaveResult.Created => TypedResults.Created($"/api/finance/employers/{employer.Id}/account", response),
            SaveResult.Unchanged => TypedResults.Ok(response),
            _ => ProblemResults.Conflict("employerId", $"Employer '{employer.Id}' already exists with different details."),
        };
    }

    public static async Task<Results<Created<DeclarationResponse>, Ok<DeclarationResponse>, ValidationProblem, ProblemHttpResult>> AddDeclarationAsync(
        string id, JsonBody<DeclarationRequest> body, LevyEmployerRepository employers, LevyDeclarationRepository declarations,
        FundingPolicy policy, CancellationToken cancellationToken)
    {
        if (!body.TryGet(out var request, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var scheme = errors.Text("payeScheme", request.PayeScheme, "PAYE scheme reference", 30);
        int taxYear = 0;
        if (!PayrollPeriod.TryParseYear(request.PayrollYear, out taxYear))
            errors.Add("payrollYear", "Payroll year must be two tax years like \"26-27\".");
        else if (taxYear < policy.FirstTaxYear)
            errors.Add("payrollYear", $"Payroll year must be {PayrollPeriod.FormatYear(policy.FirstTaxYear)} or later: the levy started then.");
        var month = errors.Required("payrollMonth", request.PayrollMonth, "Payroll month");
        if (month is < 1 or > 12) errors.Add("payrollMonth", "Payroll month must be 1 to 12.");
        var ytd = errors.Required("levyDueYtd", request.LevyDueYtd, "LevyDueYTD");
        if (ytd < 0) errors.Add("levyDueYtd", "LevyDueYTD cannot be negative: it is the levy due for the year to date.");
        var submitted = errors.Instant("submissionDate", request.SubmissionDate, "Submission date");
        var period = errors.Any ? default : new PayrollPeriod(taxYear, month!.Value);
        if (!errors.Any && submitted < period.CalendarMonth.FirstDay.ToDateTime(TimeOnly.MinValue))
            errors.Add("submissionDate", "A declaration cannot be submitted before its payroll month begins.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var employer = await employers.FindAsync(id, cancellationToken);
        if (employer is null) return ProblemResults.NotFound("employerId", $"No employer '{id}'.");
        if (!employer.IsLevyPayer) return ProblemResults.Conflict("employerId", $"Employer '{id}' is not a levy payer, so it has no levy declarations.");

        var declaration = new LevyDeclaration(scheme!, period, ytd!.Value, submitted!.Value);
        var cutOff = LevyFundsIn.CutOff(period, policy);
        var response = new DeclarationResponse(id, declaration.PayeScheme, period.PayrollYear, period.Month, declaration.LevyDueYtd,
            new DateTimeOffset(declaration.SubmittedAt, TimeSpan.Zero), cutOff.ToString("yyyy-MM-dd"),
            declaration.SubmittedAt < cutOff.ToDateTime(TimeOnly.MinValue));
        return await declarations.AddAsync(id, declaration, cancellationToken) switch
        {
            SaveResult.Created => TypedResults.Created($"/api/finance/employers/{id}/account", response),
            SaveResult.Unchanged => TypedResults.Ok(response),
            _ => ProblemResults.Conflict("levyDueYtd", "A different LevyDueYTD is already recorded for this scheme, payroll month and submission time."),
        };
    }

    public static async Task<Results<Created<EnglishFractionResponse>, Ok<EnglishFractionResponse>, ValidationProblem, ProblemHttpResult>> AddEnglishFractionAsync(
        string id, JsonBody<EnglishFractionRequest> body, LevyEmployerRepository employers, EnglishFractionRepository fractions,
        CancellationToken cancellationToken)
    {
        if (!body.TryGet(out var request, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var date = errors.Date("dateCalculated", request.DateCalculated, "Date calculated");
        var fraction = errors.Required("fraction", request.Fraction, "English fraction");
        if (fraction is < 0 or > 1) errors.Add("fraction", "English fraction must be between 0 and 1.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        if (await employers.FindAsync(id, cancellationToken) is null) return ProblemResults.NotFound("employerId", $"No employer '{id}'.");
        var response = new EnglishFractionResponse(id, date!.Value, fraction!.Value);
        return await fractions.AddAsync(id, new EnglishFraction(date.Value, fraction.Value), cancellationToken) switch
        {
            SaveResult.Created => TypedResults.Created($"/api/finance/employers/{id}/account", response),
            SaveResult.Unchanged => TypedResults.Ok(response),
            _ => ProblemResults.Conflict("fraction", $"A different English fraction is already recorded for {date:yyyy-MM-dd}."),
        };
    }
}
