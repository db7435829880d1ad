using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Jury;

[Collection(AppsCollection.Name)]
public sealed partial class JuryInvitationTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_chair_invitation_accepted_once_gives_juror_and_chair_grants_replaces_the_chair_and_proposes_conflicts(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var home = await world.LibraryAsync("Bauskas bibliotēka", region: "Zemgale", municipality: "Bauska");
        var nomination = await world.NominationAsync(home);
        var formerChair = await world.PersonAsync("Bijusī priekšsēdētāja", ScopedRole.Chair);
        // The invitee already has an account in English: the mail comes in English.
        var invitee = await world.PersonAsync("Kate Linden", homeLibraryId: home, culture: "en");

        var link = await InviteAsync(world, invitee.Email, asChair: true);
        var mail = Assert.Single(Mailbox.To(invitee.Email));
        Assert.Equal("Invitation to the jury of Jury test cycle", mail.Subject);

        using var browser = await world.SignedInAsync(invitee);
        Assert.Contains("data-testid=\"jury-invitation\"", await browser.GetPageAsync(link));
        using (var accepted = await browser.SubmitFormAsync(link, new Dictionary<string, string> { ["Token"] = TokenOf(link) }))
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var grants = await world.QueryAsync(db => db.RoleGrants.Where(g => g.CycleId == world.CycleId && g.CategoryId == world.CategoryId).ToListAsync());
        Assert.Contains(grants, g => g.UserId == invitee.Id && g.Role == ScopedRole.Juror);
        Assert.Contains(grants, g => g.UserId == invitee.Id && g.Role == ScopedRole.Chair);
        Assert.DoesNotContain(grants, g => g.UserId == formerChair.Id && g.Role == ScopedRole.Chair);
        Assert.Contains(grants, g => g.UserId == formerChair.Id && g.Role == ScopedRole.Juror);
        Assert.True(await world.QueryAsync(db => db.Conflicts.AnyAsync(c =>
            c.JurorUserId == invitee.Id && c.NominationId == nomination && c.Source == ConflictSource.OwnLibrary && c.Status == ConflictStatus.Proposed)));
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "jury.juror-joined" && a.CycleId == world.CycleId)));
        // The new chair reaches the board; the link is spent for anyone else.
        Assert.Contains("data-testid=\"jurors\"", await browser.GetPageAsync($"/Jury/Progress?{world.Panel}"));
        var latecomer = await world.PersonAsync("Vēlāk nākušais");
        using var other = await world.SignedInAsync(latecomer);
        using (var reused = await other.SubmitFormAsync("/Libraries", new Dictionary<string, string> { ["Token"] = TokenOf(link) }, link))
            Assert.Contains("Šis uzaicinājums jau ir izmantots.", await reused.Content.ReadAsStringAsync());
        Assert.False(await world.QueryAsync(db => db.RoleGrants.AnyAsync(g => g.UserId == latecomer.Id)));
    }

    [Theory, AllProviders]
    public async Task A_juror_invitation_for_a_new_address_gives_only_the_juror_grant_and_an_expired_link_is_refused(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var invitedEmail = $"jauns-{Guid.NewGuid():N}@biblioteka.example";
        var link = await InviteAsync(world, invitedEmail, asChair: false);
        Assert.Equal("Uzaicinājums darboties žūrijā: Žūrijas pārbaudes cikls", Assert.Single(Mailbox.To(invitedEmail)).Subject);
        var first = await world.PersonAsync("Pirmais");
        using (var browser = await world.SignedInAsync(first))
        using (var accepted = await browser.SubmitFormAsync(link, new Dictionary<string, string> { ["Token"] = TokenOf(link) }))
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var grants = await world.QueryAsync(db => db.RoleGrants.Where(g => g.UserId == first.Id).Select(g => g.Role).ToListAsync());
        Assert.Equal([ScopedRole.Juror], grants);

        var secondEmail = $"jauns-{Guid.NewGuid():N}@biblioteka.example";
        var expiredLink = await InviteAsync(world, secondEmail, asChair: false);
        await world.QueryAsync(db => db.Invitations.Where(i => i.Email == secondEmail)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var second = await world.PersonAsync("Otrais");
        using var late = await world.SignedInAsync(second);
        using (var refused = await late.SubmitFormAsync("/Libraries", new Dictionary<string, string> { ["Token"] = TokenOf(expiredLink) }, expiredLink))
            Assert.Contains("Šī uzaicinājuma derīguma termiņš ir beidzies.", await refused.Content.ReadAsStringAsync());
        Assert.False(await world.QueryAsync(db => db.RoleGrants.AnyAsync(g => g.UserId == second.Id)));
    }

    [Theory, AllProviders]
    public async Task The_administrator_changes_the_chair_audited_and_a_chair_cannot_open_the_jury_administration(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var chair = await world.PersonAsync("Vecā priekšsēdētāja", ScopedRole.Chair);
        var juror = await world.PersonAsync("Jaunā priekšsēdētāja", ScopedRole.Juror);
        using var admin = await world.SignedInAdministratorAsync();
        var url = $"/Admin/Jury?{world.Panel}";

        using (var changed = await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["ChairUserId"] = juror.Id }, $"/Admin/Jury?handler=Chair&{world.Panel}"))
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var chairs = await world.QueryAsync(db => db.RoleGrants
            .Where(g => g.CycleId == world.CycleId && g.CategoryId == world.CategoryId && g.Role == ScopedRole.Chair).Select(g => g.UserId).ToListAsync());
        Assert.Equal([juror.Id], chairs);
        var audit = await world.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "jury.chair-changed" && a.CycleId == world.CycleId));
        Assert.Contains(chair.Id, audit.Before);
        Assert.Contains(juror.Id, audit.After);

        using var formerChair = await world.SignedInAsync(chair);
        using (var denied = await formerChair.Http.GetAsync(url))
            Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
        using (var board = await formerChair.Http.GetAsync($"/Jury/Progress?{world.Panel}"))
            Assert.StartsWith("/Account/AccessDenied", board.Headers.Location!.PathAndQuery);
    }

    private static async Task<string> InviteAsync(JuryWorld world, string email, bool asChair)
    {
        using var admin = await world.SignedInAdministratorAsync();
        var fields = new Dictionary<string, string> { ["Invite.Name"] = "Aicinātā", ["Invite.Email"] = email, ["Invite.ConfirmReservedDomain"] = "true" };
        if (asChair)
            fields["Invite.AsChair"] = "true";
        using var sent = await admin.SubmitFormAsync($"/Admin/Jury?{world.Panel}", fields, $"/Admin/Jury?handler=Invite&{world.Panel}");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await world.DeliverMailAsync();
        var mail = Assert.Single(await Mailbox.WaitForAsync(email));
        return new Uri(AcceptLink().Match(mail.TextBody ?? "").Value).PathAndQuery;
    }

    private static string TokenOf(string link) => System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["token"]!;

    [GeneratedRegex(@"http://\S+/Invitations/Accept\?token=\S+")]
    private static partial Regex AcceptLink();
}
