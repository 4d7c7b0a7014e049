using System.Security.Claims;

namespace Apprenticeships.Functions.Security;

/// <summary>A named member of staff for local development, signed in without a password.</summary>
public sealed record DemoUser(string Id, string Name, string Role, string Description);

/// <summary>
/// The people on the Development sign-in page, one per role. They exist only in Development:
/// in Azure, staff sign in with Microsoft Entra ID and their app roles.
/// </summary>
public static class DemoUsers
{
    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("amara", "Amara Okafor", StaffRoles.Advisor, "Hub advisor: enrols and follows candidates"),
        new("ben", "Ben Hughes", StaffRoles.Finance, "Finance officer: levy accounts and statements"),
        new("carys", "Carys Jones", StaffRoles.Admin, "Hub administrator: academies, cohorts, providers and keys"),
    ];

    public static DemoUser? Find(string? id) => All.FirstOrDefault(u => string.Equals(u.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static ClaimsPrincipal Principal(DemoUser user, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(StaffClaims.Id, user.Id),
        new Claim(StaffClaims.Name, user.Name),
        new Claim(StaffClaims.Role, user.Role),
    ], scheme, StaffClaims.Name, StaffClaims.Role));
}

/// <summary>Claim types as Entra ID issues them (with inbound mapping off), used for demo users too.</summary>
public static class StaffClaims
{
    public const string Id = "oid";
    public const string Name = "name";
    public const string Role = "roles";
}
