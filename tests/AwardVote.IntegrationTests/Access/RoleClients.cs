using System.Net;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace AwardVote.IntegrationTests.Access;

/// <summary>
/// One signed-in browser per role (cookies and the anti-forgery token), shared by every request of that role. A
/// request that would change the session itself (signing out, signing in as someone else, switching the language)
/// runs on a copy of the cookies, so the role stays signed in for the next one.
/// </summary>
public sealed class RoleClients(AccessWorld world)
{
    private readonly Dictionary<Role, CookieContainer> _cookies = [];
    private readonly Dictionary<Role, string> _tokens = [];

    public async Task SignInAllAsync()
    {
        foreach (var role in Enum.GetValues<Role>())
            await SignInAgainAsync(role);
    }

    /// <summary>
    /// A fresh session for the role: signing out ends every session of the account, the shared one too, so a request
    /// that signs out is followed by this.
    /// </summary>
    public async Task SignInAgainAsync(Role role)
    {
        _cookies[role] = new CookieContainer();
        if (role != Role.Anonymous)
        {
            var password = role == Role.Admin ? DemoSeeder.Password : AccessWorld.Password;
            using var client = Client(role, isolated: false);
            var login = await client.GetStringAsync("/Account/Login");
            using var signedIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = world.People[role].Email,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(login),
            }));
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{role} could not sign in: {signedIn.StatusCode}");
        }
        await RefreshTokenAsync(role);
    }

    /// <summary>The token every form of this role's pages carries (read from the sign-in form, which everyone gets).</summary>
    public string Token(Role role) => _tokens[role];

    public async Task RefreshTokenAsync(Role role)
    {
        using var client = Client(role, isolated: false);
        _tokens[role] = Browserless.AntiforgeryToken(await client.GetStringAsync("/Account/Login"));
    }

    public HttpClient Client(Role role, bool isolated)
    {
        var cookies = isolated ? Copy(_cookies[role]) : _cookies[role];
        return Browserless.BrowserClient(world.App.CreateDefaultClient(new CookieContainerHandler(cookies)));
    }

    private static CookieContainer Copy(CookieContainer original)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in original.GetAllCookies())
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        return copy;
    }
}
