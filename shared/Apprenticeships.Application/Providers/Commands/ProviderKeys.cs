using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Providers.Commands;

/// <summary>A provider to register: the id starts their API key.</summary>
public sealed record RegisterProvider(string? Id, string? Name);

/// <summary>A provider's account with its new API key, which is shown this once and never kept.</summary>
public sealed record IssuedKey(ProviderAccount Account, string Key);

/// <summary>Training providers' API keys: "{providerId}.{secret}", shown once and stored as a hash (<see cref="PortalKey"/>).</summary>
public sealed class ProviderKeys(ProviderStore providers, TimeProvider clock)
{
    public const string Header = "X-Provider-Key";

    /// <summary>Registers a provider with a new key.</summary>
    public async Task<Result<IssuedKey>> RegisterAsync(RegisterProvider command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = errors.Id("id", command.Id, "Provider id");
        var name = errors.Text("name", command.Name, "Name", InputLimits.Title);
        if (errors.Any) return errors.ToProblem();
        var (key, hash) = NewKey(id!);
        var account = new ProviderAccount(id!, name!, hash, clock.GetUtcNow());
        return await providers.AddAsync(account.Id, account, ct)
            ? Result<IssuedKey>.Ok(new IssuedKey(account, key), created: true)
            : Problem.Conflict("id", $"Provider '{id}' already exists.");
    }

    /// <summary>Replaces the provider's key with a new one: the old one stops working at once.</summary>
    public async Task<Result<IssuedKey>> IssueNewKeyAsync(string id, CancellationToken ct)
    {
        if (!InputLimits.IsId(id)) return Problem.NotFound("id", $"No provider '{id}'.");
        var (key, hash) = NewKey(id);
        var changed = await providers.ChangeAsync(id, p => p with { KeyHash = hash, KeyIssuedAt = clock.GetUtcNow() }, ct);
        return changed is null ? Problem.NotFound("id", $"No provider '{id}'.") : Result<IssuedKey>.Ok(new IssuedKey(changed, key));
    }

    /// <summary>The provider the key belongs to, or null if it is not a current key.</summary>
    public async Task<ProviderAccount?> VerifyAsync(string? key, CancellationToken ct)
    {
        if (PortalKey.IdOf(key) is not { } id) return null;
        var account = await providers.GetAsync(id, ct);
        return account is not null && PortalKey.Matches(key!, account.KeyHash) ? account : null;
    }

    public async Task<ProviderAccount?> FindAsync(string id, CancellationToken ct) => InputLimits.IsId(id) ? await providers.GetAsync(id, ct) : null;

    public async Task<List<ProviderAccount>> ListAsync(CancellationToken ct) => (await providers.ListAsync(ct)).OrderBy(p => p.Name).ToList();

    private static (string Key, string Hash) NewKey(string id) => PortalKey.New(id);
}
