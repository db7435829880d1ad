using Microsoft.AspNetCore.Authorization;

namespace AwardVote.Web.Security;

/// <summary>Role names as they appear in claims.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string LibraryRepresentative = "LibraryRepresentative";
    public const string Juror = "Juror";
    public const string Chair = "Chair";
}

/// <summary>Every named authorization policy of AwardVote, in one place.</summary>
public static class Policies
{
    public const string Administrator = nameof(Administrator);
    public const string SignedIn = nameof(SignedIn);

    public static void Configure(AuthorizationBuilder authorization)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        authorization
            .SetDefaultPolicy(signedIn)
            // The default is nobody: a page or endpoint that says nothing requires a signed-in account.
            .SetFallbackPolicy(signedIn)
            .AddPolicy(SignedIn, signedIn)
            .AddPolicy(Administrator, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Administrator));
    }
}
