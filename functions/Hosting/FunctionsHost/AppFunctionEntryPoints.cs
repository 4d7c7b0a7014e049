using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Apprenticeships.Functions.Hosting.FunctionsHost;

/// <summary>
/// The two templates every function of the app is made from (<see cref="AppFunctions"/>): an HTTP
/// function and a timer function, each with a Durable client. They are real functions for the
/// Functions SDK's build, which reads the bindings of [Function] methods to decide which host
/// extensions the app needs (Durable Functions among them, into extensions.json); at start-up
/// the worker reports the app's own functions in their place. The methods are never called:
/// <see cref="AppFunctionInvocation"/> handles these invocations first, as Durable Functions does
/// for class-based orchestrators.
/// </summary>
public static class AppFunctionEntryPoints
{
    public const string RequestTemplate = "AppRequestTemplate";
    public const string ScheduleTemplate = "AppScheduleTemplate";
    public const string DurableClientBinding = "durableClient";
    public static readonly string Request = $"{typeof(AppFunctionEntryPoints).FullName}.{nameof(HandleRequest)}";
    public static readonly string Schedule = $"{typeof(AppFunctionEntryPoints).FullName}.{nameof(RunSchedule)}";

    [Function(RequestTemplate)]
    public static void HandleRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, Route = "app-request-template")] HttpRequest req,
        [DurableClient] DurableTaskClient durableClient) =>
        throw new NotSupportedException("A template: AppFunctionInvocation runs the app's HTTP functions.");

    [Function(ScheduleTemplate)]
    public static void RunSchedule(
        [TimerTrigger("0 0 0 1 1 *")] TimerInfo timer,
        [DurableClient] DurableTaskClient durableClient) =>
        throw new NotSupportedException("A template: AppFunctionInvocation runs the app's timer functions.");
}
