using System.Net;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AwardVote.IntegrationTests.Libraries.LibraryTestData;

namespace AwardVote.IntegrationTests.Libraries;

[Collection(AppsCollection.Name)]
public sealed class RegistrationTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Registering_makes_a_pending_library_with_the_person_as_representative_and_an_audit_entry(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await CreatePersonAsync(app);
        using var browser = await app.SignedInAsync(person.Email);
        var number = UniqueNumber();

        using var response = await browser.SubmitFormAsync("/Libraries/Register", LibraryForm("Cēsu Centrālā bibliotēka", number));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Libraries?registered=", response.Headers.Location!.OriginalString);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var library = await db.Libraries.SingleAsync(l => l.RegistrationNumber == number);
            Assert.Equal(LibraryStatus.PendingApproval, library.Status);
            Assert.Equal("https://www.cesubiblioteka.lv", library.Website);
            var grant = await db.RoleGrants.SingleAsync(g => g.LibraryId == library.Id);
            Assert.Equal(person.Id, grant.UserId);
            Assert.Equal(ScopedRole.LibraryRepresentative, grant.Role);
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "library.registered" && a.EntityId == library.Id.ToString());
            Assert.Equal(person.Id, audit.ActorUserId);
            Assert.Contains("PendingApproval", audit.After);
        }

        var mine = await browser.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Contains("Cēsu Centrālā bibliotēka", mine);
        Assert.Contains("Gaida apstiprinājumu", mine);
        Assert.Contains("data-testid=\"registered-notice\"", mine);
    }

    [Theory, AllProviders]
    public async Task Registering_needs_a_signed_in_account(DatabaseProvider provider)
    {
        using var browser = new Browserless(apps.Get(provider));

        using var response = await browser.Http.GetAsync("/Libraries/Register");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login?ReturnUrl=%2FLibraries%2FRegister", response.Headers.Location!.PathAndQuery);
    }

    [Theory, AllProviders]
    public async Task A_taken_registration_number_gives_a_Latvian_error_and_keeps_what_was_typed(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var first = await CreatePersonAsync(app);
        var existingId = await CreateLibraryAsync(app, LibraryStatus.Approved, first);
        string number;
        await using (var scope = app.Scope())
            number = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Libraries.SingleAsync(l => l.Id == existingId)).RegistrationNumber;
        var second = await CreatePersonAsync(app);
        using var browser = await app.SignedInAsync(second.Email);

        // The same number as typed by someone else: lower case, spaces around.
        using var response = await browser.SubmitFormAsync("/Libraries/Register",
            LibraryForm("Otrā bibliotēka ar to pašu numuru", $"  {number.ToLowerInvariant()} "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Bibliotēka ar šo reģistrācijas numuru jau ir reģistrēta.", page);
        Assert.Contains("value=\"Otrā bibliotēka ar to pašu numuru\"", page);
        Assert.Contains("value=\"Raunas iela 4, Cēsis\"", page);
        Assert.Contains("64100000\"", page);
        await using var check = app.Scope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Libraries.CountAsync(l => l.RegistrationNumber == number));
        Assert.False(await db.RoleGrants.AnyAsync(g => g.UserId == second.Id));
    }

    [Theory, AllProviders]
    public async Task Lengths_beyond_the_database_columns_are_form_errors(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await CreatePersonAsync(app);
        using var browser = await app.SignedInAsync(person.Email);
        var form = LibraryForm(new string('B', 301), UniqueNumber());

        using var response = await browser.SubmitFormAsync("/Libraries/Register", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bibliotēkas nosaukums ir pārāk garš.", await response.Content.ReadAsStringAsync());
    }

    [Theory, AllProviders]
    public async Task Html_in_the_library_name_is_kept_as_text_and_shown_encoded(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await CreatePersonAsync(app);
        using var browser = await app.SignedInAsync(person.Email);
        const string name = "<script>alert('x')</script><b>Bibliotēka</b>";
        var number = UniqueNumber();

        using var _ = await browser.SubmitFormAsync("/Libraries/Register", LibraryForm(name, number));

        int id;
        await using (var scope = app.Scope())
        {
            var library = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Libraries.SingleAsync(l => l.RegistrationNumber == number);
            Assert.Equal(name, library.Name);
            id = library.Id;
        }
        var mine = await browser.GetPageAsync("/Libraries");
        Assert.DoesNotContain("<script>alert", mine);
        Assert.DoesNotContain("<b>Bibliotēka</b>", mine);
        Assert.Contains("&lt;script&gt;alert(", mine);
        Assert.Contains("&lt;b&gt;Bibliotēka&lt;/b&gt;", mine);

        using var admin = await app.SignedInAsync(DemoSeeder.AdministratorEmail);
        var review = await admin.GetPageAsync($"/Admin/Libraries/Review?id={id}");
        Assert.DoesNotContain("<script>alert", review);
        Assert.Contains("&lt;script&gt;", review);
        var list = await admin.GetPageAsync("/Admin/Libraries?status=PendingApproval");
        Assert.DoesNotContain("<script>alert", list);
    }
}
