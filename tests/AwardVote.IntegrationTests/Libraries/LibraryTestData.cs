using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;

namespace AwardVote.IntegrationTests.Libraries;

/// <summary>Accounts and libraries made straight in the database, each with unique names, for the library tests.</summary>
internal static class LibraryTestData
{
    public static Task<TestPerson> CreatePersonAsync(AwardVoteApp app, string culture = "lv", string name = "Ilze Lasītāja") =>
        new PersonBuilder(name).Culture(culture).CreateAsync(app);

    public static async Task<int> CreateLibraryAsync(AwardVoteApp app, LibraryStatus status, params TestPerson[] representatives)
    {
        var library = new LibraryBuilder().In("Latgale", "Daugavpils").Status(status);
        if (status == LibraryStatus.Refused)
            library.Refused("Nav biedrības biedrs.");
        var id = (await library.CreateAsync(app)).Id;
        await app.ExecuteAsync(db =>
        {
            db.RoleGrants.AddRange(representatives.Select(person => RoleGrant.Representative(person.Id, id, DateTimeOffset.UtcNow, null)));
            return db.SaveChangesAsync();
        });
        return id;
    }

    public static string UniqueNumber() => Unique.RegistrationNumber("LV");

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
}
