using Apprenticeships.Storage.Audit;

namespace Apprenticeships.Functions.Security;

/// <summary>
/// Records each staff request that reads or changes one candidate's record in the audit log:
/// who (their staff id, never their name), which candidate, which route, when. Put on the candidate
/// API and pages; requests without a candidate id (lists, searches) are not about one person,
/// and a malformed id (refused anyway) names nobody.
/// </summary>
public sealed class PersonalDataAudit(AuditLog log, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue("id", out var id) && id is string candidateId && InputLimits.IsId(candidateId) && http.User.FindFirst(StaffClaims.Id)?.Value is { } staffId)
        {
            var action = HttpMethods.IsGet(http.Request.Method) ? AuditAction.Viewed : AuditAction.Changed;
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
            await log.RecordAsync(new AuditEntry(candidateId, staffId, action, $"{http.Request.Method} {route}", clock.GetUtcNow()), http.RequestAborted);
        }
        return result;
    }
}
