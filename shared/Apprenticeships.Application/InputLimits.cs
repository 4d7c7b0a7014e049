using System.Text.RegularExpressions;

namespace Apprenticeships.Application;

/// <summary>
/// How long, how far and how much any input may be, in one place. Limits are generous for real
/// people and places and small enough that one request cannot fill a table row (1 MB), a page or
/// a payment schedule: a 1 MB lawful basis or a planned end in 9999 is a mistake or an attack.
/// </summary>
public static partial class InputLimits
{
    /// <summary>Ids and references: they go into URLs and table keys.</summary>
    public const int Id = 64;
    /// <summary>A person's given or family name.</summary>
    public const int PersonName = 100;
    /// <summary>The longest address SMTP carries (RFC 5321).</summary>
    public const int Email = 254;
    /// <summary>Names of academies, cohorts, standards, providers, employers and places.</summary>
    public const int Title = 120;
    /// <summary>A levy employer's registered name, which can be long.</summary>
    public const int OrganisationName = 200;
    public const int Sector = 80;
    public const int Place = 200;
    /// <summary>The lawful basis for holding someone's details (a phrase, like "Public task").</summary>
    public const int LawfulBasis = 200;
    public const int PayeScheme = 30;
    /// <summary>Reasons for a withdrawal or an outcome.</summary>
    public const int Reason = 500;
    /// <summary>A provider's detail on a confirmation.</summary>
    public const int Detail = 200;
    /// <summary>A search typed into a box.</summary>
    public const int Search = 200;

    /// <summary>Programme, training and finance dates: this century, give or take; anything else is a typo.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>Levy dates (commitments, transfers, English fractions, the policy asked about): nothing in a levy account is older than the levy.</summary>
    public static readonly DateOnly EarliestLevyDate = new(2017, 4, 1);

    /// <summary>A commitment's planned end: no apprenticeship runs longer (the longest standards are about five years).</summary>
    public const int LongestPlannedYears = 10;

    /// <summary>Any amount of money, in pounds: far above any levy bill or price, far below where arithmetic overflows.</summary>
    public const decimal MostMoney = 1_000_000_000m;

    /// <summary>Whether an id could have been issued: ids from a URL that could not are not looked up (a table key has rules of its own).</summary>
    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    /// <summary>The first character that does not belong in typed text (a control character or half a surrogate pair), or null.</summary>
    public static int? BadCharacterAt(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c)) return i;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return i;
        }
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
