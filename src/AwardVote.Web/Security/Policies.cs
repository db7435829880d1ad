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

    /// <summary>
    /// The jury's area (the /Jury pages, the jury and ballot API): someone who sits on a jury panel, or an
    /// administrator. Which panel a person may act on is <see cref="PanelOperations"/>' business.
    /// </summary>
    public const string Juror = nameof(Juror);

    /// <summary>The chair's pages and endpoints: someone who chairs a jury panel, or an administrator.</summary>
    public const string Chair = nameof(Chair);

    public static void Configure(AuthorizationBuilder authorization)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        authorization
            .SetDefaultPolicy(signedIn)
            // The default is nobody: a page or endpoint that says nothing requires a signed-in account.
            .SetFallbackPolicy(signedIn)
            .AddPolicy(SignedIn, signedIn)
            // An administrator and a chair hold an award's secrets: their pages need a second factor too (issue 15).
            .AddPolicy(Administrator, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Administrator)
                .AddRequirements(new SecondFactorRequirement()))
            // The one place a rule for every juror and chair attaches (e.g. "signs in with a second factor").
            // A juror of a cycle whose statute asks it signs in with a second factor too.
            .AddPolicy(Juror, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new JuryAreaRequirement(chairOnly: false), new SecondFactorRequirement()))
            .AddPolicy(Chair, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new JuryAreaRequirement(chairOnly: false), new JuryAreaRequirement(chairOnly: true), new SecondFactorRequirement()));
    }
}
