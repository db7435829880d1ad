using System.Net.Http.Json;
using System.Net;
using AwardVote.Application;
using AwardVote.Application.Ballots;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Application.Results;
using AwardVote.Application.Ties;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Jobs;
using AwardVote.IntegrationTests.Libraries;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Publishing;

[Collection(AppsCollection.Name)]
public sealed class PublicationTests(Apps apps)
{
    private const string Laureate = "Alsungas bibliotēka";
    private const string Citation = "Par drosmīgu un iedvesmojošu darbu.";
    private const string CitationEn = "For bold and inspiring work.";

    [Theory, AllProviders]
    public async Task The_chair_writes_the_citation_an_administrator_approves_and_publishes_and_the_public_reads_it(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider));
        using var anonymous = new Browserless(world.App);

        // Before publication: nothing of the result is public.
        var before = await anonymous.GetPageAsync($"/Cycles/{world.Slug}/Results");
        Assert.Contains("data-testid=\"not-announced\"", before);
        Assert.DoesNotContain(Laureate, before);
        using (var api = await anonymous.Http.GetAsync($"/api/cycles/{world.Slug}/results"))
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        using (var photo = await anonymous.Http.GetAsync($"/Nominations/File?id={world.PublicPhoto}"))
            Assert.NotEqual(HttpStatusCode.OK, photo.StatusCode);

        // The chair finds the citation on the juror's desk; a plain juror may not write it.
        using var chair = await world.SignedInAsync(world.Chair.Email);
        Assert.Contains("data-testid=\"citation-link\"", await chair.GetPageAsync($"/Jury?cycleId={world.CycleId}&categoryId={world.CategoryId}"));
        Assert.Contains(Laureate, await chair.GetPageAsync(world.CitationPage));
        using (var juror = await world.SignedInAsync(world.Judging.JurorAEmail))
        {
            using (var citationPage = await juror.Http.GetAsync(world.CitationPage))
                Assert.StartsWith("/Account/AccessDenied", citationPage.Headers.Location!.PathAndQuery);
            var token = Browserless.AntiforgeryToken(await juror.GetPageAsync("/Jury"));
            using var post = await juror.Http.PostAsync(world.CitationPage, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Citation"] = "Mans teksts",
            }));
            Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery);
            Assert.Empty(await world.PublicationsAsync());
        }

        using (var saved = await PublicationWorld.WriteCitationAsync(chair, world.CitationPage, Citation, CitationEn))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var written = Assert.Single(await world.PublicationsAsync());
        Assert.Equal((world.Laureate, Citation, CitationEn, world.Chair.Id, 1), (written.LaureateNominationId, written.Citation, written.CitationEn, written.CitationByUserId, written.Sequence));
        Assert.Null(written.ApprovedAt);

        // Approval and publication are the administrator's.
        var chairToken = Browserless.AntiforgeryToken(await chair.GetPageAsync(world.CitationPage));
        using (var chairApproves = await chair.Http.PostAsync($"/Admin/Results/Publication?handler=Approve&cycleId={world.CycleId}", new FormUrlEncodedContent(
                   new Dictionary<string, string> { ["__RequestVerificationToken"] = chairToken, ["publicationId"] = written.Id.ToString(), ["version"] = written.Version.ToString() })))
            Assert.StartsWith("/Account/AccessDenied", chairApproves.Headers.Location!.PathAndQuery);
        Assert.Null(Assert.Single(await world.PublicationsAsync()).ApprovedAt);
        using var admin = await world.SignedInAdministratorAsync();
        using (var approved = await world.ApproveAsync(admin))
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.NotNull((await world.PublicationsAsync())[0].ApprovedAt);
        using (var published = await world.PressAsync(admin, "Publish", new Dictionary<string, string> { ["Confirm"] = "true" }))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        Assert.Equal(CyclePhase.Published, await world.PhaseAsync());
        var publication = Assert.Single(await world.PublicationsAsync());
        Assert.NotNull(publication.PublishedAt);
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.CycleId == world.CycleId && a.Action == PublishResults.PublishedAction)));
        foreach (var action in new[] { "publication.citation-written", "publication.approved", "publication.published" })
            Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.CycleId == world.CycleId && a.Action == action)), action);

        // The public page: laureate, citation in the page's language, the shortlist, released photos only.
        var page = await anonymous.GetPageAsync($"/Cycles/{world.Slug}/Results");
        Assert.Contains(Laureate, page);
        Assert.Contains(Citation, page);
        Assert.DoesNotContain(CitationEn, page);
        Assert.Contains("Bauskas bibliotēka", page);
        Assert.Contains("Cesvaines bibliotēka", page);
        Assert.Contains($"data-testid=\"photo-{world.PublicPhoto}\"", page);
        Assert.DoesNotContain($"id={world.PrivatePhoto}", page);
        Assert.DoesNotContain(PublicationWorld.CommentOnBauska, page);
        Assert.Contains(CitationEn, await anonymous.GetPageAsync($"/Cycles/{world.Slug}/Results?culture=en"));
        using (var photo = await anonymous.Http.GetAsync($"/Nominations/File?id={world.PublicPhoto}"))
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        using (var photo = await anonymous.Http.GetAsync($"/Nominations/File?id={world.PrivatePhoto}"))
            Assert.NotEqual(HttpStatusCode.OK, photo.StatusCode);

        // The archive, newest first, with the 2019 laureate from the seed; linked from the home page.
        var archive = await anonymous.GetPageAsync("/Laureates");
        Assert.True(archive.IndexOf(Laureate, StringComparison.Ordinal) < archive.IndexOf("Latgales Centrālā bibliotēka", StringComparison.Ordinal));
        Assert.Contains("data-testid=\"laureates-link\"", await anonymous.GetPageAsync("/"));

        var results = await anonymous.Http.GetFromJsonAsync<ResultsJson>($"/api/cycles/{world.Slug}/results");
        var announcement = Assert.Single(results!.Announcements);
        Assert.Equal((Laureate, Citation, CitationEn), (announcement.Laureate.LibraryName, announcement.Citation, announcement.CitationEn));
        Assert.Equal([world.PublicPhoto], announcement.Laureate.Photos.Select(p => p.Id));
        Assert.Equal(3, announcement.Shortlist.Count);
        var laureates = await anonymous.Http.GetFromJsonAsync<List<LaureateJson>>("/api/laureates");
        Assert.Contains(laureates!, l => l.Year == 2019 && l.LibraryName == "Latgales Centrālā bibliotēka");
    }

    [Theory, AllProviders]
    public async Task Publishing_twice_or_the_job_twice_on_two_nodes_mails_each_recipient_once(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider));
        await world.ReadyAsync();
        using var admin = await world.SignedInAdministratorAsync();

        // Scheduled in Riga time, stored in UTC, and published by the job only once the time has come.
        var local = DateTime.SpecifyKind(DateTime.UtcNow.AddDays(2).Date.AddHours(12), DateTimeKind.Unspecified);
        // A schedule can be cancelled (audited); cancelling again finds nothing to cancel and records nothing.
        // (The access matrix, whose world has no schedule, therefore sees the button as "refused": nothing saved.)
        using (var first = await world.PressAsync(admin, "Schedule", new Dictionary<string, string> { ["ScheduleAt"] = local.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) }))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var auditBeforeCancel = await world.QueryAsync(db => db.AuditEntries.CountAsync());
        using (var cancelled = await world.PressAsync(admin, "CancelSchedule", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Null((await world.PublicationsAsync())[0].ScheduledFor);
        Assert.Equal(auditBeforeCancel + 1, await world.QueryAsync(db => db.AuditEntries.CountAsync()));
        using (var nothing = await world.PressAsync(admin, "CancelSchedule", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, nothing.StatusCode);
        Assert.Equal(auditBeforeCancel + 1, await world.QueryAsync(db => db.AuditEntries.CountAsync()));
        using (var scheduled = await world.PressAsync(admin, "Schedule", new Dictionary<string, string> { ["ScheduleAt"] = local.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) }))
            Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var riga = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");
        var at = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, riga), TimeSpan.Zero);
        Assert.Equal(at, (await world.PublicationsAsync())[0].ScheduledFor);
        await world.RunJobAsync(at.AddMinutes(-1));
        Assert.Equal(CyclePhase.ResultsReview, await world.PhaseAsync());

        // Two nodes at once, then again, then the administrator's button: one publication, one set of mails.
        await Task.WhenAll(world.RunJobAsync(at.AddMinutes(1)), world.RunJobAsync(at.AddMinutes(1)));
        await world.RunJobAsync(at.AddMinutes(2));
        var again = await world.PublishAsync("administrator");
        Assert.True(again.Is(RefusalCode.ResultsAlreadyPublished));
        Assert.Equal(CyclePhase.Published, await world.PhaseAsync());
        var publication = Assert.Single(await world.PublicationsAsync());
        Assert.Equal(at.AddMinutes(1), publication.PublishedAt);
        Assert.Null(publication.PublishedByUserId);
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.CycleId == world.CycleId && a.Action == PublishResults.PublishedAction)));

        await world.DeliverMailAsync();
        var (a, b, c) = (world.Laureate, world.Others[0], world.Others[1]);
        var laureateMail = Assert.Single(await Mailbox.WaitForAsync(world.Representatives[a].Email));
        Assert.Equal($"Konkursa „Vērtēšanas pārbaude” laureāte: {Laureate}", laureateMail.Subject);
        Assert.Contains(world.Citation, laureateMail.TextBody);
        Assert.Contains(PublicationWorld.CommentOnAlsunga, laureateMail.TextBody);
        var bauska = Assert.Single(await Mailbox.WaitForAsync(world.Representatives[b].Email));
        Assert.Equal("Results of Vērtēšanas pārbaude", bauska.Subject);
        Assert.Contains($"the laureate is {Laureate}", bauska.TextBody);
        Assert.Contains(PublicationWorld.CommentOnBauska, bauska.TextBody);
        Assert.DoesNotContain(PublicationWorld.CommentOnAlsunga, bauska.TextBody);
        Assert.DoesNotContain("Juris", bauska.TextBody);
        Assert.DoesNotContain("privāta piezīme", bauska.TextBody);
        var cesvaine = Assert.Single(await Mailbox.WaitForAsync(world.Representatives[c].Email));
        Assert.Contains("Žūrija nav atstājusi komentārus", cesvaine.TextBody);
        foreach (var juror in new[] { world.Judging.JurorAEmail, world.Judging.JurorBEmail, world.Chair.Email })
            Assert.Contains("Paldies par jūsu darbu žūrijā.", Assert.Single(await Mailbox.WaitForAsync(juror)).TextBody);
        var endorser = Assert.Single(await Mailbox.WaitForAsync(world.EndorserWantingResults));
        Assert.Contains("You supported the nomination of Cesvaines bibliotēka", endorser.TextBody);
        Assert.Empty(Mailbox.To(world.EndorserNotWantingResults));

        // A last look after the receiver settled: still exactly one each.
        await world.DeliverMailAsync();
        await Task.Delay(300);
        foreach (var address in world.Representatives.Values.Select(r => r.Email).Concat([world.Judging.JurorAEmail, world.Judging.JurorBEmail, world.Chair.Email, world.EndorserWantingResults]))
            Assert.Single(Mailbox.To(address));
        Assert.Equal(7, await world.ResultMailsAsync());
    }

    [Theory, AllProviders]
    public async Task Publication_is_refused_before_results_review_and_without_a_citation_or_its_approval(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider));
        using var admin = await world.SignedInAdministratorAsync();
        using var chair = await world.SignedInAsync(world.Chair.Email);

        // No citation yet: the page lists why, the button is refused on the server all the same.
        Assert.Contains("Žūrijas pamatojums vēl nav uzrakstīts.", await admin.GetPageAsync(world.PublicationPage));
        using (var refused = await world.PressAsync(admin, "Publish", new Dictionary<string, string> { ["Confirm"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Žūrijas pamatojums vēl nav uzrakstīts.", PublicationWorld.Body(refused));
        }
        using (var blank = await PublicationWorld.WriteCitationAsync(chair, world.CitationPage, "   "))
            Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Empty(await world.PublicationsAsync());

        // Written, not approved.
        using (var saved = await PublicationWorld.WriteCitationAsync(chair, world.CitationPage, Citation))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True((await world.PublishAsync()).Is(RefusalCode.CitationNotApproved));
        using (var refused = await world.PressAsync(admin, "Publish", new Dictionary<string, string> { ["Confirm"] = "true" }))
            Assert.Contains("Administrators vēl nav apstiprinājis pamatojumu.", PublicationWorld.Body(refused));

        // Approved, then changed by the chair: the approval covered the old text.
        using (var approved = await world.ApproveAsync(admin))
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        using (var changed = await PublicationWorld.WriteCitationAsync(chair, world.CitationPage, Citation + " Un vēl."))
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Null((await world.PublicationsAsync())[0].ApprovedAt);
        Assert.True((await world.PublishAsync()).Is(RefusalCode.CitationNotApproved));

        // Approved again, but the cycle is not in results review (moved back by hand): refused too.
        using (var approved = await world.ApproveAsync(admin))
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Counting)));
        Assert.Equal(RefusalCode.ResultsNotInReview, Assert.Single((await world.PublishAsync()).Refusals).Code);
        using var client = await world.App.BearerClientAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        using (var api = await client.PostAsJsonAsync($"/api/admin/cycles/{world.CycleId}/publish", new { at = (DateTimeOffset?)null, confirm = true }))
            Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);

        Assert.Equal(CyclePhase.Counting, await world.PhaseAsync());
        Assert.All(await world.PublicationsAsync(), p => Assert.Null(p.PublishedAt));
        Assert.Equal(0, await world.ResultMailsAsync());
        using var anonymous = new Browserless(world.App);
        Assert.Contains("data-testid=\"not-announced\"", await anonymous.GetPageAsync($"/Cycles/{world.Slug}/Results"));
    }

    [Theory, AllProviders]
    public async Task Only_administrators_approve_and_publish(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider));
        using var chairBrowser = await world.SignedInAsync(world.Chair.Email);
        using (var saved = await PublicationWorld.WriteCitationAsync(chairBrowser, world.CitationPage, Citation))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var publication = Assert.Single(await world.PublicationsAsync());

        // The chair and a library representative: the pages send them away, the API says 403; anonymous 401.
        using (var page = await chairBrowser.Http.GetAsync(world.PublicationPage))
            Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery);
        foreach (var email in new[] { world.Chair.Email, world.Representatives[world.Laureate].Email })
        {
            using var client = await world.App.BearerClientAsync(email, PublicationWorld.Password);
            using (var approve = await client.PostAsJsonAsync($"/api/admin/publications/{publication.Id}/approve", new { version = publication.Version }))
                Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
            using (var publish = await client.PostAsJsonAsync($"/api/admin/cycles/{world.CycleId}/publish", new { at = (DateTimeOffset?)null, confirm = true }))
                Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        }
        using (var anonymous = world.App.CreateClient())
        using (var publish = await anonymous.PostAsJsonAsync($"/api/admin/cycles/{world.CycleId}/publish", new { at = (DateTimeOffset?)null, confirm = true }))
            Assert.Equal(HttpStatusCode.Unauthorized, publish.StatusCode);
        // A representative does not write the jury's citation either.
        using (var representative = await world.App.BearerClientAsync(world.Representatives[world.Laureate].Email, PublicationWorld.Password))
        using (var put = await representative.PutAsJsonAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/citation",
                   new { publicationId = publication.Id, version = publication.Version, citation = "Mēs esam labākie." }))
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);

        Assert.Null((await world.PublicationsAsync())[0].ApprovedAt);
        Assert.Equal(CyclePhase.ResultsReview, await world.PhaseAsync());

        // The administrator through the API: approve, then publish; a second publish is a conflict and changes nothing.
        using var admin = await world.App.BearerClientAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        using (var approve = await admin.PostAsJsonAsync($"/api/admin/publications/{publication.Id}/approve", new { version = publication.Version }))
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        using (var publish = await admin.PostAsJsonAsync($"/api/admin/cycles/{world.CycleId}/publish", new { at = (DateTimeOffset?)null, confirm = true }))
            Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        var first = Assert.Single(await world.PublicationsAsync());
        using (var twice = await admin.PostAsJsonAsync($"/api/admin/cycles/{world.CycleId}/publish", new { at = (DateTimeOffset?)null, confirm = true }))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(first.PublishedAt, Assert.Single(await world.PublicationsAsync()).PublishedAt);
        Assert.Equal(CyclePhase.Published, await world.PhaseAsync());
    }

    [Theory, AllProviders]
    public async Task An_unbroken_tie_names_no_laureate_and_refuses_the_citation_and_publication(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider), PublicationWorld.Scores.Tie);
        using var chair = await world.SignedInAsync(world.Chair.Email);

        var page = await chair.GetPageAsync(world.CitationPage);
        Assert.Contains("data-testid=\"no-laureate\"", page);
        Assert.Contains("Fināla kārta beidzās ar neizšķirtu", page);
        Assert.DoesNotContain("data-testid=\"citation-form\"", page);
        using (var refused = await PublicationWorld.WriteCitationAsync(chair, world.CitationPage, Citation))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Fināla kārta beidzās ar neizšķirtu", PublicationWorld.Body(refused));
        }
        Assert.Empty(await world.PublicationsAsync());
        var outcome = await world.PublishAsync();
        Assert.True(outcome.Is(RefusalCode.LaureateTieUnbroken));
        using var admin = await world.SignedInAdministratorAsync();
        Assert.Contains("Fināla kārta beidzās ar neizšķirtu", await admin.GetPageAsync(world.PublicationPage));
        Assert.Equal(CyclePhase.ResultsReview, await world.PhaseAsync());
    }

    [Theory, AllProviders]
    public async Task After_the_chairs_casting_vote_the_chosen_library_is_the_laureate_and_is_published(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider), PublicationWorld.Scores.Tie);
        var resultId = await world.QueryAsync(db => db.RoundResults.Where(r => r.CategoryId == world.CategoryId).Select(r => r.Id).SingleAsync());
        await using (var scope = world.App.Scope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<CastCastingVote>().RunAsync(resultId, world.Chair.Id,
                new CastCastingVoteInput { Chosen = "Bauskas bibliotēka", Reason = "Plašāka sadarbība ar partneriem." }, CancellationToken.None)).Succeeded);

        using (var chair = await world.SignedInAsync(world.Chair.Email))
            Assert.Contains("data-testid=\"laureate\">Bauskas bibliotēka<", await chair.GetPageAsync(world.CitationPage));
        await world.ReadyAsync();
        Assert.True((await world.PublishAsync()).Succeeded);

        Assert.Equal(world.Others[0], Assert.Single(await world.PublicationsAsync()).LaureateNominationId);
        using var anonymous = new Browserless(world.App);
        Assert.Contains("data-testid=\"laureate\">Bauskas bibliotēka<", await anonymous.GetPageAsync($"/Cycles/{world.Slug}/Results"));
    }

    [Theory, AllProviders]
    public async Task A_result_that_needs_a_repeat_ballot_cannot_be_published(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider), PublicationWorld.Scores.ThinLead);
        using var chair = await world.App.BearerClientAsync(world.Chair.Email, PublicationWorld.Password);

        using var put = await chair.PutAsJsonAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/citation", new { citation = Citation });

        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Contains("atkārtotā balsojuma", (await put.Content.ReadFromJsonAsync<ProblemJson>())!.Detail);
        Assert.Empty(await world.PublicationsAsync());
        Assert.True((await world.PublishAsync()).Is(RefusalCode.LaureateRepeatBallotRequired));
    }

    [Theory, AllProviders]
    public async Task After_a_repeat_ballot_its_count_names_the_laureate(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider), PublicationWorld.Scores.ThinLead);
        await using (var scope = world.App.Scope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<OpenRepeatBallot>()
                .RunAsync(world.CycleId, DateTimeOffset.UtcNow.AddDays(3), CancellationToken.None)).Succeeded);
        // This time both jurors clearly prefer Cesvaines: a lead the win rule accepts.
        foreach (var juror in new[] { world.Judging.JurorA, world.Judging.JurorB })
        {
            foreach (var nomination in world.Judging.NominationIds)
            {
                await using var scope = world.App.Scope();
                var score = nomination == world.Others[1] ? 5 : 1;
                var cast = await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(juror, new CastScoreBallotInput { NominationId = nomination, Scores = new Dictionary<int, int?> { [world.Judging.CriterionIds[0]] = score, [world.Judging.CriterionIds[1]] = score } }, null, CancellationToken.None);
                Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
            }
        }
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Counting)));
        await using (var scope = world.App.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);
        Assert.Equal(CyclePhase.ResultsReview, await world.PhaseAsync());

        await world.ReadyAsync();
        Assert.True((await world.PublishAsync()).Succeeded);

        Assert.Equal(world.Others[1], Assert.Single(await world.PublicationsAsync()).LaureateNominationId);
        using var anonymous = new Browserless(world.App);
        var page = await anonymous.GetPageAsync($"/Cycles/{world.Slug}/Results");
        Assert.Contains("data-testid=\"laureate\">Cesvaines bibliotēka<", page);
        // The shortlist is still the statute's final round's.
        Assert.Contains(Laureate, page);
        Assert.Contains("Bauskas bibliotēka", page);
    }

    [Theory, AllProviders]
    public async Task Published_announcements_never_change_and_a_correction_replaces_them_publicly_with_a_link(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider));
        await world.ReadyAsync();
        Assert.True((await world.PublishAsync()).Succeeded);
        var original = Assert.Single(await world.PublicationsAsync());
        using var chair = await world.SignedInAsync(world.Chair.Email);
        using var admin = await world.SignedInAdministratorAsync();

        // Edits of the published announcement are refused, on the page and in the API; approving it again too.
        using (var edit = await PublicationWorld.WriteCitationAsync(chair, world.CitationPage, "Pārrakstīts.", publicationId: original.Id))
            Assert.Contains("Šis paziņojums ir publicēts un nekad nemainās.", PublicationWorld.Body(edit));
        using var api = await world.App.BearerClientAsync(world.Chair.Email, PublicationWorld.Password);
        using (var put = await api.PutAsJsonAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/citation",
                   new { publicationId = original.Id, version = original.Version, citation = "Pārrakstīts." }))
            Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        await using (var scope = world.App.Scope())
            Assert.False((await scope.ServiceProvider.GetRequiredService<ApprovePublication>().RunAsync(original.Id, original.Version, "someone", CancellationToken.None)).Succeeded);
        var unchanged = Assert.Single(await world.PublicationsAsync());
        Assert.Equal((original.Citation, original.Version, original.ApprovedAt), (unchanged.Citation, unchanged.Version, unchanged.ApprovedAt));

        // A correction: started by the chair, it needs a note, is approved and published by the administrator.
        var corrected = $"Par drosmīgu, iedvesmojošu un atvērtu darbu ({world.Slug}).";
        var html = await chair.GetPageAsync(world.CitationPage);
        using (var start = await chair.Http.PostAsync($"/Jury/Citation?handler=Correct&cycleId={world.CycleId}&categoryId={world.CategoryId}",
                   new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(html), ["publicationId"] = original.Id.ToString() })))
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var correction = (await world.PublicationsAsync()).Single(p => p.Id != original.Id);
        Assert.Equal((original.Id, 2, original.Citation), (correction.CorrectsPublicationId, correction.Sequence, correction.Citation));
        // Still being written: the public reads the original.
        using var anonymous = new Browserless(world.App);
        Assert.Contains(original.Citation, await anonymous.GetPageAsync("/Laureates"));
        Assert.DoesNotContain("data-testid=\"correction-note\"", await anonymous.GetPageAsync($"/Cycles/{world.Slug}/Results"));

        using (var noNote = await PublicationWorld.WriteCitationAsync(chair, world.CitationPage, corrected))
            Assert.Contains("Norādiet, kāpēc paziņojums tiek labots", PublicationWorld.Body(noNote));
        using (var saved = await PublicationWorld.WriteCitationAsync(chair, world.CitationPage, corrected, note: "Pamatojumā trūka vārda."))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var approved = await world.ApproveAsync(admin))
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        correction = (await world.PublicationsAsync()).Single(p => p.Id == correction.Id);
        var fields = new Dictionary<string, string> { ["publicationId"] = correction.Id.ToString(), ["version"] = correction.Version.ToString() };
        using (var published = await world.PressAsync(admin, "PublishCorrection", fields))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        using (var twice = await world.PressAsync(admin, "PublishCorrection", fields))
            Assert.Equal(HttpStatusCode.OK, twice.StatusCode);

        var all = await world.PublicationsAsync();
        Assert.Equal(2, all.Count(p => p.PublishedAt != null));
        Assert.Equal((original.Citation, original.PublishedAt), (all[0].Citation, all[0].PublishedAt));
        Assert.Equal(CyclePhase.Published, await world.PhaseAsync());
        var page = await anonymous.GetPageAsync($"/Cycles/{world.Slug}/Results");
        Assert.Contains("data-testid=\"correction-note\"", page);
        Assert.Contains("Pamatojumā trūka vārda.", page);
        Assert.Contains($"href=\"#publication-{original.Id}\"", page);
        Assert.Contains($"id=\"publication-{original.Id}\"", page);
        Assert.True(page.IndexOf(corrected, StringComparison.Ordinal) < page.IndexOf(original.Citation, StringComparison.Ordinal));
        var archive = await anonymous.GetPageAsync("/Laureates");
        Assert.Contains(corrected, archive);
        Assert.DoesNotContain(original.Citation, archive);
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.CycleId == world.CycleId && a.Action == "publication.correction-published")));
    }

    [Theory, AllProviders]
    public async Task Neither_the_clock_nor_a_move_by_hand_publishes_or_unpublishes(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider));
        await world.QueryAsync(db => db.PhaseSteps.Where(s => s.CycleId == world.CycleId && s.Phase >= CyclePhase.ResultsReview)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddDays(-1))));
        await using (var scope = world.App.Scope())
            await scope.ServiceProvider.GetRequiredService<AdvancePhasesJob>().RunAsync(CancellationToken.None);
        Assert.Equal(CyclePhase.ResultsReview, await world.PhaseAsync());

        using var admin = await world.App.BearerClientAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        using (var forward = await admin.PostAsJsonAsync($"/api/admin/cycles/{world.CycleId}/phase", new { direction = "next", reason = "Steidzami" }))
            Assert.Equal(HttpStatusCode.Conflict, forward.StatusCode);
        Assert.Equal(CyclePhase.ResultsReview, await world.PhaseAsync());

        await world.ReadyAsync();
        Assert.True((await world.PublishAsync()).Succeeded);
        using (var back = await admin.PostAsJsonAsync($"/api/admin/cycles/{world.CycleId}/phase", new { direction = "back", reason = "Kļūda" }))
            Assert.Equal(HttpStatusCode.Conflict, back.StatusCode);
        Assert.Equal(CyclePhase.Published, await world.PhaseAsync());
    }

    [Theory, AllProviders]
    public async Task Without_feedback_in_the_statute_nominees_read_no_jury_comments(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider), feedback: false);
        await world.ReadyAsync();

        Assert.True((await world.PublishAsync()).Succeeded);

        var bauska = world.Representatives[world.Others[0]].Email;
        var mail = await world.QueryAsync(db => db.Outbox.SingleAsync(m => m.ToEmail == bauska));
        Assert.Equal("results-nominee", mail.Purpose);
        Assert.Equal("en", mail.Culture);
        Assert.DoesNotContain(PublicationWorld.CommentOnBauska, mail.TextBody);
        Assert.DoesNotContain("comments", mail.TextBody);
    }

    public sealed record PhotoJson(int Id, string Url);
    public sealed record NomineeJson(int NominationId, string LibraryName, bool IsLaureate, List<PhotoJson> Photos);
    public sealed record AnnouncementJson(NomineeJson Laureate, string Citation, string? CitationEn, List<NomineeJson> Shortlist);
    public sealed record ResultsJson(string Slug, List<AnnouncementJson> Announcements);
    public sealed record LaureateJson(int Year, string LibraryName);
    public sealed record ProblemJson(string? Detail);
}
