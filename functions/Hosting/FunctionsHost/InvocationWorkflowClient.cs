using Microsoft.DurableTask.Client;

namespace Apprenticeships.Functions.Hosting.FunctionsHost;

/// <summary>
/// Under the Functions host a Durable client exists only as an input binding of a function
/// invocation. <see cref="AppFunctionInvocation"/> binds it for every HTTP and timer function and
/// keeps it here for the rest of that invocation, where the application's workflow port finds it.
/// </summary>
public static class InvocationWorkflowClient
{
    private static readonly AsyncLocal<DurableTaskClient?> Bound = new();

    public static DurableTaskClient Current() => Bound.Value
        ?? throw new InvalidOperationException("No Durable client is bound: workflows are reached from a function invocation under the Functions host.");

    public static void Use(DurableTaskClient client) => Bound.Value = client;
}
