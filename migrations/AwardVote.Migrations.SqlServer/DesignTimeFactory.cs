using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AwardVote.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the model for SqlServer without starting the web app; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseAwardVoteDatabase(DatabaseProvider.SqlServer, DesignTimeConnectionString);
        // Identity's schema version (passkeys) comes from its options, as in the running app.
        options.UseApplicationServiceProvider(AccountsSetup.ModelServices);
        return new AppDbContext(options.Options);
    }

    private const string DesignTimeConnectionString = "Server=localhost;Database=AwardVote;Trusted_Connection=True;TrustServerCertificate=True";
}
