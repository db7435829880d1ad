using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AwardVote.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for Sqlite without starting the web app; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseAwardVoteDatabase(DatabaseProvider.Sqlite, DesignTimeConnectionString);
        // Identity's schema version (passkeys) comes from its options, as in the running app.
        options.UseApplicationServiceProvider(AccountsSetup.ModelServices);
        return new AppDbContext(options.Options);
    }

    private const string DesignTimeConnectionString = "Data Source=design-time.db";
}
