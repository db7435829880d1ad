using AwardVote.Application;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using Hangfire;

namespace AwardVote.Web;

internal static class StartUp
{
    /// <summary>
    /// Migrations run at start-up on SQLite (one node, nobody else to do it) and elsewhere when
    /// <c>Database:MigrateOnStartup</c> says so; otherwise <c>awardvote migrate</c> does it. Demo data is added to an
    /// empty database when <c>Demo:SeedWhenEmpty</c> is set (the development default).
    /// </summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var provider = DatabaseSetup.ReadProvider(app.Configuration);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        if (provider == DatabaseProvider.Sqlite || app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
            await DatabaseMigrator.MigrateAsync(db, app.Logger);

        if (app.Configuration.GetValue<bool>("Demo:SeedWhenEmpty")
            && await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync())
        {
            app.Logger.LogInformation("Demo data created: sign in as {Email} with password {Password}",
                DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        }

        RecurringJobs.Register(scope.ServiceProvider.GetRequiredService<IRecurringJobManager>());
        AwardVote.Application.Jury.RemindJurorsJob.Register(scope.ServiceProvider.GetRequiredService<IRecurringJobManager>());
    }
}
