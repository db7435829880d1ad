using AwardVote.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.UnitTests.Accounts;

public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("Password123!")]
    [InlineData("Qwerty12345")]
    [InlineData("Parole2026")]
    [InlineData("2026-Biblioteka!")]
    [InlineData("1234567890")]
    // The issue's: a repeated letter, a season and year, a library word, the README's demo password, and the same
    // words with Latvian marks, which zxcvbn's dictionaries do not hold.
    [InlineData("Aaaaaaaaa1")]
    [InlineData("Summer2026!")]
    [InlineData("Bibliotekas1")]
    [InlineData("Demo-Parole-2026")]
    [InlineData("Bibliotēka2026!")]
    [InlineData("Vasara2026!")]
    public async Task Common_passwords_are_refused_even_when_they_pass_the_character_rules(string password)
    {
        var result = await Validate(password, "anna.berzina@biblioteka.example");

        Assert.False(result.Succeeded);
        Assert.Equal(CommonPasswordValidator<TestUser>.Code, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task A_password_made_of_the_e_mail_name_is_refused() =>
        Assert.False((await Validate("Berzina-Anna-77", "berzina@lbb.example")).Succeeded);

    [Theory]
    [InlineData("Gulbene-Lasa-2026")]
    [InlineData("Pūce-Lasa-Naktī-2026")]
    [InlineData("correct horse battery staple")]
    public async Task Uncommon_passwords_pass(string password) =>
        Assert.True((await Validate(password, "anna@lbb.example")).Succeeded);

    private static Task<IdentityResult> Validate(string password, string email) =>
        new CommonPasswordValidator<TestUser>(new IdentityErrorDescriber()).ValidateAsync(new EmailOnlyManager(email), new TestUser(), password);

    public sealed class TestUser;

    /// <summary>The validator asks the manager only for the e-mail address.</summary>
    private sealed class EmailOnlyManager(string email) : UserManager<TestUser>(new EmailStore(email), null!, null!, null!, null!, null!, null!, null!, null!);

    private sealed class EmailStore(string email) : IUserEmailStore<TestUser>
    {
        public Task<string?> GetEmailAsync(TestUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(email);
        public Task SetEmailAsync(TestUser user, string? email, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> GetEmailConfirmedAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task SetEmailConfirmedAsync(TestUser user, bool confirmed, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<TestUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<string?> GetNormalizedEmailAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task SetNormalizedEmailAsync(TestUser user, string? normalizedEmail, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<string> GetUserIdAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<string?> GetUserNameAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task SetUserNameAsync(TestUser user, string? userName, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<string?> GetNormalizedUserNameAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task SetNormalizedUserNameAsync(TestUser user, string? normalizedName, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IdentityResult> CreateAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IdentityResult> UpdateAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IdentityResult> DeleteAsync(TestUser user, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<TestUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<TestUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => throw new NotSupportedException();
        public void Dispose() { }
    }
}
