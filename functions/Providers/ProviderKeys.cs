using System.Security.Cryptography;
using System.Text;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Functions.Providers;

/// <summary>
/// Training providers' API keys: "{providerId}.{secret}", shown once when issued and stored only
/// as a SHA-256 hash. A fast hash is enough because the secret is 256 random bits, not a password
/// anyone could guess; the provider id in front finds the hash without a scan.
/// </summary>
public sealed class ProviderKeys(ProviderStore providers, TimeProvider clock)
{
    public const string Header = "X-Provider-Key";

    /// <summary>Registers a provider with a new key; null if the id is taken. Returns the key, which is not kept.</summary>
    public async Task<(ProviderAccount Account, string Key)?> RegisterAsync(string id, string name, CancellationToken ct)
    {
        var (key, hash) = NewKey(id);
        var account = new ProviderAccount(id, name, hash, clock.GetUtcNow());
        return await providers.AddAsync(id, account, ct) ? (account, key) : null;
    }

    /// <summary>Replaces the provider's key with a new one (the old one stops working at once); null if there is no such provider.</summary>
    public async Task<(ProviderAccount Account, string Key)?> IssueNewKeyAsync(string id, CancellationToken ct)
    {
        var (key, hash) = NewKey(id);
        var changed = await providers.ChangeAsync(id, p => p with { KeyHash = hash, KeyIssuedAt = clock.GetUtcNow() }, ct);
        return changed is null ? null : (changed, key);
    }

    /// <summary>The provider the key belongs to, or null if it is not a current key.</summary>
    public async Task<ProviderAccount?> VerifyAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key) || key.Split('.') is not [var id, var secret] || id.Length == 0 || secret.Length == 0) return null;
        var account = await providers.GetAsync(id, ct);
        if (account is null) return null;
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(account.KeyHash), Hash(key)) ? account : null;
    }

    private static (string Key, string Hash) NewKey(string id)
    {
        var key = $"{id}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
        return (key, Convert.ToHexString(Hash(key)));
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
