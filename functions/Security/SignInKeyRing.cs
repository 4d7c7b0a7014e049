using System.Xml.Linq;
using Apprenticeships.Storage;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Apprenticeships.Functions.Security;

/// <summary>
/// The keys that sign sign-in cookies and anti-forgery tokens, kept in blob storage so every
/// instance of a scaled-out Function App (and a restarted one) accepts what another issued.
/// Azure.Extensions.AspNetCore.DataProtection.Blobs is not in this registry, so this is the
/// framework's own extension point (IXmlRepository) over our storage account: one blob per key.
/// Blobs are encrypted at rest by Azure Storage and reachable only through the app's identity.
/// </summary>
public sealed class SignInKeyRing(BlobContainerClient container) : IXmlRepository
{
    public const string Container = "sign-in-keys";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (!container.Exists()) return [];
        return container.GetBlobs().Select(b => XElement.Parse(container.GetBlobClient(b.Name).DownloadContent().Value.Content.ToString())).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        container.CreateIfNotExists();
        container.GetBlobClient($"{friendlyName}.xml").Upload(BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting)), overwrite: true);
    }
}

public static class SignInKeyRingRegistration
{
    public static IServiceCollection AddSignInKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Apprenticeships");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new SignInKeyRing(sp.GetRequiredService<StorageAccount>().Blobs.GetBlobContainerClient(SignInKeyRing.Container))));
        return services;
    }
}
