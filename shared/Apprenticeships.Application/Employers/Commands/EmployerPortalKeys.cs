using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Employers;

namespace Apprenticeships.Application.Employers.Commands;

/// <summary>An employer's new portal key, shown this once and never kept.</summary>
public sealed record IssuedEmployerKey(Employer Employer, EmployerPortalAccount Account, string Key);

/// <summary>
/// Employers' portal keys: "{employerId}.{secret}", issued by a hub administrator, shown once and
/// stored as a hash (<see cref="PortalKey"/>). Issuing a new key stops the old one at once,
/// including any portal sign-in made with it.
/// </summary>
public sealed class EmployerPortalKeys(EmployerPortalAccounts accounts, EmployerStore employers, TimeProvider clock)
{
    public async Task<Result<IssuedEmployerKey>> IssueAsync(string employerId, CancellationToken ct)
    {
        if (!InputLimits.IsId(employerId) || await employers.GetAsync(employerId, ct) is not { } employer) return Problem.NotFound("id", $"No employer '{employerId}'.");
        var (key, hash) = PortalKey.New(employerId);
        var account = new EmployerPortalAccount(employerId, hash, clock.GetUtcNow());
        var created = await accounts.AddAsync(employerId, account, ct);
        if (!created) account = (await accounts.ChangeAsync(employerId, _ => account, ct))!;
        return Result<IssuedEmployerKey>.Ok(new IssuedEmployerKey(employer, account, key), created);
    }

    /// <summary>The employer the key belongs to, or null if it is not a current key.</summary>
    public async Task<(Employer Employer, EmployerPortalAccount Account)?> VerifyAsync(string? key, CancellationToken ct)
    {
        if (PortalKey.IdOf(key) is not { } id || await accounts.GetAsync(id, ct) is not { } account || !PortalKey.Matches(key!, account.KeyHash)) return null;
        return await employers.GetAsync(id, ct) is { } employer ? (employer, account) : null;
    }

    public async Task<EmployerPortalAccount?> FindAsync(string employerId, CancellationToken ct) =>
        InputLimits.IsId(employerId) ? await accounts.GetAsync(employerId, ct) : null;

    /// <summary>Every employer, with when their current key was issued (null if they have none).</summary>
    public async Task<List<(Employer Employer, DateTimeOffset? KeyIssuedAt)>> ListAsync(CancellationToken ct)
    {
        var issued = (await accounts.ListAsync(ct)).ToDictionary(a => a.EmployerId, a => a.KeyIssuedAt);
        return (await employers.ListAsync(ct)).OrderBy(e => e.Name).Select(e => (e, issued.TryGetValue(e.Id, out var at) ? at : (DateTimeOffset?)null)).ToList();
    }
}
