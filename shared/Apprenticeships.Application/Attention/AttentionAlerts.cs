using Apprenticeships.Application.Programmes;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Application.Attention;

/// <summary>An alert about a candidate, as a workflow raises it: the step's key, the kind, its facts and the business time.</summary>
public sealed record RaiseAttention(string CandidateId, string Key, AttentionKind Kind, IReadOnlyDictionary<string, string> Facts, DateTimeOffset At);

/// <summary>
/// Stores every alert the workflows raise as an attention item, whether or not an alerts mailbox
/// is set, so the board and <c>GET /api/attention</c> show it until it is acted upon
/// (<see cref="AttentionRules"/>). Keyed by the alerting step: a retried step stores it once.
/// </summary>
public sealed class AttentionAlerts(AttentionItems items, ProgrammeNames names)
{
    /// <summary>Stores the alert (once per key) and returns it as an item.</summary>
    public async Task<AttentionItem> RaiseAsync(RaiseAttention alert, CancellationToken ct)
    {
        var item = new AttentionItem(alert.CandidateId, alert.Key, alert.Kind, alert.Facts, alert.At);
        await items.AddAsync(new StoredAttention(item.CandidateId, item.Key, item.Kind.ToString(), item.Facts, item.RaisedAt), ct);
        return item;
    }

    /// <summary>The item in words, with programme names read now.</summary>
    public async Task<AttentionDescription> DescribeAsync(AttentionItem item, CancellationToken ct) =>
        AttentionWords.Describe(item, await names.LoadAsync(ct));

    /// <summary>A stored item as the application sees it; an unknown kind (a newer app's) reads as <see cref="AttentionKind.Other"/>.</summary>
    internal static AttentionItem FromStored(StoredAttention s) =>
        new(s.CandidateId, s.Key, Enum.TryParse<AttentionKind>(s.Kind, out var kind) && Enum.IsDefined(kind) ? kind : AttentionKind.Other, s.Facts, s.RaisedAt);
}
