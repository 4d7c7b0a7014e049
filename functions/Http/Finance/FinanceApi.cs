using System.Globalization;
using System.Text;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Account;

namespace Apprenticeships.Functions.Http.Finance;

/// <summary>The finance officers' API under /api/finance: levy accounts, commitments, transfers.</summary>
public static class FinanceApi
{
    public static IEndpointRouteBuilder MapFinanceApi(this IEndpointRouteBuilder app)
    {
        var finance = app.MapGroup("/api/finance").WithTags("Finance").RequireAuthorization(StaffPolicies.Finance);

        finance.MapPost("/employers", (JsonBody<AddEmployer> body, LevyEmployers employers, CancellationToken ct) =>
            body.ThenAsync(async r => (await employers.AddEmployerAsync(r, ct)).ToCreated(e => Account(e.EmployerId), e => e)))
            .ProducesCreated<EmployerResponse>();
        finance.MapPost("/employers/{id}/declarations", (string id, JsonBody<AddLevyDeclaration> body, LevyEmployers employers, CancellationToken ct) =>
            body.ThenAsync(async r => (await employers.AddDeclarationAsync(id, r, ct)).ToCreated(_ => Account(id), d => d)))
            .ProducesCreated<DeclarationResponse>();
        finance.MapPost("/employers/{id}/english-fractions", (string id, JsonBody<AddEnglishFraction> body, LevyEmployers employers, CancellationToken ct) =>
            body.ThenAsync(async r => (await employers.AddEnglishFractionAsync(id, r, ct)).ToCreated(_ => Account(id), f => f)))
            .ProducesCreated<EnglishFractionResponse>();
        finance.MapGet("/employers/{id}/account", async (string id, string? asOf, LevyAccounts accounts, CancellationToken ct) =>
            (await accounts.AccountAsync(id, asOf, ct)).ToHttp(AccountOf))
            .Produces<AccountResponse>();
        finance.MapGet("/employers/{id}/forecast", async (string id, string? months, string? from, string? band, LevyAccounts accounts, CancellationToken ct) =>
            (await accounts.ForecastAsync(id, months, from, band, ct)).ToHttp(ForecastOf))
            .Produces<ForecastResponse>();
        finance.MapGet("/employers/{id}/statement.csv", async (string id, string? asOf, LevyAccounts accounts, CancellationToken ct) =>
            (await accounts.AccountAsync(id, asOf, ct)) switch
            {
                { Problem: { } problem } => problem.ToHttp(),
                var found => TypedResults.File(Encoding.UTF8.GetBytes(Statement(found.Value!)), "text/csv", $"levy-statement-{id}-{found.Value!.AsOf}.csv"),
            }).Produces<string>(contentType: "text/csv");

        finance.MapPost("/commitments", (JsonBody<CreateCommitment> body, Commitments commitments, CancellationToken ct) =>
            body.ThenAsync(async r => (await commitments.CreateAsync(r, ct)).ToCreated(s => $"/api/finance/commitments/{s.CommitmentId}/schedule", s => s)))
            .ProducesCreated<ScheduleResponse>();
        finance.MapGet("/commitments/{id}/schedule", async (string id, string? all, CommitmentSchedules schedules, CancellationToken ct) =>
            (await schedules.GetAsync(id, all, ct)).ToHttp(s => s))
            .Produces<ScheduleResponse>();
        foreach (var (path, kind) in new[] { ("completion", CommitmentEventKind.Completion), ("withdrawal", CommitmentEventKind.Withdrawal), ("break", CommitmentEventKind.BreakInLearning) })
        {
            finance.MapPost($"/commitments/{{id}}/{path}", (string id, JsonBody<RecordCommitmentEvent> body, Commitments commitments, CancellationToken ct) =>
                body.ThenAsync(async r => (await commitments.RecordEventAsync(id, kind, r, ct)).ToHttp(s => s)))
                .Produces<ScheduleResponse>();
        }
        finance.MapPost("/commitments/{id}/return", (string id, JsonBody<RecordReturnFromBreak> body, Commitments commitments, CancellationToken ct) =>
            body.ThenAsync(async r => (await commitments.RecordReturnAsync(id, r, ct)).ToHttp(s => s)))
            .Produces<ScheduleResponse>();

        finance.MapPost("/transfers", (JsonBody<MakeTransfer> body, Transfers transfers, CancellationToken ct) =>
            body.ThenAsync(async r => (await transfers.MakeAsync(r, ct)).ToCreated(t => Account(t.SenderId), t => t)))
            .ProducesCreated<TransferResponse>();
        finance.MapFinanceRecords();
        return app;
    }

    private static AccountResponse AccountOf(LevyAccountStatement a) => new(a.EmployerId, a.AsOf.ToString(), a.Balance,
        new AccountTotals(a.TotalFundsIn, a.TotalTransfersIn, a.Months.Sum(m => m.PaymentsDue), a.TotalLevyPayments, a.TotalEmployerCoInvestment,
            a.TotalGovernmentCoInvestment, a.TotalTransfersOut, a.TotalExpired),
        a.Months.Select(AccountMonthResponse.From).ToList());

    private static ForecastResponse ForecastOf(AccountForecast forecast)
    {
        var f = forecast.Projection;
        return new(f.EmployerId, f.From.ToString(), forecast.Months, f.TotalExpiring, f.FirstExpiryMonth?.ToString(), f.Band, f.AdditionalApprentices,
            f.ExpiringWithAdditionalApprentices, f.Months.Select(AccountMonthResponse.From).ToList());
    }

    private static string Statement(LevyAccountStatement account)
    {
        var csv = new StringBuilder("Month,FundsIn,TransfersIn,PaymentsDue,PaidFromLevy,EmployerCoInvestment,GovernmentCoInvestment,TransfersOut,Expired,Balance\n");
        foreach (var m in account.Months)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{m.Month},{m.FundsIn:0.00},{m.TransfersIn:0.00},{m.PaymentsDue:0.00},{m.LevyPayments:0.00},{m.EmployerCoInvestment:0.00},{m.GovernmentCoInvestment:0.00},{m.TransfersOut:0.00},{m.Expired:0.00},{m.Balance:0.00}\n");
        }
        return csv.ToString();
    }

    private static string Account(string employerId) => $"/api/finance/employers/{employerId}/account";
}
