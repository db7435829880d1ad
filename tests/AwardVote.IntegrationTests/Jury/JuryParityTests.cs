using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Jury;

/// <summary>
/// The jury's pages and the API run the same use cases: the same input is refused with the same words on both, and
/// nothing is saved by either.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class JuryParityTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Declaring_a_conflict_without_a_reason_or_with_too_long_a_reason_is_refused_alike(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var nomination = await world.NominationAsync(await world.LibraryAsync("Kuldīgas bibliotēka"));
        var juror = await world.PersonAsync("Zane Priede", ScopedRole.Juror);
        using var browser = await world.SignedInAsync(juror);
        var url = $"/Jury/Declare?id={nomination}";

        foreach (var (reason, message) in new[]
                 {
                     ("  ", "Aprakstiet, kāds ir konflikts."),
                     (new string('x', 2001), "Pamatojumā var būt ne vairāk kā 2000 rakstzīmes."),
                 })
        {
            using var page = await browser.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Reason"] = reason });
            using var api = await browser.Http.PostAsJsonAsync($"/api/jury/nominations/{nomination}/conflict", new { reason });
            await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, message);
        }
        Assert.False(await world.QueryAsync(db => db.Conflicts.AnyAsync(c => c.NominationId == nomination)));
    }

    [Theory, AllProviders]
    public async Task A_conflict_declared_once_is_refused_the_second_time_and_is_withdrawn_alike(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var nomination = await world.NominationAsync(await world.LibraryAsync("Talsu bibliotēka"));
        var juror = await world.PersonAsync("Ieva Ozola", ScopedRole.Juror);
        await world.BallotAsync(juror, nomination, 3, 4);
        using var browser = await world.SignedInAsync(juror);

        using (var declared = await browser.Http.PostAsJsonAsync($"/api/jury/nominations/{nomination}/conflict", new { reason = "Mana māsa tur strādā." }))
        {
            Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
            var body = await declared.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.Equal("DeclaredByJuror", body.GetProperty("source").GetString());
            Assert.Equal("Confirmed", body.GetProperty("status").GetString());
        }
        // The juror's ballot went with the declaration, in the same save as its audit entry.
        Assert.False(await world.QueryAsync(db => db.ScoreBallots.AnyAsync(b => b.NominationId == nomination && b.JurorUserId == juror.Id)));

        using (var page = await browser.SubmitFormAsync($"/Jury/Declare?id={nomination}", new Dictionary<string, string> { ["Input.Reason"] = "Vēlreiz." }))
        using (var api = await browser.Http.PostAsJsonAsync($"/api/jury/nominations/{nomination}/conflict", new { reason = "Vēlreiz." }))
            await AssertSameConflictAsync(page, api, "Interešu konflikts ar šo pieteikumu jau ir deklarēts.");

        // Withdrawn on the page; then neither page nor API finds a declaration to withdraw.
        using (var withdrawn = await browser.SubmitFormAsync($"/Jury/Declare?id={nomination}", new Dictionary<string, string>(),
                   $"/Jury/Declare?id={nomination}&handler=Withdraw"))
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.False(await world.QueryAsync(db => db.Conflicts.AnyAsync(c => c.NominationId == nomination)));
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "conflict.withdrawn" && a.EntityId == nomination.ToString())));
        using (var page = await browser.SubmitFormAsync($"/Jury/Declare?id={nomination}", new Dictionary<string, string>(),
                   $"/Jury/Declare?id={nomination}&handler=Withdraw"))
        using (var api = await browser.Http.DeleteAsync($"/api/jury/nominations/{nomination}/conflict"))
            await AssertSameConflictAsync(page, api, "Interešu konflikts ar šo pieteikumu nav deklarēts.");
        // The juror judges the nomination again.
        using (var scored = await browser.Http.PutAsJsonAsync("/api/ballots/score", new
               {
                   nominationId = nomination,
                   scores = new Dictionary<string, int> { [world.CriterionIds[0].ToString()] = 7, [world.CriterionIds[1].ToString()] = 8 },
               }))
            Assert.Equal(HttpStatusCode.NoContent, scored.StatusCode);
    }

    [Theory, AllProviders]
    public async Task Deciding_an_already_decided_conflict_is_refused_alike(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var nomination = await world.NominationAsync(await world.LibraryAsync("Līvānu bibliotēka"));
        var juror = await world.PersonAsync("Rasma Kalna", ScopedRole.Juror);
        var chair = await world.PersonAsync("Priekšsēdētājs Vītols", ScopedRole.Chair);
        await world.ConflictAsync(juror, nomination, ConflictSource.SameMunicipality, ConflictStatus.Proposed);
        using var browser = await world.SignedInAsync(chair);

        // The chair finds the proposal's id through the API, as a script would, and decides it there.
        var conflicts = await browser.Http.GetFromJsonAsync<List<ConflictRow>>($"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts");
        var proposal = Assert.Single(conflicts!, c => c.NominationId == nomination);
        Assert.Equal("Proposed", proposal.Status);
        using (var decided = await browser.Http.PostAsJsonAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts/{proposal.Id}/decision",
                   new { confirm = true }))
            Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);

        using var page = await browser.SubmitFormAsync($"/Jury/Conflicts?{world.Panel}", new Dictionary<string, string>
        {
            ["Decision.ConflictId"] = proposal.Id.ToString(), ["Decision.Confirm"] = "false", ["Decision.Reason"] = "Pārdomāju",
        }, $"/Jury/Conflicts?handler=Decide&{world.Panel}");
        using var api = await browser.Http.PostAsJsonAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts/{proposal.Id}/decision",
            new { confirm = false, reason = "Pārdomāju" });
        await AssertSameConflictAsync(page, api, "Par šo interešu konfliktu jau ir pieņemts lēmums.");

        // A dismissal without a reason: the same words on both.
        await world.ConflictAsync(juror, nomination, ConflictSource.SameRegion, ConflictStatus.Proposed);
        var second = (await browser.Http.GetFromJsonAsync<List<ConflictRow>>($"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts"))!
            .Single(c => c.Status == "Proposed");
        using var noReasonPage = await browser.SubmitFormAsync($"/Jury/Conflicts?{world.Panel}", new Dictionary<string, string>
        {
            ["Decision.ConflictId"] = second.Id.ToString(), ["Decision.Confirm"] = "false", ["Decision.Reason"] = " ",
        }, $"/Jury/Conflicts?handler=Decide&{world.Panel}");
        using var noReasonApi = await browser.Http.PostAsJsonAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts/{second.Id}/decision",
            new { confirm = false, reason = " " });
        await Parity.AssertSameRefusalAsync(noReasonPage, noReasonApi, HttpStatusCode.BadRequest, "Norādiet, kāpēc priekšlikums tiek noraidīts.");
        Assert.Equal(ConflictStatus.Confirmed, await world.QueryAsync(db => db.Conflicts.Where(c => c.Id == proposal.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(ConflictStatus.Proposed, await world.QueryAsync(db => db.Conflicts.Where(c => c.Id == second.Id).Select(c => c.Status).SingleAsync()));
    }

    [Theory, AllProviders]
    public async Task Proposing_conflicts_on_the_page_and_through_the_api_adds_them_once(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var home = await world.LibraryAsync("Madonas bibliotēka", municipality: "Madona");
        var nomination = await world.NominationAsync(home);
        var juror = await world.PersonAsync("Valdis Liepa", ScopedRole.Juror, homeLibraryId: home);
        var chair = await world.PersonAsync("Priekšsēdētāja Krūmiņa", ScopedRole.Chair);
        using var browser = await world.SignedInAsync(chair);

        using (var first = await browser.Http.PostAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts/propose", null))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.True((await first.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("added").GetInt32() > 0);
        }
        using (var again = await browser.SubmitFormAsync($"/Jury/Conflicts?{world.Panel}", new Dictionary<string, string>(),
                   $"/Jury/Conflicts?handler=Propose&{world.Panel}"))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Jaunu interešu konfliktu priekšlikumu nav.", await browser.GetPageAsync($"/Jury/Conflicts?{world.Panel}"));
        Assert.Equal(1, await world.QueryAsync(db => db.Conflicts.CountAsync(c =>
            c.NominationId == nomination && c.JurorUserId == juror.Id && c.Source == ConflictSource.OwnLibrary)));
    }

    [Theory, AllProviders]
    public async Task Inviting_a_juror_with_a_bad_address_or_one_already_on_the_jury_is_refused_alike(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var member = await world.PersonAsync("Jau žūrijā", ScopedRole.Juror);
        using var admin = await world.SignedInAdministratorAsync();
        var invitations = $"/api/admin/cycles/{world.CycleId}/categories/{world.CategoryId}/jury/invitations";

        foreach (var (email, message) in new[] { ("nav-adrese", "Ievadiet derīgu e-pasta adresi."), (member.Email, "Šis cilvēks jau ir žūrijā.") })
        {
            using var page = await admin.SubmitFormAsync($"/Admin/Jury?{world.Panel}",
                new Dictionary<string, string> { ["Invite.Name"] = "Aicinātā", ["Invite.Email"] = email }, $"/Admin/Jury?handler=Invite&{world.Panel}");
            using var api = await admin.Http.PostAsJsonAsync(invitations, new { name = "Aicinātā", email, asChair = false });
            await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, message);
        }
        Assert.False(await world.QueryAsync(db => db.Invitations.AnyAsync(i => i.CycleId == world.CycleId)));

        // The API's invitation is the page's: a mail with a one-time link, listed for the panel with the members' ids.
        var invitedEmail = $"api-{Guid.NewGuid():N}@biblioteka.example";
        using (var created = await admin.Http.PostAsJsonAsync(invitations, new { name = "Anna Bērziņa", email = invitedEmail, asChair = true, confirmReservedDomain = true }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var panel = await admin.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/cycles/{world.CycleId}/categories/{world.CategoryId}/jury");
        Assert.Contains(panel.GetProperty("invitations").EnumerateArray(), i => i.GetProperty("email").GetString() == invitedEmail
            && i.GetProperty("role").GetString() == "Chair");
        Assert.Contains(panel.GetProperty("members").EnumerateArray(), m => m.GetProperty("userId").GetString() == member.Id);
        await world.DeliverMailAsync();
        Assert.Contains("/Invitations/Accept?token=", Assert.Single(await Mailbox.WaitForAsync(invitedEmail)).TextBody);
    }

    [Theory, AllProviders]
    public async Task Accepting_a_used_invitation_is_refused_alike_and_the_api_joins_the_jury(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var invitee = await world.PersonAsync("Uzaicinātā Egle");
        var token = await InviteAsync(world, invitee.Email);
        using var browser = await world.SignedInAsync(invitee);

        using (var accepted = await browser.Http.PostAsJsonAsync("/api/invitations/accept", new { token }))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            var body = await accepted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.Equal("Juror", body.GetProperty("role").GetString());
            Assert.Equal(world.CategoryId, body.GetProperty("categoryId").GetInt32());
        }
        Assert.True(await world.QueryAsync(db => db.RoleGrants.AnyAsync(g =>
            g.UserId == invitee.Id && g.Role == ScopedRole.Juror && g.CycleId == world.CycleId && g.CategoryId == world.CategoryId)));
        // The same sign-in reaches the jury at once: the policies read the grants, not the roles the sign-in began with.
        using (var desk = await browser.Http.GetAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/nominations"))
            Assert.Equal(HttpStatusCode.OK, desk.StatusCode);

        using var page = await browser.SubmitFormAsync($"/Invitations/Accept?token={Uri.EscapeDataString(token)}",
            new Dictionary<string, string> { ["Token"] = token });
        using var api = await browser.Http.PostAsJsonAsync("/api/invitations/accept", new { token });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal("Šis uzaicinājums jau ir izmantots.", InvitationError(await page.Content.ReadAsStringAsync()));
        Assert.Equal(["Šis uzaicinājums jau ir izmantots."], await Parity.ProblemMessagesAsync(api));

        using var declined = await browser.Http.PostAsJsonAsync("/api/invitations/decline", new { token });
        Assert.Equal(HttpStatusCode.Conflict, declined.StatusCode);
        using var nonsense = await browser.Http.PostAsJsonAsync("/api/invitations/accept", new { token = "nav-derīgs" });
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
    }

    [Theory, AllProviders]
    public async Task A_declined_invitation_is_spent_and_its_audit_entry_saved_with_it(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var invitee = await world.PersonAsync("Atteikusies Roze");
        var token = await InviteAsync(world, invitee.Email);
        using var browser = await world.SignedInAsync(invitee);

        using (var declined = await browser.Http.PostAsJsonAsync("/api/invitations/decline", new { token }))
            Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);

        var invitation = await world.QueryAsync(db => db.Invitations.SingleAsync(i => i.CycleId == world.CycleId && i.Email == invitee.Email));
        Assert.NotNull(invitation.DeclinedAt);
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "invitation.declined" && a.EntityId == invitation.Id.ToString())));
        using var page = await browser.SubmitFormAsync($"/Invitations/Accept?token={Uri.EscapeDataString(token)}", new Dictionary<string, string> { ["Token"] = token });
        Assert.Equal("Šis uzaicinājums jau ir izmantots.", InvitationError(await page.Content.ReadAsStringAsync()));
        Assert.False(await world.QueryAsync(db => db.RoleGrants.AnyAsync(g => g.UserId == invitee.Id)));
    }

    private sealed record ConflictRow(int Id, int NominationId, string Status, string Source);

    /// <summary>The administrator invites through the API; the token is the one in the mailed link.</summary>
    private static async Task<string> InviteAsync(JuryWorld world, string email)
    {
        using var admin = await world.SignedInAdministratorAsync();
        using var created = await admin.Http.PostAsJsonAsync($"/api/admin/cycles/{world.CycleId}/categories/{world.CategoryId}/jury/invitations",
            new { name = "Aicinātā", email, confirmReservedDomain = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await world.DeliverMailAsync();
        var mail = Assert.Single(await Mailbox.WaitForAsync(email));
        return Uri.UnescapeDataString(TokenInLink().Match(mail.TextBody ?? "").Groups[1].Value);
    }

    /// <summary>A state refusal (409): the page shows it in its error summary, the API as the problem's detail.</summary>
    private static async Task AssertSameConflictAsync(HttpResponseMessage page, HttpResponseMessage api, string message)
    {
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains(message, Parity.FormErrors(await page.Content.ReadAsStringAsync()));
        Assert.Equal([message], await Parity.ProblemMessagesAsync(api));
    }

    private static string InvitationError(string html) =>
        System.Net.WebUtility.HtmlDecode(InvitationErrorPattern().Match(html).Groups[1].Value).Trim();

    [GeneratedRegex(@"/Invitations/Accept\?token=(\S+)")]
    private static partial Regex TokenInLink();

    [GeneratedRegex("data-testid=\"invitation-error\">([^<]*)<")]
    private static partial Regex InvitationErrorPattern();
}
