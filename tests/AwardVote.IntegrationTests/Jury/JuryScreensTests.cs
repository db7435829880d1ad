using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Jury;

/// <summary>
/// The juror's and chair's screens of issue 16 (item 10): what they say after an action, where they lead, and the
/// administrator's changes to a panel, each tried by the person who should not get round them.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class JuryScreensTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task The_desk_counts_what_is_done_and_each_nomination_leads_to_the_previous_and_next(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var first = await world.NominationAsync(await world.LibraryAsync("Aizputes bibliotēka"));
        var second = await world.NominationAsync(await world.LibraryAsync("Balvu bibliotēka"));
        var third = await world.NominationAsync(await world.LibraryAsync("Cesvaines bibliotēka"));
        var juror = await world.PersonAsync("Dace Desk", ScopedRole.Juror);
        await world.BallotAsync(juror, first, 5, 5);
        await world.BallotAsync(juror, second, 5, null);
        using var browser = await world.SignedInAsync(juror);

        // A draft is not done.
        Assert.Contains("1 no 3 novērtēti", await browser.GetPageAsync($"/Jury?{world.Panel}"));
        var middle = await browser.GetPageAsync($"/Jury/Nomination?id={second}");
        Assert.Contains($"href=\"/Jury/Nomination?id={first}\" rel=\"prev\"", middle);
        Assert.Contains("Iepriekšējais: Aizputes bibliotēka", middle);
        Assert.Contains($"href=\"/Jury/Nomination?id={third}\" rel=\"next\"", middle);
        Assert.Contains("1 no 3 novērtēti", middle);
        var last = await browser.GetPageAsync($"/Jury/Nomination?id={third}");
        Assert.DoesNotContain("rel=\"next\"", last);

        // The API's desk counts the same.
        var desk = await browser.Http.GetFromJsonAsync<JsonElement>($"/api/jury/{world.CycleId}/{world.CategoryId}/nominations");
        Assert.Equal(1, desk.GetProperty("done").GetInt32());
        Assert.Equal(3, desk.GetProperty("toJudge").GetInt32());
    }

    [Theory, AllProviders]
    public async Task Declaring_a_conflict_says_so_names_the_nomination_and_another_juror_cannot_withdraw_it(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var nomination = await world.NominationAsync(await world.LibraryAsync("Dundagas bibliotēka"));
        var juror = await world.PersonAsync("Elza Deklarē", ScopedRole.Juror);
        var rival = await world.PersonAsync("Fricis Cits", ScopedRole.Juror);
        using var browser = await world.SignedInAsync(juror);

        var form = await browser.GetPageAsync($"/Jury/Declare?id={nomination}");
        Assert.Contains("Pieteikums: Dundagas bibliotēka", form);
        using (var declared = await browser.SubmitFormAsync($"/Jury/Declare?id={nomination}",
                   new Dictionary<string, string> { ["Input.Reason"] = "Strādāju tur līdz pagājušajam gadam." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
            Assert.Contains("Interešu konflikts deklarēts", await browser.GetPageAsync(declared.Headers.Location!.OriginalString));
        }
        Assert.Contains("Pieteikums: Dundagas bibliotēka", await browser.GetPageAsync($"/Jury/Nomination?id={nomination}"));

        // Another juror of the panel finds no declaration of theirs to withdraw; the first juror's stays.
        using (var other = await world.SignedInAsync(rival))
        using (var api = await other.Http.DeleteAsync($"/api/jury/nominations/{nomination}/conflict"))
            Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.True(await world.QueryAsync(db => db.Conflicts.AnyAsync(c => c.JurorUserId == juror.Id && c.NominationId == nomination)));
    }

    [Theory, AllProviders]
    public async Task A_conflict_the_chair_decided_is_not_the_jurors_to_withdraw_nor_is_a_declaration_after_the_round(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var decided = await world.NominationAsync(await world.LibraryAsync("Ērgļu bibliotēka"));
        var declared = await world.NominationAsync(await world.LibraryAsync("Gaujienas bibliotēka"));
        var juror = await world.PersonAsync("Gints Lēmums", ScopedRole.Juror);
        await world.ConflictAsync(juror, decided, ConflictSource.OwnLibrary, ConflictStatus.Confirmed);
        using var browser = await world.SignedInAsync(juror);
        using (var api = await browser.Http.DeleteAsync($"/api/jury/nominations/{decided}/conflict"))
            Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.True(await world.QueryAsync(db => db.Conflicts.AnyAsync(c => c.JurorUserId == juror.Id && c.NominationId == decided)));

        using (var made = await browser.Http.PostAsJsonAsync($"/api/jury/nominations/{declared}/conflict", new { reason = "Radinieks." }))
            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        await world.CloseRoundAsync();
        using (var late = await browser.Http.DeleteAsync($"/api/jury/nominations/{declared}/conflict"))
            Assert.InRange((int)late.StatusCode, 400, 499);
        Assert.True(await world.QueryAsync(db => db.Conflicts.AnyAsync(c => c.JurorUserId == juror.Id && c.NominationId == declared)));
    }

    [Theory, AllProviders]
    public async Task Accepting_a_jury_invitation_lands_on_the_desk_with_a_message(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var invitee = await world.PersonAsync("Hella Jaunā");
        var link = await InviteAsync(world, invitee.Email, confirm: false, address: $"hella-{Guid.NewGuid():N}@biblioteka.lv");
        using var browser = await world.SignedInAsync(invitee);
        using var accepted = await browser.SubmitFormAsync(link, new Dictionary<string, string> { ["Token"] = TokenOf(link) });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var location = accepted.Headers.Location!.OriginalString;
        Assert.StartsWith("/Jury", location);
        Assert.Contains("Uzaicinājums pieņemts.", await browser.GetPageAsync(location));
    }

    [Theory, AllProviders]
    public async Task An_invitation_to_a_test_domain_is_refused_alike_on_the_page_and_the_api_until_confirmed(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        using var admin = await world.SignedInAdministratorAsync();
        var invitations = $"/api/admin/cycles/{world.CycleId}/categories/{world.CategoryId}/jury/invitations";
        var email = $"anna-{Guid.NewGuid():N}@example.com";

        using (var page = await admin.SubmitFormAsync($"/Admin/Jury?{world.Panel}",
                   new Dictionary<string, string> { ["Invite.Name"] = "Anna", ["Invite.Email"] = email }, $"/Admin/Jury?handler=Invite&{world.Panel}"))
        using (var api = await admin.Http.PostAsJsonAsync(invitations, new { name = "Anna", email, asChair = false }))
        {
            await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest,
                $"{email} ir testa vai parauga adrese, uz kuru e-pasts netiek piegādāts. Pārbaudiet adresi vai apstipriniet, ka tomēr vēlaties sūtīt uz to.");
        }
        Assert.Contains("data-testid=\"confirm-domain\"", await (await admin.SubmitFormAsync($"/Admin/Jury?{world.Panel}",
            new Dictionary<string, string> { ["Invite.Name"] = "Anna", ["Invite.Email"] = email }, $"/Admin/Jury?handler=Invite&{world.Panel}"))
            .Content.ReadAsStringAsync());
        Assert.False(await world.QueryAsync(db => db.Invitations.AnyAsync(i => i.Email == email)));

        using (var confirmed = await admin.Http.PostAsJsonAsync(invitations, new { name = "Anna", email, asChair = false, confirmReservedDomain = true }))
            Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.True(await world.QueryAsync(db => db.Invitations.AnyAsync(i => i.Email == email)));
    }

    [Theory, AllProviders]
    public async Task A_cancelled_invitation_link_stops_working_and_an_answered_one_cannot_be_cancelled(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var invitee = await world.PersonAsync("Inta Atcelta");
        var link = await InviteAsync(world, invitee.Email, confirm: true);
        var id = await world.QueryAsync(db => db.Invitations.Where(i => i.Email == invitee.Email).Select(i => i.Id).SingleAsync());
        using var admin = await world.SignedInAdministratorAsync();
        var invitation = $"/api/admin/cycles/{world.CycleId}/categories/{world.CategoryId}/jury/invitations/{id}";

        // Only an administrator: the chair of the panel cannot cancel it.
        var chair = await world.PersonAsync("Priekšsēdētāja Kārta", ScopedRole.Chair);
        using (var chairs = await world.SignedInAsync(chair))
        using (var denied = await chairs.Http.DeleteAsync(invitation))
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        using (var cancelled = await admin.Http.DeleteAsync(invitation))
            Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "jury.invitation-cancelled" && a.CycleId == world.CycleId)));
        using (var browser = await world.SignedInAsync(invitee))
        using (var accept = await browser.Http.PostAsJsonAsync("/api/invitations/accept", new { token = TokenOf(link) }))
            Assert.Equal(HttpStatusCode.BadRequest, accept.StatusCode);
        Assert.False(await world.QueryAsync(db => db.RoleGrants.AnyAsync(g => g.UserId == invitee.Id)));

        // One accepted is a member now: it is not cancelled, the member is removed instead.
        var second = await world.PersonAsync("Jana Pieņēma");
        var secondLink = await InviteAsync(world, second.Email, confirm: true);
        using (var browser = await world.SignedInAsync(second))
        using (var accept = await browser.Http.PostAsJsonAsync("/api/invitations/accept", new { token = TokenOf(secondLink) }))
            Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var secondId = await world.QueryAsync(db => db.Invitations.Where(i => i.Email == second.Email).Select(i => i.Id).SingleAsync());
        using (var refused = await admin.Http.DeleteAsync($"/api/admin/cycles/{world.CycleId}/categories/{world.CategoryId}/jury/invitations/{secondId}"))
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Theory, AllProviders]
    public async Task A_resent_invitation_has_a_new_link_the_old_one_is_dead_and_the_new_one_works(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var invitee = await world.PersonAsync("Kārlis Atkārtots");
        var oldLink = await InviteAsync(world, invitee.Email, confirm: true);
        var id = await world.QueryAsync(db => db.Invitations.Where(i => i.Email == invitee.Email).Select(i => i.Id).SingleAsync());
        // Expired meanwhile: the point of sending it again.
        await world.QueryAsync(db => db.Invitations.Where(i => i.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        using var admin = await world.SignedInAdministratorAsync();
        using (var resent = await admin.SubmitFormAsync($"/Admin/Jury?{world.Panel}", new Dictionary<string, string> { ["InvitationId"] = $"{id}" },
                   $"/Admin/Jury?handler=ResendInvitation&{world.Panel}"))
            Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        await world.DeliverMailAsync();
        var mails = await Mailbox.WaitForAsync(invitee.Email, 2);
        var resentMail = mails.Single(m => !(m.TextBody ?? "").Contains(oldLink, StringComparison.Ordinal));
        var newLink = new Uri(AcceptLink().Match(resentMail.TextBody ?? "").Value).PathAndQuery;
        Assert.NotEqual(oldLink, newLink);
        // Greeted by the name the invitation was first sent to.
        Assert.Contains("Aicinātā", resentMail.TextBody);
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "jury.invitation-resent" && a.CycleId == world.CycleId)));

        using var browser = await world.SignedInAsync(invitee);
        using (var old = await browser.Http.PostAsJsonAsync("/api/invitations/accept", new { token = TokenOf(oldLink) }))
            Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        using (var fresh = await browser.Http.PostAsJsonAsync("/api/invitations/accept", new { token = TokenOf(newLink) }))
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.True(await world.QueryAsync(db => db.RoleGrants.AnyAsync(g => g.UserId == invitee.Id && g.Role == ScopedRole.Juror)));
    }

    [Theory, AllProviders]
    public async Task A_removed_juror_leaves_with_their_open_ballots_audited_and_cannot_be_removed_after_the_count(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var nomination = await world.NominationAsync(await world.LibraryAsync("Krāslavas bibliotēka"));
        var leaving = await world.PersonAsync("Laura Aiziet", ScopedRole.Juror);
        var staying = await world.PersonAsync("Māris Paliek", ScopedRole.Chair);
        await world.BallotAsync(leaving, nomination, 9, 9);
        await world.BallotAsync(staying, nomination, 4, 4);
        var members = $"/api/admin/cycles/{world.CycleId}/categories/{world.CategoryId}/jury/members";

        // The chair runs the panel but does not choose its members.
        using (var chair = await world.SignedInAsync(staying))
        using (var denied = await chair.Http.DeleteAsync($"{members}/{leaving.Id}"))
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        using var admin = await world.SignedInAdministratorAsync();
        using (var removed = await admin.Http.DeleteAsync($"{members}/{leaving.Id}"))
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.False(await world.QueryAsync(db => db.RoleGrants.AnyAsync(g => g.UserId == leaving.Id && g.CycleId == world.CycleId)));
        Assert.False(await world.QueryAsync(db => db.ScoreBallots.AnyAsync(b => b.JurorUserId == leaving.Id)));
        Assert.True(await world.QueryAsync(db => db.ScoreBallots.AnyAsync(b => b.JurorUserId == staying.Id)));
        var entry = await world.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "jury.member-removed" && a.CycleId == world.CycleId));
        Assert.Contains(leaving.Id, entry.Before!);
        Assert.Contains($"\"NominationId\":{nomination}", entry.Before!);
        // The removed juror's desk is closed to them; a second removal finds nobody.
        using (var gone = await world.SignedInAsync(leaving))
        using (var desk = await gone.Http.GetAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/nominations"))
            Assert.Equal(HttpStatusCode.Forbidden, desk.StatusCode);
        using (var again = await admin.Http.DeleteAsync($"{members}/{leaving.Id}"))
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        // After the count, the jury stands as the results name it.
        await world.ExecuteAsync(db => db.Cycles.Where(c => c.Id == world.CycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.ResultsReview)));
        using (var late = await admin.Http.DeleteAsync($"{members}/{staying.Id}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
            Assert.Contains("Rezultāti jau saskaitīti: žūrijas sastāvu vairs nevar mainīt.", await Parity.ProblemMessagesAsync(late));
        }
        Assert.True(await world.QueryAsync(db => db.RoleGrants.AnyAsync(g => g.UserId == staying.Id && g.CycleId == world.CycleId)));
    }

    [Theory, AllProviders]
    public async Task A_reminder_carries_the_note_and_the_unfinished_nominations_and_the_board_says_when_it_went(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var done = await world.NominationAsync(await world.LibraryAsync("Līvānu bibliotēka"));
        await world.NominationAsync(await world.LibraryAsync("Ludzas bibliotēka"));
        var late = await world.PersonAsync("Nora Nepabeidza", ScopedRole.Juror);
        var chair = await world.PersonAsync("Oskars Vada", ScopedRole.Chair);
        await world.BallotAsync(late, done, 3, 3);
        using var browser = await world.SignedInAsync(chair);

        var board = await browser.GetPageAsync($"/Jury/Progress?{world.Panel}");
        Assert.Contains("Ludzas bibliotēka", board);
        Assert.Contains("Vēl nav", board);

        // Too long a note is refused, nothing is sent.
        using (var tooLong = await browser.Http.PostAsJsonAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/reminders", new { note = new string('x', 1001) }))
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        using (var sent = await browser.SubmitFormAsync($"/Jury/Progress?{world.Panel}",
                   new Dictionary<string, string> { ["Reminder.Note"] = "Lūdzu, pabeidziet līdz piektdienai." }, $"/Jury/Progress?handler=Remind&{world.Panel}"))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await world.DeliverMailAsync();
        var mail = Assert.Single(await Mailbox.WaitForAsync(late.Email));
        Assert.Contains("Personīga piezīme: Lūdzu, pabeidziet līdz piektdienai.", mail.TextBody);
        Assert.Contains("Vēl nav pabeigti: Ludzas bibliotēka.", mail.TextBody);
        Assert.DoesNotContain("Līvānu bibliotēka", mail.TextBody);

        var progress = await browser.Http.GetFromJsonAsync<JsonElement>($"/api/jury/{world.CycleId}/{world.CategoryId}/progress");
        var row = progress.GetProperty("jurors").EnumerateArray().Single(j => j.GetProperty("userId").GetString() == late.Id);
        Assert.Equal(JsonValueKind.String, row.GetProperty("lastRemindedAt").ValueKind);
        Assert.Equal(["Ludzas bibliotēka"], row.GetProperty("unfinished").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.DoesNotContain("Vēl nav</td>", RowOf(await browser.GetPageAsync($"/Jury/Progress?{world.Panel}"), late.Id));
    }

    [Theory, AllProviders]
    public async Task The_board_keeps_earlier_rounds_reachable_and_refuses_a_round_not_begun(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var chair = await world.PersonAsync("Pauls Kārtas", ScopedRole.Chair);
        using var browser = await world.SignedInAsync(chair);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync($"/Jury/Progress?{world.Panel}&round=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Http.GetAsync($"/Jury/Progress?{world.Panel}&round=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Http.GetAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/progress?round=0")).StatusCode);
        var first = await browser.Http.GetFromJsonAsync<JsonElement>($"/api/jury/{world.CycleId}/{world.CategoryId}/progress?round=1");
        Assert.Equal(1, first.GetProperty("round").GetInt32());
    }

    private static string RowOf(string page, string userId)
    {
        var start = page.IndexOf($"data-testid=\"juror-{userId}\"", StringComparison.Ordinal);
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static async Task<string> InviteAsync(JuryWorld world, string email, bool confirm, string? address = null)
    {
        using var admin = await world.SignedInAdministratorAsync();
        var fields = new Dictionary<string, string> { ["Invite.Name"] = "Aicinātā", ["Invite.Email"] = address ?? email };
        if (confirm)
            fields["Invite.ConfirmReservedDomain"] = "true";
        using var sent = await admin.SubmitFormAsync($"/Admin/Jury?{world.Panel}", fields, $"/Admin/Jury?handler=Invite&{world.Panel}");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await world.DeliverMailAsync();
        var mail = Assert.Single(await Mailbox.WaitForAsync(address ?? email));
        return new Uri(AcceptLink().Match(mail.TextBody ?? "").Value).PathAndQuery;
    }

    private static string TokenOf(string link) => System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["token"]!;

    [GeneratedRegex(@"http://\S+/Invitations/Accept\?token=\S+")]
    private static partial Regex AcceptLink();
}
