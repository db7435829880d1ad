using System.Diagnostics;
using AwardVote.Infrastructure;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace AwardVote.Bench;

/// <summary>
/// Scenario 4: the results announcement to every member. <see cref="RunAsync"/> queues the messages with the app's
/// <see cref="Outbox"/> and times the app's own <see cref="DeliverOutboxJob"/>, run back to back as Hangfire would on a
/// busy queue, until nothing is pending. <see cref="BaselineAsync"/> sends the same mails through the app's SMTP
/// transport opening a new connection for every message — what a naive sender does.
/// </summary>
public static class OutboxBench
{
    public static async Task<int> RunAsync(Options options)
    {
        var total = options.GetInt("messages", 10_000);
        var runners = options.GetInt("runners", 1);
        using var host = BuildHost(options, DatabaseProvider.PostgreSql);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseMigrator.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("bench"));
            await db.Outbox.ExecuteDeleteAsync();
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        for (var start = 0; start < total; start += 1000)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = start; i < Math.Min(total, start + 1000); i++)
                outbox.Enqueue(new ResultsAnnouncementMail($"Biedrs {i}"), Recipient(run, i), $"Biedrs {i}", "lv", $"{run}-{i}");
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }
        CountBench.Print("queued", total);

        // runners > 1: that many delivery runs at once, as several Hangfire workers or nodes would.
        var clock = Stopwatch.StartNew();
        var runs = 0;
        var sent = 0;
        await Task.WhenAll(Enumerable.Range(0, runners).Select(async _ =>
        {
            while (true)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None);
                Interlocked.Increment(ref runs);
                Interlocked.Add(ref sent, report.Sent);
                if (report.Sent + report.Deferred + report.Failed == 0)
                    break;
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            CountBench.Print("pending_after", await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending));
            CountBench.Print("sent_rows", await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Sent));
        }
        CountBench.Print("sent", sent);
        CountBench.Print("job_runs", runs);
        CountBench.Print("seconds", seconds);
        CountBench.Print("messages_per_second", sent / seconds);
        return sent == total ? 0 : 1;
    }

    /// <summary>The naive sender: the app's SMTP transport, but a new connection for every message.</summary>
    public static Task<int> BaselineAsync(Options options) => SendDirectAsync(options, connectionPerMessage: true);

    /// <summary>The ceiling for the sender's stack: the same messages over one MailKit connection, no database, no job.</summary>
    public static Task<int> CeilingAsync(Options options) => SendDirectAsync(options, connectionPerMessage: false);

    private static async Task<int> SendDirectAsync(Options options, bool connectionPerMessage)
    {
        var total = options.GetInt("messages", 10_000);
        using var host = BuildHost(options, DatabaseProvider.Sqlite);
        var localizer = host.Services.GetRequiredService<IStringLocalizer<MailResource>>();
        var transport = host.Services.GetRequiredService<IMailTransport>();
        var run = Guid.NewGuid().ToString("N")[..8];

        var clock = Stopwatch.StartNew();
        IMailSession? session = null;
        for (var i = 0; i < total; i++)
        {
            var mail = new ResultsAnnouncementMail($"Biedrs {i}").Render(localizer);
            var message = new MimeMessage { MessageId = $"direct-{run}-{i}@awardvote", Subject = mail.Subject };
            message.From.Add(new MailboxAddress("AwardVote", "gada-biblioteka@awardvote.invalid"));
            message.To.Add(new MailboxAddress($"Biedrs {i}", Recipient(run, i)));
            message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
            session ??= await transport.OpenAsync(CancellationToken.None);
            await session.SendAsync(message, CancellationToken.None);
            if (connectionPerMessage)
            {
                await session.DisposeAsync();
                session = null;
            }
        }
        if (session is not null)
            await session.DisposeAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        CountBench.Print("sent", total);
        CountBench.Print("seconds", seconds);
        CountBench.Print("messages_per_second", total / seconds);
        return 0;
    }

    private static string Recipient(string run, int i) => $"biedrs-{run}-{i}@biedri.example";

    private static IHost BuildHost(Options options, DatabaseProvider provider)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        var data = options.Get("data-dir", Path.Combine(Path.GetTempPath(), "awardvote-bench-" + Environment.ProcessId));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:AwardVote"] = provider == DatabaseProvider.PostgreSql ? options.Get("connection") : $"Data Source={Path.Combine(data, "unused.db")}",
            ["Storage:DataDirectory"] = data,
            ["Jobs:RunServer"] = "false",
            ["Mail:Transport"] = "Smtp",
            ["Mail:Smtp:Host"] = options.Get("smtp-host"),
            ["Mail:Smtp:Port"] = options.Get("smtp-port"),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:BatchSize"] = options.Get("batch-size", "100"),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAwardVoteInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        return builder.Build();
    }
}

/// <summary>A results announcement of about the size the real one will have (the laureates and a link to the protocol).</summary>
public sealed record ResultsAnnouncementMail(string MemberName) : MailTemplate
{
    public override string Purpose => "bench-results";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        "Gada bibliotēka 2026: rezultāti",
        [
            $"Labdien, {MemberName}!",
            "Latvijas Bibliotekāru biedrības žūrija ir noteikusi balvas “Gada bibliotēka 2026” laureātus.",
            "1. vieta: Ogres Centrālā bibliotēka. 2. vieta: Valmieras bibliotēka. 3. vieta: Ventspils bibliotēka.",
            "Skaitīšanas protokols, balsojumu datne un tās SHA-256 kontrolsumma ir publicēti vietnē; ikviens var pārskaitīt balsis ar rīku awardvote verify.",
            "Paldies visām bibliotēkām, kas piedalījās, un visiem, kas balsoja!",
        ],
        ("Skatīt rezultātus", "https://awardvote.example/Cycles/gada-biblioteka-2026"),
        "AwardVote, Latvijas Bibliotekāru biedrība");
}
