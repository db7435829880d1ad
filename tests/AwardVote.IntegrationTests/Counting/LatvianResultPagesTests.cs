using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AwardVote.Application.Ballots;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Jobs;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.PeoplesChoice;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Counting;

/// <summary>
/// After a real count with a tie-break, the administrator's pages (results review, printable protocol, the audit
/// list, the mail page, the people's-choice count) read as Latvian: no English from the counting engine, no raw codes,
/// no record text. The same pages in English say it in English.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class LatvianResultPagesTests(Apps apps)
{
    private static readonly string[] EnglishWords = ["wins", "CHANGES", "mean", "median", "normalised", "shortlist", "unbroken", "tie", "winner", "separated", "separate"];

    [Theory, AllProviders]
    public async Task Results_protocol_audit_and_mail_pages_after_a_tie_break_have_no_English_and_no_raw_codes(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var (a, b, c) = (world.NominationIds[0], world.NominationIds[1], world.NominationIds[2]);
        // The statute: criteria listed "Projekti" before "Pakalpojumi" (not their alphabetical order), and a chain that
        // cannot separate Alsunga and Bauska: the criterion, then first places, then the chair.
        await world.QueryAsync(async db =>
        {
            var cycle = await db.Cycles.Include(x => x.Criteria).Include(x => x.TieBreakChain).SingleAsync(x => x.Id == world.CycleId);
            var services = cycle.Criteria.Single(x => x.Name == "Pakalpojumi");
            var projects = cycle.Criteria.Single(x => x.Name == "Projekti");
            (services.Order, projects.Order) = (2, 1);
            cycle.TieBreakChain.AddRange(
            [
                new TieBreakStep { Order = 1, Rule = TieBreakRule.HigherMeanOnCriterion, CriterionId = services.Id },
                new TieBreakStep { Order = 2, Rule = TieBreakRule.MoreFirstPreferences },
                new TieBreakStep { Order = 3, Rule = TieBreakRule.ChairCastingVote },
            ]);
            return await db.SaveChangesAsync();
        });
        // Weighted means (0.6 × Pakalpojumi + 0.4 × Projekti): Alsunga 3.4 and 2.6, Bauska 3 and 3: both 3.0; each juror
        // puts a different one first; Cesvaine last.
        await CastAsync(world, world.JurorA, a, 5, 1);
        await CastAsync(world, world.JurorB, a, 1, 5);
        await CastAsync(world, world.JurorA, b, 3, 3);
        await CastAsync(world, world.JurorB, b, 3, 3);
        await CastAsync(world, world.JurorA, c, 1, 1);
        await CastAsync(world, world.JurorB, c, 1, 1);
        var result = await CountAsync(world);
        var protocol = CountProtocol.FromJson(result.ProtocolJson);
        Assert.Equal(CountOutcome.UnbrokenTie, protocol.Outcome);
        Assert.Equal(3, protocol.TieBreaks.Count);
        Assert.Equal([3m, 3m], protocol.TieBreaks[0].Values!);   // the evidence is stored with the step

        // An audit entry about an account that no longer exists, and a change by the administrator.
        var adminId = await world.QueryAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AdministratorEmail).Select(u => u.Id).SingleAsync());
        var goneId = Guid.NewGuid().ToString();
        await world.QueryAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, ActorUserId = adminId, ActorName = DemoSeeder.AdministratorEmail, Action = "role.granted", EntityType = "User", EntityId = goneId });
            return db.SaveChangesAsync();
        });

        using var admin = new Browserless(world.App);
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var review = await admin.GetPageAsync($"/Admin/Results?cycleId={world.CycleId}");
        var printable = await admin.GetPageAsync($"/Admin/Results/Protocol?id={result.Id}");
        var overview = await admin.GetPageAsync("/Admin");
        var mail = await admin.GetPageAsync("/Admin/Mail");

        foreach (var (name, html) in new[] { ("results review", review), ("protocol", printable), ("audit list", overview), ("mail page", mail) })
            AssertLatvianOnly(name, html);

        // What they say instead, in Latvian.
        Assert.Contains("Vienāds rezultāts pirmajā vietā: Alsungas bibliotēka, Bauskas bibliotēka.", Text(review));
        Assert.Contains("Nolikums to atstāj žūrijas priekšsēdētāja izšķirošajai balsij.", Text(printable));
        Assert.Contains("Noteikums tos neatšķīra: Alsungas bibliotēka (3), Bauskas bibliotēka (3).", Text(printable));
        Assert.Contains("Rezultāts paliek vienāds: vajadzīga žūrijas priekšsēdētāja izšķirošā balss.", Text(printable));
        Assert.DoesNotContain(" .", Section(printable, "tie-breaks"));
        // The score table's criterion columns follow the statute: Projekti, then Pakalpojumi.
        var table = Section(printable, "score-table");
        Assert.True(table.IndexOf("Projekti", StringComparison.Ordinal) < table.IndexOf("Pakalpojumi", StringComparison.Ordinal), table);
        Assert.Contains("Kārta saskaitīta", Text(overview));
        Assert.Contains("dzēsts konts", Text(overview));
        Assert.DoesNotContain(goneId, overview);

        // The same pages in English are English.
        var english = Text(await admin.GetPageAsync($"/Admin/Results/Protocol?id={result.Id}&culture=en"));
        Assert.Contains("Tied for first place: Alsungas bibliotēka, Bauskas bibliotēka.", english);
        Assert.Contains("The rule did not separate them: Alsungas bibliotēka (3), Bauskas bibliotēka (3).", english);
        Assert.Contains("Role granted", Text(await admin.GetPageAsync("/Admin?culture=en")));
    }

    [Theory, AllProviders]
    public async Task A_tied_peoples_choice_count_says_so_in_Latvian(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        await VoteAsync(world, 0);
        await VoteAsync(world, 1);
        await world.CloseVoteAsync();
        await world.MoveToAsync(CyclePhase.Counting);
        await using (var scope = world.App.Scope())
            await scope.ServiceProvider.GetRequiredService<CountPeoplesChoiceJob>().RunAsync(CancellationToken.None);

        using var admin = new Browserless(world.App);
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var page = await admin.GetPageAsync($"/Admin/PeoplesChoice?cycleId={world.CycleId}");

        AssertLatvianOnly("people's-choice count", page);
        Assert.Contains($"Vienāds rezultāts pirmajā vietā: {world.NameOf(0)}, {world.NameOf(1)}.", Text(page));
    }

    private static void AssertLatvianOnly(string page, string html)
    {
        var text = Text(html);
        var withoutAddresses = EmailAddress().Replace(text, " ");
        foreach (var word in EnglishWords)
            Assert.False(Regex.IsMatch(text, $@"\b{word}\b"), $"The {page} says \"{word}\" in Latvian:\n{Around(text, word)}");
        Assert.DoesNotContain("System.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{ Rule =", html, StringComparison.Ordinal);
        Assert.False(GuidPattern().IsMatch(text), $"The {page} shows an id: {Around(text, GuidPattern().Match(text).Value)}");
        Assert.False(Code().IsMatch(withoutAddresses), $"The {page} shows a code: {Code().Match(withoutAddresses).Value}");
    }

    /// <summary>What the reader sees of the page's main part: no tags, no attributes, no scripts.</summary>
    private static string Text(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        var main = start >= 0 && end > start ? html[start..end] : html;
        return WebUtility.HtmlDecode(Whitespace().Replace(Tag().Replace(main, " "), " "));
    }

    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {testId}");
        var end = testId == "score-table" ? html.IndexOf("</table>", start, StringComparison.Ordinal) : html.IndexOf("</ol>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static string Around(string text, string word)
    {
        var at = Math.Max(0, text.IndexOf(word, StringComparison.Ordinal));
        return text[Math.Max(0, at - 120)..Math.Min(text.Length, at + 120)];
    }

    private static async Task<RoundResult> CountAsync(JudgingWorld world)
    {
        await world.QueryAsync(db => db.Cycles.Where(x => x.Id == world.CycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Phase, CyclePhase.Counting).SetProperty(x => x.RoundNumber, 1)));
        await using (var scope = world.App.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);
        return await world.QueryAsync(db => db.RoundResults.SingleAsync(r => r.RoundId == world.RoundId && r.CategoryId == world.CategoryId));
    }

    /// <param name="services">The score for "Pakalpojumi".</param>
    /// <param name="projects">The score for "Projekti".</param>
    private static async Task CastAsync(JudgingWorld world, string juror, int nomination, int services, int projects)
    {
        var ids = await world.QueryAsync(db => db.Criteria.Where(x => x.CycleId == world.CycleId).ToDictionaryAsync(x => x.Name, x => x.Id));
        await using var scope = world.App.Scope();
        var cast = await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(juror,
            new CastScoreBallotInput { NominationId = nomination, Scores = new Dictionary<int, int?> { [ids["Pakalpojumi"]] = services, [ids["Projekti"]] = projects } },
            null, CancellationToken.None);
        Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
    }

    private static async Task VoteAsync(VoteWorld world, int index)
    {
        using var client = world.App.CreateClient();
        using var confirmed = await world.ConfirmAsync(client, await world.AddRequestAsync(world.Voter(), index));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    [GeneratedRegex("<script.*?</script>|<style.*?</style>|<[^>]+>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[^\s<>()]+@[^\s<>()]+")]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")]
    private static partial Regex GuidPattern();

    /// <summary>An action or purpose code: lower-case words joined by a dot (<c>library.registered</c>) or hyphens (<c>account-confirmation</c>).</summary>
    [GeneratedRegex(@"\b[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*\b|\b[a-z]{3,}(?:-[a-z]{3,})+\b")]
    private static partial Regex Code();
}
