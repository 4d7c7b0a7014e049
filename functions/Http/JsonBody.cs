using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Apprenticeships.Functions.Http;

/// <summary>
/// A request body read without letting a type error escape as an exception: the framework's
/// own binding answers "agreedPrice": "lots" with a bare 400 (or a 500 in Development),
/// where the API promises a validation problem naming the field.
/// </summary>
public sealed record JsonBody<T>(T? Value, string? Field, string? Error) : IEndpointParameterMetadataProvider where T : class
{
    /// <summary>For the API document (<see cref="ApiDocument"/>): a JSON body of <typeparamref name="T"/>, and the 400 that names a field.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        builder.Metadata.Add(ApiDocument.JsonRequest(typeof(T)));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
    }

    public static async ValueTask<JsonBody<T>> BindAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted);
            return value is null ? new JsonBody<T>(null, "body", "A JSON object is required.") : new JsonBody<T>(value, null, null);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return new JsonBody<T>(null, field, field == "body" ? "The body must be a JSON object." : "This value has the wrong type or format.");
        }
    }

    /// <summary>Handles the body's value, or answers with a validation problem naming the field that could not be read.</summary>
    public async Task<IResult> ThenAsync(Func<T, Task<IResult>> handle) =>
        Error is null ? await handle(Value!) : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [Field!] = [Error] });
}
