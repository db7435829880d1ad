using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AwardVote.IntegrationTests.Mail;

/// <summary>
/// Delivery failures from a real SMTP server (scripts/smtp-receiver.py): "tempfail2-…@" is refused with 451 twice,
/// "reject…@" with 550, through the real <see cref="DeliverOutboxJob"/> and MailKit transport. The job's clock is
/// a fake one started at now, so the back-off passes without waiting.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class SmtpFailureTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_recipient_refused_with_451_twice_is_retried_after_the_backoff_and_delivered_once(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var email = $"tempfail2-{Guid.NewGuid():N}@biblioteka.example";
        var id = await EnqueueAsync(app, email);
        var clock = ClockFromNow();

        await DrainAsync(app, clock);
        var first = await MessageAsync(app, id);
        Assert.Equal(OutboxStatus.Pending, first.Status);
        Assert.Equal(1, first.Attempts);
        Assert.Contains("451", first.LastError);
        Assert.InRange(first.NextAttemptAt, clock.GetUtcNow() + DeliverOutboxJob.Backoff(1) - TimeSpan.FromSeconds(1), clock.GetUtcNow() + DeliverOutboxJob.Backoff(1));

        // Not due yet: another run leaves it alone.
        await DrainAsync(app, clock);
        Assert.Equal(1, (await MessageAsync(app, id)).Attempts);

        clock.Advance(DeliverOutboxJob.Backoff(1) + TimeSpan.FromSeconds(1));
        await DrainAsync(app, clock);
        var second = await MessageAsync(app, id);
        Assert.Equal((OutboxStatus.Pending, 2), (second.Status, second.Attempts));

        clock.Advance(DeliverOutboxJob.Backoff(2) + TimeSpan.FromSeconds(1));
        // Two runs at once, as on two nodes, then more: the message is claimed by one of them only.
        await Task.WhenAll(DrainAsync(app, clock), DrainAsync(app, clock));
        await DrainAsync(app, clock);
        clock.Advance(TimeSpan.FromHours(1));
        await DrainAsync(app, clock);

        var sent = await MessageAsync(app, id);
        Assert.Equal((OutboxStatus.Sent, 3), (sent.Status, sent.Attempts));
        Assert.Null(sent.LastError);
        Assert.Single(await Mailbox.WaitForAsync(email));
        await Task.Delay(300);
        Assert.Single(Mailbox.To(email));
    }

    [Theory, AllProviders]
    public async Task A_550_fails_the_message_at_once_and_does_not_hold_back_the_next_one(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var rejected = $"reject-{Guid.NewGuid():N}@biblioteka.example";
        var deferred = $"tempfail1-{Guid.NewGuid():N}@biblioteka.example";
        var fine = $"fine-{Guid.NewGuid():N}@biblioteka.example";
        await DrainAsync(app, ClockFromNow()); // other tests' queued mail, so that one run reaches these three
        var rejectedId = await EnqueueAsync(app, rejected);
        var deferredId = await EnqueueAsync(app, deferred);
        await EnqueueAsync(app, fine);
        var clock = ClockFromNow();

        await RunOnceAsync(app, clock);

        var failed = await MessageAsync(app, rejectedId);
        Assert.Equal((OutboxStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.Contains("550", failed.LastError);
        // A 451 to one recipient is about that recipient: the message after it still goes in the same run.
        Assert.Equal(OutboxStatus.Pending, (await MessageAsync(app, deferredId)).Status);
        Assert.Single(await Mailbox.WaitForAsync(fine));
        Assert.Empty(Mailbox.To(rejected));

        // More runs, much later: a failed message is not tried again by itself.
        clock.Advance(TimeSpan.FromDays(1));
        await DrainAsync(app, clock);
        Assert.Equal((OutboxStatus.Failed, 1), ((await MessageAsync(app, rejectedId)).Status, (await MessageAsync(app, rejectedId)).Attempts));
    }

    [Theory, AllProviders]
    public async Task A_failed_message_is_listed_for_the_administrator_and_resent_as_the_same_row(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        // Refused once with 550; the receiver then "has" the mailbox, as after the administrator fixed the cause.
        var email = $"reject1-{Guid.NewGuid():N}@biblioteka.example";
        var id = await EnqueueAsync(app, email);
        var clock = ClockFromNow();
        await DrainAsync(app, clock);
        Assert.Equal(OutboxStatus.Failed, (await MessageAsync(app, id)).Status);

        using var admin = new Browserless(app);
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        Assert.Contains("data-testid=\"mail-link\"", await admin.GetPageAsync("/Admin"));
        var page = await admin.GetPageAsync("/Admin/Mail");
        Assert.Contains($"data-testid=\"failed-{id}\"", page);
        Assert.Contains(email, page);
        Assert.Contains("550", page);
        Assert.Contains("data-testid=\"purpose-account-confirmation\"", page);

        using (var resend = await admin.SubmitFormAsync("/Admin/Mail", new Dictionary<string, string> { ["id"] = id.ToString() }, "/Admin/Mail?handler=Resend"))
            Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        var queued = await MessageAsync(app, id);
        Assert.Equal((OutboxStatus.Pending, 1), (queued.Status, queued.Attempts));
        Assert.DoesNotContain($"data-testid=\"failed-{id}\"", await admin.GetPageAsync("/Admin/Mail"));
        Assert.Equal(1, await QueryAsync(app, db => db.AuditEntries.CountAsync(a => a.Action == "mail.resend" && a.EntityId == id.ToString() && a.ActorName != "system")));

        // The resend is due at the real "now"; the job's clock catches up with it.
        clock.Advance(TimeSpan.FromMinutes(5));
        await DrainAsync(app, clock);
        var sent = await MessageAsync(app, id);
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
        Assert.Single(await Mailbox.WaitForAsync(email));
        Assert.Equal(1, await QueryAsync(app, db => db.Outbox.CountAsync(m => m.ToEmail == email)));

        // Only a failed message can be resent: a sent one stays sent, and is never sent twice.
        using (var again = await admin.SubmitFormAsync("/Admin/Mail", new Dictionary<string, string> { ["id"] = id.ToString() }, "/Admin/Mail?handler=Resend"))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(OutboxStatus.Sent, (await MessageAsync(app, id)).Status);
        await DrainAsync(app, clock);
        await Task.Delay(300);
        Assert.Single(Mailbox.To(email));
        Assert.Equal(1, await QueryAsync(app, db => db.AuditEntries.CountAsync(a => a.Action == "mail.resend" && a.EntityId == id.ToString())));
    }

    [Theory, AllProviders]
    public async Task An_outside_client_lists_a_failed_message_and_resends_it_once_as_the_page_does(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var email = $"reject1-{Guid.NewGuid():N}@biblioteka.example";
        var id = await EnqueueAsync(app, email);
        await DrainAsync(app, ClockFromNow());
        Assert.Equal(OutboxStatus.Failed, (await MessageAsync(app, id)).Status);

        using var admin = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/admin/mail/");
        var failed = report.GetProperty("failed").EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == id);
        Assert.Equal(email, failed.GetProperty("toEmail").GetString());
        Assert.Contains("550", failed.GetProperty("lastError").GetString());

        using (var resend = await admin.PostAsync($"/api/admin/mail/{id}/resend", null))
            Assert.Equal(HttpStatusCode.NoContent, resend.StatusCode);
        Assert.Equal(OutboxStatus.Pending, (await MessageAsync(app, id)).Status);
        // A second resend of the same message is refused with the page's words, and queues nothing more.
        using (var again = await admin.PostAsync($"/api/admin/mail/{id}/resend", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal("MailNotFailed", await Parity.ProblemCodeAsync(again));
            // The mail page, asked the same, says the same words after its redirect.
            using var browser = await app.SignedInAdministratorAsync();
            using (var page = await browser.SubmitFormAsync("/Admin/Mail", new Dictionary<string, string> { ["id"] = id.ToString() }, "/Admin/Mail?handler=Resend"))
                Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains(Assert.Single(await Parity.ProblemMessagesAsync(again)), WebUtility.HtmlDecode(await browser.GetPageAsync("/Admin/Mail")));
        }
        using (var missing = await admin.PostAsync("/api/admin/mail/999999999/resend", null))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(1, await QueryAsync(app, db => db.AuditEntries.CountAsync(a => a.Action == "mail.resend" && a.EntityId == id.ToString())));

        using var stranger = app.CreateClient();
        using (var anonymous = await stranger.GetAsync("/api/admin/mail/"))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory, AllProviders]
    public async Task Only_administrators_open_the_mail_page(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var (_, email) = await AwardVote.Tests.JudgingScenario.UserAsync(app, "Nav administrators");
        using var browser = new Browserless(app);
        await browser.SignInAsync(email, AwardVote.Tests.JudgingScenario.Password);
        using var response = await browser.Http.GetAsync("/Admin/Mail");
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    /// <summary>The job's clock, started at the real now: after the mail was queued, so it is due.</summary>
    private static FakeTimeProvider ClockFromNow() => new(DateTimeOffset.UtcNow);

    private static async Task<long> EnqueueAsync(AwardVoteApp app, string email)
    {
        await using var scope = app.Scope();
        var message = scope.ServiceProvider.GetRequiredService<Outbox>()
            .Enqueue(new AccountConfirmationMail("Saņēmējs", "http://localhost/confirm"), email, "Saņēmējs", "lv", email);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return message.Id;
    }

    /// <summary>
    /// Runs the delivery job on the fake clock until nothing due is left (other tests' queued mail included, which
    /// may be more than one batch).
    /// </summary>
    private static async Task DrainAsync(AwardVoteApp app, TimeProvider clock)
    {
        for (var run = 0; run < 20; run++)
        {
            var report = await RunOnceAsync(app, clock);
            if (report.Sent + report.Deferred + report.Failed == 0)
                return;
        }
    }

    private static async Task<DeliveryReport> RunOnceAsync(AwardVoteApp app, TimeProvider clock)
    {
        await using var scope = app.Scope();
        return await ActivatorUtilities.CreateInstance<DeliverOutboxJob>(scope.ServiceProvider, clock).RunAsync(CancellationToken.None);
    }

    private static Task<OutboxMessage> MessageAsync(AwardVoteApp app, long id) =>
        QueryAsync(app, db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));

    private static async Task<T> QueryAsync<T>(AwardVoteApp app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
