using Apprenticeships.Functions.Security;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Functions.Http.Finance;
using Apprenticeships.Functions.Http.Finance.Models;
using Apprenticeships.Storage.Levy;

// In the Http namespace, beside MapHealthApi, so Program.cs maps it with one line.
namespace Apprenticeships.Functions.Http;

public static class FinanceApi
{
    /// <summary>The finance officers' API under /api/finance: levy accounts, commitments, transfers.</summary>
    public static IEndpointRouteBuilder MapFinanceApi(this IEndpointRouteBuilder app)
    {
        var finance = app.MapGroup("/api/finance").WithTags("Finance").RequireAuthorization(StaffPolicies.Money);

        finance.MapPost("/employers", EmployerEndpoints.CreateAsync);
        finance.MapPost("/employers/{id}/declarations", EmployerEndpoints.AddDeclarationAsync);
        finance.MapPost("/employers/{id}/english-fractions", EmployerEndpoints.AddEnglishFractionAsync);
        finance.MapGet("/employers/{id}/account", AccountEndpoints.GetAccountAsync);
        finance.MapGet("/employers/{id}/forecast", AccountEndpoints.GetForecastAsync);
        finance.MapGet("/employers/{id}/statement.csv", AccountEndpoints.GetStatementAsync);

        finance.MapPost("/commitments", CommitmentEndpoints.CreateAsync);
        finance.MapGet("/commitments/{id}/schedule", CommitmentEndpoints.GetScheduleAsync);
        MapEvent(finance, "completion", CommitmentEventKind.Completion);
        MapEvent(finance, "withdrawal", CommitmentEventKind.Withdrawal);
        MapEvent(finance, "break", CommitmentEventKind.BreakInLearning);

        finance.MapPost("/transfers", TransferEndpoints.CreateAsync);
        return app;
    }

    private static void MapEvent(RouteGroupBuilder finance, string path, CommitmentEventKind kind) =>
        finance.MapPost($"/commitments/{{id}}/{path}", (string id, JsonBody<CommitmentEventRequest> body, LevyEmployerRepository employers,
                CommitmentRepository commitments, Domain.Levy.Policy.FundingPolicy policy, CancellationToken cancellationToken) =>
            CommitmentEndpoints.RecordEventAsync(id, kind, body, employers, commitments, policy, cancellationToken));
}
