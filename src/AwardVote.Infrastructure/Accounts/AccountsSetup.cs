using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.Infrastructure.Accounts;

public static class AccountsSetup
{
    /// <summary>Identity's rules for every host (web, command-line tool): confirmed e-mail, strong passwords, lockout for second-factor codes.</summary>
    public static void Configure(IdentityOptions options)
    {
        options.SignIn.RequireConfirmedEmail = true;
        options.SignIn.RequireConfirmedAccount = true;
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 10;
        options.Password.RequireNonAlphanumeric = false;
        // Counts wrong second-factor codes only (Identity's two-factor sign-in); wrong passwords never lock an account,
        // which any stranger could do to its owner: they make the guessing client wait (SignInWithPassword).
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        // Passkeys need Identity's third schema (AppDbContext builds its model with it too).
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    }

    /// <summary>
    /// Identity builds its part of the model from these options (the schema version: passkeys). A context made outside
    /// a host, as dotnet ef's design-time factories make one, is given them so its migrations match the running app.
    /// </summary>
    public static IServiceProvider ModelServices { get; } =
        new ServiceCollection().AddOptions().Configure<IdentityOptions>(Configure).BuildServiceProvider();

    public static IdentityBuilder AddAwardVoteIdentityStores(this IdentityBuilder builder) =>
        builder.AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator<AppUser>>();
}
