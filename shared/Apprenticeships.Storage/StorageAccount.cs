using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Apprenticeships.Storage;

/// <summary>
/// The Azure Storage account the app works in, read the way Azure Functions reads its
/// AzureWebJobsStorage setting: a connection string, or the identity-based form with one
/// service URI per service and DefaultAzureCredential.
/// </summary>
public sealed class StorageAccount
{
    public const string SettingName = "AzureWebJobsStorage";

    private StorageAccount(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, string? connectionString, TokenCredential? credential)
    {
        Tables = tables;
        Queues = queues;
        Blobs = blobs;
        ConnectionString = connectionString;
        Credential = credential;
    }

    /// <summary>The connection string, when the account was configured with one (else <see cref="Credential"/> is set).</summary>
    public string? ConnectionString { get; }

    /// <summary>The identity the service clients sign in with, when no connection string is used.</summary>
    public TokenCredential? Credential { get; }

    public TableServiceClient Tables { get; }
    public QueueServiceClient Queues { get; }
    public BlobServiceClient Blobs { get; }

    /// <summary>True when either form of AzureWebJobsStorage is present.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[SettingName]) ||
        !string.IsNullOrWhiteSpace(configuration[$"{SettingName}:tableServiceUri"]);

    public static StorageAccount FromConfiguration(IConfiguration configuration, StorageClientOptions? options = null)
    {
        options ??= new StorageClientOptions();
        var connectionString = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString, options);
        }

        var section = configuration.GetSection(SettingName);
        Uri Required(string key) => Uri.TryCreate(section[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Storage is not configured: set {SettingName} to a connection string, or {SettingName}__{key} (with the other service URIs) for managed identity.");
        TokenCredential credential = string.IsNullOrWhiteSpace(section["clientId"])
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(section["clientId"]!));
        return new StorageAccount(
            new TableServiceClient(Required("tableServiceUri"), credential, options.Apply(new TableClientOptions())),
            new QueueServiceClient(Required("queueServiceUri"), credential, options.Apply(new QueueClientOptions())),
            new BlobServiceClient(Required("blobServiceUri"), credential, options.Apply(new BlobClientOptions())),
            null, credential);
    }

    public static StorageAccount FromConnectionString(string connectionString, StorageClientOptions? options = null)
    {
        options ??= new StorageClientOptions();
        return new StorageAccount(
            new TableServiceClient(connectionString, options.Apply(new TableClientOptions())),
            new QueueServiceClient(connectionString, options.Apply(new QueueClientOptions())),
            new BlobServiceClient(connectionString, options.Apply(new BlobClientOptions())),
            connectionString, null);
    }
}
