using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Nominations;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static AwardVote.IntegrationTests.Libraries.LibraryTestData;

namespace AwardVote.IntegrationTests.Libraries;

/// <summary>
/// A library's name in the case its Latvian sentence needs, in mails and on pages: the forms the person registering it
/// gave, or the proposal (also for libraries registered before the forms were kept); English keeps the name as is.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class LibraryNameFormsTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task The_register_page_proposes_the_forms_for_the_person_to_check(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        using var browser = await app.SignedInAsync(await CreatePersonAsync(app));

        using var proposed = await browser.SubmitFormAsync("/Libraries/Register",
            LibraryForm("Latgales Centrālā bibliotēka", UniqueNumber()), "/Libraries/Register?handler=Propose");
        var page = await proposed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        Assert.Equal("Latgales Centrālās bibliotēkas", Browserless.InputValue(page, "Input.NameGenitive"));
        Assert.Equal("Latgales Centrālajai bibliotēkai", Browserless.InputValue(page, "Input.NameDative"));
        Assert.Equal("Latgales Centrālo bibliotēku", Browserless.InputValue(page, "Input.NameAccusative"));
        Assert.Equal("Latgales Centrālajā bibliotēkā", Browserless.InputValue(page, "Input.NameLocative"));
        Assert.Contains("Ko? (piemēram, „lēmums par …”)", page);
        Assert.DoesNotContain("data-testid=\"name-forms-unsure\"", page);

        // A name that fits no pattern: the page says so, and nothing is registered by the proposal.
        using var unsure = await browser.SubmitFormAsync("/Libraries/Register", LibraryForm("LNB", UniqueNumber()),
            "/Libraries/Register?handler=Propose");
        var unsurePage = await unsure.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"name-forms-unsure\"", unsurePage);
        Assert.Contains("nosaukums neatbilst parastajam paraugam", unsurePage);
    }

    [Theory, AllProviders]
    public async Task A_corrected_form_is_kept_the_rest_are_proposed_and_the_approval_mail_declines_the_name(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await CreatePersonAsync(app);
        using var browser = await app.SignedInAsync(person);
        var number = UniqueNumber();
        var form = LibraryForm("Inešu bibliotēka", number);
        form["Input.NameGenitive"] = "Inešu pagasta bibliotēkas";

        using var registered = await browser.SubmitFormAsync("/Libraries/Register", form);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var library = await app.QueryAsync(db => db.Libraries.SingleAsync(l => l.RegistrationNumber == number));
        Assert.Equal("Inešu bibliotēka", library.Name);
        Assert.Equal("Inešu pagasta bibliotēkas", library.NameGenitive);
        Assert.Equal("Inešu bibliotēkai", library.NameDative);
        Assert.Equal("Inešu bibliotēku", library.NameAccusative);
        Assert.Equal("Inešu bibliotēkā", library.NameLocative);

        using var admin = await app.SignedInAdministratorAsync();
        var reviewUrl = $"/Admin/Libraries/Review?id={library.Id}";
        Assert.Contains("Inešu pagasta bibliotēkas", await admin.GetPageAsync(reviewUrl));
        using var approved = await admin.SubmitFormAsync(reviewUrl, new Dictionary<string, string>(), $"{reviewUrl}&handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await app.DeliverMailAsync();
        var mail = Assert.Single(await Mailbox.WaitForAsync(person.Email));
        Assert.Contains("Latvijas Bibliotekāru biedrība apstiprināja Inešu pagasta bibliotēkas reģistrāciju.", mail.TextBody);
    }

    [Theory, AllProviders]
    public async Task The_api_takes_the_forms_answers_with_them_and_refuses_a_form_too_long(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await CreatePersonAsync(app);
        using var client = await app.BearerClientAsync(person.Email, PersonBuilder.Password);

        using var created = await client.PostAsJsonAsync("/api/libraries", new
        {
            name = "Rīgas Centrālā bibliotēka", nameLocative = "Rīgas Centrālajā bibliotēkā", region = "Rīga", type = "Public",
            registrationNumber = UniqueNumber(),
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var forms = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nameForms");
        Assert.Equal("Rīgas Centrālās bibliotēkas", forms.GetProperty("genitive").GetString());
        Assert.Equal("Rīgas Centrālajai bibliotēkai", forms.GetProperty("dative").GetString());
        Assert.Equal("Rīgas Centrālo bibliotēku", forms.GetProperty("accusative").GetString());
        Assert.Equal("Rīgas Centrālajā bibliotēkā", forms.GetProperty("locative").GetString());

        using var tooLong = await client.PostAsJsonAsync("/api/libraries", new
        {
            name = "Cēsu Centrālā bibliotēka", nameDative = new string('ā', 301), region = "Vidzeme", type = "Public",
            registrationNumber = UniqueNumber(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var errors = (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Nosaukuma forma ir pārāk gara.", errors.GetProperty("nameDative")[0].GetString());
    }

    [Theory, AllProviders]
    public async Task A_mail_and_a_page_decline_the_name_of_a_library_registered_before_the_forms_were_kept(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        // Made straight in the database: no forms stored, as for the libraries registered before them.
        var (libraryId, email) = await world.LibraryAsync("Latgales Centrālā bibliotēka");
        Assert.Null(await world.QueryAsync(db => db.Libraries.Where(l => l.Id == libraryId).Select(l => l.NameGenitive).SingleAsync()));
        var id = await world.NominationAsync(libraryId);
        using var library = await world.SignedInAsync(email);

        Assert.Contains("<title>Latgales Centrālās bibliotēkas pieteikums", await library.GetPageAsync($"/Nominations/Edit?id={id}"));

        var latvianEndorser = $"lv-{Guid.NewGuid():N}@pasvaldiba.example";
        var englishEndorser = $"en-{Guid.NewGuid():N}@pasvaldiba.example";
        foreach (var (address, culture) in new[] { (latvianEndorser, "lv"), (englishEndorser, "en") })
        {
            using var asked = await library.SubmitFormAsync($"/Nominations/Endorsements?id={id}", new Dictionary<string, string>
            {
                ["Input.Name"] = "Eleonora Kleščinska",
                ["Input.Email"] = address,
                ["Input.Organisation"] = "Kultūras pārvalde",
                ["Input.Culture"] = culture,
            }, $"/Nominations/Endorsements?id={id}&handler=Request");
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }
        await world.DeliverMailAsync();

        var latvian = Assert.Single(await Mailbox.WaitForAsync(latvianEndorser));
        Assert.Matches(@" no Latgales Centrālās bibliotēkas piesaka bibliotēku balvai", latvian.TextBody ?? "");
        var english = Assert.Single(await Mailbox.WaitForAsync(englishEndorser));
        Assert.Contains(" of Latgales Centrālā bibliotēka is nominating the library", english.TextBody);

        // The endorser's page thanks the library in the dative.
        var link = new Uri(EndorseLink().Match(latvian.TextBody ?? "").Value);
        using var endorser = new Browserless(world.App);
        using var sent = await endorser.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Token"] = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!,
            ["Input.Letter"] = "Bibliotēka savieno tradīcijas un inovācijas.",
        }, link.PathAndQuery);
        Assert.Contains("Paldies! Jūsu vēstule Latgales Centrālajai bibliotēkai ir saņemta.", await sent.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"http://\S+/Endorse\?\S+")]
    private static partial Regex EndorseLink();
}
