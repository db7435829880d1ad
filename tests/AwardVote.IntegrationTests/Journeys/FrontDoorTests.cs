using System.Net;
using AwardVote.Application;
using AwardVote.Application.Libraries;
using AwardVote.Application.Nominations;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Journeys;

/// <summary>
/// Issue 16, item 7: the home and cycle pages lead a librarian to the next step (account → library → approval →
/// nomination); a library awaiting approval writes its draft but neither submits nor mails outsiders; the association
/// hears of every new library.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class FrontDoorTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task The_cycle_page_and_the_home_page_show_the_steps_the_deadline_and_the_readers_next_step(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var closes = DateTimeOffset.UtcNow.AddDays(30);
        var cycle = await new CycleBuilder().Titled("Durvju cikls", "Front door cycle").Slug("door").InPhase(CyclePhase.NominationsOpen)
            .Timeline(open: -1).Starts(CyclePhase.EligibilityReview, closes).CreateAsync(app);
        var page = $"/Cycles/{cycle.Slug}";

        using var stranger = new Browserless(app);
        var anonymous = await stranger.GetPageAsync(page);
        Assert.Contains("Kā pieteikt savu bibliotēku", anonymous);
        Assert.Contains("Pieteikumu var iesniegt līdz", anonymous);
        Assert.Contains(MailTexts.LocalTime(closes, cycle.TimeZone), anonymous.Replace("&#x2B;", "+"));
        Assert.Matches("href=\"/Account/Register\\?returnUrl=[^\"]*\" data-testid=\"next-step\"", anonymous);
        Assert.Contains("data-testid=\"how-to-nominate\"", await stranger.GetPageAsync("/"));

        var newcomer = await new PersonBuilder("Jauna Bibliotekāre").CreateAsync(app);
        using (var browser = await app.SignedInAsync(newcomer))
            Assert.Contains("href=\"/Libraries/Register\" data-testid=\"next-step\"", await browser.GetPageAsync(page));

        var pending = await new LibraryBuilder("Gaidošā bibliotēka").Status(LibraryStatus.PendingApproval).CreateAsync(app);
        var waiting = await new PersonBuilder("Gaidītāja").Representative(pending.Id).CreateAsync(app);
        using (var browser = await app.SignedInAsync(waiting))
        {
            var html = await browser.GetPageAsync(page);
            Assert.Contains("Bibliotēka: Gaidošā bibliotēka — gaida biedrības apstiprinājumu.", html);
            Assert.Contains("href=\"/Nominations\" data-testid=\"next-step\"", html);
        }

        var approved = await new LibraryBuilder("Apstiprinātā bibliotēka").CreateAsync(app);
        var representative = await new PersonBuilder("Pārstāve").Representative(approved.Id).CreateAsync(app);
        var draft = await new NominationBuilder(cycle).Of(approved.Id).CreateAsync(app);
        using (var browser = await app.SignedInAsync(representative))
            Assert.Contains($"href=\"/Nominations/Edit?id={draft.Id}\" data-testid=\"next-step\"", await browser.GetPageAsync(page));
    }

    [Theory, AllProviders]
    public async Task A_library_awaiting_approval_writes_its_draft_but_submits_and_asks_for_letters_only_once_approved(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await new CycleBuilder().Titled("Melnrakstu cikls").Slug("drafts").InPhase(CyclePhase.NominationsOpen)
            .WithoutCriteria().Timeline(open: -1, review: 30).CreateAsync(app);
        var library = await new LibraryBuilder("Jaunā bibliotēka").Status(LibraryStatus.PendingApproval).CreateAsync(app);
        var person = await new PersonBuilder("Jaunā pārstāve").Representative(library.Id).CreateAsync(app);
        var other = await new LibraryBuilder("Kaimiņu bibliotēka").CreateAsync(app);
        using var browser = await app.SignedInAsync(person);
        var category = cycle.Categories[0].Id;

        Assert.Contains("data-testid=\"pending-hint\"", await browser.GetPageAsync("/Nominations"));
        using (var started = await browser.SubmitFormAsync("/Nominations", new Dictionary<string, string>
               {
                   ["Start.CycleCategory"] = $"{cycle.Id}:{category}", ["Start.ActingLibraryId"] = library.Id.ToString(), ["Start.NomineeLibraryId"] = "",
               }, "/Nominations?handler=Start"))
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var nomination = await app.QueryAsync(db => db.Nominations.SingleAsync(n => n.LibraryId == library.Id && n.CycleId == cycle.Id));
        Assert.Equal(NominationStatus.Draft, nomination.Status);
        var edit = await browser.GetPageAsync($"/Nominations/Edit?id={nomination.Id}");
        Assert.Contains("data-testid=\"submit\"", edit);

        await app.ExecuteAsync(db => db.Nominations.Where(n => n.Id == nomination.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.PublicSummary, "Kopsavilkums").SetProperty(n => n.Achievements, "Sasniegumi")));
        var version = await app.QueryAsync(db => db.Nominations.Where(n => n.Id == nomination.Id).Select(n => n.Version).SingleAsync());
        var submit = await app.InScopeAsync(s => s.GetRequiredService<SubmitNomination>().RunAsync(nomination.Id, version, CancellationToken.None));
        Assert.Equal(RefusalCode.LibraryAwaitsApproval, submit.FirstRefusal!.Code);
        var letter = await app.InScopeAsync(s => s.GetRequiredService<RequestEndorsement>().RunAsync(nomination.Id, person.Id,
            new RequestEndorsementInput { Name = "Kāds", Email = "kads@tests.example" }, CancellationToken.None));
        Assert.Equal(RefusalCode.LibraryAwaitsApproval, letter.FirstRefusal!.Code);
        // Nominating another library mails it: that waits for approval too.
        var byPending = await app.InScopeAsync(s => s.GetRequiredService<StartNomination>().RunAsync(cycle.Id, person.Id,
            new StartNominationInput { CategoryId = category, ActingLibraryId = library.Id, NomineeLibraryId = other.Id }, CancellationToken.None));
        Assert.Equal(RefusalCode.ActingLibraryNotApproved, byPending.FirstRefusal!.Code);
        Assert.Equal(NominationStatus.Draft, await app.QueryAsync(db => db.Nominations.Where(n => n.Id == nomination.Id).Select(n => n.Status).SingleAsync()));

        await app.ExecuteAsync(db => db.Libraries.Where(x => x.Id == library.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, LibraryStatus.Approved)));
        var approved = await app.InScopeAsync(s => s.GetRequiredService<SubmitNomination>().RunAsync(nomination.Id, version, CancellationToken.None));
        Assert.True(approved.Succeeded);
    }

    [Theory, AllProviders]
    public async Task A_refused_library_and_a_rival_write_nothing(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await new CycleBuilder().Titled("Sānceļu cikls").Slug("rival").InPhase(CyclePhase.NominationsOpen)
            .WithoutCriteria().Timeline(open: -1, review: 30).CreateAsync(app);
        var refused = await new LibraryBuilder("Noraidītā bibliotēka").Refused("Nav biedre").CreateAsync(app);
        var refusedPerson = await new PersonBuilder("Noraidītā pārstāve").Representative(refused.Id).CreateAsync(app);
        var pending = await new LibraryBuilder("Gaidošā konkurente").Status(LibraryStatus.PendingApproval).CreateAsync(app);
        var rival = await new PersonBuilder("Konkurente").Representative(pending.Id).CreateAsync(app);
        var victim = await new LibraryBuilder("Cietušā bibliotēka").Status(LibraryStatus.PendingApproval).CreateAsync(app);
        var victimDraft = await new NominationBuilder(cycle).Of(victim.Id).CreateAsync(app);
        var category = cycle.Categories[0].Id;

        using (var browser = await app.SignedInAsync(refusedPerson))
        {
            using var start = await browser.SubmitFormAsync("/Nominations", new Dictionary<string, string>
            {
                ["Start.CycleCategory"] = $"{cycle.Id}:{category}", ["Start.ActingLibraryId"] = refused.Id.ToString(), ["Start.NomineeLibraryId"] = "",
            }, "/Nominations?handler=Start");
            Assert.DoesNotContain("/Nominations/Edit", start.Headers.Location?.OriginalString ?? "");
        }
        var direct = await app.InScopeAsync(s => s.GetRequiredService<StartNomination>().RunAsync(cycle.Id, refusedPerson.Id,
            new StartNominationInput { CategoryId = category, ActingLibraryId = refused.Id }, CancellationToken.None));
        Assert.False(direct.Succeeded);
        Assert.False(await app.QueryAsync(db => db.Nominations.AnyAsync(n => n.LibraryId == refused.Id)));

        using var rivalBrowser = await app.SignedInAsync(rival);
        using var peek = await rivalBrowser.Http.GetAsync($"/Nominations/Edit?id={victimDraft.Id}");
        Assert.NotEqual(HttpStatusCode.OK, peek.StatusCode);
        // A made-up acting library the rival does not represent.
        using var squat = await rivalBrowser.SubmitFormAsync("/Nominations", new Dictionary<string, string>
        {
            ["Start.CycleCategory"] = $"{cycle.Id}:{category}", ["Start.ActingLibraryId"] = victim.Id.ToString(), ["Start.NomineeLibraryId"] = "",
        }, "/Nominations?handler=Start");
        Assert.False(await app.QueryAsync(db => db.Nominations.AnyAsync(n => n.LibraryId == victim.Id && n.Id != victimDraft.Id)));
    }

    [Theory, AllProviders]
    public async Task Registering_a_library_mails_the_administrators_a_link_to_its_review(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder("Reģistrētāja Liepa").CreateAsync(app);
        var english = await new PersonBuilder("Admin English").Culture("en").Administrator().CreateAsync(app);
        var number = Unique.Slug("LV", 20).ToUpperInvariant();
        var outcome = await app.InScopeAsync(s => s.GetRequiredService<RegisterLibrary>().RunAsync(person.Id,
            new RegisterLibraryInput { Name = "Svētes bibliotēka", Region = "Zemgale", RegistrationNumber = number }, CancellationToken.None));

        Assert.True(outcome.Succeeded);
        var id = outcome.Value!.Id;
        var mails = await app.QueryAsync(db => db.Outbox.Where(m => m.Purpose == "library-registered" && m.DeduplicationKey.Contains($":{id}:")).ToListAsync());
        var latvian = mails.Single(m => m.ToEmail == DemoSeeder.AdministratorEmail);
        Assert.Equal("Bibliotēka gaida apstiprinājumu: Svētes bibliotēka", latvian.Subject);
        Assert.Contains($"/Admin/Libraries/Review?id={id}", latvian.TextBody);
        Assert.Contains("Reģistrēja: Reģistrētāja Liepa", latvian.TextBody);
        Assert.StartsWith("A library awaits approval", mails.Single(m => m.ToEmail == english.Email).Subject);
        Assert.DoesNotContain(mails, m => m.ToEmail == person.Email);
    }
}
