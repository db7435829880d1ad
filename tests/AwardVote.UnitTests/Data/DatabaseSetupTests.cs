using AwardVote.Infrastructure.Data;
using Npgsql;

namespace AwardVote.UnitTests.Data;

public sealed class DatabaseSetupTests
{
    [Fact]
    public void PostgreSQL_connections_keep_their_most_used_statements_prepared()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Database=awardvote;Username=app"));

        Assert.Equal(DatabaseSetup.PostgreSqlAutoPrepared, tuned.MaxAutoPrepare);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("awardvote", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=16", 16)]
    [InlineData("Host=db;max auto prepare=8", 8)]
    public void The_operators_own_setting_wins(string connectionString, int expected)
    {
        var kept = DatabaseSetup.WithAutoPrepare(connectionString);

        Assert.Equal(connectionString, kept);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(kept).MaxAutoPrepare);
    }
}
