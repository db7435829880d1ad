using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Jury;

[Collection(AppsCollection.Name)]
public sealed class ProgressTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Before_close_the_board_shows_counts_and_no_score_and_after_close_each_jurors_mean_and_deviation(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var first = await world.NominationAsync(await world.LibraryAsync("Siguldas bibliotēka", municipality: "Sigulda"));
        var second = await world.NominationAsync(await world.LibraryAsync("Tukuma bibliotēka", municipality: "Tukums"));
        var third = await world.NominationAsync(await world.LibraryAsync("Talsu bibliotēka", municipality: "Talsi"));
        var chair = await world.PersonAsync("Priekšsēdētāja Vītola", ScopedRole.Chair);
        var juror = await world.PersonAsync("Andris Bērziņš", ScopedRole.Juror);
        // Chair: two complete ballots (means 7752 and 4813) and one unfinished; juror: a confirmed conflict on the third.
        await world.BallotAsync(chair, first, 9371, 6133);
        await world.BallotAsync(chair, second, 4813, 4813);
        await world.BallotAsync(chair, third, 4199, null);
        await world.BallotAsync(juror, first, 2503, 2503);
        await world.ConflictAsync(juror, third, ConflictSource.DeclaredByJuror, ConflictStatus.Confirmed);
        using var browser = await world.SignedInAsync(chair);
        using var admin = await world.SignedInAdministratorAsync();

        var page = await browser.GetPageAsync($"/Jury/Progress?{world.Panel}");
        var json = await admin.Http.GetStringAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/progress");

        Assert.Contains("data-testid=\"scores-hidden\"", page);
        Assert.Contains("Vērtējumi ir paslēpti, līdz kārta tiek slēgta", page);
        Assert.Contains("2 / 3", Row(page, $"juror-{chair.Id}"));
        Assert.Contains("1 / 2", Row(page, $"juror-{juror.Id}"));
        // The third nomination: one juror assigned (the other is conflicted), nobody finished.
        Assert.Contains("0 / 1", Row(page, $"nomination-{third}"));
        Assert.Contains("data-testid=\"nominations-open\"", page);
        // Ids, tokens and names are left out first: a random id may contain any digits.
        // Names shown as text (e-mails, slugs, registration numbers) carry random hex too.
        var pageText = Regex.Replace(Regex.Replace(page, "\"[^\"]*\"", "\"\""), "[0-9a-f]{12,}", "");
        var jsonNumbers = Regex.Replace(json, "\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        foreach (var planted in new[] { "9371", "6133", "4199", "4813", "7752", "6282", "2503" })
        {
            Assert.DoesNotContain(planted, pageText);
            Assert.DoesNotContain(planted, jsonNumbers);
        }
        using (var doc = JsonDocument.Parse(json))
        {
            Assert.False(doc.RootElement.GetProperty("roundIsClosed").GetBoolean());
            Assert.All(doc.RootElement.GetProperty("jurors").EnumerateArray(), j => Assert.Equal(JsonValueKind.Null, j.GetProperty("mean").ValueKind));
        }

        await world.CloseRoundAsync();
        var closed = await browser.GetPageAsync($"/Jury/Progress?{world.Panel}");
        var closedJson = await admin.Http.GetStringAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/progress");

        Assert.Contains("data-testid=\"scores-shown\"", closed);
        Assert.Contains("6282,50 ± 1469,50", Row(closed, $"juror-{chair.Id}"));
        Assert.Contains("2503,00 ± 0,00", Row(closed, $"juror-{juror.Id}"));
        using var closedDoc = JsonDocument.Parse(closedJson);
        var chairRow = closedDoc.RootElement.GetProperty("jurors").EnumerateArray().Single(j => j.GetProperty("userId").GetString() == chair.Id);
        Assert.Equal(6282.5m, chairRow.GetProperty("mean").GetDecimal());
        Assert.Equal(1469.5m, decimal.Round(chairRow.GetProperty("standardDeviation").GetDecimal(), 6));
    }

    [Theory, AllProviders]
    public async Task A_juror_who_is_not_the_chair_cannot_open_the_board_or_its_api(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var juror = await world.PersonAsync("Ilze Zariņa", ScopedRole.Juror);
        // The chair of another panel is no chair here.
        var otherWorld = await JuryWorld.CreateAsync(world.App);
        var otherChair = await otherWorld.PersonAsync("Cita priekšsēdētāja", ScopedRole.Chair);

        foreach (var person in new[] { juror, otherChair })
        {
            using var browser = await world.SignedInAsync(person);
            using (var page = await browser.Http.GetAsync($"/Jury/Progress?{world.Panel}"))
                Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery);
            using (var remind = await browser.SubmitFormAsync("/Libraries", new Dictionary<string, string>(), $"/Jury/Progress?handler=Remind&{world.Panel}"))
                Assert.StartsWith("/Account/AccessDenied", remind.Headers.Location!.PathAndQuery);
            using (var api = await browser.Http.GetAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/progress"))
                Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }
    }

    /// <summary>The table row with the given data-testid.</summary>
    private static string Row(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row {testId}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
