using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Apprenticeships.Application.Settings;
using Microsoft.Extensions.Options;

namespace Apprenticeships.Application.Candidates;

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
public sealed record CandidateLink(string CandidateId, LinkPurpose Purpose, DateTimeOffset ExpiresAt, string? Context = null)
{
    /// <summary>The academy session a <see cref="LinkPurpose.ConfirmAttendance"/> link is about.</summary>
    public (string AcademyId, DateOnly Date) Session
    {
        get
        {
            var slash = Context!.LastIndexOf('/');
            return (Context[..slash], DateOnly.ParseExact(Context[(slash + 1)..], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>
/// Signed, single-purpose, expiring links for candidates, who have no account. The token is
/// "candidate|purpose|expiry[|context]" with an HMAC-SHA256 over it, so it cannot be altered to act for
/// another candidate, another purpose or a later date.
/// </summary>
public sealed class CandidateLinks(IOptions<LinkOptions> links, IOptions<HubOptions> hub, TimeProvider clock)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(links.Value.SigningKey);
    private readonly Uri _publicBase = new(hub.Value.PublicUrl);

    public string Create(string candidateId, LinkPurpose purpose, TimeSpan validFor, string? context = null)
    {
        var expires = clock.GetUtcNow().Add(validFor).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes(context is null ? $"{candidateId}|{purpose}|{expires}" : $"{candidateId}|{purpose}|{expires}|{context}");
        var token = $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(Sign(payload))}";
        return new Uri(_publicBase, $"/l/{token}").ToString();
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
            payload = Base64Url.DecodeFromChars(parts[0]);
            signature = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload))) return null;
        var fields = Encoding.UTF8.GetString(payload).Split('|');
        if (fields.Length is not (3 or 4) || !Enum.TryParse<LinkPurpose>(fields[1], out var purpose) || !Enum.IsDefined(purpose)
            || !long.TryParse(fields[2], out var expires)) return null;
        // Only this app signs links, but a leaked or rotated key must not turn a bad expiry or context into a crash.
        if (expires < MinimumExpiry || expires > MaximumExpiry) return null;
        if (purpose == LinkPurpose.ConfirmAttendance && !IsSession(fields.Length == 4 ? fields[3] : null)) return null;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
        if (expiresAt < clock.GetUtcNow())
        {
            problem = "This link has expired. If you still want to take part, please contact your advisor.";
            return null;
        }
        problem = null;
        return new CandidateLink(fields[0], purpose, expiresAt, fields.Length == 4 ? fields[3] : null);
    }

    private static readonly long MinimumExpiry = DateTimeOffset.UnixEpoch.ToUnixTimeSeconds();
    private static readonly long MaximumExpiry = new DateTimeOffset(InputLimits.LatestDate.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>"academyId/yyyy-MM-dd", as <see cref="CandidateLink.Session"/> reads it.</summary>
    private static bool IsSession(string? context) =>
        context?.LastIndexOf('/') is > 0 and var slash && InputLimits.IsId(context[..slash])
        && DateOnly.TryParseExact(context[(slash + 1)..], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(_key, payload);
}
