using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Apprenticeships.Functions.Candidates;

/// <summary>What a candidate's emailed link lets them do: one purpose each.</summary>
public enum LinkPurpose
{
    /// <summary>Yes, I would like the hub's help (the welcome email).</summary>
    ConfirmInterest,
    /// <summary>No, do not contact me again (the welcome email).</summary>
    Decline,
    /// <summary>I am coming to this session (context: "academyId/yyyy-MM-dd").</summary>
    ConfirmAttendance,
    /// <summary>I am leaving the programme.</summary>
    Withdraw,
}

/// <summary>A link that checked out: whose it is, what it is for and what it is about.</summary>
public sealed record CandidateLink(string CandidateId, LinkPurpose Purpose, DateTimeOffset ExpiresAt, string? Context = null);

/// <summary>
/// Signed, single-purpose, expiring links for candidates, who have no account. The token is
/// "candidate|purpose|expiry[|context]" with an HMAC-SHA256 over it, so it cannot be altered to act for
/// another candidate, another purpose or a later date.
/// </summary>
public sealed class CandidateLinks(byte[] key, Uri publicBase, TimeProvider clock)
{
    // Only for Development: links signed with it are worthless anywhere else.
    public const string DevelopmentKey = "apprenticeships-development-only-link-key";

    public static CandidateLinks FromConfiguration(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
    {
        var configured = configuration["Links:SigningKey"];
        if (string.IsNullOrEmpty(configured) && !environment.IsDevelopment())
            throw new InvalidOperationException("Set Links__SigningKey (a long random secret) so candidate links can be signed.");
        var key = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(configured) ? DevelopmentKey : configured);
        return new CandidateLinks(key, new Uri(configuration["Hub:PublicUrl"] ?? "http://localhost:7071"), clock);
    }

    public string Create(string candidateId, LinkPurpose purpose, TimeSpan validFor, string? context = null)
    {
        var expires = clock.GetUtcNow().Add(validFor).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes(context is null ? $"{candidateId}|{purpose}|{expires}" : $"{candidateId}|{purpose}|{expires}|{context}");
        var token = $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(Sign(payload))}";
        return new Uri(publicBase, $"/l/{token}").ToString();
    }

    /// <summary>The link's meaning if it is genuine and unexpired; otherwise null and why.</summary>
    public CandidateLink? Read(string token, out string? problem)
    {
        problem = "This link is not valid. Please use the link in your most recent email.";
        var parts = token.Split('.');
        if (parts.Length != 2) return null;
        byte[] payload, signature;
        try
        {
            payload = WebEncoders.Base64UrlDecode(parts[0]);
            signature = WebEncoders.Base64UrlDecode(parts[1]);
        }
        catch (FormatException)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload))) return null;
        var fields = Encoding.UTF8.GetString(payload).Split('|');
        if (fields.Length is not (3 or 4) || !Enum.TryParse<LinkPurpose>(fields[1], out var purpose) || !long.TryParse(fields[2], out var expires)) return null;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
        if (expiresAt < clock.GetUtcNow())
        {
            problem = "This link has expired. If you still want to take part, please contact your advisor.";
            return null;
        }
        problem = null;
        return new CandidateLink(fields[0], purpose, expiresAt, fields.Length == 4 ? fields[3] : null);
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(key, payload);
}
