using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Apprenticeships.Domain.Candidates;

/// <summary>
/// The checks a referral must pass before a candidate is enrolled. Errors are keyed by the
/// request's field name so the API and the enrol form can point at the field.
/// </summary>
public static partial class ReferralRules
{
    public const int MinimumAge = 16;
    public const int MaximumAge = 100;

    // The UK postcode shape (outward code, space optional, inward code); BFPO and GIR 0AA aside.
    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", RegexOptions.IgnoreCase)]
    private static partial Regex UkPostcode();

    public static Dictionary<string, string[]> Validate(Referral referral, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(referral.GivenName)) Add("givenName", "Enter the candidate's first name.");
        else if (referral.GivenName.Length > 100) Add("givenName", "First name must be 100 characters or fewer.");
        if (string.IsNullOrWhiteSpace(referral.FamilyName)) Add("familyName", "Enter the candidate's last name.");
        else if (referral.FamilyName.Length > 100) Add("familyName", "Last name must be 100 characters or fewer.");
        if (!IsEmail(referral.Email)) Add("email", "Enter an email address in the correct format, like name@example.com.");
        if (string.IsNullOrWhiteSpace(referral.Postcode) || !UkPostcode().IsMatch(referral.Postcode.Trim()))
            Add("postcode", "Enter a real UK postcode, like WR1 2AB.");
        if (referral.DateOfBirth is not { } born) Add("dateOfBirth", "Enter the candidate's date of birth.");
        else if (born > today) Add("dateOfBirth", "Date of birth must be in the past.");
        else if (AgeOn(born, today) is var age && age < MinimumAge) Add("dateOfBirth", $"The candidate must be at least {MinimumAge}.");
        else if (age > MaximumAge) Add("dateOfBirth", "Check the year of birth.");
        if (referral.Source is null) Add("source", "Choose who referred the candidate.");
        if (!referral.Consent) Add("consent", "The candidate must agree to the hub holding their details before they can be enrolled.");
        if (string.IsNullOrWhiteSpace(referral.LawfulBasis)) Add("lawfulBasis", "Record the lawful basis for holding the candidate's details.");
        if (string.IsNullOrWhiteSpace(referral.AdvisorId)) Add("advisorId", "Choose the candidate's advisor.");
        return errors;
    }

    public static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>Whether the text has a UK postcode's shape (an employer's site uses the same rule as a candidate's address).</summary>
    public static bool IsPostcode(string? text) => !string.IsNullOrWhiteSpace(text) && UkPostcode().IsMatch(text.Trim());

    public static string NormalisePostcode(string postcode)
    {
        var compact = postcode.Replace(" ", "").ToUpperInvariant();
        return compact[..^3] + " " + compact[^3..];
    }

    /// <summary>An address a message can be sent to: one mailbox, at most 254 characters, its domain with a dot.</summary>
    public static bool IsEmail(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= 254 &&
        MailAddress.TryCreate(text.Trim(), out var address) && address.Address == text.Trim() && address.Host.Contains('.');
}
