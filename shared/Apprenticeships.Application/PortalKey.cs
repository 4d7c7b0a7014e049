using System.Security.Cryptography;
using System.Text;

namespace Apprenticeships.Application;

/// <summary>
/// The keys the hub issues to those outside it (training providers, employers): "{id}.{secret}",
/// shown once when issued and stored only as a SHA-256 hash. A fast hash is enough because the
/// secret is 256 random bits, not a password anyone could guess; the id in front finds the hash
/// without a scan.
/// </summary>
public static class PortalKey
{
    /// <summary>A new key for <paramref name="id"/>, and the hash to store.</summary>
    public static (string Key, string Hash) New(string id)
    {
        var key = $"{id}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
        return (key, Convert.ToHexString(Hash(key)));
    }

    /// <summary>The id a key claims to be for, or null if it is not shaped like a key.</summary>
    public static string? IdOf(string? key) =>
        !string.IsNullOrEmpty(key) && key.Split('.') is [var id, var secret] && InputLimits.IsId(id) && secret.Length > 0 ? id : null;

    /// <summary>Whether the key is the one whose hash is stored.</summary>
    public static bool Matches(string key, string storedHash) => CryptographicOperations.FixedTimeEquals(Convert.FromHexString(storedHash), Hash(key));

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
