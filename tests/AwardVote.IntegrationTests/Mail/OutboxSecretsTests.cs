using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Nominations;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AwardVote.IntegrationTests.Mail;

/// <summary>
/// Someone who reads the database (a backup, a support copy, an injection) looks for the one-time secrets mails
/// carried: password-reset codes and links, invitation and letter-of-support links. Their hashes alone are meant to be
/// stored; the outbox kept each body whole. A sent message now loses its body in the statement that records it sent,
/// a failed one after <see cref="MailOptions.FailedRetentionDays"/> (PurgeMailBodiesJob), and a year on nothing in the
/// outbox table opens anything.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class OutboxSecretsTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_year_after_the_mails_went_out_the_outbox_holds_no_working_secret(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var world = await NominationWorld.CreateAsync(app);
        var (libraryId, representative) = await world.LibraryAsync($"Noslēpumu bibliotēka {Unique.Id()[..8]}");
        var nomination = await world.NominationAsync(libraryId);
        var endorser = Unique.Email("dome");
        var invitee = Unique.Email("kolege");
        // The test SMTP receiver refuses this one for good (550): a failed message, kept for a resend.
        var refused = $"reject-{Guid.NewGuid():N}@biblioteka.example";
        var resetByApi = await new PersonBuilder().CreateAsync(app);
        var resetByPage = await new PersonBuilder().CreateAsync(app);

        using (var client = await app.BearerClientAsync(representative))
        {
            foreach (var email in new[] { endorser, refused })
                using (var asked = await client.PostAsJsonAsync($"/api/nominations/{nomination}/endorsements", new { name = "Novada dome", email, culture = "lv" }))
                    Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
            using (var invited = await client.PostAsJsonAsync($"/api/libraries/{libraryId}/invitations", new { name = "Kolēģe", email = invitee }))
                Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        }
        using (var script = app.CreateClient())
            (await script.PostAsJsonAsync("/api/auth/forgotPassword", new { email = resetByApi.Email })).EnsureSuccessStatusCode();
        using (var browser = new Browserless(app))
            using (await browser.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = resetByPage.Email })) { }

        await app.DeliverMailAsync();

        // What the people received: the secrets to look for.
        var secrets = new List<string>();
        foreach (var email in new[] { endorser, invitee, resetByPage.Email })
            secrets.AddRange(LinkSecrets(Assert.Single(await Mailbox.WaitForAsync(email)).TextBody ?? ""));
        var code = LongestRun(Assert.Single(await Mailbox.WaitForAsync(resetByApi.Email)).TextBody ?? "");
        secrets.Add(code);
        Assert.True(secrets.Count >= 4, string.Join(", ", secrets));

        // The failed message keeps its body (the administrator may send it again) and its link works.
        var failed = await app.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.ToEmail == refused));
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        var failedToken = Assert.Single(LinkSecrets(failed.TextBody));
        secrets.Add(failedToken);
        using var endorserClient = app.CreateClient();
        using (var open = await endorserClient.GetAsync($"/api/endorsements/{failedToken}"))
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        // So does the one mailed: these are live secrets, not text that looks like one.
        var mailedToken = LinkSecrets(Assert.Single(Mailbox.To(endorser)).TextBody ?? "").First();
        using (var open = await endorserClient.GetAsync($"/api/endorsements/{mailedToken}"))
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        // At once: no delivered secret is in the table.
        AssertNoneIn(await WholeOutboxAsync(app), secrets.Where(s => s != failedToken));

        // A year on, after the daily purge: none at all, not even the failed message's.
        await using (var scope = app.Scope())
            await ActivatorUtilities.CreateInstance<PurgeMailBodiesJob>(scope.ServiceProvider, new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(1)))
                .RunAsync(CancellationToken.None);
        var outbox = await WholeOutboxAsync(app);
        AssertNoneIn(outbox, secrets);
        Assert.All(outbox.Where(m => m.Status != OutboxStatus.Pending), m => Assert.Equal((OutboxMessage.Removed, (string?)null), (m.TextBody, m.HtmlBody)));
        Assert.DoesNotContain(outbox.Where(m => m.Status != OutboxStatus.Pending), m => SecretLink().IsMatch(m.TextBody));
        // What the delivery report needs is kept.
        Assert.Contains(outbox, m => m.ToEmail == endorser && m.Status == OutboxStatus.Sent && m.Subject.Length > 0);

        // An emptied failed message is not sent again as an empty mail: the administrator is told why.
        using var admin = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);
        using var resend = await admin.PostAsync($"/api/admin/mail/{failed.Id}/resend", null);
        Assert.Equal(HttpStatusCode.Conflict, resend.StatusCode);
        Assert.Equal("MailBodyRemoved", await Parity.ProblemCodeAsync(resend));
    }

    private static Task<List<OutboxMessage>> WholeOutboxAsync(AwardVoteApp app) =>
        app.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync());

    private static void AssertNoneIn(List<OutboxMessage> outbox, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
            Assert.DoesNotContain(outbox, m =>
                new[] { m.Subject, m.TextBody, m.HtmlBody, m.LastError, m.DeduplicationKey, m.ToName }
                    .Any(text => text is not null && (text.Contains(secret, StringComparison.Ordinal)
                                                      || text.Contains(Uri.EscapeDataString(secret), StringComparison.Ordinal))));
    }

    /// <summary>The values of token= and code= in the mail's links (unescaped).</summary>
    private static IEnumerable<string> LinkSecrets(string text) =>
        SecretLink().Matches(WebUtility.HtmlDecode(text)).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).Distinct().ToList();

    /// <summary>A code mailed as text (Identity's reset code): the longest run of base64url characters.</summary>
    private static string LongestRun(string text) =>
        Base64UrlRun().Matches(text).Select(m => m.Value).MaxBy(v => v.Length) ?? throw new InvalidOperationException("No code in: " + text);

    [GeneratedRegex(@"[?&](?:token|code)=([^&\s""'<>]+)")]
    private static partial Regex SecretLink();

    [GeneratedRegex(@"[A-Za-z0-9_\-]{40,}")]
    private static partial Regex Base64UrlRun();
}
