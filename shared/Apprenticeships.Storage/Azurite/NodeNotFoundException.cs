namespace Apprenticeships.Storage.Azurite;

/// <summary>Local storage needs Node.js to run Azurite, and it is not installed.</summary>
public sealed class NodeNotFoundException(string node) : InvalidOperationException(
    $"Node.js ('{node}') was not found, so the local Azure Storage emulator (Azurite) cannot start. " +
    "Install Node.js 20 or later and try again, or point the app at real Azure Storage instead: set " +
    "AzureWebJobsStorage to a connection string, or AzureWebJobsStorage__tableServiceUri, " +
    "AzureWebJobsStorage__queueServiceUri and AzureWebJobsStorage__blobServiceUri for managed identity.");
