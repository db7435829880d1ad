using System.Net;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AwardVote.IntegrationTests.Libraries.LibraryTestData;

namespace AwardVote.IntegrationTests.Libraries;

[Collection(AppsCollection.Name)]
public sealed class ReviewTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Only_an_administrator_may_open_the_review_or_decide(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var representative = await CreatePersonAsync(app);
        var id = await CreateLibraryAsync(app, LibraryStatus.PendingApproval, representative);

        using var anonymous = new Browserless(app);
        using var anonymousResponse = await anonymous.Http.GetAsync($"/Admin/Libraries/Review?id={id}");
        Assert.StartsWith("/Account/Login", anonymousResponse.Headers.Location!.PathAndQuery);

        using var browser = await app.SignedInAsync(representative.Email);
        using var page = await browser.Http.GetAsync($"/Admin/Libraries/Review?id={id}");
        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery);
        using var list = await browser.Http.GetAsync("/Admin/Libraries");
        Assert.StartsWith("/Account/AccessDenied", list.Headers.Location!.PathAndQuery);
        // A hand-made post with a valid anti-forgery token: the server refuses it, not just the missing button.
        using var approve = await browser.SubmitFormAsync("/Libraries", new Dictionary<string, string>(),
            $"/Admin/Libraries/Review?id={id}&handler=Approve");
        Assert.StartsWith("/Account/AccessDenied", approve.Headers.Location!.PathAndQuery);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(LibraryStatus.PendingApproval, (await db.Libraries.SingleAsync(l => l.Id == id)).Status);
        }

        using var admin = await app.SignedInAsync(DemoSeeder.AdministratorEmail);
        using var approved = await admin.SubmitFormAsync($"/Admin/Libraries/Review?id={id}", new Dictionary<string, string>(),
            $"/Admin/Libraries/Review?id={id}&handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await using var check = app.Scope();
        var checkDb = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(LibraryStatus.Approved, (await checkDb.Libraries.SingleAsync(l => l.Id == id)).Status);
        var audit = await checkDb.AuditEntries.SingleAsync(a => a.Action == "library.approved" && a.EntityId == id.ToString());
        Assert.Contains("PendingApproval", audit.Before);
        Assert.Contains("Approved", audit.After);
    }

    [Theory, AllProviders]
    public async Task Refusal_needs_a_reason_and_each_representative_reads_it_by_mail_in_their_language(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var latvian = await CreatePersonAsync(app, "lv", "Inga Bērziņa");
        var english = await CreatePersonAsync(app, "en", "Anna Smith");
        var id = await CreateLibraryAsync(app, LibraryStatus.PendingApproval, latvian, english);
        using var admin = await app.SignedInAsync(DemoSeeder.AdministratorEmail);
        var reviewUrl = $"/Admin/Libraries/Review?id={id}";

        using var withoutReason = await admin.SubmitFormAsync(reviewUrl, new Dictionary<string, string> { ["Reason"] = "   " },
            $"{reviewUrl}&handler=Refuse");

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("Ierakstiet noraidījuma iemeslu", await withoutReason.Content.ReadAsStringAsync());
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(LibraryStatus.PendingApproval, (await db.Libraries.SingleAsync(l => l.Id == id)).Status);
            Assert.False(await db.Outbox.AnyAsync(m => m.ToEmail == latvian.Email || m.ToEmail == english.Email));
        }

        const string reason = "Bibliotēka nav LBB biedre; lūdzam vispirms iestāties biedrībā.";
        using var refused = await admin.SubmitFormAsync(reviewUrl, new Dictionary<string, string> { ["Reason"] = reason },
            $"{reviewUrl}&handler=Refuse");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var library = await db.Libraries.SingleAsync(l => l.Id == id);
            Assert.Equal(LibraryStatus.Refused, library.Status);
            Assert.Equal(reason, library.RefusalReason);
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "library.refused" && a.EntityId == id.ToString());
            Assert.Contains("PendingApproval", audit.Before);
            Assert.Contains("Refused", audit.After);
            Assert.Equal(reason, audit.Reason);
        }

        await app.DeliverMailAsync();
        var latvianMail = Assert.Single(await Mailbox.WaitForAsync(latvian.Email));
        Assert.Equal("Jūsu bibliotēkas reģistrācija LBB sistēmā ir noraidīta", latvianMail.Subject);
        Assert.Contains("Iemesls: " + reason, latvianMail.TextBody);
        Assert.Contains("Labdien, Inga Bērziņa!", latvianMail.TextBody);
        var englishMail = Assert.Single(await Mailbox.WaitForAsync(english.Email));
        Assert.Equal("Your library's registration in LBB was refused", englishMail.Subject);
        Assert.Contains("Reason: " + reason, englishMail.TextBody);

        // The representative sees the reason on their own page, and a refused library cannot be refused again.
        using var representative = await app.SignedInAsync(latvian.Email);
        Assert.Contains(reason, await representative.GetPageAsync("/Libraries"));
        using var again = await admin.SubmitFormAsync(reviewUrl, new Dictionary<string, string> { ["Reason"] = "Vēlreiz." },
            $"{reviewUrl}&handler=Refuse");
        Assert.Contains("Šāds lēmums nav iespējams", await again.Content.ReadAsStringAsync());
    }

    [Theory, AllProviders]
    public async Task The_list_shows_waiting_libraries_first_and_finds_them_by_name(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await CreatePersonAsync(app);
        var pendingId = await CreateLibraryAsync(app, LibraryStatus.PendingApproval, person);
        string name;
        await using (var scope = app.Scope())
            name = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Libraries.SingleAsync(l => l.Id == pendingId)).Name;
        using var admin = await app.SignedInAsync(DemoSeeder.AdministratorEmail);

        var all = await admin.GetPageAsync("/Admin/Libraries");
        var found = await admin.GetPageAsync($"/Admin/Libraries?search={Uri.EscapeDataString(name.ToUpperInvariant())}");

        // Demo libraries are approved; a waiting one comes before all of them.
        Assert.True(all.IndexOf($"library-row-{pendingId}", StringComparison.Ordinal) < all.IndexOf("Latgales Centrālā bibliotēka", StringComparison.Ordinal));
        Assert.Contains($"library-row-{pendingId}", found);
        Assert.DoesNotContain("Latgales Centrālā bibliotēka", found);
    }
}
