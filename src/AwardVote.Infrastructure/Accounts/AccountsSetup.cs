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
    }

    public static IdentityBuilder AddAwardVoteIdentityStores(this IdentityBuilder builder) =>
        builder.AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator<AppUser>>();
}
