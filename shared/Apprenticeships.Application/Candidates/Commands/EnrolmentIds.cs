using System.Security.Cryptography;
using System.Text;
using Apprenticeships.Application.Settings;
using Apprenticeships.Domain.Candidates;
using Microsoft.Extensions.Options;

namespace Apprenticeships.Application.Candidates.Commands;

/// <summary>
/// The id an enrolment gives its candidate, the same every time the same enrolment is sent, so a
/// retry after a lost answer or a crash finds the candidate the first attempt stored instead of
/// making a second one. An enrolment is the caller's Idempotency-Key when it sends one; otherwise
/// the referral itself (every field, as stored) on the business day it arrives: the same referral
/// sent again the same day is the same enrolment, and a referral of the same person on a later
/// day (after their first was closed) is a new one.
/// <para>
/// The id is a keyed hash (HMAC-SHA-256 with the links' signing key), so ids, which go into
/// workflow history and logs, cannot be worked back to a person's details by hashing guesses.
/// </para>
/// </summary>
public sealed class EnrolmentIds(IOptions<LinkOptions> links)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes("enrolment\n" + links.Value.SigningKey);

    public string For(Candidate referral, DateOnly day, string? idempotencyKey)
    {
        var identity = idempotencyKey is { Length: > 0 }
            ? $"key\n{idempotencyKey}"
            : string.Join('\n', "referral", referral.GivenName, referral.FamilyName, referral.Email.ToLowerInvariant(), referral.Postcode,
                referral.DateOfBirth.ToString("O"), referral.Source, referral.LawfulBasis, referral.AdvisorId, day.ToString("O"));
        return $"c-{Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(identity)))[..10]}";
    }

    /// <summary>Whether a stored candidate came from this referral (an Idempotency-Key reused for another one does not).</summary>
    public static bool SameReferral(Candidate stored, Candidate referral) =>
        stored.GivenName == referral.GivenName && stored.FamilyName == referral.FamilyName
        && string.Equals(stored.Email, referral.Email, StringComparison.OrdinalIgnoreCase) && stored.Postcode == referral.Postcode
        && stored.DateOfBirth == referral.DateOfBirth && stored.Source == referral.Source
        && stored.LawfulBasis == referral.LawfulBasis && stored.AdvisorId == referral.AdvisorId;
}
