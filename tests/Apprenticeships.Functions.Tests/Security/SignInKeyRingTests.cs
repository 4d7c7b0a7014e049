using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Security;

public class SignInKeyRingTests
{
    [Fact]
    public async Task What_one_app_instance_signs_another_instance_on_the_same_storage_accepts()
    {
        await using var first = await AppFactory.CreateAsync();
        await using var second = await AppFactory.CreateAsync();
        // The purpose the cookie middleware uses, so this is what a staff sign-in cookie relies on.
        const string purpose = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware";

        var ticket = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("advisor signed in");

        // Kept in the storage account, not on this machine's disk, which Azure instances do not share.
        var keys = (await Apprenticeships.Testing.LocalAzurite.AccountAsync()).Blobs.GetBlobContainerClient(Apprenticeships.Functions.Security.SignInKeyRing.Container);
        Assert.Contains(keys.GetBlobs(), b => b.Name.StartsWith("key-", StringComparison.Ordinal));
        Assert.Equal("advisor signed in", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(ticket));
    }
}
