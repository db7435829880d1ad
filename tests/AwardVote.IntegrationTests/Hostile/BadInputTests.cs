using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AwardVote.Application.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Access;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static AwardVote.IntegrationTests.Access.Cell;
using Case = AwardVote.IntegrationTests.Hostile.HostileFormTests.Case;

namespace AwardVote.IntegrationTests.Hostile;

/// <summary>
/// Input that used to break pages (issue 15, items 12–16): a NUL character in any text (a 500 on PostgreSQL), Markdown
/// nested hundreds of levels deep (saved, then every page showing it failed), 20,000 partner rows (the form then took
/// minutes to open), a 5 MB form value (a bare 400 that lost the typed text) and an upload past the request limit.
/// Each is refused with a message in Latvian, nothing is saved, and a form comes back with what was typed.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class BadInputTests(Apps apps)
{
    private const string Nul = "\0";

    /// <summary>The Latvian words of the refusal of a text with a NUL (StorableText.FieldMessage and the API's).</summary>
    private const string CannotBeSaved = "rakstzīmi, ko nevar saglabāt";

    [Theory, AllProviders]
    public async Task A_NUL_character_in_any_text_is_refused_with_a_message_and_saves_nothing(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        await HostileFormTests.RunAsync(hostile, NulCases());
    }

    private static IEnumerable<Case> NulCases()
    {
        Case Page(string name, string url, params (string, string)[] fields) =>
            new($"page {name}", Role.Anonymous, Phase.Nominations, c => Task.FromResult(c.Form(url, fields)));
        Case Api(string name, HttpMethod method, string url, object body, Role role = Role.Anonymous) =>
            new($"API {name}", role, Phase.Nominations, _ => Task.FromResult(Json(method, url, body)));

        yield return Page("login: e-mail", "/Account/Login", ("Input.Email", $"ieva{Nul}@x.example"), ("Input.Password", "Parole-123456"));
        yield return Page("login: password", "/Account/Login", ("Input.Email", "ieva@x.example"), ("Input.Password", $"Parole{Nul}123456"));
        yield return Page("register: name", "/Account/Register", ("Input.DisplayName", $"Ieva{Nul}"), ("Input.Email", $"nul-{Guid.NewGuid():N}@x.example"),
            ("Input.Password", "Gara-parole-2026!"), ("Input.ConfirmPassword", "Gara-parole-2026!"), ("Input.PreferredCulture", "lv"));
        yield return Page("register: e-mail", "/Account/Register", ("Input.DisplayName", "Ieva"), ("Input.Email", $"nul{Nul}-{Guid.NewGuid():N}@x.example"),
            ("Input.Password", "Gara-parole-2026!"), ("Input.ConfirmPassword", "Gara-parole-2026!"), ("Input.PreferredCulture", "lv"));
        yield return Page("forgotten password", "/Account/ForgotPassword", ("Input.Email", $"ieva{Nul}@x.example"));
        yield return Page("reset password", "/Account/ResetPassword", ("Input.Email", $"ieva{Nul}@x.example"), ("Input.Code", $"abc{Nul}"),
            ("Input.Password", "Gara-parole-2026!"), ("Input.ConfirmPassword", "Gara-parole-2026!"));
        yield return new Case("page nomination save", Role.RepA, Phase.Nominations, async c => c.Form($"/Nominations/Edit?id={c.C.NominationA}&handler=Save",
            ("Input.Version", $"{await c.NominationVersionAsync(c.C.NominationA)}"), ("Input.Achievements", $"Sasniegumi{Nul}"),
            ("Input.Partners[0].Name", $"Dome{Nul}")));

        yield return new Case("page letter of support (a multipart form)", Role.Anonymous, Phase.Nominations, async c =>
        {
            var token = await c.World.QueryAsync(db => AccessWorld.EndorsementAsync(db, c.C.NominationA));
            return c.Upload($"/Endorse?token={token}", [("Input.Letter", $"Atbalstām{Nul}.")], "Input.Pdf", "vestule.pdf", [.. "%PDF-1.4\n"u8, .. new byte[100]]);
        });

        yield return Api("login", HttpMethod.Post, "/api/auth/login", new { email = $"ieva{Nul}@x.example", password = "Parole-123456" });
        yield return Api("register", HttpMethod.Post, "/api/auth/register", new
        {
            displayName = $"Ieva{Nul}", email = $"nul-{Guid.NewGuid():N}@x.example", password = "Gara-parole-2026!", confirmPassword = "Gara-parole-2026!",
            preferredCulture = "lv",
        });
        yield return Api("forgotten password", HttpMethod.Post, "/api/auth/forgotPassword", new { email = $"ieva{Nul}@x.example" });
        yield return Api("reset password", HttpMethod.Post, "/api/auth/resetPassword", new { email = $"ieva{Nul}@x.example", resetCode = "abc", newPassword = "Gara-parole-2026!" });
        yield return new Case("API nomination save", Role.RepA, Phase.Nominations, async c => Json(HttpMethod.Put, $"/api/nominations/{c.C.NominationA}", new
        {
            version = await c.NominationVersionAsync(c.C.NominationA), publicSummary = "Kopsavilkums", achievements = "Sasniegumi",
            partners = new[] { new { name = $"Dome{Nul}", role = "atbalsts" } },
        }));
        yield return new Case("API nomination save: a lone surrogate", Role.RepA, Phase.Nominations, async c =>
            new HttpRequestMessage(HttpMethod.Put, $"/api/nominations/{c.C.NominationA}")
            {
                Content = new StringContent($"{{\"version\":\"{await c.NominationVersionAsync(c.C.NominationA)}\",\"achievements\":\"Sasniegumi \\ud800\"}}",
                    Encoding.UTF8, "application/json"),
            });
        yield return new Case("API: a NUL in the address", Role.Anonymous, Phase.Nominations, c => Task.FromResult(Get($"/api/cycles/{c.C.CycleId}/nominations?q=%00")));
    }

    [Theory, AllProviders]
    public async Task The_nomination_form_with_a_NUL_comes_back_with_the_message_and_every_typed_value(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        var summary = $"Mūsu kopsavilkums {Guid.NewGuid():N}";
        var answer = await SaveThroughPageAsync(hostile, ("Input.PublicSummary", summary), ("Input.Achievements", $"Sasniegumi{Nul} par lasīšanu"));

        Assert.Equal(200, answer.Status);
        Assert.Contains(summary, answer.Body);
        Assert.Contains(CannotBeSaved, HostileWorld.Message(answer.Body));
        Assert.False(answer.Saved, answer.ToString());
    }

    [Theory, AllProviders]
    public async Task The_API_names_the_field_that_holds_a_NUL(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        var answer = await SaveThroughApiAsync(hostile, version => new
        {
            version, achievements = "Sasniegumi", partners = new[] { new { name = "Dome", role = "" }, new { name = $"Skola{Nul}", role = "" } },
        });

        Assert.Equal(400, answer.Status);
        Assert.Contains("\"partners[1].name\"", answer.Body);
        Assert.Contains(CannotBeSaved, answer.Body);
        Assert.False(answer.Saved, answer.ToString());
    }

    private static string Nested(int levels) => string.Concat(Enumerable.Repeat("> ", levels)) + "citāts\n\n" + new string('[', levels) + "saite";

    [Theory, AllProviders]
    public async Task Markdown_nested_hundreds_of_levels_deep_is_refused_on_save_by_the_page_and_the_API(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        var summary = $"Kopsavilkums {Guid.NewGuid():N}";

        var page = await SaveThroughPageAsync(hostile, ("Input.PublicSummary", summary), ("Input.Projects", Nested(200)));
        var api = await SaveThroughApiAsync(hostile, version => new { version, publicSummary = summary, projects = Nested(200) });

        Assert.Equal(200, page.Status);
        Assert.Contains(summary, page.Body);
        Assert.Contains("pārāk daudz", HostileWorld.Message(page.Body));
        Assert.False(page.Saved, page.ToString());
        Assert.Equal(400, api.Status);
        Assert.Contains("\"projects\"", api.Body);
        Assert.Contains("pārāk daudz", api.Body);
        Assert.False(api.Saved, api.ToString());
    }

    [Theory, AllProviders]
    public async Task A_deeply_nested_text_saved_before_the_rule_is_shown_as_plain_text_not_a_500(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        var id = hostile.World.Cycles[Phase.Nominations].NominationA;
        var before = await hostile.World.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Projects).SingleAsync());
        var nested = Nested(300);
        // Straight into the table, as an older version saved it (no audit entry: this is the test's doing, put back below).
        await hostile.World.QueryAsync(db => db.Nominations.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Projects, nested)));
        try
        {
            using var client = hostile.Clients.Client(Role.RepA, isolated: false);
            foreach (var url in new[] { $"/Nominations/Preview?id={id}", $"/Nominations/Edit?id={id}" })
            {
                using var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {HostileWorld.Excerpt(body)}");
                Assert.Contains("citāts", body);
            }
        }
        finally
        {
            await hostile.World.QueryAsync(db => db.Nominations.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Projects, before)));
        }
    }

    [Theory, AllProviders]
    public async Task Twenty_thousand_partners_are_refused_with_the_cap_and_nothing_is_saved(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        var partners = Enumerable.Range(1, 20_000).Select(i => new { name = $"Partneris {i}", role = "atbalsts" }).ToArray();
        var links = Enumerable.Range(1, 20_000).Select(i => new { url = $"https://x.example/{i}", title = "" }).ToArray();

        var tooManyPartners = await SaveThroughApiAsync(hostile, version => new { version, achievements = "Sasniegumi", partners });
        var tooManyLinks = await SaveThroughApiAsync(hostile, version => new { version, achievements = "Sasniegumi", links });

        Assert.Equal(400, tooManyPartners.Status);
        Assert.Contains("\"partners\"", tooManyPartners.Body);
        Assert.Contains($"{NominationInput.MaxPartners}", HostileWorld.Message(tooManyPartners.Body));
        Assert.True(tooManyPartners.Body.Length < 10_000, "One refusal for the list, not one per row.");
        Assert.False(tooManyPartners.Saved, tooManyPartners.ToString());
        Assert.Equal(400, tooManyLinks.Status);
        Assert.Contains("\"links\"", tooManyLinks.Body);
        Assert.False(tooManyLinks.Saved, tooManyLinks.ToString());
    }

    [Theory, AllProviders]
    public async Task A_statute_with_twenty_thousand_categories_is_refused_with_the_cap(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        var cycle = await AccessWorld.NewCycle("Garie saraksti", "saraksti", Phase.Draft).CreateAsync(hostile.App);
        var cycleId = cycle.Id;
        var cell = new Cell(hostile.World, hostile.Clients, Role.Admin, Phase.Draft);
        var statute = (await cell.AdminJsonAsync($"/api/cycles/{cycle.Slug}"))["statute"]!.AsObject();
        statute["categories"] = new JsonArray([.. Enumerable.Range(1, 20_000).Select(i => (JsonNode)new JsonObject { ["name"] = $"Kategorija {i}" })]);

        var answer = await hostile.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/admin/cycles/{cycleId}/statute")
        {
            Content = new StringContent(statute.ToJsonString(), Encoding.UTF8, "application/json"),
        }, Role.Admin);

        Assert.Equal(400, answer.Status);
        Assert.Contains("\"categories\"", answer.Body);
        Assert.Contains("ne vairāk kā 100", HostileWorld.Message(answer.Body));
        Assert.False(answer.Saved, answer.ToString());
    }

    [Theory, AllProviders]
    public async Task A_nomination_with_every_row_it_may_have_still_opens_and_saves_through_the_form(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        var full = Enumerable.Range(1, NominationInput.MaxPartners).Select(i => ($"Input.Partners[{i - 1}].Name", $"Partneris {i}"));
        var answer = await SaveThroughPageAsync(hostile, [.. full, ("Input.Partners[100].Name", "Vēl viens")]);

        Assert.Equal(200, answer.Status);
        Assert.Contains($"{NominationInput.MaxPartners}", HostileWorld.Message(answer.Body));
        Assert.Contains("Vēl viens", answer.Body);
        Assert.False(answer.Saved, answer.ToString());
    }

    [Theory, AllProviders]
    public async Task A_5_MB_text_comes_back_refused_beside_its_field_with_the_other_typed_values(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        var summary = $"Kopsavilkums {Guid.NewGuid():N}";
        var answer = await SaveThroughPageAsync(hostile, ("Input.PublicSummary", summary), ("Input.Projects", new string('x', 5 * 1024 * 1024)));

        Assert.Equal(200, answer.Status);
        Assert.Contains(summary, answer.Body);
        Assert.Contains("50000", HostileWorld.Message(answer.Body).Replace(" ", "").Replace("\u00a0", ""));
        Assert.False(answer.Saved, answer.ToString());
    }

    [Theory, AllProviders]
    public async Task An_upload_past_the_request_limit_is_told_it_is_too_large_in_Latvian(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        var cell = new Cell(hostile.World, hostile.Clients, Role.RepA, Phase.Nominations);
        byte[] huge = [.. "%PDF-1.4\n"u8, .. new byte[UploadAttachment.RequestLimit + 1024]];

        var page = await hostile.SendAsync(cell.Upload($"/Nominations/Attachments?id={cell.C.NominationA}&handler=Upload",
            [("Input.Caption", "Gada pārskats"), ("Input.ConsentGiven", "true")], "Input.File", "parskats.pdf", huge), Role.RepA);
        var api = await hostile.SendAsync(cell.Upload($"/api/nominations/{cell.C.NominationA}/attachments",
            [("caption", "Gada pārskats"), ("consentGiven", "true")], "file", "parskats.pdf", huge), Role.RepA);

        Assert.True(page.Status == 413, page.ToString());
        Assert.Contains("par liel", page.Body, StringComparison.OrdinalIgnoreCase);
        Assert.True(api.Status == 413, api.ToString());
        Assert.Contains("par liel", api.Body, StringComparison.OrdinalIgnoreCase);
        Assert.False(page.Saved || api.Saved);
    }

    private static async Task<HostileWorld.Answer> SaveThroughPageAsync(HostileWorld hostile, params (string, string)[] fields)
    {
        var cell = new Cell(hostile.World, hostile.Clients, Role.RepA, Phase.Nominations);
        var id = cell.C.NominationA;
        (string, string)[] form = [("Input.Version", $"{await cell.NominationVersionAsync(id)}"), .. fields];
        return await hostile.SendAsync(cell.Form($"/Nominations/Edit?id={id}&handler=Save", form), Role.RepA);
    }

    private static async Task<HostileWorld.Answer> SaveThroughApiAsync(HostileWorld hostile, Func<Guid, object> body)
    {
        var cell = new Cell(hostile.World, hostile.Clients, Role.RepA, Phase.Nominations);
        var id = cell.C.NominationA;
        return await hostile.SendAsync(Json(HttpMethod.Put, $"/api/nominations/{id}", body(await cell.NominationVersionAsync(id))), Role.RepA);
    }
}
