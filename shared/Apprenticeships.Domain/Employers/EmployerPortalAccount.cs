namespace Apprenticeships.Domain.Employers;

/// <summary>An employer's access to the employer portal: the hash of their key (the key itself is shown once, never stored).</summary>
public sealed record EmployerPortalAccount(string EmployerId, string KeyHash, DateTimeOffset KeyIssuedAt);
