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
        return new AppDbContext(options.Options);
    }

    private const string DesignTimeConnectionString = "Data Source=design-time.db";
}
