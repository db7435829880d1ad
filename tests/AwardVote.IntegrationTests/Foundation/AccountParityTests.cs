using System.Net;
using System.Net.Http.Json;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Foundation;

/// <summary>The register page and POST /api/auth/register run one use case: the same input, the same answer.</summary>
[Collection(AppsCollection.Name)]
public sealed class AccountParityTests(Apps apps)
{
    private const string Password = "Ozols-Lasa-Grāmatu-7";

    [Theory, AllProviders]
    public async Task A_common_password_is_refused_alike_on_the_page_and_in_the_api(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        using var browser = new Browserless(app);
        using var page = await browser.SubmitFormAsync("/Account/Register", Form($"common-{Guid.NewGuid():N}@biblioteka.example", "Password123!"));
        using var api = await app.CreateClient().PostAsJsonAsync("/api/auth/register", Body($"common-{Guid.NewGuid():N}@biblioteka.example", "Password123!"));

        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, "Šo paroli ir viegli uzminēt: tā veidota no bieži lietotiem vārdiem");
    }

    [Theory, AllProviders]
    public async Task The_api_requires_a_name_and_a_language_as_the_page_does(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var email = $"noname-{Guid.NewGuid():N}@biblioteka.example";
        using var api = await app.CreateClient().PostAsJsonAsync("/api/auth/register",
            new { email, password = Password, confirmPassword = Password });

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var messages = await Parity.ProblemMessagesAsync(api);
        Assert.Contains("Ievadiet savu vārdu.", messages);
        Assert.Contains("Izvēlieties, kādā valodā saņemt e-pasta vēstules.", messages);
        using var german = await app.CreateClient().PostAsJsonAsync("/api/auth/register", Body(email, Password) with { PreferredCulture = "de" });
        Assert.Equal(HttpStatusCode.BadRequest, german.StatusCode);
        Assert.Equal("LanguageNotOffered", await Parity.ProblemCodeAsync(german));
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Email == email));
    }

    [Theory, AllProviders]
    public async Task A_known_address_gets_the_same_answer_as_a_new_one_and_its_owner_a_mail(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var newEmail = $"new-{Guid.NewGuid():N}@biblioteka.example";
        using var client = app.CreateClient();

        using var fresh = await client.PostAsJsonAsync("/api/auth/register", Body(newEmail, Password));
        using var known = await client.PostAsJsonAsync("/api/auth/register", Body(DemoSeeder.AdministratorEmail, Password));
        using var page = await new Browserless(app).SubmitFormAsync("/Account/Register", Form(DemoSeeder.AdministratorEmail, Password));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        Assert.Equal("/Account/RegisterConfirmation", page.Headers.Location?.OriginalString);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == newEmail);
        Assert.Equal("Ilze Bērziņa", user.DisplayName);
        Assert.Equal("en", user.PreferredCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "account.registered" && a.EntityId == user.Id));
        Assert.True(await db.Outbox.AnyAsync(m => m.ToEmail == DemoSeeder.AdministratorEmail && m.Purpose == "account-exists"));
    }

    private sealed record RegisterBody(string DisplayName, string Email, string Password, string ConfirmPassword, string PreferredCulture);

    private static RegisterBody Body(string email, string password) => new("Ilze Bērziņa", email, password, password, "en");

    private static Dictionary<string, string> Form(string email, string password) => new()
    {
        ["Input.DisplayName"] = "Ilze Bērziņa",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
        ["Input.PreferredCulture"] = "lv",
    };
}
