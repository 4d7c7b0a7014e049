namespace Apprenticeships.Storage.Levy;

/// <summary>
/// What saving a record did. Records have deterministic keys, so posting the same record
/// twice finds it already there (Unchanged) instead of counting it twice; a different
/// record under the same key is a Conflict and is not saved.
/// </summary>
public enum SaveResult
{
    Created,
    Unchanged,
    Conflict,
    /// <summary>Not saved because the record it was checked against changed meanwhile: read again and re-check.</summary>
    Stale,
}
