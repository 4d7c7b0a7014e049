namespace Apprenticeships.Domain.Levy.Policy;

/// <summary>One row of a dated policy parameter: the value in force from a date until the next row.</summary>
public sealed record Dated<T>(DateOnly EffectiveFrom, T Value);

/// <summary>
/// A policy value that changes over time (a rate, an amount, a period). Rules ask "what was
/// in force on this date" instead of holding literals, so a change of policy is a new row.
/// </summary>
public sealed class PolicyParameter<T>
{
    private readonly Dated<T>[] _rows;

    public PolicyParameter(string name, params Dated<T>[] rows)
    {
        if (rows.Length == 0) throw new ArgumentException("A policy parameter needs at least one row.", nameof(rows));
        Name = name;
        _rows = rows.OrderBy(r => r.EffectiveFrom).ToArray();
    }

    public string Name { get; }
    public IReadOnlyList<Dated<T>> Rows => _rows;
    public DateOnly FirstEffective => _rows[0].EffectiveFrom;

    /// <summary>The value in force on <paramref name="date"/> (the latest row effective on or before it).</summary>
    public T At(DateOnly date)
    {
        if (date < _rows[0].EffectiveFrom)
        {
            throw new PolicyNotInForceException(Name, date, _rows[0].EffectiveFrom);
        }
        for (var i = _rows.Length - 1; i > 0; i--)
        {
            if (_rows[i].EffectiveFrom <= date) return _rows[i].Value;
        }
        return _rows[0].Value;
    }

    /// <summary>The value dated strictly before <paramref name="date"/> (DAS: rates "dated before the cut-off").</summary>
    public T Before(DateOnly date) => At(date.AddDays(-1));
}

/// <summary>Thrown when a rule is asked about a date before the policy existed (e.g. levy before April 2017).</summary>
public sealed class PolicyNotInForceException(string name, DateOnly date, DateOnly firstEffective)
    : InvalidOperationException($"No {name} is in force on {date:yyyy-MM-dd}; the first is effective from {firstEffective:yyyy-MM-dd}.")
{
    public DateOnly FirstEffective { get; } = firstEffective;
}
