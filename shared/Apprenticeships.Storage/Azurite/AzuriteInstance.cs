using System.Diagnostics;

namespace Apprenticeships.Storage.Azurite;

/// <summary>A running Azurite process; disposing it stops the emulator.</summary>
public sealed class AzuriteInstance : IDisposable
{
    // Azurite's well-known development account: public, documented, emulator-only.
    private const string DevAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _ownerFile;
    private bool _stopped;

    internal AzuriteInstance(Process process, int blobPort, int queuePort, int tablePort, string ownerFile)
    {
        _process = process;
        _ownerFile = ownerFile;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _stopped || _process.HasExited;

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={DevAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>
    /// Stops Azurite in order: closing its stdin makes the watchdog shut it down the way
    /// Ctrl+C does, so on-disk data is saved. Killed only if it does not go in time.
    /// </summary>
    public void Dispose()
    {
        if (_stopped) return;
        _stopped = true;
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing to stop.
        }
        File.Delete(_ownerFile);
        _process.Dispose();
    }
}
