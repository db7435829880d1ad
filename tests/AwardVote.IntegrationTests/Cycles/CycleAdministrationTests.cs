using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using AwardVote.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Cycles;

[Collection(AppsCollection.Name)]
public sealed class CycleAdministrationTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Only_administrators_edit_cycles(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app);

        using var anonymous = new Browserless(app);
        using var anonymousResponse = await anonymous.Http.GetAsync($"/Admin/Cycles/{cycle.Id}/Categories");
        Assert.StartsWith("/Account/Login", anonymousResponse.Headers.Location!.PathAndQuery);

        foreach (var email in new[] { DemoSeeder.JurorEmail, DemoSeeder.RepresentativeEmail })
        {
            using var browser = new Browserless(app);
            await browser.SignInAsync(email, DemoSeeder.Password);
            using var page = await browser.Http.GetAsync($"/Admin/Cycles/{cycle.Id}/Criteria");
            Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery);
            using var api = await browser.Http.PostAsJsonAsync($"/api/admin/cycles/{cycle.Id}/phase", new { direction = "next", reason = "x" });
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }
        Assert.Equal(CyclePhase.Draft, (await CycleData.LoadAsync(app, cycle.Id)).Phase);
    }

    [Theory, AllProviders]
    public async Task Administrator_creates_a_cycle_with_a_slug_from_the_title_and_an_audit_entry(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        using var admin = await AdminAsync(app);
        var title = $"Bērnu grāmatu balva {Guid.NewGuid():N}"[..30];

        using var response = await admin.SubmitFormAsync("/Admin/Cycles/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Year"] = "2032", ["Input.CopyFromCycleId"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var cycle = await CycleData.LoadAsync(app, id);
        Assert.Equal(CyclePhase.Draft, cycle.Phase);
        Assert.StartsWith("bernu-gramatu-balva-", cycle.Slug);
        Assert.EndsWith("-2032", cycle.Slug);
        Assert.Equal(PhasePlan.StepsFor(1).Count, cycle.Schedule.Count);
        await using var scope = app.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AnyAsync(a => a.CycleId == id && a.Action == "cycle.created"));
    }

    [Theory, AllProviders]
    public async Task Copy_from_a_previous_cycle_copies_the_whole_statute_but_no_nominations(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var source = await CycleData.CreateAsync(app, CyclePhase.EligibilityReview, configure: c =>
        {
            c.Rounds[0].ShortlistSize = 3;
            c.Rounds.Add(new Round { Number = 2, Kind = BallotKind.Ranked, Method = CountingMethod.Borda, AllowEqualRanks = true });
            c.Schedule = PhasePlan.NewSchedule(2);
            c.Schedule[1].StartsAt = new DateTimeOffset(2031, 2, 1, 0, 0, 0, TimeSpan.Zero);
            c.RoundNumber = 0;
            c.WinRule.MinimumFirstPlaces = 3;
            c.Secrecy = ScoreSecrecy.VisibleToJuryAfterClose;
            c.PeoplesChoice.Enabled = true;
            c.LaureateCooldownYears = 3;
        });
        await using (var scope = app.Scope())
        {
            // The chain names a criterion by id: the copy must point at its own criterion, not the source's.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.TieBreakSteps.Add(new TieBreakStep { CycleId = source.Id, Order = 1, Rule = TieBreakRule.HigherMeanOnCriterion, CriterionId = source.Criteria[0].Id });
            await db.SaveChangesAsync();
        }
        await CycleData.AddNominationAsync(app, source.Id, "Kopējamā bibliotēka");
        using var admin = await AdminAsync(app);

        using var response = await admin.SubmitFormAsync("/Admin/Cycles/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Kopija", ["Input.Year"] = "2032", ["Input.Slug"] = $"kopija-{Guid.NewGuid():N}"[..30],
            ["Input.CopyFromCycleId"] = source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var copy = await CycleData.LoadAsync(app, id);
        Assert.Equal(source.Id, copy.CopiedFromCycleId);
        Assert.Equal(CyclePhase.Draft, copy.Phase);
        Assert.Null(copy.StatuteLockedAt);
        Assert.Equal("Gada bibliotēka", Assert.Single(copy.Categories).Name);
        var criterion = Assert.Single(copy.Criteria);
        Assert.Equal(0.3m, criterion.Weight);
        Assert.Equal(["vāji", "labi", "izcili, dokumentēta ietekme"], criterion.Levels.OrderBy(l => l.Value).Select(l => l.Label));
        Assert.Equal([CountingMethod.WeightedMean, CountingMethod.Borda], copy.Rounds.OrderBy(r => r.Number).Select(r => r.Method));
        Assert.Equal(3, copy.Rounds.Single(r => r.Number == 1).ShortlistSize);
        Assert.Equal(criterion.Id, Assert.Single(copy.TieBreakChain).CriterionId);
        Assert.Equal("Publiskā bibliotēka", Assert.Single(copy.EligibilityRules).Text);
        Assert.Equal(3, copy.WinRule.MinimumFirstPlaces);
        Assert.Equal(ScoreSecrecy.VisibleToJuryAfterClose, copy.Secrecy);
        Assert.True(copy.PeoplesChoice.Enabled);
        Assert.Equal(3, copy.LaureateCooldownYears);
        Assert.Equal(PhasePlan.StepsFor(2).Count, copy.Schedule.Count);
        Assert.All(copy.Schedule, s => Assert.Null(s.StartsAt));
        await using var check = app.Scope();
        Assert.False(await check.ServiceProvider.GetRequiredService<AppDbContext>().Nominations.AnyAsync(n => n.CycleId == id));
    }

    [Theory, AllProviders]
    public async Task Categories_are_saved_with_an_audit_entry_before_and_after(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app);
        using var admin = await AdminAsync(app);

        using var response = await admin.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}/Categories", CategoryForm(cycle, "Lauku bibliotēka"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await CycleData.LoadAsync(app, cycle.Id);
        Assert.Equal(["Gada bibliotēka", "Lauku bibliotēka"], saved.Categories.OrderBy(c => c.Order).Select(c => c.Name));
        Assert.NotEqual(cycle.Version, saved.Version);
        await using var scope = app.Scope();
        var audit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .SingleAsync(a => a.CycleId == cycle.Id && a.Action == "cycle.statute-changed");
        // The audit log's JSON escapes non-ASCII letters.
        Assert.DoesNotContain("Lauku bibliot", audit.Before);
        Assert.Contains("Lauku bibliot", audit.After);
    }

    [Theory, AllProviders]
    public async Task A_locked_statute_cannot_change_on_the_page(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app, CyclePhase.NominationsOpen);
        using var admin = await AdminAsync(app);

        using var response = await admin.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}/Categories", CategoryForm(cycle, "Slepena kategorija"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nolikums ir slēgts: pieteikšanās ir sākusies, tāpēc to vairs nevar mainīt.", await response.Content.ReadAsStringAsync());
        var saved = await CycleData.LoadAsync(app, cycle.Id);
        Assert.Single(saved.Categories);
        Assert.Equal(cycle.Version, saved.Version);
    }

    [Theory, AllProviders]
    public async Task A_locked_statute_cannot_change_through_the_api(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app, CyclePhase.NominationsOpen);
        using var client = await AdminApiAsync(app);
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycle.Slug}");
        var statute = current.GetProperty("statute");

        using var response = await client.PutAsync($"/api/admin/cycles/{cycle.Id}/statute",
            new StringContent(statute.GetRawText().Replace("Gada bibliotēka", "Cita kategorija"), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Nolikums ir slēgts", problem.GetProperty("detail").GetString());
        Assert.Equal("Gada bibliotēka", Assert.Single((await CycleData.LoadAsync(app, cycle.Id)).Categories).Name);
    }

    [Theory, AllProviders]
    public async Task The_api_saves_a_whole_statute_and_links_a_new_criterion_in_the_tie_break_chain(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app);
        using var client = await AdminApiAsync(app);
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycle.Slug}")).GetProperty("statute").GetProperty("version").GetGuid();
        var labels = new[] { new { value = 1, label = "vāji", labelEn = (string?)null }, new { value = 2, label = "labi", labelEn = (string?)null } };

        using var response = await client.PutAsJsonAsync($"/api/admin/cycles/{cycle.Id}/statute", new
        {
            version, title = "Pārbaudes balva", secrecy = "HiddenUntilRoundCloses", nomineesPublicAfterNominationsClose = true,
            feedbackToNominees = true, reminderDaysBeforeClose = "7,1",
            winRule = new { minimumFirstPlaces = (int?)null, minimumLead = (decimal?)null },
            peoplesChoice = new { enabled = false, eligibility = "AnyConfirmedEmail", allowance = "OnePerCategory", liveCount = false },
            categories = new[] { new { id = 0, name = "Pilsētu bibliotēkas" }, new { id = 0, name = "Lauku bibliotēkas" } },
            criteria = new[] { new { id = 0, name = "Sadarbība", weight = 0.5m, scaleMin = 1, scaleMax = 2, isOptional = false, labels } },
            rounds = new[]
            {
                new { kind = "Score", method = "WeightedMean", shortlistSize = (int?)3, allowEqualRanks = false },
                new { kind = "Ranked", method = "Schulze", shortlistSize = (int?)null, allowEqualRanks = true },
            },
            tieBreakChain = new[] { new { rule = "HigherMeanOnCriterion", criterion = (int?)1 }, new { rule = "ChairCastingVote", criterion = (int?)null } },
            eligibilityRules = new[] { new { text = "Biedrības biedrs", textEn = "A member" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await CycleData.LoadAsync(app, cycle.Id);
        Assert.Equal(2, saved.Categories.Count);
        var criterion = Assert.Single(saved.Criteria);
        Assert.Equal("Sadarbība", criterion.Name);
        Assert.Equal(criterion.Id, saved.TieBreakChain.Single(s => s.Order == 1).CriterionId);
        Assert.Equal(PhasePlan.StepsFor(2).Select(s => s.Phase), saved.Schedule.OrderBy(s => s.Sequence).Select(s => s.Phase));
        Assert.Equal(Enumerable.Range(0, saved.Schedule.Count), saved.Schedule.OrderBy(s => s.Sequence).Select(s => s.Sequence));
    }

    [Theory, AllProviders]
    public async Task A_stale_form_is_refused_and_keeps_what_was_typed(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app);
        using var admin = await AdminAsync(app);
        var page = await admin.GetPageAsync($"/Admin/Cycles/{cycle.Id}/Categories");
        await using (var scope = app.Scope())
        {
            // Someone else saves the cycle after the form was opened.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var other = await db.Cycles.SingleAsync(c => c.Id == cycle.Id);
            other.Description = "Cits administrators";
            other.Version = Guid.NewGuid();
            await db.SaveChangesAsync();
        }
        var form = CategoryForm(cycle, "Mana jaunā kategorija");
        form["__RequestVerificationToken"] = Browserless.AntiforgeryToken(page);

        using var response = await admin.Http.PostAsync($"/Admin/Cycles/{cycle.Id}/Categories", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Kamēr jūs labojāt, kāds cits mainīja šo ciklu.", html);
        Assert.Contains("value=\"Mana jaunā kategorija\"", html);
        Assert.Single((await CycleData.LoadAsync(app, cycle.Id)).Categories);
    }

    [Theory, AllProviders]
    public async Task Phase_dates_typed_in_Riga_time_are_stored_in_UTC(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app);
        using var admin = await AdminAsync(app);

        // 29 March 2026 the clocks jump from 03:00 to 04:00 in Riga: before it +2 hours, after it +3.
        using var response = await admin.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}/Schedule", new Dictionary<string, string>
        {
            ["Input.Version"] = cycle.Version.ToString(),
            ["Input.StartsAt[1]"] = "2026-03-29T02:30",
            ["Input.StartsAt[2]"] = "2026-03-29T04:30",
            ["Input.StartsAt[3]"] = "2026-06-01T10:00",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var steps = (await CycleData.LoadAsync(app, cycle.Id)).Schedule.ToDictionary(s => s.Sequence, s => s.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero), steps[1]);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), steps[2]);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 7, 0, 0, TimeSpan.Zero), steps[3]);
        Assert.Contains("value=\"2026-03-29T04:30\"", await admin.GetPageAsync($"/Admin/Cycles/{cycle.Id}/Schedule"));
    }

    [Theory, AllProviders]
    public async Task A_time_the_clocks_skip_and_decreasing_dates_are_refused(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app);
        using var admin = await AdminAsync(app);

        using var skipped = await admin.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}/Schedule", new Dictionary<string, string>
        {
            ["Input.Version"] = cycle.Version.ToString(), ["Input.StartsAt[1]"] = "2026-03-29T03:30",
        });
        using var decreasing = await admin.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}/Schedule", new Dictionary<string, string>
        {
            ["Input.Version"] = cycle.Version.ToString(), ["Input.StartsAt[1]"] = "2026-05-01T10:00", ["Input.StartsAt[2]"] = "2026-04-01T10:00",
        });

        Assert.Contains("šāds laiks cikla laika joslā nepastāv", await skipped.Content.ReadAsStringAsync());
        Assert.Contains("Katram posmam jāsākas pēc iepriekšējā.", await decreasing.Content.ReadAsStringAsync());
        Assert.All((await CycleData.LoadAsync(app, cycle.Id)).Schedule, s => Assert.Null(s.StartsAt));
    }

    [Theory, AllProviders]
    public async Task Future_dates_can_change_after_the_lock(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app, CyclePhase.NominationsOpen);
        using var admin = await AdminAsync(app);

        using var response = await admin.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}/Schedule", new Dictionary<string, string>
        {
            ["Input.Version"] = cycle.Version.ToString(), ["Input.StartsAt[1]"] = "2020-01-01T00:00", ["Input.StartsAt[2]"] = "2031-05-01T12:00",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var steps = (await CycleData.LoadAsync(app, cycle.Id)).Schedule.ToDictionary(s => s.Sequence, s => s.StartsAt);
        Assert.Null(steps[1]); // reached: the posted value is ignored
        Assert.Equal(new DateTimeOffset(2031, 5, 1, 9, 0, 0, TimeSpan.Zero), steps[2]);
    }

    [Theory, AllProviders]
    public async Task Moving_a_phase_by_hand_needs_a_reason(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app, CyclePhase.NominationsOpen);
        using var admin = await AdminAsync(app);

        using var response = await admin.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}", new Dictionary<string, string>
        {
            ["Move.Version"] = cycle.Version.ToString(), ["Move.Direction"] = "next", ["Move.Reason"] = "  ",
        }, $"/Admin/Cycles/{cycle.Id}?handler=Move");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Norādiet iemeslu", await response.Content.ReadAsStringAsync());
        Assert.Equal(CyclePhase.NominationsOpen, (await CycleData.LoadAsync(app, cycle.Id)).Phase);
    }

    [Theory, AllProviders]
    public async Task Moving_on_from_nominations_by_hand_freezes_them_and_audits_the_reason(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app, CyclePhase.NominationsOpen);
        var nominationId = await CycleData.AddNominationAsync(app, cycle.Id, "Steidzīgā bibliotēka", NominationStatus.Draft);
        using var admin = await AdminAsync(app);

        using var response = await admin.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}", new Dictionary<string, string>
        {
            ["Move.Version"] = cycle.Version.ToString(), ["Move.Direction"] = "next", ["Move.Reason"] = "Valde nolēma slēgt pieteikšanos agrāk",
        }, $"/Admin/Cycles/{cycle.Id}?handler=Move");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(CyclePhase.EligibilityReview, (await db.Cycles.SingleAsync(c => c.Id == cycle.Id)).Phase);
        Assert.NotNull((await db.Nominations.SingleAsync(n => n.Id == nominationId)).FrozenAt);
        var audit = await db.AuditEntries.SingleAsync(a => a.CycleId == cycle.Id && a.Action == "cycle.phase-moved");
        Assert.Equal("Valde nolēma slēgt pieteikšanos agrāk", audit.Reason);
        Assert.Equal(DemoSeeder.AdministratorEmail, audit.ActorName);
        Assert.Contains("NominationsOpen", audit.Before);
        Assert.Contains("EligibilityReview", audit.After);
    }

    [Theory, AllProviders]
    public async Task Moving_back_through_the_api_goes_one_step_and_needs_a_reason(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app, CyclePhase.EligibilityReview);
        using var client = await AdminApiAsync(app);

        using var withoutReason = await client.PostAsJsonAsync($"/api/admin/cycles/{cycle.Id}/phase", new { direction = "back", reason = "" });
        using var withReason = await client.PostAsJsonAsync($"/api/admin/cycles/{cycle.Id}/phase", new { direction = "back", reason = "Pagarinām termiņu" });

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        Assert.Equal(CyclePhase.NominationsOpen, (await CycleData.LoadAsync(app, cycle.Id)).Phase);
    }

    [Theory, AllProviders]
    public async Task Every_cycle_page_opens_for_the_administrator(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app);
        using var admin = await AdminAsync(app);

        Assert.Contains("data-testid=\"create-cycle\"", await admin.GetPageAsync("/Admin/Cycles/Create"));
        Assert.Contains($"href=\"/Admin/Cycles/{cycle.Id}\"", await admin.GetPageAsync("/Admin/Cycles"));
        foreach (var part in new[] { "", "/General", "/Categories", "/Criteria", "/Rounds", "/Schedule" })
            Assert.Contains("Pārbaudes balva", await admin.GetPageAsync($"/Admin/Cycles/{cycle.Id}{part}"));
    }

    [Theory, AllProviders]
    public async Task Criteria_take_a_weight_with_a_comma_and_a_label_per_score(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app);
        using var admin = await AdminAsync(app);
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = cycle.Version.ToString(),
            ["Input.Criteria[0].Id"] = cycle.Criteria[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Criteria[0].Name"] = "Oriģināli projekti", ["Input.Criteria[0].Weight"] = "0,5",
            ["Input.Criteria[0].ScaleMin"] = "1", ["Input.Criteria[0].ScaleMax"] = "2",
            ["Input.Criteria[0].Labels[0].Value"] = "1", ["Input.Criteria[0].Labels[0].Text"] = "pietiekami",
            ["Input.Criteria[0].Labels[1].Value"] = "2", ["Input.Criteria[0].Labels[1].Text"] = "izcili",
        };

        using var missingLabel = await admin.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}/Criteria",
            new Dictionary<string, string>(form) { ["Input.Criteria[0].Labels[1].Text"] = "" });
        using var saved = await admin.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}/Criteria", form);

        Assert.Contains("katrai vērtējuma vērtībai vajadzīgs apraksts", await missingLabel.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var criterion = Assert.Single((await CycleData.LoadAsync(app, cycle.Id)).Criteria);
        Assert.Equal(0.5m, criterion.Weight);
        Assert.Equal(["pietiekami", "izcili"], criterion.Levels.OrderBy(l => l.Value).Select(l => l.Label));
    }

    private static Dictionary<string, string> CategoryForm(AwardCycle cycle, string newCategory) => new()
    {
        ["Input.Version"] = cycle.Version.ToString(),
        ["Input.Categories[0].Id"] = cycle.Categories[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Categories[0].Name"] = cycle.Categories[0].Name,
        ["Input.Categories[1].Id"] = "0",
        ["Input.Categories[1].Name"] = newCategory,
    };

    private static async Task<Browserless> AdminAsync(AwardVoteApp app)
    {
        var browser = new Browserless(app);
        await browser.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        return browser;
    }

    private static async Task<HttpClient> AdminApiAsync(AwardVoteApp app)
    {
        var client = app.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoSeeder.AdministratorEmail, password = DemoSeeder.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
