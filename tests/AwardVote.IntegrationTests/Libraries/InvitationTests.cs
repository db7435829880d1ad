using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using AwardVote.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AwardVote.IntegrationTests.Libraries.LibraryTestData;

namespace AwardVote.IntegrationTests.Libraries;

[Collection(AppsCollection.Name)]
public sealed partial class InvitationTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_representative_of_a_pending_or_refused_library_cannot_invite(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var representative = await CreatePersonAsync(app);
        var pendingId = await CreateLibraryAsync(app, LibraryStatus.PendingApproval, representative);
        var refusedId = await CreateLibraryAsync(app, LibraryStatus.Refused, representative);
        var approvedId = await CreateLibraryAsync(app, LibraryStatus.Approved, representative);
        using var browser = await app.SignedInAsync(representative.Email);

        foreach (var id in new[] { pendingId, refusedId })
        {
            using var page = await browser.Http.GetAsync($"/Libraries/Invite?id={id}");
            Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery);
            using var post = await browser.SubmitFormAsync("/Libraries", InviteForm("kolege@biblioteka.example"), $"/Libraries/Invite?id={id}");
            Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery);
        }
        // The same person may invite for the approved library: the status made the difference.
        using var allowed = await browser.Http.GetAsync($"/Libraries/Invite?id={approvedId}");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Invitations.AnyAsync(i => i.LibraryId == pendingId || i.LibraryId == refusedId));
    }

    [Theory, AllProviders]
    public async Task Someone_who_does_not_represent_the_library_cannot_invite(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var owner = await CreatePersonAsync(app);
        var stranger = await CreatePersonAsync(app);
        var id = await CreateLibraryAsync(app, LibraryStatus.Approved, owner);
        using var browser = await app.SignedInAsync(stranger.Email);

        using var post = await browser.SubmitFormAsync("/Libraries", InviteForm("kolege@biblioteka.example"), $"/Libraries/Invite?id={id}");

        Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery);
    }

    [Theory, AllProviders]
    public async Task An_invitation_is_accepted_once_and_a_second_use_changes_nothing(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var representative = await CreatePersonAsync(app);
        var id = await CreateLibraryAsync(app, LibraryStatus.Approved, representative);
        var invitedEmail = $"kolege-{Guid.NewGuid():N}@biblioteka.example";
        var link = await InviteAsync(app, representative, id, invitedEmail);

        // The colleague signs in with another address of theirs; the page says which one was invited.
        var colleague = await CreatePersonAsync(app);
        using var browser = await app.SignedInAsync(colleague.Email);
        var page = await browser.GetPageAsync(link);
        Assert.Contains(invitedEmail, page);
        using var accepted = await browser.SubmitFormAsync(link, new Dictionary<string, string> { ["Token"] = TokenOf(link) });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.StartsWith("/Libraries?joined=", accepted.Headers.Location!.OriginalString);
        Assert.Contains("data-testid=\"invite-link\"", await browser.GetPageAsync("/Libraries"));

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await db.RoleGrants.AnyAsync(g => g.UserId == colleague.Id && g.LibraryId == id && g.Role == ScopedRole.LibraryRepresentative));
            var invitation = await db.Invitations.SingleAsync(i => i.Email == invitedEmail);
            Assert.NotNull(invitation.AcceptedAt);
            Assert.Equal(colleague.Id, invitation.AcceptedByUserId);
            Assert.Equal(64, invitation.TokenHash.Length);
            Assert.DoesNotContain(TokenOf(link), invitation.TokenHash, StringComparison.OrdinalIgnoreCase);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "library.representative-invited" && a.EntityId == id.ToString()));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "library.representative-joined" && a.EntityId == id.ToString()));
        }

        // Someone else who got hold of the link later.
        var latecomer = await CreatePersonAsync(app);
        using var other = await app.SignedInAsync(latecomer.Email);
        Assert.Contains("Šis uzaicinājums jau ir izmantots.", await other.GetPageAsync(link));
        using var reused = await other.SubmitFormAsync("/Libraries", new Dictionary<string, string> { ["Token"] = TokenOf(link) }, link);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("Šis uzaicinājums jau ir izmantots.", await reused.Content.ReadAsStringAsync());
        await using var check = app.Scope();
        var checkDb = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await checkDb.RoleGrants.AnyAsync(g => g.UserId == latecomer.Id));
        Assert.Equal(colleague.Id, (await checkDb.Invitations.SingleAsync(i => i.Email == invitedEmail)).AcceptedByUserId);
    }

    [Theory, AllProviders]
    public async Task An_expired_or_tampered_link_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var representative = await CreatePersonAsync(app);
        var id = await CreateLibraryAsync(app, LibraryStatus.Approved, representative);
        var invitedEmail = $"kolege-{Guid.NewGuid():N}@biblioteka.example";
        var link = await InviteAsync(app, representative, id, invitedEmail);
        var colleague = await CreatePersonAsync(app);
        using var browser = await app.SignedInAsync(colleague.Email);

        var token = TokenOf(link);
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];
        using var tamperedPost = await browser.SubmitFormAsync("/Libraries", new Dictionary<string, string> { ["Token"] = tampered },
            $"/Invitations/Accept?token={tampered}");
        Assert.Contains("Šī uzaicinājuma saite nav derīga.", await tamperedPost.Content.ReadAsStringAsync());
        Assert.Contains("Šī uzaicinājuma saite nav derīga.", await browser.GetPageAsync("/Invitations/Accept?token=not-a-token"));

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var invitation = await db.Invitations.SingleAsync(i => i.Email == invitedEmail);
            invitation.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        using var expired = await browser.SubmitFormAsync("/Libraries", new Dictionary<string, string> { ["Token"] = token }, link);
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.Contains("Šī uzaicinājuma derīguma termiņš ir beidzies.", await expired.Content.ReadAsStringAsync());

        await using var check = app.Scope();
        var checkDb = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await checkDb.RoleGrants.AnyAsync(g => g.UserId == colleague.Id));
        Assert.Null((await checkDb.Invitations.SingleAsync(i => i.Email == invitedEmail)).AcceptedAt);
        Assert.False(await checkDb.AuditEntries.AnyAsync(a => a.Action == "library.representative-joined" && a.EntityId == id.ToString()));
    }

    /// <summary>The representative invites through the page; the link comes from the mail the SMTP receiver got.</summary>
    private static async Task<string> InviteAsync(AwardVoteApp app, TestPerson representative, int libraryId, string invitedEmail)
    {
        using var browser = await app.SignedInAsync(representative.Email);
        using var sent = await browser.SubmitFormAsync($"/Libraries/Invite?id={libraryId}", InviteForm(invitedEmail));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await app.DeliverMailAsync();
        var mail = Assert.Single(await Mailbox.WaitForAsync(invitedEmail));
        Assert.Matches("^Uzaicinājums pārstāvēt .+ LBB sistēmā$", mail.Subject);
        Assert.Contains(invitedEmail, mail.TextBody);
        return new Uri(AcceptLink().Match(mail.TextBody ?? "").Value).PathAndQuery;
    }

    private static Dictionary<string, string> InviteForm(string email) => new()
    {
        ["Input.Name"] = "Kolēģe Līga",
        ["Input.Email"] = email,
    };

    private static string TokenOf(string link) => System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["token"]!;

    [GeneratedRegex(@"http://\S+/Invitations/Accept\?token=\S+")]
    private static partial Regex AcceptLink();
}
