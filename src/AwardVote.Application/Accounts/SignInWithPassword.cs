using AwardVote.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AwardVote.Application.Accounts;

/// <summary>
/// The password sign-in, for the sign-in page and Identity's POST /api/auth/login alike (Identity calls its
/// SignInManager, and this is the one it is given). Told apart by nothing: a known address and an unknown one, a
/// confirmed account and an unconfirmed one get the same answer to a wrong password, after the same work (a password
/// hash is checked either way); only the right password learns that the address still needs confirming. Wrong
/// guesses never lock the account, which a stranger could do at will: they make that client wait
/// (<see cref="SignInThrottle"/>), and the per-client rate limiter bounds the rest.
/// </summary>
public sealed class SignInWithPassword(UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory, IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation, SignInThrottle throttle)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // A hash made with the same hasher (and so the same work factor) as real ones, checked when the address is unknown.
    private static string? s_dummyHash;

    /// <summary>The answer while the client must still wait (<see cref="SignInThrottle"/>); Identity's API says "LockedOut".</summary>
    public static SignInResult Waiting => SignInResult.LockedOut;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var client = Client();
        if (throttle.Wait(userName, client) > TimeSpan.Zero)
            return Waiting;
        if (await UserManager.FindByNameAsync(userName) is { } user)
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        s_dummyHash ??= UserManager.PasswordHasher.HashPassword(new AppUser(), "not-a-password-" + Guid.NewGuid());
        UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), s_dummyHash, password);
        throttle.Failed(userName, client);
        return SignInResult.Failed;
    }

    /// <summary>
    /// The password first, then whether the account may sign in (confirmed address): Identity's order tells a
    /// stranger with any password that the address has an unconfirmed account. No lockout counting.
    /// </summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        var client = Client();
        var name = user.UserName ?? "";
        if (throttle.Wait(name, client) > TimeSpan.Zero)
            return Waiting;
        if (!await UserManager.CheckPasswordAsync(user, password))
        {
            throttle.Failed(name, client);
            return SignInResult.Failed;
        }
        if (await PreSignInCheck(user) is { } refused)
            return refused;
        throttle.Succeeded(name, client);
        return SignInResult.Success;
    }

    /// <summary>The caller's address (the proxy's forwarded one once forwarded headers are configured).</summary>
    private string Client() => ClientAddress.Of(Context);
}
