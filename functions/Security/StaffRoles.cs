namespace Apprenticeships.Functions.Security;

/// <summary>
/// The hub's staff roles, as Entra ID app roles ("roles" claim) and as the demo users' roles.
/// Admin can do everything, so a hub with one administrator is never locked out of a page.
/// </summary>
public static class StaffRoles
{
    public const string Advisor = "Advisor";
    public const string Finance = "Finance";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Advisor, Finance, Admin];
}

/// <summary>Authorisation policies named for what they guard.</summary>
public static class StaffPolicies
{
    /// <summary>Candidates, academies and cohorts: advisors (and admins).</summary>
    public const string Candidates = "Candidates";
    /// <summary>Levy accounts, commitments, transfers, statements: finance officers (and admins).</summary>
    public const string Finance = "Finance";
    /// <summary>Creating academies and cohorts, registering providers and issuing their keys.</summary>
    public const string Administration = "Administration";
    /// <summary>Anything any member of staff may see: reports, the development tools.</summary>
    public const string AnyStaff = "AnyStaff";
    /// <summary>The provider portal: signed in with the provider's API key.</summary>
    public const string Provider = "Provider";
    /// <summary>The employer portal: signed in with the employer's portal key; it sees only the employer's own vacancies.</summary>
    public const string Employer = "Employer";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Candidates, p => p.RequireRole(StaffRoles.Advisor, StaffRoles.Admin));
        options.AddPolicy(Finance, p => p.RequireRole(StaffRoles.Finance, StaffRoles.Admin));
        options.AddPolicy(Administration, p => p.RequireRole(StaffRoles.Admin));
        options.AddPolicy(AnyStaff, p => p.RequireRole(StaffRoles.All));
        options.AddPolicy(Provider, p => p.AddAuthenticationSchemes(ProviderSignIn.Scheme).RequireClaim(ProviderSignIn.ProviderIdClaim));
        options.AddPolicy(Employer, p => p.AddAuthenticationSchemes(EmployerSignIn.Scheme).RequireClaim(EmployerSignIn.EmployerIdClaim));
        // A route mapped without a policy is closed to all but staff, so a new endpoint is never public by accident.
        options.FallbackPolicy = options.GetPolicy(AnyStaff);
    }
}
