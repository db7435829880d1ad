using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Nominations;

[Collection(AppsCollection.Name)]
public sealed partial class EndorsementAndScreeningTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task An_endorser_writes_a_letter_once_through_the_mailed_link_without_an_account(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Daugavpils bērnu bibliotēka");
        var id = await world.NominationAsync(libraryId);
        using var library = await world.SignedInAsync(email);
        var endorserEmail = $"mere-{Guid.NewGuid():N}@pasvaldiba.example";

        using var asked = await library.SubmitFormAsync($"/Nominations/Endorsements?id={id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Eleonora Kleščinska",
            ["Input.Email"] = endorserEmail,
            ["Input.Organisation"] = "Kultūras pārvalde",
            ["Input.Culture"] = "lv",
        }, $"/Nominations/Endorsements?id={id}&handler=Request");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await world.DeliverMailAsync();
        var request = Assert.Single(await Mailbox.WaitForAsync(endorserEmail));
        Assert.Equal("Daugavpils bērnu bibliotēka lūdz jūsu atbalsta vēstuli", request.Subject);
        var link = new Uri(EndorseLink().Match(request.TextBody ?? "").Value);

        using var endorser = new Browserless(world.App);
        using var sent = await endorser.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Token"] = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!,
            ["Input.Letter"] = "Bibliotēka savieno tradīcijas un inovācijas.",
        }, link.PathAndQuery);
        Assert.Contains("data-testid=\"letter-received\"", await sent.Content.ReadAsStringAsync());

        var endorsement = await world.QueryAsync(db => db.Endorsements.SingleAsync(e => e.NominationId == id));
        Assert.Equal(EndorsementStatus.Received, endorsement.Status);
        Assert.Equal("Bibliotēka savieno tradīcijas un inovācijas.", endorsement.Letter);

        // The link works once.
        var again = await endorser.GetPageAsync(link.PathAndQuery);
        Assert.Contains("Šī saite jau ir izmantota", again);
        Assert.Contains("Saņemta", await library.GetPageAsync($"/Nominations/Endorsements?id={id}"));
    }

    [Theory, AllProviders]
    public async Task Expired_and_made_up_endorsement_links_are_refused(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, _) = await world.LibraryAsync("Viļānu bibliotēka");
        var id = await world.NominationAsync(libraryId);
        var (token, hash) = AwardVote.Infrastructure.Security.OneTimeToken.Create();
        await world.QueryAsync(async db =>
        {
            db.Endorsements.Add(new Endorsement
            {
                NominationId = id, EndorserName = "Vecs Links", EndorserEmail = "old@example.org", TokenHash = hash,
                RequestedAt = DateTimeOffset.UtcNow.AddDays(-40), TokenExpiresAt = DateTimeOffset.UtcNow.AddDays(-10),
            });
            return await db.SaveChangesAsync();
        });
        using var endorser = new Browserless(world.App);

        Assert.Contains("derīguma termiņš ir beidzies", await endorser.GetPageAsync($"/Endorse?token={token}"));
        Assert.Contains("Šī saite nav derīga", await endorser.GetPageAsync($"/Endorse?token={token}x"));
        Assert.Contains("Šī saite nav derīga", await endorser.GetPageAsync("/Endorse"));
        Assert.Equal(EndorsementStatus.Requested, await world.QueryAsync(db => db.Endorsements.Where(e => e.NominationId == id).Select(e => e.Status).SingleAsync()));
    }

    [Theory, AllProviders]
    public async Task Screening_needs_a_reason_to_fail_and_the_library_reads_it_on_the_page_and_in_its_mail(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Kārsavas bibliotēka");
        var id = await world.NominationAsync(libraryId);
        await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NominationStatus.Submitted)));
        using var admin = await new NominationWorld(world.App).SignedInAdministratorAsync();
        var page = $"/Admin/Eligibility?cycleId={world.CycleId}";

        using var withoutReason = await admin.SubmitFormAsync(page, new Dictionary<string, string>
        {
            ["Decision.NominationId"] = id.ToString(), ["Decision.Outcome"] = "Ineligible", ["Decision.Reason"] = "",
        }, "/Admin/Eligibility?handler=Decide");
        Assert.Contains("Norādiet pamatojumu", await withoutReason.Content.ReadAsStringAsync());
        Assert.Equal(EligibilityDecision.NotReviewed, await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Eligibility).SingleAsync()));

        using var decided = await admin.SubmitFormAsync(page, new Dictionary<string, string>
        {
            ["Decision.NominationId"] = id.ToString(), ["Decision.Outcome"] = "Ineligible", ["Decision.Reason"] = "Nav publiskā bibliotēka",
        }, "/Admin/Eligibility?handler=Decide");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        using var library = await world.SignedInAsync(email);
        Assert.Contains("Nav publiskā bibliotēka", await library.GetPageAsync("/Nominations"));
        await world.DeliverMailAsync();
        var mail = Assert.Single(await Mailbox.WaitForAsync(email));
        Assert.Equal("Kārsavas bibliotēkas pieteikums neatbilst nolikumam", mail.Subject);
        Assert.Contains("Nav publiskā bibliotēka", mail.TextBody);
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "nomination.eligibility-decided" && a.EntityId == id.ToString())));
    }

    [Theory, AllProviders]
    public async Task Only_administrators_screen_nominations(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (_, email) = await world.LibraryAsync("Zilupes bibliotēka");
        using var library = await world.SignedInAsync(email);

        using var response = await library.Http.GetAsync("/Admin/Eligibility");

        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Theory, AllProviders]
    public async Task A_library_nominated_by_another_is_told_and_the_nomination_counts_after_it_confirms(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (nominatorId, nominatorEmail) = await world.LibraryAsync("Jēkabpils bibliotēka");
        var (nomineeId, nomineeEmail) = await world.LibraryAsync("Aknīstes bibliotēka", culture: "en");
        using var nominator = await world.SignedInAsync(nominatorEmail);

        using var started = await nominator.SubmitFormAsync("/Nominations", new Dictionary<string, string>
        {
            ["Start.CycleCategory"] = $"{world.CycleId}:{world.CategoryId}",
            ["Start.ActingLibraryId"] = nominatorId.ToString(),
            ["Start.NomineeLibraryId"] = nomineeId.ToString(),
        }, "/Nominations?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var nomination = await world.QueryAsync(db => db.Nominations.SingleAsync(n => n.LibraryId == nomineeId));
        Assert.Equal(NominationStatus.AwaitingNomineeConfirmation, nomination.Status);
        Assert.Equal(nominatorId, nomination.NominatedByLibraryId);

        await world.DeliverMailAsync();
        Assert.Equal("Jēkabpils bibliotēka nominated your library", Assert.Single(await Mailbox.WaitForAsync(nomineeEmail)).Subject);

        // The nominating library cannot write the nominee's nomination.
        using var nominatorEdit = await nominator.Http.GetAsync($"/Nominations/Edit?id={nomination.Id}");
        Assert.StartsWith("/Account/AccessDenied", nominatorEdit.Headers.Location!.PathAndQuery);

        using var nominee = await world.SignedInAsync(nomineeEmail);
        using var confirmed = await nominee.SubmitFormAsync("/Nominations", new Dictionary<string, string>
        {
            ["id"] = nomination.Id.ToString(), ["accept"] = "true",
        }, "/Nominations?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var after = await world.QueryAsync(db => db.Nominations.SingleAsync(n => n.Id == nomination.Id));
        Assert.Equal(NominationStatus.Draft, after.Status);
        Assert.NotNull(after.NomineeConfirmedAt);
    }

    [GeneratedRegex(@"http://\S+/Endorse\?\S+")]
    private static partial Regex EndorseLink();
}
