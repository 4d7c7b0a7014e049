namespace Apprenticeships.Functions.Http.Finance;

/// <summary>The finance officers' read-only views under /api/finance: employers, declarations, fractions, commitments, transfer allowance, policy.</summary>
public static class FinanceRecordsApi
{
    public static RouteGroupBuilder MapFinanceRecords(this RouteGroupBuilder finance)
    {
        finance.MapGet("/employers", async (FinanceRecords records, CancellationToken ct) => TypedResults.Ok(await records.EmployersAsync(ct)));
        finance.MapGet("/employers/{id}/declarations", async (string id, FinanceRecords records, CancellationToken ct) =>
            (await records.DeclarationsAsync(id, ct)).ToHttp(d => d)).Produces<DeclarationsResponse>();
        finance.MapGet("/employers/{id}/english-fractions", async (string id, FinanceRecords records, CancellationToken ct) =>
            (await records.EnglishFractionsAsync(id, ct)).ToHttp(f => f)).Produces<EnglishFractionsResponse>();
        finance.MapGet("/employers/{id}/commitments", async (string id, string? all, FinanceRecords records, CancellationToken ct) =>
            (await records.CommitmentsAsync(id, all, ct)).ToHttp(c => c)).Produces<CommitmentsResponse>();
        finance.MapGet("/employers/{id}/transfer-allowance", async (string id, string? date, FinanceRecords records, CancellationToken ct) =>
            (await records.TransferAllowanceAsync(id, date, ct)).ToHttp(a => a)).Produces<TransferAllowanceResponse>();
        finance.MapGet("/policy", (string? date, PolicyInForce policy) => policy.On(date).ToHttp(p => p)).Produces<PolicyResponse>();
        return finance;
    }
}
