using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Declarations;

/// <summary>
/// What became of one declaration: whether it beat its cut-off, whether it is the one that counts
/// for its month (or a year-end adjustment), and the funds it brought in with the English
/// fraction and top-up applied (null when it did not count or changed nothing).
/// </summary>
public sealed record DeclarationOutcome(LevyDeclaration Declaration, DateOnly CutOff, bool OnTime, bool Counted, bool IsYearEndAdjustment,
    FundsInEntry? FundsIn)
{
    /// <summary>Every declaration, oldest payroll month first, by the rules of <see cref="LevyFundsIn"/>.</summary>
    public static IReadOnlyList<DeclarationOutcome> For(IReadOnlyList<LevyDeclaration> declarations, IReadOnlyList<EnglishFraction> fractions,
        FundingPolicy policy)
    {
        var entries = LevyFundsIn.Calculate(declarations, fractions, policy)
            .ToDictionary(e => (e.PayeScheme, e.Period, e.SubmittedAt, e.IsYearEndAdjustment));
        var counted = declarations.GroupBy(d => (d.PayeScheme, d.Period))
            .Select(g => LevyFundsIn.Counted(g, g.Key.Period, policy)).OfType<LevyDeclaration>().ToHashSet();
        return declarations
            .OrderBy(d => d.Period.TaxYearStart).ThenBy(d => d.Period.Month).ThenBy(d => d.PayeScheme, StringComparer.Ordinal).ThenBy(d => d.SubmittedAt)
            .Select(d =>
            {
                var cutOff = LevyFundsIn.CutOff(d.Period, policy);
                var adjustment = LevyFundsIn.IsYearEndAdjustment(d, policy);
                var counts = adjustment || counted.Contains(d);
                entries.TryGetValue((d.PayeScheme, d.Period, d.SubmittedAt, adjustment), out var entry);
                return new DeclarationOutcome(d, cutOff, d.SubmittedAt < cutOff.ToDateTime(TimeOnly.MinValue), counts, adjustment, counts ? entry : null);
            })
            .ToList();
    }
}
