using AwardVote.Domain.Accounts;
using AwardVote.Infrastructure;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwardVote.Cli;

public sealed record CliSettings(string? Provider, string? ConnectionString, string? DataDirectory);

public static class Commands
{
    public static async Task<int> MigrateAsync(CliSettings settings, CancellationToken cancellationToken)
    {
        using var host = BuildHost(settings);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseMigrator.MigrateAsync(db, Logger(scope), cancellationToken);
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        Console.WriteLine($"Database is up to date ({applied.Count()} migrations, provider {db.Database.ProviderName}).");
        return 0;
    }

    public static async Task<int> SeedDemoAsync(CliSettings settings, CancellationToken cancellationToken)
    {
        using var host = BuildHost(settings);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseMigrator.MigrateAsync(db, Logger(scope), cancellationToken);
        switch (await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken))
        {
            case DemoSeeding.NotEmpty:
                Console.Error.WriteLine("The database already has data; demo data is only added to an empty database.");
                return 1;
            case DemoSeeding.RefusedOutsideDevelopment:
                Console.Error.WriteLine("Demo data is for development (DOTNET_ENVIRONMENT=Development); elsewhere set " +
                                        "Demo__AllowOutsideDevelopment=true, and it comes without the demo accounts.");
                return 1;
            case DemoSeeding.SeededWithoutAccounts:
                Console.WriteLine("Demo data created, without accounts (not Development); create the administrator with create-admin.");
                return 0;
            default:
                Console.WriteLine($"Demo data created. Sign in as {DemoSeeder.AdministratorEmail} with password {DemoSeeder.Password}.");
                return 0;
        }
    }

    public static async Task<int> CreateAdministratorAsync(CliSettings settings, string email, string name, CancellationToken cancellationToken)
    {
        var password = Environment.GetEnvironmentVariable("AWARDVOTE_ADMIN_PASSWORD") ?? Console.ReadLine();
        if (string.IsNullOrWhiteSpace(password))
        {
            Console.Error.WriteLine("No password: set AWARDVOTE_ADMIN_PASSWORD or pass it on standard input.");
            return 2;
        }

        using var host = BuildHost(settings);
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var clock = services.GetRequiredService<TimeProvider>();

        // A first-run step (docker-compose.yml runs it before every start): an administrator who exists already is
        // left as they are, password included, so running it again changes nothing.
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            if (await db.RoleGrants.AnyAsync(g => g.UserId == existing.Id && g.Role == ScopedRole.Administrator, cancellationToken))
            {
                Console.WriteLine($"Administrator {email} exists already; nothing changed.");
                return 0;
            }
            Console.Error.WriteLine($"{email} has an account but is no administrator; an administrator grants the role on the site.");
            return 1;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            // The person running the installation vouches for the address.
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                Console.Error.WriteLine(error.Description);
            return 1;
        }
        db.RoleGrants.Add(RoleGrant.Administrator(user.Id, clock.GetUtcNow(), grantedBy: null));
        services.GetRequiredService<AuditLog>().Record("role.granted", "User", user.Id,
            after: new { Role = ScopedRole.Administrator }, reason: "Created with awardvote create-admin");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Console.WriteLine($"Administrator {email} created.");
        return 0;
    }

    private static IHost BuildHost(CliSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            DisableDefaults = false,
        });
        var overrides = new Dictionary<string, string?>();
        if (settings.Provider is not null) overrides["Database:Provider"] = settings.Provider;
        if (settings.ConnectionString is not null) overrides["ConnectionStrings:AwardVote"] = settings.ConnectionString;
        if (settings.DataDirectory is not null) overrides["Storage:DataDirectory"] = settings.DataDirectory;
        // A command-line tool runs no background jobs.
        overrides["Jobs:RunServer"] = "false";
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("AwardVote", LogLevel.Information);

        builder.Services.AddAwardVoteInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddIdentityCore<AppUser>(AccountsSetup.Configure).AddAwardVoteIdentityStores();
        return builder.Build();
    }

    private static ILogger Logger(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("AwardVote.Cli");
}
