using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Apprenticeships.Functions.Hosting.FunctionsHost;

/// <summary>
/// The entry points <see cref="AppFunctions"/> names for the host. The worker checks that an
/// entry point is a public method and takes its parameters' bindings from it (here the Durable
/// client), but <see cref="AppFunctionInvocation"/> handles these invocations before anything
/// would call the method, as Durable Functions does for class-based orchestrators.
/// </summary>
public static class AppFunctionEntryPoints
{
    public const string DurableClientBinding = "durableClient";
    public static readonly string Request = $"{typeof(AppFunctionEntryPoints).FullName}.{nameof(HandleRequest)}";
    public static readonly string Schedule = $"{typeof(AppFunctionEntryPoints).FullName}.{nameof(RunSchedule)}";

    public static void HandleRequest([DurableClient] DurableTaskClient durableClient) =>
        throw new NotSupportedException("A placeholder: AppFunctionInvocation runs HTTP functions.");

    public static void RunSchedule([DurableClient] DurableTaskClient durableClient) =>
        throw new NotSupportedException("A placeholder: AppFunctionInvocation runs timer functions.");
}
