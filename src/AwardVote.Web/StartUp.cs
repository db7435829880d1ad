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
    /// empty database when <c>Demo:SeedWhenEmpty</c> is set (the development default); outside Development only with
    /// <c>Demo:AllowOutsideDevelopment</c>, and without the demo's accounts (DemoSeeder).
    /// </summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var provider = DatabaseSetup.ReadProvider(app.Configuration);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        if (provider == DatabaseProvider.Sqlite || app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
            await DatabaseMigrator.MigrateAsync(db, app.Logger);

        if (app.Configuration.GetValue<bool>("Demo:SeedWhenEmpty"))
        {
            switch (await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync())
            {
                case DemoSeeding.Seeded:
                    app.Logger.LogInformation("Demo data created: sign in as {Email} with password {Password}",
                        DemoSeeder.AdministratorEmail, DemoSeeder.Password);
                    break;
                case DemoSeeding.SeededWithoutAccounts:
                    app.Logger.LogWarning("Demo data created without accounts (outside Development); create the administrator with awardvote create-admin");
                    break;
                case DemoSeeding.RefusedOutsideDevelopment:
                    app.Logger.LogWarning("Demo:SeedWhenEmpty is ignored outside Development unless {Setting} is set; no demo data was created",
                        DemoSeeder.AllowOutsideDevelopmentSetting);
                    break;
            }
        }

        RecurringJobs.Register(scope.ServiceProvider.GetRequiredService<IRecurringJobManager>());
        AwardVote.Application.Jury.RemindJurorsJob.Register(scope.ServiceProvider.GetRequiredService<IRecurringJobManager>());
    }
}
