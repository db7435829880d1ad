using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AwardVote.IntegrationTests.Libraries.LibraryTestData;

namespace AwardVote.IntegrationTests.Libraries;

[Collection(AppsCollection.Name)]
public sealed class LibraryApiTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Register_list_and_decide_through_the_api_with_bearer_tokens(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await CreatePersonAsync(app, "en", "Api Person");
        using var client = await app.BearerClientAsync(person.Email, PersonBuilder.Password);
        var number = UniqueNumber();
        var body = new { name = "Valkas novada bibliotēka", region = "Vidzeme", type = "Public", registrationNumber = number };

        using var created = await client.PostAsJsonAsync("/api/libraries", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // The same number again: a 400 problem with the Latvian message (Latvian is the default language).
        using var duplicate = await client.PostAsJsonAsync("/api/libraries", body);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var problem = await duplicate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Bibliotēka ar šo reģistrācijas numuru jau ir reģistrēta.",
            problem.GetProperty("errors").GetProperty("registrationNumber")[0].GetString());

        using var invalid = await client.PostAsJsonAsync("/api/libraries?culture=en", new { name = "", region = "Atlantis", registrationNumber = "X" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Enter the name of the library.", errors.GetProperty("name")[0].GetString());

        var mine = await client.GetFromJsonAsync<JsonElement>("/api/libraries/mine");
        var row = Assert.Single(mine.EnumerateArray());
        Assert.Equal(id, row.GetProperty("id").GetInt32());
        Assert.Equal("PendingApproval", row.GetProperty("status").GetString());

        // A representative is not an administrator.
        using var forbidden = await client.PostAsync($"/api/admin/libraries/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var anonymous = await app.CreateClient().PostAsync($"/api/admin/libraries/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var admin = await app.BearerClientAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var pending = await admin.GetFromJsonAsync<JsonElement>("/api/admin/libraries?status=PendingApproval");
        Assert.Contains(pending.EnumerateArray(), l => l.GetProperty("id").GetInt32() == id);
        Assert.All(pending.EnumerateArray(), l => Assert.Equal("PendingApproval", l.GetProperty("status").GetString()));

        using var noReason = await admin.PostAsJsonAsync($"/api/admin/libraries/{id}/refuse", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        using var approved = await admin.PostAsync($"/api/admin/libraries/{id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        using var twice = await admin.PostAsync($"/api/admin/libraries/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(LibraryStatus.Approved, (await db.Libraries.SingleAsync(l => l.Id == id)).Status);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "library.approved" && a.EntityId == id.ToString()));
        await app.DeliverMailAsync();
        var mail = Assert.Single(await Mailbox.WaitForAsync(person.Email));
        Assert.Equal("Your library is approved in LBB", mail.Subject);
    }
}
