
namespace Apprenticeships.Functions.Http;

/// <summary>
/// The application's results as HTTP: a refusal becomes problem details naming the field (400 with
/// "errors" for invalid input; 404, 409, 403 or 401 with the same "errors" shape), a value 200 or 201.
/// </summary>
public static class ProblemResults
{
    public static IResult ToHttp(this Problem problem) => problem.Kind switch
    {
        ProblemKind.Invalid => TypedResults.ValidationProblem(problem.ToDictionary()),
        ProblemKind.NotFound => Of(StatusCodes.Status404NotFound, "Not found", problem),
        ProblemKind.Conflict => Of(StatusCodes.Status409Conflict, "Conflict", problem),
        _ => Of(StatusCodes.Status403Forbidden, "Forbidden", problem),
    };

    /// <summary>200 with the value's body, or the problem.</summary>
    public static IResult ToHttp<T>(this Result<T> result, Func<T, object?> body) =>
        result.Problem is { } problem ? problem.ToHttp() : TypedResults.Ok(body(result.Value!));

    /// <summary>201 (at <paramref name="location"/>) when the command recorded something new, 200 when it was already there, or the problem.</summary>
    public static IResult ToCreated<T>(this Result<T> result, Func<T, string?> location, Func<T, object?> body) =>
        result.Problem is { } problem ? problem.ToHttp()
        : result.Created ? TypedResults.Created(location(result.Value!), body(result.Value!))
        : TypedResults.Ok(body(result.Value!));

    /// <summary>For the API document: what <see cref="ToCreated{T}"/> answers with <typeparamref name="TBody"/>, 201 when new or 200 when already there.</summary>
    public static RouteHandlerBuilder ProducesCreated<TBody>(this RouteHandlerBuilder builder) =>
        builder.Produces<TBody>(StatusCodes.Status201Created).Produces<TBody>();

    public static IResult Unauthorized(string field, string detail) =>
        Of(StatusCodes.Status401Unauthorized, "Unauthorized", new Problem(ProblemKind.Forbidden, new Dictionary<string, string[]> { [field] = [detail] }));

    private static IResult Of(int status, string title, Problem problem) =>
        TypedResults.Problem(problem.Detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["errors"] = problem.Errors });
}
