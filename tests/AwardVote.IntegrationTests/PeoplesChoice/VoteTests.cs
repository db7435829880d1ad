using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.PeoplesChoice;

[Collection(AppsCollection.Name)]
public sealed class VoteTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_vote_is_requested_on_the_page_mailed_in_its_language_and_counts_once_confirmed(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        using var browser = new Browserless(world.App);
        var voter = world.Voter("Anna");
        var nominee = world.NominationIds[1];

        // The page offers the eligible nominees with their summaries, never a draft or an ineligible one.
        var page = await browser.GetPageAsync($"/Cycles/{world.Slug}/Vote?culture=en");
        Assert.Contains(world.NameOf(0), page);
        Assert.Contains($"{world.NameOf(1)}: lasītāji un kopiena", page);
        Assert.DoesNotContain($"Nepabeigtā bibliotēka {world.Tag}", page);
        Assert.DoesNotContain($"Neatbilstošā bibliotēka {world.Tag}", page);
        // No script but the layout's own phone menu: voting works without one.
        Assert.DoesNotMatch("(?i)<script(?![^>]*src=\"/js/menu)", page);

        using var posted = await browser.SubmitFormAsync($"/Cycles/{world.Slug}/Vote?culture=en", new Dictionary<string, string>
        {
            ["Input.NominationId"] = nominee.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Email"] = $"  {voter.ToUpperInvariant()} ",
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("data-testid=\"vote-sent\"", await posted.Content.ReadAsStringAsync());
        // Nothing is counted before the link is opened and confirmed.
        Assert.Equal(0, await world.QueryAsync(db => db.PeoplesChoiceVotes.CountAsync(v => v.CycleId == world.CycleId)));

        // The mail goes through the outbox to the real SMTP receiver, in the page's language.
        await using (var scope = world.App.Scope())
            await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None);
        var mail = Assert.Single(await Mailbox.WaitForAsync(voter.Trim().ToUpperInvariant()));
        Assert.Equal($"Confirm your vote for {world.NameOf(1)}", mail.Subject);
        var token = VoteWorld.TokenIn(mail.TextBody ?? "");

        // Opening the link shows the choice and a button; a mail scanner that opens it casts nothing.
        var confirmPage = await browser.GetPageAsync($"/Vote/Confirm?token={token}&culture=en");
        Assert.Contains("data-testid=\"confirm-vote\"", confirmPage);
        Assert.Contains(world.NameOf(1), confirmPage);
        Assert.Equal(0, await world.QueryAsync(db => db.PeoplesChoiceVotes.CountAsync(v => v.CycleId == world.CycleId)));

        using var confirmed = await browser.SubmitFormAsync($"/Vote/Confirm?token={token}&culture=en", new Dictionary<string, string> { ["Token"] = token });
        Assert.Contains("Thank you! Your vote is counted.", await confirmed.Content.ReadAsStringAsync());
        var vote = await world.QueryAsync(db => db.PeoplesChoiceVotes.SingleAsync(v => v.CycleId == world.CycleId));
        Assert.Equal(nominee, vote.NominationId);
        Assert.Equal(VoterAddress.Normalize(voter), vote.VoterEmail);
        Assert.Equal(PeoplesChoiceRules.CategoryKey(world.CategoryIds[0]), vote.AllowanceKey);
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.CycleId == world.CycleId && a.Action == "peoples-choice.vote-confirmed")));

        // The same form sent again (a double click, or back and send), and a new request for the same category: both
        // answered, nothing changes.
        using var again = await browser.Http.PostAsync($"/Vote/Confirm?token={token}&culture=en", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token,
            ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(confirmPage),
        }));
        Assert.Contains("This link was already used: your vote is counted.", await again.Content.ReadAsStringAsync());
        using var second = await browser.SubmitFormAsync($"/Cycles/{world.Slug}/Vote?culture=en", new Dictionary<string, string>
        {
            ["Input.NominationId"] = world.NominationIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Email"] = voter,
        });
        // The page answers as it does to anyone (issue 14: whether an address has voted is not public); the mail says it.
        Assert.Contains("If this address may vote, we have sent it a link.", await second.Content.ReadAsStringAsync());
        Assert.Equal("peoples-choice-already-voted", await world.QueryAsync(db => db.Outbox.Where(m => m.ToEmail == voter)
            .OrderByDescending(m => m.Id).Select(m => m.Purpose).FirstAsync()));
        Assert.Equal(nominee, await world.QueryAsync(db => db.PeoplesChoiceVotes.Where(v => v.CycleId == world.CycleId).Select(v => v.NominationId).SingleAsync()));
    }

    [Theory, AllProviders]
    public async Task The_mail_is_in_Latvian_from_a_Latvian_page(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        using var browser = new Browserless(world.App);
        var voter = world.Voter();

        using var response = await world.RequestAsync(browser.Http, world.NominationIds[0], voter);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = await world.QueryAsync(db => db.Outbox.SingleAsync(m => m.ToEmail == voter));
        Assert.Equal("lv", message.Culture);
        Assert.Equal($"Apstipriniet savu balsi: {world.NameOf(0)}", message.Subject);
        Assert.Contains("/Vote/Confirm?token=", message.TextBody);
    }

    [Theory, AllProviders]
    public async Task Twenty_parallel_confirmations_of_one_voter_leave_one_vote(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        var voter = world.Voter();
        // Ten links of one voter for the same category (asked before any was confirmed), each clicked twice at once.
        var tokens = new List<string>();
        for (var i = 0; i < 10; i++)
            tokens.Add(await world.AddRequestAsync(i % 2 == 0 ? voter : voter.ToUpperInvariant(), i % 2));
        using var client = world.App.CreateClient();

        var responses = await Task.WhenAll(tokens.Concat(tokens).Select(async token =>
        {
            using var response = await world.ConfirmAsync(client, token);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.Equal(1, await world.QueryAsync(db => db.PeoplesChoiceVotes.CountAsync(v => v.CycleId == world.CycleId)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        // Every other answer is a clean refusal, never a server error.
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Matches("\"code\":\"already-(used|voted)\"", r.Body);
        });
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.CycleId == world.CycleId && a.Action == "peoples-choice.vote-confirmed")));
    }

    [Theory, AllProviders]
    public async Task A_second_link_confirmed_after_the_first_cannot_change_the_vote(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        var voter = world.Voter();
        var first = await world.AddRequestAsync(voter, 0);
        var second = await world.AddRequestAsync(voter, 1);
        using var client = world.App.CreateClient();

        using var confirmed = await world.ConfirmAsync(client, first);
        using var changed = await world.ConfirmAsync(client, second);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        var (code, detail) = await VoteWorld.ProblemAsync(changed);
        Assert.Equal("already-voted", code);
        Assert.Equal("Ar šo e-pasta adresi jau ir nobalsots. Apstiprinātu balsi mainīt nevar.", detail);
        Assert.Equal(world.NominationIds[0], await world.QueryAsync(db => db.PeoplesChoiceVotes.Where(v => v.CycleId == world.CycleId).Select(v => v.NominationId).SingleAsync()));
        // Nothing of the refused save stays: the second link is not spent and no second vote is audited.
        Assert.Equal(1, await world.QueryAsync(db => db.VoteRequests.CountAsync(r => r.CycleId == world.CycleId && r.ConfirmedAt != null)));
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.CycleId == world.CycleId && a.Action == "peoples-choice.vote-confirmed")));
    }

    [Theory, AllProviders]
    public async Task Expired_reused_foreign_and_made_up_links_are_refused(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        var other = await VoteWorld.CreateAsync(world.App);
        var expired = await world.AddRequestAsync(world.Voter(), 0, expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        var used = await world.AddRequestAsync(world.Voter(), 0);
        var foreign = await other.AddRequestAsync(other.Voter(), 0);
        using var client = world.App.CreateClient();
        using (var first = await world.ConfirmAsync(client, used))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var expiredAnswer = await world.ConfirmAsync(client, expired, "en");
        using var usedAnswer = await world.ConfirmAsync(client, used, "en");
        using var foreignAnswer = await world.ConfirmAsync(client, foreign, "en");
        using var madeUp = await world.ConfirmAsync(client, "not-a-real-token", "en");

        Assert.Equal(HttpStatusCode.Gone, expiredAnswer.StatusCode);
        Assert.Equal(("expired", "This link has expired. Ask for a new one on the vote page."), await VoteWorld.ProblemAsync(expiredAnswer));
        Assert.Equal(HttpStatusCode.Conflict, usedAnswer.StatusCode);
        Assert.Equal("already-used", (await VoteWorld.ProblemAsync(usedAnswer)).Code);
        Assert.Equal(HttpStatusCode.NotFound, foreignAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
        Assert.Equal(1, await world.QueryAsync(db => db.PeoplesChoiceVotes.CountAsync(v => v.CycleId == world.CycleId)));
        Assert.Equal(0, await other.QueryAsync(db => db.PeoplesChoiceVotes.CountAsync(v => v.CycleId == other.CycleId)));

        // The page says the same to a person.
        using var browser = new Browserless(world.App);
        Assert.Contains("This link has expired.", await browser.GetPageAsync($"/Vote/Confirm?token={expired}&culture=en"));
    }

    [Theory, AllProviders]
    public async Task Outside_the_voting_window_requests_and_confirmations_are_refused(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var early = await VoteWorld.CreateAsync(app, s => { s.OpensAt = DateTimeOffset.UtcNow.AddDays(1); s.ClosesAt = DateTimeOffset.UtcNow.AddDays(2); });
        var late = await VoteWorld.CreateAsync(app);
        var pending = await late.AddRequestAsync(late.Voter(), 0);
        await late.CloseVoteAsync();
        using var client = app.CreateClient();

        using var tooEarly = await early.RequestAsync(client, early.NominationIds[0], early.Voter());
        using var tooLate = await late.RequestAsync(client, late.NominationIds[0], late.Voter());
        using var confirmLate = await late.ConfirmAsync(client, pending);

        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal(("not-yet-open", "Publikas balsojums vēl nav sācies."), await VoteWorld.ProblemAsync(tooEarly));
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
        Assert.Equal(("closed", "Publikas balsojums ir beidzies: balsis vairs netiek pieņemtas."), await VoteWorld.ProblemAsync(tooLate));
        Assert.Equal(HttpStatusCode.Conflict, confirmLate.StatusCode);
        Assert.Equal("closed", (await VoteWorld.ProblemAsync(confirmLate)).Code);
        Assert.Equal(0, await late.QueryAsync(db => db.PeoplesChoiceVotes.CountAsync(v => v.CycleId == late.CycleId)));
        Assert.Equal(0, await early.QueryAsync(db => db.VoteRequests.CountAsync(v => v.CycleId == early.CycleId)));

        // The page has no form outside the window, and says why.
        using var browser = new Browserless(app);
        var earlyPage = await browser.GetPageAsync($"/Cycles/{early.Slug}/Vote");
        Assert.Contains("data-testid=\"vote-not-open\"", earlyPage);
        Assert.DoesNotContain("data-testid=\"vote-form\"", earlyPage);
        Assert.DoesNotContain(early.NameOf(0), earlyPage);
        Assert.Contains("data-testid=\"vote-closed\"", await browser.GetPageAsync($"/Cycles/{late.Slug}/Vote"));
    }

    [Theory, AllProviders]
    public async Task Bad_requests_are_refused_with_a_reason(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        using var client = world.App.CreateClient();

        using var badAddress = await world.RequestAsync(client, world.NominationIds[0], "nav-adrese", "en");
        using var ineligible = await world.RequestAsync(client, world.IneligibleNominationId, world.Voter(), "en");
        using var draft = await world.RequestAsync(client, world.DraftNominationId, world.Voter(), "en");
        using var unknownCycle = await client.PostAsJsonAsync("/api/peoples-choice/no-such-cycle/requests", new { nominationId = world.NominationIds[0], email = world.Voter() });

        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.Equal("invalid-address", (await VoteWorld.ProblemAsync(badAddress)).Code);
        Assert.Equal(HttpStatusCode.BadRequest, ineligible.StatusCode);
        Assert.Equal("unknown-nomination", (await VoteWorld.ProblemAsync(ineligible)).Code);
        Assert.Equal(HttpStatusCode.BadRequest, draft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownCycle.StatusCode);
        Assert.Equal(0, await world.QueryAsync(db => db.VoteRequests.CountAsync(r => r.CycleId == world.CycleId)));
    }

    [Theory, AllProviders]
    public async Task One_vote_per_category_or_one_in_the_whole_cycle_as_the_statute_says(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var perCategory = await VoteWorld.CreateAsync(app);
        var perCycle = await VoteWorld.CreateAsync(app, s => s.Allowance = VoteAllowance.OnePerCycle);
        using var client = app.CreateClient();
        var voter = perCategory.Voter();
        foreach (var world in new[] { perCategory, perCycle })
        {
            using var confirmed = await world.ConfirmAsync(client, await world.AddRequestAsync(voter, 0));
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        using var otherCategory = await perCategory.RequestAsync(client, perCategory.NominationIds[2], voter);
        using var otherCategoryInCycle = await perCycle.RequestAsync(client, perCycle.NominationIds[2], voter);
        // Even a link obtained before the first vote cannot add a second one in a one-vote cycle.
        var early = await perCycle.AddRequestAsync(voter, 2);
        using var confirmEarly = await perCycle.ConfirmAsync(client, early);

        Assert.Equal(HttpStatusCode.Accepted, otherCategory.StatusCode);
        // Answered as any request is; the mail, not the answer, says the mailbox has voted.
        Assert.Equal(HttpStatusCode.Accepted, otherCategoryInCycle.StatusCode);
        Assert.Equal("peoples-choice-already-voted", await perCycle.QueryAsync(db => db.Outbox.Where(m => m.ToEmail == voter)
            .OrderByDescending(m => m.Id).Select(m => m.Purpose).FirstAsync()));
        Assert.Equal(HttpStatusCode.Conflict, confirmEarly.StatusCode);
        Assert.Equal(1, await perCycle.QueryAsync(db => db.PeoplesChoiceVotes.CountAsync(v => v.CycleId == perCycle.CycleId)));
    }

    [Theory, AllProviders]
    public async Task Only_addresses_on_the_uploaded_member_list_may_vote(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider), s => s.Eligibility = VoterEligibility.MemberListOnly);
        using var admin = new Browserless(world.App);
        await admin.SignInAsync(Infrastructure.Demo.DemoSeeder.AdministratorEmail, Infrastructure.Demo.DemoSeeder.Password);
        var member = world.Voter("biedrs");
        var stranger = world.Voter("svesais");
        var url = $"/Admin/PeoplesChoice?cycleId={world.CycleId}";

        // A file with mistakes names each bad line and changes nothing.
        var bad = $"Vārds;E-pasts\nAnna;{member}\nJānis;nav-adrese\nPēteris;\n\"Ilze;ilze@example.lv\n";
        using var refused = await admin.UploadAsync(url, $"/Admin/PeoplesChoice?handler=MemberList&cycleId={world.CycleId}", new Dictionary<string, string>(),
            "file", "biedri.csv", System.Text.Encoding.UTF8.GetBytes(bad));
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("3. rinda: \"nav-adrese\" nav e-pasta adrese.", refusedPage);
        Assert.Contains("4. rinda: trūkst e-pasta adreses.", refusedPage);
        Assert.Contains("5. rinda: pēdiņas atveras, bet šajā rindā neaizveras", refusedPage);
        Assert.Equal(0, await world.QueryAsync(db => db.MemberList.CountAsync(m => m.CycleId == world.CycleId)));

        var good = $"Vārds;E-pasts\nAnna;{member}\nAnna atkal;  {member.ToUpperInvariant()}\nIlze;ilze-{world.Tag}@example.lv\n";
        using var accepted = await admin.UploadAsync(url, $"/Admin/PeoplesChoice?handler=MemberList&cycleId={world.CycleId}", new Dictionary<string, string>(),
            "file", "biedri.csv", System.Text.Encoding.UTF8.GetBytes(good));
        var acceptedPage = WebUtility.HtmlDecode(await accepted.Content.ReadAsStringAsync());
        Assert.Contains("Biedru saraksts aizstāts: 2 adreses.", acceptedPage);
        Assert.Contains("3. rinda:", acceptedPage); // the repeated address, kept once
        Assert.Equal(2, await world.QueryAsync(db => db.MemberList.CountAsync(m => m.CycleId == world.CycleId)));
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.CycleId == world.CycleId && a.Action == "peoples-choice.member-list-replaced")));

        using var client = world.App.CreateClient();
        using var strangerAnswer = await world.RequestAsync(client, world.NominationIds[0], stranger);
        using var memberAnswer = await world.RequestAsync(client, world.NominationIds[0], $" {member.ToUpperInvariant()}");
        // A stranger is answered as a member is; only the mail to the stranger's address says why no link came.
        Assert.Equal(HttpStatusCode.Accepted, strangerAnswer.StatusCode);
        var refusal = await world.QueryAsync(db => db.Outbox.SingleAsync(m => m.ToEmail == stranger));
        Assert.Equal("peoples-choice-not-on-member-list", refusal.Purpose);
        Assert.Contains("Balsot var tikai biedrības biedri", refusal.TextBody);
        Assert.Equal(HttpStatusCode.Accepted, memberAnswer.StatusCode);

        // The list is replaced without the member before they confirm: the link no longer casts a vote.
        var token = await world.TokenMailedToAsync(member.ToUpperInvariant());
        using (await admin.UploadAsync(url, $"/Admin/PeoplesChoice?handler=MemberList&cycleId={world.CycleId}", new Dictionary<string, string>(),
                   "file", "biedri.csv", System.Text.Encoding.UTF8.GetBytes($"ilze-{world.Tag}@example.lv\n"))) { }
        using var confirm = await world.ConfirmAsync(client, token);
        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
        Assert.Equal(0, await world.QueryAsync(db => db.PeoplesChoiceVotes.CountAsync(v => v.CycleId == world.CycleId)));
    }

    [Theory, AllProviders]
    public async Task Only_administrators_open_the_peoples_choice_administration(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        using var anonymous = new Browserless(world.App);
        using var juror = new Browserless(world.App);
        await juror.SignInAsync(Infrastructure.Demo.DemoSeeder.JurorEmail, Infrastructure.Demo.DemoSeeder.Password);

        using var anonymousAnswer = await anonymous.Http.GetAsync($"/Admin/PeoplesChoice?cycleId={world.CycleId}");
        using var jurorAnswer = await juror.Http.GetAsync($"/Admin/PeoplesChoice?cycleId={world.CycleId}");

        Assert.StartsWith("/Account/Login", anonymousAnswer.Headers.Location!.PathAndQuery);
        Assert.StartsWith("/Account/AccessDenied", jurorAnswer.Headers.Location!.PathAndQuery);
    }

    [Theory, AllProviders]
    public async Task The_vote_is_linked_from_the_home_and_cycle_pages_only_while_open(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var open = await VoteWorld.CreateAsync(app);
        var closed = await VoteWorld.CreateAsync(app);
        await closed.CloseVoteAsync();
        using var browser = new Browserless(app);

        var home = await browser.GetPageAsync("/");
        Assert.Contains($"href=\"/Cycles/{open.Slug}/Vote\"", home);
        Assert.DoesNotContain($"href=\"/Cycles/{closed.Slug}/Vote\"", home);
        Assert.Contains($"href=\"/Cycles/{open.Slug}/Vote\"", await browser.GetPageAsync($"/Cycles/{open.Slug}"));
        Assert.DoesNotContain($"href=\"/Cycles/{closed.Slug}/Vote\"", await browser.GetPageAsync($"/Cycles/{closed.Slug}"));
    }

    [Theory, AllProviders]
    public async Task The_vote_page_shows_only_photos_the_library_released_and_serves_them_to_anyone(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        var released = await AddPhotoAsync(world, world.NominationIds[0], publicAfterPublication: true);
        var kept = await AddPhotoAsync(world, world.NominationIds[1], publicAfterPublication: false);
        using var browser = new Browserless(world.App);

        var page = await browser.GetPageAsync($"/Cycles/{world.Slug}/Vote");
        using var releasedFile = await browser.Http.GetAsync($"/Nominations/File?id={released}");
        using var keptFile = await browser.Http.GetAsync($"/Nominations/File?id={kept}");

        Assert.Contains($"src=\"/Nominations/File?id={released}\"", page);
        Assert.DoesNotContain($"/Nominations/File?id={kept}\"", page);
        Assert.Equal(HttpStatusCode.OK, releasedFile.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, keptFile.StatusCode); // to the sign-in page

        // Before the vote opens, a released photo is not public yet.
        await world.UpdateSettingsAsync(opensAt: DateTimeOffset.UtcNow.AddDays(1), closesAt: DateTimeOffset.UtcNow.AddDays(2));
        using var early = await browser.Http.GetAsync($"/Nominations/File?id={released}");
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
    }

    private static async Task<int> AddPhotoAsync(VoteWorld world, int nominationId, bool publicAfterPublication)
    {
        await using var scope = world.App.Scope();
        var store = scope.ServiceProvider.GetRequiredService<Infrastructure.Files.AttachmentStore>();
        var key = await store.SaveAsync(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var photo = new Domain.Nominations.Attachment
        {
            NominationId = nominationId, Kind = Domain.Nominations.AttachmentKind.Photo, OriginalFileName = "foto.png", SafeFileName = "foto.png",
            ContentType = "image/png", SizeBytes = 8, StorageKey = key, Sha256 = "x", ConsentGiven = true, PublicAfterPublication = publicAfterPublication,
            Caption = "Lasītāji bibliotēkā",
        };
        db.Attachments.Add(photo);
        await db.SaveChangesAsync();
        return photo.Id;
    }
}
