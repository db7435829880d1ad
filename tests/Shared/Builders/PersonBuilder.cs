using AwardVote.Domain.Accounts;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.Tests;

/// <summary>An account the tests made: its id, e-mail and display name.</summary>
public sealed record TestPerson(string Id, string Email, string Name);

/// <summary>
/// An account with a confirmed, unique e-mail and <see cref="Password"/>, reading Latvian, with the roles given:
/// a juror or chair of a cycle's category (a panel seat), a representative of a library, an administrator.
/// </summary>
public sealed class PersonBuilder(string name = "Ilze Lasītāja")
{
    /// <summary>The password of every account the tests make.</summary>
    public const string Password = "Žūrija-Vērtē-2026";

    private readonly List<Func<string, DateTimeOffset, RoleGrant>> _grants = [];
    private string _culture = "lv";
    private int? _homeLibraryId;
    private string _emailPrefix = "person";
    private string _emailDomain = "tests.example";

    public PersonBuilder Culture(string culture)
    {
        _culture = culture;
        return this;
    }

    /// <summary>The library the person works at (conflict-of-interest proposals use it).</summary>
    public PersonBuilder WorksAt(int? libraryId)
    {
        _homeLibraryId = libraryId;
        return this;
    }

    /// <summary>The e-mail's words around its unique part: <paramref name="prefix"/>-hex@<paramref name="domain"/>.</summary>
    public PersonBuilder Email(string prefix, string domain = "tests.example")
    {
        (_emailPrefix, _emailDomain) = (prefix, domain);
        return this;
    }

    public PersonBuilder Juror(int cycleId, int categoryId) => Grant((id, at) => RoleGrant.Juror(id, cycleId, categoryId, at, null));

    /// <summary>The chair's grant only: a chair who also scores holds <see cref="Juror"/> as well.</summary>
    public PersonBuilder Chair(int cycleId, int categoryId) => Grant((id, at) => RoleGrant.Chair(id, cycleId, categoryId, at, null));

    public PersonBuilder Representative(int libraryId) => Grant((id, at) => RoleGrant.Representative(id, libraryId, at, null));

    public PersonBuilder Administrator() => Grant((id, at) => RoleGrant.Administrator(id, at, null));

    public PersonBuilder Grant(Func<string, RoleGrant>? grant) => grant is null ? this : Grant((id, _) => grant(id));

    private PersonBuilder Grant(Func<string, DateTimeOffset, RoleGrant> grant)
    {
        _grants.Add(grant);
        return this;
    }

    public async Task<TestPerson> CreateAsync(AwardVoteApp app)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = Unique.Email(_emailPrefix, _emailDomain);
        var now = DateTimeOffset.UtcNow;
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PreferredCulture = _culture,
            HomeLibraryId = _homeLibraryId, CreatedAt = now,
        };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"The account of {name} was refused: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        if (_grants.Count > 0)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.RoleGrants.AddRange(_grants.Select(grant => grant(user.Id, now)));
            await db.SaveChangesAsync();
        }
        return new TestPerson(user.Id, email, name);
    }
}
