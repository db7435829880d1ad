using AwardVote.Infrastructure.Demo;

namespace AwardVote.IntegrationTests.Support;

/// <summary>A <see cref="Browserless"/> signed in: as an account the tests made, as a demo account, or as the administrator.</summary>
public static class SignIn
{
    /// <summary>Signs in with the demo password for the demo's accounts, the tests' password for the rest.</summary>
    public static async Task<Browserless> SignedInAsync(this AwardVoteApp app, string email, string? password = null)
    {
        var browser = new Browserless(app);
        await browser.SignInAsync(email, password ?? TestApp.PasswordOf(email));
        return browser;
    }

    public static Task<Browserless> SignedInAsync(this AwardVoteApp app, TestPerson person) => app.SignedInAsync(person.Email);

    /// <summary>The demo's administrator.</summary>
    public static Task<Browserless> SignedInAdministratorAsync(this AwardVoteApp app) => app.SignedInAsync(DemoSeeder.AdministratorEmail);

    public static Task<Browserless> SignedInAsync(this TestWorld world, string email) => world.App.SignedInAsync(email);

    public static Task<Browserless> SignedInAsync(this TestWorld world, TestPerson person) => world.App.SignedInAsync(person.Email);

    public static Task<Browserless> SignedInAdministratorAsync(this TestWorld world) => world.App.SignedInAdministratorAsync();
}
