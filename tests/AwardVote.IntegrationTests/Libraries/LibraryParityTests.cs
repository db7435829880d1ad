using System.Net;
using System.Net.Http.Json;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using static AwardVote.IntegrationTests.Libraries.LibraryTestData;

namespace AwardVote.IntegrationTests.Libraries;

/// <summary>The library pages and the API run the same use cases: the same input is refused the same way on both.</summary>
[Collection(AppsCollection.Name)]
public sealed class LibraryParityTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Registering_a_taken_number_in_an_unknown_region_is_refused_alike(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await CreatePersonAsync(app);
        var taken = UniqueNumber();
        await CreateLibraryAsync(app, LibraryStatus.Approved);
        using (var first = await (await app.BearerClientAsync(person.Email)).PostAsJsonAsync("/api/libraries",
                   new { name = "Alūksnes bibliotēka", region = "Vidzeme", type = "Public", registrationNumber = taken }))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var browser = await app.SignedInAsync(person.Email);
        var form = LibraryForm("Apes bibliotēka", taken.ToLowerInvariant() + " ");
        form["Input.Region"] = "Atlantīda";
        using var page = await browser.SubmitFormAsync("/Libraries/Register", form);
        using var client = await app.BearerClientAsync(person.Email);
        using var api = await client.PostAsJsonAsync("/api/libraries",
            new { name = "Apes bibliotēka", region = "Atlantīda", type = "Public", registrationNumber = taken.ToLowerInvariant() + " " });

        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, "Izvēlieties reģionu no saraksta.");
        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest,
            "Bibliotēka ar šo reģistrācijas numuru jau ir reģistrēta. Ja tā ir jūsu bibliotēka, palūdziet tās pārstāvim jūs uzaicināt.");
        Assert.Equal("RegionNotInList", await Parity.ProblemCodeAsync(api));
    }

    [Theory, AllProviders]
    public async Task Refusing_a_library_without_a_reason_is_refused_alike(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var id = await CreateLibraryAsync(app, LibraryStatus.PendingApproval);
        using var browser = await app.SignedInAsync(DemoSeeder.AdministratorEmail);
        using var page = await browser.SubmitFormAsync($"/Admin/Libraries/Review?id={id}", new Dictionary<string, string> { ["Reason"] = " " },
            $"/Admin/Libraries/Review?id={id}&handler=Refuse");
        using var admin = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);
        using var api = await admin.PostAsJsonAsync($"/api/admin/libraries/{id}/refuse", new { reason = " " });

        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest,
            "Ierakstiet noraidījuma iemeslu: bibliotēkas pārstāvji to izlasīs.");
    }

    [Theory, AllProviders]
    public async Task Inviting_a_present_representative_is_refused_alike_and_a_pending_library_may_not_invite(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var representative = await CreatePersonAsync(app);
        var colleague = await CreatePersonAsync(app);
        var approved = await CreateLibraryAsync(app, LibraryStatus.Approved, representative, colleague);
        var pending = await CreateLibraryAsync(app, LibraryStatus.PendingApproval, representative);
        using var browser = await app.SignedInAsync(representative.Email);
        using var client = await app.BearerClientAsync(representative.Email);

        using var page = await browser.SubmitFormAsync($"/Libraries/Invite?id={approved}",
            new Dictionary<string, string> { ["Input.Name"] = "Kolēģe", ["Input.Email"] = colleague.Email });
        using var api = await client.PostAsJsonAsync($"/api/libraries/{approved}/invitations", new { name = "Kolēģe", email = colleague.Email });
        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, "Šī persona jau pārstāv bibliotēku.");

        using var invited = await client.PostAsJsonAsync($"/api/libraries/{approved}/invitations",
            new { name = "Jaunā kolēģe", email = $"jauna-{Guid.NewGuid():N}@biblioteka.example" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);

        using var forbidden = await client.PostAsJsonAsync($"/api/libraries/{pending}/invitations", new { name = "Kolēģe", email = "x@biblioteka.example" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var forbiddenPage = await browser.Http.GetAsync($"/Libraries/Invite?id={pending}");
        Assert.StartsWith("/Account/AccessDenied", forbiddenPage.Headers.Location!.PathAndQuery);
    }
}
