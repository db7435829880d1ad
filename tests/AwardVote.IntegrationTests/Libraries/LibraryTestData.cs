using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Support;
using AwardVote.Tests;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Libraries;

/// <summary>Accounts and libraries made straight in the database, each with unique names, for the library tests.</summary>
internal static class LibraryTestData
{
    public const string Password = "Bibliotēka-2026";

    public sealed record Person(string Id, string Email, string DisplayName);

    public static async Task<Person> CreatePersonAsync(AwardVoteApp app, string culture = "lv", string name = "Ilze Lasītāja")
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"person-{Guid.NewGuid():N}@biblioteka.example";
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            PreferredCulture = culture,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        return new Person(user.Id, email, name);
    }

    public static async Task<int> CreateLibraryAsync(AwardVoteApp app, LibraryStatus status, params Person[] representatives)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var library = new Library
        {
            Name = $"Testa bibliotēka {Guid.NewGuid():N}"[..30],
            Region = "Latgale",
            Municipality = "Daugavpils",
            Type = LibraryType.Public,
            RegistrationNumber = UniqueNumber(),
            Status = status,
            RefusalReason = status == LibraryStatus.Refused ? "Nav biedrības biedrs." : null,
            RegisteredAt = DateTimeOffset.UtcNow,
        };
        db.Libraries.Add(library);
        await db.SaveChangesAsync();
        foreach (var person in representatives)
            db.RoleGrants.Add(RoleGrant.Representative(person.Id, library.Id, DateTimeOffset.UtcNow, null));
        await db.SaveChangesAsync();
        return library.Id;
    }

    public static string UniqueNumber() => $"LV-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    public static async Task<Browserless> SignedInAsync(AwardVoteApp app, string email)
    {
        var browser = new Browserless(app);
        await browser.SignInAsync(email, email.EndsWith("@lbb.example", StringComparison.Ordinal) ? DemoSeeder.Password : Password);
        return browser;
    }

    public static Dictionary<string, string> LibraryForm(string name, string registrationNumber) => new()
    {
        ["Input.Name"] = name,
        ["Input.Type"] = nameof(LibraryType.Public),
        ["Input.RegistrationNumber"] = registrationNumber,
        ["Input.Region"] = "Vidzeme",
        ["Input.Municipality"] = "Cēsis",
        ["Input.Address"] = "Raunas iela 4, Cēsis",
        ["Input.Website"] = "www.cesubiblioteka.lv",
        ["Input.Email"] = "info@cesubiblioteka.example",
        ["Input.Phone"] = "+371 64100000",
    };

    public static async Task DeliverOutboxAsync(AwardVoteApp app)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None);
    }

    public static async Task<HttpClient> BearerClientAsync(AwardVoteApp app, string email, string password)
    {
        var client = app.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
