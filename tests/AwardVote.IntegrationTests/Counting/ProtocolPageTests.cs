using AwardVote.Application.Ballots;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Jobs;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Counting;

/// <summary>The printable protocol of a counted round (/Admin/Results/Protocol).</summary>
[Collection(AppsCollection.Name)]
public sealed class ProtocolPageTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_score_round_protocol_shows_statute_hash_recusals_figures_sensitivity_order_and_approval(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var (a, b, c) = (world.NominationIds[0], world.NominationIds[1], world.NominationIds[2]);
        await CastAsync(world, world.JurorA, a, 5, 5);
        await CastAsync(world, world.JurorA, b, 1, 1);
        await CastAsync(world, world.JurorA, c, 3, 3);
        await CastAsync(world, world.JurorB, a, 4, 4);
        await CastAsync(world, world.JurorB, c, 3, 3);
        await world.QueryAsync(async db =>
        {
            db.Conflicts.Add(new ConflictOfInterest { CycleId = world.CycleId, NominationId = b, JurorUserId = world.JurorB, Source = ConflictSource.SameMunicipality, Reason = "Bauska", Status = ConflictStatus.Confirmed, DecidedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var result = await CountAsync(world, 1);
        using var admin = new Browserless(world.App);
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);

        var review = await admin.GetPageAsync($"/Admin/Results?cycleId={world.CycleId}");
        Assert.Contains($"href=\"/Admin/Results/Protocol?id={result.Id}\"", review);
        var page = await admin.GetPageAsync($"/Admin/Results/Protocol?id={result.Id}");

        Assert.Contains("Balsu skaitīšanas protokols", page);
        Assert.Contains(result.BallotFileSha256, page);
        Assert.Contains("Pakalpojumi", page);                       // the statute's criteria …
        Assert.Contains("0,6", page);                              // … with their weights
        Assert.Contains("data-testid=\"recusals\"", page);
        Assert.Contains("Bauskas bibliotēka", page);
        Assert.Contains("žūrijas loceklis (slepens balsojums)", page); // a secret statute names no juror
        Assert.DoesNotContain("Juris B", page);
        Assert.Contains("data-testid=\"score-table\"", page);
        Assert.Contains("4,5", page);                              // Alsungas: mean of 5 and 4
        var protocol = CountProtocol.FromJson(result.ProtocolJson);
        // The sensitivity line in words, not the engine's English summary.
        Assert.Contains("data-testid=\"sensitivity\">Pēc visiem rādītājiem rezultāts ir tāds pats.", page);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(protocol.Score!.Sensitivity.Summary), page);
        Assert.Contains("data-testid=\"not-published\"", page);
        Assert.True(page.IndexOf("Alsungas bibliotēka</td>", page.IndexOf("data-testid=\"order\"", StringComparison.Ordinal), StringComparison.Ordinal)
                    < page.IndexOf("Cesvaines bibliotēka</td>", page.IndexOf("data-testid=\"order\"", StringComparison.Ordinal), StringComparison.Ordinal));
        // No script but the layout's own phone menu: the protocol prints and reads without one.
        Assert.DoesNotMatch("(?i)<script(?![^>]*src=\"/js/menu)", page);

        // Approved (by the other helper's publication flow, here written directly): who and when.
        var adminId = await world.QueryAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AdministratorEmail).Select(u => u.Id).SingleAsync());
        var adminName = await world.QueryAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.DisplayName).SingleAsync());
        await world.QueryAsync(async db =>
        {
            db.Publications.Add(new Publication { CycleId = world.CycleId, CategoryId = world.CategoryId, RoundResultId = result.Id, LaureateNominationId = a, Citation = "Par drosmi", ApprovedByUserId = adminId, ApprovedAt = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero) });
            return await db.SaveChangesAsync();
        });
        page = await admin.GetPageAsync($"/Admin/Results/Protocol?id={result.Id}");
        Assert.DoesNotContain("data-testid=\"not-published\"", page);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(adminName), page);
        Assert.Contains("2026. gada 4. maijā plkst. 12.00", page);
        Assert.Contains("Par drosmi", page);

        // Downloading the ballot file is an export too: audited.
        Assert.Equal(result.BallotFile, await admin.Http.GetStringAsync($"/Admin/Results?handler=BallotFile&id={result.Id}"));
        var audited = await world.QueryAsync(db => db.AuditEntries.Where(x => x.Action == "export.downloaded" && x.CycleId == world.CycleId).Select(x => x.After!).ToListAsync());
        Assert.Contains(audited, a => a.Contains("\"Export\":\"ballot-file\""));

        using var juror = await world.SignedInAsync(world.JurorAEmail);
        using var denied = await juror.Http.GetAsync($"/Admin/Results/Protocol?id={result.Id}");
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
    }

    [Theory, AllProviders]
    public async Task A_schulze_protocol_prints_the_pairwise_matrix_and_strongest_paths(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider), ranked: true);
        var (first, second) = (world.NominationIds[0], world.NominationIds[1]);
        foreach (var juror in new[] { world.JurorA, world.JurorB })
        {
            await using var scope = world.App.Scope();
            var cast = await scope.ServiceProvider.GetRequiredService<CastRanking>().RunAsync(juror,
                new CastRankingInput { CycleId = world.CycleId, CategoryId = world.CategoryId, Ranks = new Dictionary<int, int?> { [second] = 1, [first] = 2 } }, null, CancellationToken.None);
            Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
        }
        var result = await CountAsync(world, 2);
        using var admin = new Browserless(world.App);
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);

        var page = await admin.GetPageAsync($"/Admin/Results/Protocol?id={result.Id}");

        Assert.Contains("data-testid=\"pairwise\"", page);
        Assert.Contains("data-testid=\"paths\"", page);
        // Bauska beats Alsunga 2 : 0 in both tables: each has one winning cell of 2 and one 0.
        foreach (var table in new[] { "pairwise", "paths" })
        {
            var matrix = Table(page, table);
            Assert.Equal(1, CountOf(matrix, "<td class=\"number wins\">2</td>"));
            Assert.Equal(1, CountOf(matrix, "<td class=\"number\">0</td>"));
            Assert.Equal(2, CountOf(matrix, "<td class=\"number diagonal\">"));
        }
        Assert.Contains("Bauskas bibliotēka &gt; Alsungas bibliotēka * 2", page);
        Assert.Contains("data-testid=\"no-recusals\"", page);
    }

    [Fact]
    public void The_stylesheet_has_print_rules_that_hide_the_menus()
    {
        var css = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "AwardVote.Web", "wwwroot", "css", "site.css"));
        var print = css[css.IndexOf("@media print", StringComparison.Ordinal)..];
        Assert.Contains(".site-header", print);
        Assert.Contains(".no-print", print);
    }

    private static string Table(string page, string testId)
    {
        var start = page.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {testId}");
        return page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    private static async Task<RoundResult> CountAsync(JudgingWorld world, int round)
    {
        await world.QueryAsync(db => db.Cycles.Where(x => x.Id == world.CycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Phase, CyclePhase.Counting).SetProperty(x => x.RoundNumber, round)));
        await using (var scope = world.App.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);
        var roundId = await world.QueryAsync(db => db.Rounds.Where(r => r.CycleId == world.CycleId && r.Number == round).Select(r => r.Id).SingleAsync());
        return await world.QueryAsync(db => db.RoundResults.SingleAsync(r => r.RoundId == roundId));
    }

    private static async Task CastAsync(JudgingWorld world, string juror, int nomination, int first, int second)
    {
        await using var scope = world.App.Scope();
        var cast = await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(juror,
            new CastScoreBallotInput { NominationId = nomination, Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = first, [world.CriterionIds[1]] = second } }, null, CancellationToken.None);
        Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
    }
}
