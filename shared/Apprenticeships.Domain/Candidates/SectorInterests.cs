using System.Collections;

namespace Apprenticeships.Domain.Candidates;

/// <summary>
/// The sectors a candidate would like to work in. Equal when they list the same sectors in the same
/// order, so that candidates (records) still compare by value: a plain list would compare by reference.
/// </summary>
public sealed class SectorInterests(IEnumerable<string> sectors) : IReadOnlyList<string>, IEquatable<SectorInterests>
{
    private readonly string[] _sectors = sectors.ToArray();

    public static readonly SectorInterests None = new([]);

    public string this[int index] => _sectors[index];
    public int Count => _sectors.Length;
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_sectors).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(SectorInterests? other) => other is not null && _sectors.SequenceEqual(other._sectors);
    public override bool Equals(object? obj) => Equals(obj as SectorInterests);
    public override int GetHashCode() => _sectors.Aggregate(0, (hash, sector) => HashCode.Combine(hash, sector));
}
