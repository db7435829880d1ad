using System.IO.Compression;
using System.Net;
using System.Text;
using AwardVote.Application.Ballots;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Jobs;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Exports;

[Collection(AppsCollection.Name)]
public sealed class ExportTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Scores_are_refused_while_the_round_is_open_and_nothing_is_audited(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        await CastAsync(world, world.JurorA, world.NominationIds[0], 5, 4, "Ļoti labi");
        using var admin = await AdminAsync(world);

        using var response = await admin.Http.GetAsync(ScoresUrl(world, "Csv"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.ToString());
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"refusal\"", page);
        Assert.Contains("1. kārta vēl ir atvērta līdz", page);
        Assert.DoesNotContain("Ļoti labi", page);
        using var xlsx = await admin.Http.GetAsync(ScoresUrl(world, "Xlsx"));
        Assert.Equal(HttpStatusCode.Conflict, xlsx.StatusCode);
        Assert.Equal(0, await world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "export.downloaded" && a.CycleId == world.CycleId)));
        // The page offers no link for the open round.
        var exports = await admin.GetPageAsync($"/Admin/Exports?cycleId={world.CycleId}");
        Assert.DoesNotContain("what=scores", exports);
    }

    [Theory, AllProviders]
    public async Task After_close_the_scores_export_has_every_ballot_under_the_counts_juror_codes_with_comments_and_no_private_notes(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var (a, b) = (world.NominationIds[0], world.NominationIds[1]);
        await CastAsync(world, world.JurorA, a, 5, 4, "=HYPERLINK(\"http://evil.example\",\"Klikšķini\")", "slepena piezīme");
        await CastAsync(world, world.JurorA, b, 2, 3, "Vidēji");
        await CastAsync(world, world.JurorB, a, 4, 4, "Ļoti labi");
        await world.CloseRoundNowAsync();
        using var admin = await AdminAsync(world);

        using var response = await admin.Http.GetAsync(ScoresUrl(world, "Csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split("\r\n");
        Assert.Equal("Kārta;Kategorija;Žūrijas loceklis;Pieteikuma ID;Pieteikums;Atturējies;Papīra biļetens;Pakalpojumi (svars 0,6);Projekti (svars 0,4);Svērtais vidējais;Komentārs pieteiktajai bibliotēkai", lines[0]);
        Assert.Equal(4, lines.Length);
        var codes = AnonymousJurors.Codes([world.JurorA, world.JurorB]);
        Assert.Contains($"1;Gada bibliotēka;{codes[world.JurorA]};{a};Alsungas bibliotēka;nē;nē;5;4;4,6;\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Klikšķini\"\")\"", lines);
        Assert.Contains($"1;Gada bibliotēka;{codes[world.JurorB]};{a};Alsungas bibliotēka;nē;nē;4;4;4;Ļoti labi", lines);
        Assert.Contains($"1;Gada bibliotēka;{codes[world.JurorA]};{b};Bauskas bibliotēka;nē;nē;2;3;2,4;Vidēji", lines);
        var text = string.Join('\n', lines);
        Assert.DoesNotContain("slepena piezīme", text);
        Assert.DoesNotContain("Juris", text);
        Assert.DoesNotContain(world.JurorA, text);

        // The count names the jurors alike in its ballot file.
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Counting)));
        await using (var scope = world.App.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);
        var ballotFile = await world.QueryAsync(db => db.RoundResults.Where(r => r.RoundId == world.RoundId).Select(r => r.BallotFile).SingleAsync());
        Assert.Contains($"{codes[world.JurorA]},Alsungas bibliotēka,Pakalpojumi,5", ballotFile);

        var audit = await world.QueryAsync(db => db.AuditEntries.Where(x => x.Action == "export.downloaded" && x.CycleId == world.CycleId).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(DemoSeeder.AdministratorEmail, await world.QueryAsync(db => db.Users.Where(u => u.Id == entry.ActorUserId).Select(u => u.Email).SingleAsync()));
        Assert.Contains("\"Export\":\"scores\"", entry.After);
        Assert.Contains("\"Format\":\"Csv\"", entry.After);
    }

    [Theory, AllProviders]
    public async Task A_statute_that_shows_scores_after_close_names_the_jurors(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Secrecy, ScoreSecrecy.VisibleToJuryAfterClose)));
        await CastAsync(world, world.JurorA, world.NominationIds[0], 5, 4, null);
        await world.CloseRoundNowAsync();
        using var admin = await AdminAsync(world);

        var text = Encoding.UTF8.GetString(await admin.Http.GetByteArrayAsync(ScoresUrl(world, "Csv")));

        Assert.Contains(";Juris A;", text);
        Assert.DoesNotContain("juror-01", text);
    }

    [Theory, AllProviders]
    public async Task Nominations_and_results_download_as_csv_and_excel(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        await world.QueryAsync(db => db.Nominations.Where(n => n.Id == world.NominationIds[2])
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.PublicSummary, "@SUM(A1:A9) un -5 lasītāji")));
        await CastAsync(world, world.JurorA, world.NominationIds[0], 5, 5, null);
        await CastAsync(world, world.JurorA, world.NominationIds[1], 1, 1, null);
        await CastAsync(world, world.JurorA, world.NominationIds[2], 3, 3, null);
        await world.CloseRoundNowAsync();
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Counting)));
        await using (var scope = world.App.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);
        using var admin = await AdminAsync(world);
        var page = await admin.GetPageAsync($"/Admin/Exports?cycleId={world.CycleId}");
        Assert.Contains("data-testid=\"export-results-csv\"", page);
        Assert.Contains("data-testid=\"exports-link\"", await admin.GetPageAsync("/Admin"));

        var nominations = Encoding.UTF8.GetString(await admin.Http.GetByteArrayAsync(Url(world, "nominations", "Csv")));
        Assert.Contains($"{world.NominationIds[0]};Alsungas bibliotēka;Kurzeme;Alsungas;Gada bibliotēka;Iesniegts;", nominations);
        Assert.Contains(";\"'@SUM(A1:A9) un -5 lasītāji\";", nominations);

        var results = Encoding.UTF8.GetString(await admin.Http.GetByteArrayAsync(Url(world, "results", "Csv")));
        var rows = results.TrimEnd().Split("\r\n");
        Assert.Equal(4, rows.Length);
        Assert.StartsWith("\uFEFF" + "Kārta;Kategorija;Metode;Iznākums;Vieta;Pieteikums;", rows[0]);
        Assert.StartsWith("1;Gada bibliotēka;Vērtējumu svērtais vidējais;Izšķirts;1;Alsungas bibliotēka;1;5;5;", rows[1]);
        Assert.StartsWith("1;Gada bibliotēka;Vērtējumu svērtais vidējais;Izšķirts;3;Bauskas bibliotēka;1;1;1;", rows[3]);

        using var xlsx = await admin.Http.GetAsync(Url(world, "results", "Xlsx"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.Contains("Alsungas bibliotēka", await sheet.ReadToEndAsync());

        var audited = await world.QueryAsync(db => db.AuditEntries.Where(x => x.Action == "export.downloaded" && x.CycleId == world.CycleId).Select(x => x.After!).ToListAsync());
        Assert.Equal(3, audited.Count);
        Assert.Single(audited, a => a.Contains("\"Export\":\"results\"") && a.Contains("\"Format\":\"Xlsx\""));
    }

    [Theory, AllProviders]
    public async Task Only_administrators_export(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        await world.CloseRoundNowAsync();
        using var juror = await world.SignedInAsync(world.JurorAEmail);
        using var response = await juror.Http.GetAsync(ScoresUrl(world, "Csv"));
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    private static string Url(JudgingWorld world, string what, string format) =>
        $"/Admin/Exports?handler=Download&cycleId={world.CycleId}&what={what}&format={format}";

    private static string ScoresUrl(JudgingWorld world, string format) => Url(world, "scores", format) + "&round=1";

    private static async Task<Browserless> AdminAsync(JudgingWorld world)
    {
        var admin = new Browserless(world.App);
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        return admin;
    }

    private static async Task CastAsync(JudgingWorld world, string juror, int nomination, int first, int second, string? comment, string? notes = null)
    {
        await using var scope = world.App.Scope();
        var cast = await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(juror,
            new CastScoreBallotInput { NominationId = nomination, Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = first, [world.CriterionIds[1]] = second }, Comment = comment, PrivateNotes = notes }, null, CancellationToken.None);
        Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
    }
}
