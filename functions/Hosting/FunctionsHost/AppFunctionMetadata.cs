using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace Apprenticeships.Functions.Hosting.FunctionsHost;

/// <summary>One of the app's functions as the Functions host sees it (<see cref="AppFunctions"/>).</summary>
public sealed class AppFunctionMetadata(string name, string entryPoint, IList<string> rawBindings) : IFunctionMetadata
{
    private static readonly string Assembly = typeof(AppFunctionMetadata).Assembly.Location;

    public string? Name { get; } = name;
    public string? EntryPoint { get; } = entryPoint;
    public IList<string>? RawBindings { get; } = rawBindings;
    public string? ScriptFile => Assembly;
    public string? Language => "dotnet-isolated";
    public bool IsProxy => false;
    public bool ManagedDependencyEnabled => false;
    public IRetryOptions? Retry => null;

    /// <summary>Stable across restarts and instances, from what identifies the function.</summary>
    public string? FunctionId { get; } = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{name}|{entryPoint}")))[..16].ToLowerInvariant();
}
