using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Files;
using AwardVote.Infrastructure.Health;
using AwardVote.Infrastructure.Jobs;
using AwardVote.Infrastructure.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AwardVote.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Database, audit, mail, jobs and demo data, configured from <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddAwardVoteInfrastructure(this IServiceCollection services,
        IConfiguration configuration, string contentRoot)
    {
        var paths = new AppPaths(contentRoot, configuration["Storage:DataDirectory"]);
        var provider = DatabaseSetup.ReadProvider(configuration);
        var connectionString = DatabaseSetup.ReadConnectionString(configuration, provider, paths);

        services.AddSingleton(paths);
        services.TryAddSingleton(TimeProvider.System);
        // Pooled: a request leases a context that is reset, not built anew (with its services) each time; the
        // context holds no state of its own beyond its options (docs/benchmarks.md, scenario 1).
        // Interceptors registered in the container join every context: the tests' check that each audited change
        // saves its audit entry with it (tests/Shared/AuditedSaves.cs) plugs in here.
        services.AddDbContextPool<AppDbContext>((sp, options) => options.UseAwardVoteDatabase(provider, connectionString)
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        // Keys in the database: every node behind a load balancer reads the same cookies and tokens.
        services.AddDataProtection().SetApplicationName("AwardVote").PersistKeysToDbContext<AppDbContext>();
        services.AddLocalization(options => options.ResourcesPath = "Resources");

        services.TryAddScoped<IAuditActor, SystemAuditActor>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditPseudonymiser>();

        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.Configure<Association.AssociationOptions>(configuration.GetSection(Association.AssociationOptions.Section));
        // Every mail text as the association signs it (its name, its signature), wherever a mail is rendered.
        services.AddTransient<IStringLocalizer<MailResource>>(sp => new Association.AssociationMailText(
            sp.GetRequiredService<IStringLocalizerFactory>().Create(typeof(MailResource)), sp.GetRequiredService<IOptions<Association.AssociationOptions>>()));
        services.Configure<Privacy.PrivacyOptions>(configuration.GetSection(Privacy.PrivacyOptions.Section));
        services.AddSingleton<Privacy.Pseudonyms>();
        services.AddScoped<Outbox>();
        services.AddScoped<DeliverOutboxJob>();
        services.AddScoped<PurgeMailBodiesJob>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var mail = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            return mail.Transport == MailTransportKind.Smtp
                ? new SmtpMailTransport(sp.GetRequiredService<IOptions<MailOptions>>())
                : new PickupFolderMailTransport(paths.Resolve(mail.PickupFolder),
                    sp.GetRequiredService<ILogger<PickupFolderMailTransport>>());
        });

        var jobs = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        services.AddAwardVoteHangfire(provider, connectionString, paths, jobs);

        services.Configure<PeoplesChoice.PeoplesChoiceOptions>(configuration.GetSection(PeoplesChoice.PeoplesChoiceOptions.Section));
        services.AddSingleton(PeoplesChoice.DisposableDomainList.Load());

        services.AddSingleton<AttachmentStore>();
        services.AddScoped<DemoSeeder>();
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<HangfireStorageHealthCheck>("hangfire-storage");
        return services;
    }
}
