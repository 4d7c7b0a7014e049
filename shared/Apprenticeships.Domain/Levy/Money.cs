namespace Apprenticeships.Domain.Levy;

/// <summary>
/// Money is decimal pounds. Every amount the ledger stores is rounded to pence, half away
/// from zero (the way HMRC and a finance officer round), so sums of stored amounts add up
/// exactly and no binary floating point ever touches money.
/// </summary>
public static class Money
{
    public static decimal ToPence(decimal pounds) => Math.Round(pounds, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rounds down to pence; used for equal instalments so the remainder can go to the last one.</summary>
    public static decimal DownToPence(decimal pounds) => Math.Floor(pounds * 100m) / 100m;
}
