using System.Security.Cryptography;
using System.Text;

namespace Apprenticeships.Email;

/// <summary>Addresses and keys stored as hashes: table keys need safe characters, and a suppression list should not be a list of addresses.</summary>
public static class AddressHash
{
    public static string Of(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim().ToLowerInvariant())));
}
