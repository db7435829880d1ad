using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Application.Nominations;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AwardVote.IntegrationTests.Nominations.NominationApiClient;

namespace AwardVote.IntegrationTests.Nominations;

/// <summary>
/// Issue 14, item 8: a submitted nomination does not change under the jury's eyes. A save over it is refused, on the
/// page and through the API alike; a change is a named resubmission, audited, with a receipt naming what changed.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ResubmissionTests(Apps apps)
{
    private const string Submitted = "Iesniegtie sasniegumi";

    [Theory, AllProviders]
    public async Task After_submission_a_save_changes_nothing_the_jury_reads_and_is_refused_alike(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Gulbenes bibliotēka");
        var id = await SubmittedAsync(world, libraryId, email);
        using var browser = await world.SignedInAsync(email);
        using var client = await BearerAsync(world, email);

        var form = await browser.GetPageAsync($"/Nominations/Edit?id={id}");
        Assert.DoesNotContain("data-testid=\"save\"", form);
        Assert.Contains("data-testid=\"resubmit\"", form);
        // A save as a script or an old tab would post it: the "Save the draft" handler and PUT.
        using var page = await NominationFormTests.PostEditAsync(browser, id, "Save", "Kopsavilkums", "Pēc iesniegšanas mainīts", openedForm: form);
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/nominations/{id}")).GetProperty("version").GetGuid();
        using var api = await client.PutAsJsonAsync($"/api/nominations/{id}", new { version, publicSummary = "Kopsavilkums", achievements = "Pēc iesniegšanas mainīts" });
        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.Conflict, "Šis pieteikums ir iesniegts, un žūrija to lasa tādu, kāds tas iesniegts");
        Assert.Equal("SubmittedNominationNeedsResubmission", await Parity.ProblemCodeAsync(api));

        // What the association reads (the screening, and the jury from judging on) is still the submitted text.
        using var admin = await BearerAsync(world, DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/nominations/{id}");
        Assert.Equal((Submitted, "Submitted"), (read.GetProperty("achievements").GetString(), read.GetProperty("status").GetString()));
        Assert.DoesNotContain("nomination.saved", await ActionsAsync(world, id));
    }

    [Theory, AllProviders]
    public async Task A_resubmission_changes_what_the_jury_reads_and_mails_a_receipt_naming_what_changed(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Balvu bibliotēka");
        var id = await SubmittedAsync(world, libraryId, email);
        var submittedAt = await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.SubmittedAt).SingleAsync());
        using var browser = await world.SignedInAsync(email);

        using var page = await NominationFormTests.PostEditAsync(browser, id, "Resubmit", "Kopsavilkums", "Jaunie sasniegumi",
            partner: ("Balvu novada pašvaldība", "finansējums"));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var after = await world.QueryAsync(db => db.Nominations.AsNoTracking().Include(n => n.Partners).SingleAsync(n => n.Id == id));
        Assert.Equal((NominationStatus.Submitted, "Jaunie sasniegumi"), (after.Status, after.Achievements));
        Assert.Equal("Balvu novada pašvaldība", Assert.Single(after.Partners).Name);
        Assert.True(after.SubmittedAt > submittedAt);
        Assert.Contains("nomination.resubmitted", await ActionsAsync(world, id));

        await world.DeliverMailAsync();
        var receipt = Assert.Single(await Mailbox.WaitForAsync(email, count: 2), m => m.Subject == "Pieteikums mainīts un iesniegts atkārtoti: Balvu bibliotēka");
        // The form also sent the statistic row the helper always fills: statistics changed too; the summary did not.
        Assert.Contains("Kopš iepriekšējās iesniegšanas mainīts: sasniegumi, partneri, statistikas rādītāji.", receipt.TextBody);
        Assert.Contains("/Nominations/Edit?id=" + id, receipt.TextBody);
    }

    [Theory, AllProviders]
    public async Task Resubmitting_nothing_new_or_a_draft_is_refused_alike_on_the_page_and_in_the_api(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Viļakas bibliotēka");
        var id = await SubmittedAsync(world, libraryId, email);
        using var browser = await world.SignedInAsync(email);
        using var client = await BearerAsync(world, email);

        var current = await client.GetFromJsonAsync<JsonElement>($"/api/nominations/{id}");
        var same = new { version = current.GetProperty("version").GetGuid(), publicSummary = "Kopsavilkums", achievements = Submitted };
        var form = await browser.GetPageAsync($"/Nominations/Edit?id={id}");
        using (var page = await browser.Http.PostAsync($"/Nominations/Edit?id={id}&handler=Resubmit", new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(form), ["Input.Version"] = Browserless.InputValue(form, "Input.Version"),
                   ["Input.PublicSummary"] = "Kopsavilkums", ["Input.Achievements"] = Submitted,
               })))
        using (var api = await client.PostAsJsonAsync($"/api/nominations/{id}/resubmit", same))
        {
            await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.Conflict, "Kopš pēdējās iesniegšanas pieteikumā nekas nav mainīts");
            Assert.Equal("NothingChangedToResubmit", await Parity.ProblemCodeAsync(api));
        }

        // Back to a draft (as after a withdrawal and a save): what is not submitted cannot be resubmitted.
        await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NominationStatus.Draft)));
        using (var page = await NominationFormTests.PostEditAsync(browser, id, "Resubmit", "Kopsavilkums", "Cits teksts"))
        using (var api = await client.PostAsJsonAsync($"/api/nominations/{id}/resubmit", new
               {
                   version = await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Version).SingleAsync()),
                   publicSummary = "Kopsavilkums", achievements = "Cits teksts",
               }))
        {
            await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.Conflict, "Atkārtoti iesniegt var tikai iesniegtu pieteikumu.");
        }
        Assert.Equal(Submitted, await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Achievements).SingleAsync()));
    }

    /// <summary>Two tabs resubmitting from the same version: the database keeps one; the other is told, nothing is lost silently.</summary>
    [Theory, AllProviders]
    public async Task Two_resubmissions_from_the_same_version_make_one_change_and_one_receipt(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Cesvaines bibliotēka");
        var id = await SubmittedAsync(world, libraryId, email);
        using var first = await BearerAsync(world, email);
        using var second = await BearerAsync(world, email);
        var version = (await first.GetFromJsonAsync<JsonElement>($"/api/nominations/{id}")).GetProperty("version").GetGuid();

        var answers = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/nominations/{id}/resubmit", new { version, publicSummary = "Kopsavilkums", achievements = "Pirmā cilne" }),
            second.PostAsJsonAsync($"/api/nominations/{id}/resubmit", new { version, publicSummary = "Kopsavilkums", achievements = "Otrā cilne" }));
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, answers.Select(a => a.StatusCode).Order());
        var refused = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("NominationChangedMeanwhile", await Parity.ProblemCodeAsync(refused));
        Assert.Single(await ActionsAsync(world, id), a => a == "nomination.resubmitted");
        Assert.Equal(1, await world.QueryAsync(db => db.Outbox.CountAsync(m => m.Purpose == "nomination-resubmission" && m.ToEmail == email)));
        foreach (var answer in answers)
            answer.Dispose();
    }

    /// <summary>A nomination of the library submitted through the API, as a library does, with its first receipt.</summary>
    [Theory, AllProviders]
    public async Task A_file_added_or_removed_after_submission_mails_a_receipt_as_a_resubmission_does(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Kārsavas bibliotēka");
        var id = await SubmittedAsync(world, libraryId, email);
        var userId = await world.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var png = AttachmentTests.Png(40, 30);

        Attachment added;
        await using (var scope = world.App.Scope())
        {
            using var stream = new MemoryStream(png);
            var file = new FormFile(stream, 0, png.Length, "File", "lasitava.png") { Headers = new HeaderDictionary(), ContentType = "image/png" };
            var upload = await scope.ServiceProvider.GetRequiredService<UploadAttachment>().RunAsync(id, userId,
                new UploadAttachmentInput { File = file, Caption = "Lasītava", ConsentGiven = true }, CancellationToken.None);
            Assert.True(upload.Succeeded, string.Join(", ", upload.Refusals));
            added = upload.Value!;
        }
        Assert.Single(await ReceiptsAsync(world, email));
        await using (var scope = world.App.Scope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<DeleteAttachment>().RunAsync(id, added.Id, CancellationToken.None)).Succeeded);

        var receipts = await ReceiptsAsync(world, email);
        Assert.Equal(2, receipts.Count);
        Assert.All(receipts, body => Assert.Contains("Kopš iepriekšējās iesniegšanas mainīts: pievienotie faili.", body));
    }

    private static Task<List<string>> ReceiptsAsync(NominationWorld world, string email) => world.QueryAsync(db => db.Outbox
        .Where(m => m.Purpose == "nomination-resubmission" && m.ToEmail == email).Select(m => m.TextBody).ToListAsync());

    private static async Task<int> SubmittedAsync(NominationWorld world, int libraryId, string email)
    {
        var id = await world.NominationAsync(libraryId, achievements: Submitted);
        using var client = await BearerAsync(world, email);
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/nominations/{id}")).GetProperty("version").GetGuid();
        using var submitted = await client.PostAsJsonAsync($"/api/nominations/{id}/submit", new { version });
        Assert.Equal("Submitted", (await JsonAsync(submitted, HttpStatusCode.OK)).GetProperty("status").GetString());
        return id;
    }

    private static Task<List<string>> ActionsAsync(NominationWorld world, int id) => world.QueryAsync(db => db.AuditEntries
        .Where(a => a.EntityType == "Nomination" && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
}
