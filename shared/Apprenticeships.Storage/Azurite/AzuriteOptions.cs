namespace Apprenticeships.Storage.Azurite;

/// <summary>How to start the local Azurite emulator.</summary>
public sealed record AzuriteOptions
{
    /// <summary>Keep data on disk in this folder; null keeps everything in memory (tests).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The node executable; a bare name is looked up on PATH.</summary>
    public string NodeExecutable { get; init; } = "node";

    /// <summary>The repository root holding package.json; found from the app's folder when null.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>How long to wait for the three services to listen.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
