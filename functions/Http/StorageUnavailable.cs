using System.Net.Sockets;
using Azure;
using Microsoft.AspNetCore.Diagnostics;

namespace Apprenticeships.Functions.Http;

/// <summary>
/// While storage cannot be reached (an outage, a network fault), every request answers 503 with
/// Retry-After rather than 500: callers and load balancers see a temporary fault to retry, and
/// nothing was changed. Registered before the default handler, which still answers 500 to
/// anything else.
/// </summary>
public sealed class StorageUnavailable(IProblemDetailsService problems) : IExceptionHandler
{
    private const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!IsUnreachable(exception)) return false;
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "Storage is unavailable", Detail = "Nothing was changed. Try again shortly." },
        });
    }

    /// <summary>No answer from storage (status 0: the request never got one), however deep the SDK's retries wrapped it.</summary>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } => true,
        HttpRequestException or SocketException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnreachable),
        _ => exception.InnerException is { } inner && IsUnreachable(inner),
    };
}
