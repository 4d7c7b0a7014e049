using Microsoft.AspNetCore.Http.HttpResults;

namespace Apprenticeships.Functions.Http;

/// <summary>Problem details for unknown ids (404), conflicts (409) and refused credentials (401, 403), naming the field like a validation problem does.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult NotFound(string field, string detail) => Problem(StatusCodes.Status404NotFound, "Not found", field, detail);

    public static ProblemHttpResult Conflict(string field, string detail) => Problem(StatusCodes.Status409Conflict, "Conflict", field, detail);

    public static ProblemHttpResult Unauthorized(string field, string detail) => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", field, detail);

    public static ProblemHttpResult Forbidden(string field, string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", field, detail);

    private static ProblemHttpResult Problem(int status, string title, string field, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });
}
