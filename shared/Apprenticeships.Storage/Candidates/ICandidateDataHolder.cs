namespace Apprenticeships.Storage.Candidates;

/// <summary>
/// A store that may hold a candidate's personal data (names, addresses, free text about them)
/// beyond the candidate's own row. Erasure asks every one of them to forget the candidate, so a
/// new store that holds such data joins erasure by implementing this.
/// </summary>
public interface ICandidateDataHolder
{
    /// <summary>Removes what this store holds about the candidate beyond ids and facts. Safe to repeat.</summary>
    Task ForgetCandidateAsync(string candidateId, CancellationToken ct);
}
