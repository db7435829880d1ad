using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AwardVote.IntegrationTests.Faults;

/// <summary>The SMTP server is down, then comes back: mail waits, is retried with back-off, and is sent once.</summary>
[Collection(AppsCollection.Name)]
public sealed class SmtpOutageTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Mail_waits_while_the_SMTP_server_is_down_and_is_sent_once_when_it_is_back(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var port = FreePort();
        var maildir = Path.Combine(Path.GetTempPath(), "awardvote-smtp-" + tag);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = Options.Create(new MailOptions
        {
            Transport = MailTransportKind.Smtp, FromAddress = "gada-biblioteka@awardvote.invalid",
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None", TimeoutSeconds = 5 },
        });
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Earlier tests' mail is already sent; what is due now is only ours.
            await db.Outbox.Where(m => m.Status == OutboxStatus.Pending).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddYears(1)));
            var now = clock.GetUtcNow();
            db.Outbox.AddRange(Enumerable.Range(0, 3).Select(i => new OutboxMessage
            {
                DeduplicationKey = $"smtp-down:{tag}:{i}", Purpose = "fault-test", ToEmail = $"down-{tag}-{i}@faults.example", Culture = "lv",
                Subject = $"Pārbaude {i}", TextBody = "SMTP kļūmes pārbaude.", CreatedAt = now, NextAttemptAt = now,
            }));
            await db.SaveChangesAsync();
        }

        // Down: nothing listens on the port. The first message is deferred, the run stops, nothing is failed.
        var down = await RunAsync(app, clock, options);
        Assert.Equal((0, 1, 0), (down.Sent, down.Deferred, down.Failed));
        var waiting = await OursAsync(app, tag);
        Assert.All(waiting, m => Assert.Equal(OutboxStatus.Pending, m.Status));
        Assert.Contains(waiting, m => m.Attempts == 1 && m.NextAttemptAt > clock.GetUtcNow() && m.LastError!.Contains("Cannot connect", StringComparison.Ordinal));
        // Each run while it is down tries one connection, not one per message, and gives nothing up.
        Assert.Equal((0, 1, 0), await RunAsync(app, clock, options) is var second ? (second.Sent, second.Deferred, second.Failed) : default);
        Assert.DoesNotContain(await OursAsync(app, tag), m => m.Status == OutboxStatus.Failed);

        // Back up, and the back-off over: every message sent, once, however often the job runs.
        using var smtp = StartReceiver(port, maildir);
        clock.Advance(DeliverOutboxJob.Backoff(1) + TimeSpan.FromSeconds(1));
        var up = await RunAsync(app, clock, options);
        var again = await RunAsync(app, clock, options);
        Assert.Equal(3, up.Sent);
        Assert.Equal(0, again.Sent);
        Assert.All(await OursAsync(app, tag), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        for (var i = 0; i < 50 && Directory.GetFiles(Path.Combine(maildir, "new")).Length < 3; i++)
            await Task.Delay(100);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(maildir, "new")).Length);

        smtp.Kill();
        Directory.Delete(maildir, recursive: true);
    }

    private static async Task<DeliveryReport> RunAsync(AwardVoteApp app, TimeProvider clock, IOptions<MailOptions> options)
    {
        await using var scope = app.Scope();
        var job = new DeliverOutboxJob(scope.ServiceProvider.GetRequiredService<AppDbContext>(), new SmtpMailTransport(options), clock, options,
            Options.Create(new AwardVote.Infrastructure.Association.AssociationOptions()), NullLogger<DeliverOutboxJob>.Instance);
        return await job.RunAsync(CancellationToken.None);
    }

    private static async Task<List<OutboxMessage>> OursAsync(AwardVoteApp app, string tag)
    {
        await using var scope = app.Scope();
        var prefix = $"smtp-down:{tag}:";
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Outbox.AsNoTracking()
            .Where(m => m.DeduplicationKey.StartsWith(prefix)).ToListAsync();
    }

    /// <summary>The same receiver the test script runs (aiosmtpd writing a Maildir), on a port of this test's own.</summary>
    private static Process StartReceiver(int port, string maildir)
    {
        foreach (var sub in new[] { "new", "cur", "tmp" })
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", $"-m aiosmtpd -n -l 127.0.0.1:{port} -c aiosmtpd.handlers.Mailbox {maildir}")
        {
            UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("python3 did not start");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return process;
            }
            catch (SocketException) { Thread.Sleep(100); }
        }
        process.Kill();
        throw new InvalidOperationException("The SMTP receiver (python3-aiosmtpd) did not start: run the tests with scripts/test.sh, which installs it.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
