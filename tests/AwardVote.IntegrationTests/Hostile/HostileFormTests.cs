using System.Globalization;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Access;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static AwardVote.IntegrationTests.Access.Cell;

namespace AwardVote.IntegrationTests.Hostile;

/// <summary>
/// Each form and API endpoint filled in wrong on purpose, as someone allowed to use it, at a time it accepts
/// changes: values too long, of the wrong type or out of range, ids of things that do not exist or belong to another
/// library or panel, markup and script where text or an address belongs. Every answer is a refusal a person can read
/// (a 4xx, or the form again with its message; never a 5xx) and nothing already saved changes.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class HostileFormTests(Apps apps)
{
    private static readonly string Script = "<script>alert('x')</script>";

    /// <summary>One hostile request: who sends it, when, and how it is built from the world's real ids.</summary>
    public sealed record Case(string Name, Role Role, Phase Phase, Func<Cell, Task<HttpRequestMessage>> Build);

    [Theory, AllProviders]
    public async Task Malformed_values_are_refused_with_a_message_and_change_nothing(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        await RunAsync(hostile, Cases(hostile.World));
    }

    internal static async Task RunAsync(HostileWorld hostile, IEnumerable<Case> cases)
    {
        var before = await Snapshot.TakeAsync(hostile.World);
        var files = Snapshot.StoredFiles(hostile.App);
        var problems = new List<string>();
        foreach (var @case in cases)
        {
            var cell = new Cell(hostile.World, hostile.Clients, @case.Role, @case.Phase);
            var answer = await hostile.SendAsync(await @case.Build(cell), @case.Role);
            if (answer.Status >= 500 || !HostileWorld.ExplainsItself(answer) || answer.Saved)
                problems.Add($"{@case.Name}: {answer}");
        }
        problems.AddRange(Snapshot.Changes(before, await Snapshot.TakeAsync(hostile.World)));
        if (Snapshot.StoredFiles(hostile.App) != files)
            problems.Add($"The attachment store held {files} files before and {Snapshot.StoredFiles(hostile.App)} after.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Long(int length) => new('ā', length);

    private static IEnumerable<Case> Cases(AccessWorld world)
    {
        // The nomination form of library A, open for nominations, with a valid base the cases spoil one field of.
        Case Edit(string name, params (string, string)[] spoiled) => new($"nomination form: {name}", Role.RepA, Phase.Nominations, async c =>
        {
            var fields = new Dictionary<string, string>
            {
                ["Input.Version"] = $"{await c.NominationVersionAsync(c.C.NominationA)}",
                ["Input.PublicSummary"] = "Kopsavilkums", ["Input.Achievements"] = "Sasniegumi",
            };
            foreach (var (key, value) in spoiled)
                fields[key] = value;
            return c.Form($"/Nominations/Edit?id={c.C.NominationA}&handler=Save", fields.Select(f => (f.Key, f.Value)));
        });
        yield return Edit("summary of 2,001 characters", ("Input.PublicSummary", Long(2001)));
        yield return Edit("achievements of 50,001 characters", ("Input.Achievements", Long(50_001)));
        yield return Edit("a partner's name of 301 characters", ("Input.Partners[0].Name", Long(301)));
        yield return Edit("a year that is not a number", ("Input.Statistics[0].Value", "5"), ("Input.Statistics[0].Year", "abc"));
        yield return Edit("a year before 1900", ("Input.Statistics[0].Value", "5"), ("Input.Statistics[0].Year", "1800"));
        yield return Edit("a negative number", ("Input.Statistics[0].Value", "-5"), ("Input.Statistics[0].Year", "2025"));
        yield return Edit("a number past decimal", ("Input.Statistics[0].Value", "1e400"), ("Input.Statistics[0].Year", "2025"));
        yield return Edit("an unknown kind of statistic", ("Input.Statistics[0].Kind", "999"), ("Input.Statistics[0].Value", "5"), ("Input.Statistics[0].Year", "2025"));
        yield return Edit("a javascript: link", ("Input.Links[0].Url", "javascript:alert(1)"));
        yield return Edit("a link of 2,001 characters", ("Input.Links[0].Url", "https://x.example/" + new string('a', 1990)));
        yield return Edit("a version that is not a GUID", ("Input.Version", "not-a-guid"));
        yield return Edit("no version (a stale form)", ("Input.Version", ""));
        yield return Edit("a 5 MB field", ("Input.Projects", new string('x', 5 * 1024 * 1024)));
        yield return new Case("nomination form: 5,000 fields", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form($"/Nominations/Edit?id={c.C.NominationA}&handler=Save", Enumerable.Range(0, 5000).Select(i => ($"Input.Partners[{i}].Name", "x")))));
        yield return new Case("nomination form: library B's nomination", Role.RepA, Phase.Nominations, async c =>
            c.Form($"/Nominations/Edit?id={c.C.NominationB}&handler=Save", ("Input.Version", $"{await c.NominationVersionAsync(c.C.NominationB)}"),
                ("Input.PublicSummary", Script)));
        yield return new Case("attachments: removing library B's file through A's page", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form($"/Nominations/Attachments?id={c.C.NominationA}&handler=Delete", ("attachmentId", $"{c.C.PdfOfB}"))));
        yield return new Case("attachments: removing file -1", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form($"/Nominations/Attachments?id={c.C.NominationA}&handler=Delete", ("attachmentId", "-1"))));
        yield return new Case("letters: an address that is not one", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form($"/Nominations/Endorsements?id={c.C.NominationA}&handler=Request", ("Input.Name", "Dome"), ("Input.Email", $"{Script}@x"), ("Input.Culture", Script))));
        yield return new Case("letters: no name", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form($"/Nominations/Endorsements?id={c.C.NominationA}&handler=Request", ("Input.Name", ""), ("Input.Email", "dome@novads.example"))));
        yield return new Case("start: a cycle that does not exist", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form("/Nominations?handler=Start", ("Start.CycleCategory", "99999999:1"), ("Start.ActingLibraryId", $"{c.World.LibraryA}"))));
        yield return new Case("start: not a cycle and category", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form("/Nominations?handler=Start", ("Start.CycleCategory", Script), ("Start.ActingLibraryId", $"{c.World.LibraryA}"))));
        yield return new Case("start: acting for library B", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form("/Nominations?handler=Start", ("Start.CycleCategory", $"{c.C.CycleId}:{c.C.CategoryId}"), ("Start.ActingLibraryId", $"{c.World.LibraryB}"))));
        yield return new Case("start: nominating a library that does not exist", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form("/Nominations?handler=Start", ("Start.CycleCategory", $"{c.C.CycleId}:{c.C.CategoryId}"), ("Start.ActingLibraryId", $"{c.World.LibraryA}"),
                ("Start.NomineeLibraryId", "-1"))));
        yield return new Case("confirm: library B's nomination", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form($"/Nominations?handler=Confirm&id={c.C.NominationB}&accept=true")));

        // Letters of support, through a link that works.
        Case Letter(string name, params (string, string)[] fields) => new($"letter: {name}", Role.Anonymous, Phase.Nominations, async c =>
        {
            var token = await c.World.QueryAsync(db => AccessWorld.EndorsementAsync(db, c.C.NominationA));
            return c.Form($"/Endorse?token={token}", fields);
        });
        yield return Letter("empty", ("Input.Letter", ""));
        yield return Letter("20,001 characters", ("Input.Letter", Long(20_001)));
        yield return new Case("letter: a made-up link", Role.Anonymous, Phase.Nominations, c => Task.FromResult(
            c.Form($"/Endorse?token={Uri.EscapeDataString(Script)}", ("Input.Letter", "Atbalstām"))));

        // The jury.
        Case Score(string name, Func<Cell, IEnumerable<(string, string)>> fields) => new($"score ballot: {name}", Role.Juror, Phase.Judging, c =>
            Task.FromResult(c.Form($"/Jury/Nomination?id={c.C.NominationB}", fields(c))));
        yield return Score("a score above the scale", c => c.C.CriterionIds.Select(id => ($"Input.Scores[{id}]", "6")));
        yield return Score("a negative score", c => c.C.CriterionIds.Select(id => ($"Input.Scores[{id}]", "-1")));
        yield return Score("a score that is not a number", c => c.C.CriterionIds.Select(id => ($"Input.Scores[{id}]", "abc")));
        yield return Score("a score past int", c => c.C.CriterionIds.Select(id => ($"Input.Scores[{id}]", "2147483648")));
        yield return Score("another cycle's criterion", c => [($"Input.Scores[{c.World.Cycles[Phase.Results].CriterionIds[0]}]", "3")]);
        yield return Score("a criterion that is not a number", _ => [("Input.Scores[abc]", "3")]);
        yield return Score("a comment of 10,001 characters", c => c.C.CriterionIds.Select(id => ($"Input.Scores[{id}]", "3")).Append(("Input.Comment", Long(10_001))));
        yield return new Case("declaration: no reason", Role.Juror, Phase.Judging, c => Task.FromResult(c.Form($"/Jury/Declare?id={c.C.NominationB}", ("Input.Reason", ""))));
        yield return new Case("declaration: 2,001 characters", Role.Juror, Phase.Judging, c => Task.FromResult(c.Form($"/Jury/Declare?id={c.C.NominationB}", ("Input.Reason", Long(2001)))));
        yield return new Case("decision: a conflict of another panel", Role.Chair, Phase.Judging, async c =>
        {
            var other = await c.World.QueryAsync(db => db.Conflicts.Where(x => x.CycleId == c.World.Cycles[Phase.Results].CycleId).Select(x => x.Id).FirstAsync());
            return c.Form($"/Jury/Conflicts?cycleId={c.C.CycleId}&categoryId={c.C.CategoryId}&handler=Decide", ("Decision.ConflictId", $"{other}"), ("Decision.Confirm", "true"));
        });

        // The API, as a script would get it wrong.
        yield return new Case("API ballot: a score above the scale", Role.Juror, Phase.Judging, c => Task.FromResult(Json(HttpMethod.Put, "/api/ballots/score",
            new { nominationId = c.C.NominationB, scores = c.C.CriterionIds.ToDictionary(id => $"{id}", _ => 6) })));
        yield return new Case("API ballot: a criterion that is not a number", Role.Juror, Phase.Judging, c => Task.FromResult(Json(HttpMethod.Put, "/api/ballots/score",
            new { nominationId = c.C.NominationB, scores = new Dictionary<string, int> { ["abc"] = 3 } })));
        yield return new Case("API ballot: a nomination that does not exist", Role.Juror, Phase.Judging, c => Task.FromResult(Json(HttpMethod.Put, "/api/ballots/score",
            new { nominationId = -1, scores = new Dictionary<string, int>() })));
        yield return new Case("API ballot: a comment of 10,001 characters", Role.Juror, Phase.Judging, c => Task.FromResult(Json(HttpMethod.Put, "/api/ballots/score",
            new { nominationId = c.C.NominationB, scores = new Dictionary<string, int>(), comment = Long(10_001) })));
        yield return new Case("API nomination: summary of 2,001 characters", Role.RepA, Phase.Nominations, async c => Json(HttpMethod.Put, $"/api/nominations/{c.C.NominationA}",
            new { version = await c.NominationVersionAsync(c.C.NominationA), publicSummary = Long(2001) }));
        yield return new Case("API nomination: a javascript: link", Role.RepA, Phase.Nominations, async c => Json(HttpMethod.Put, $"/api/nominations/{c.C.NominationA}",
            new { version = await c.NominationVersionAsync(c.C.NominationA), links = new[] { new { url = "javascript:alert(1)" } } }));
        yield return new Case("API nomination: an unknown kind of statistic", Role.RepA, Phase.Nominations, async c => Json(HttpMethod.Put, $"/api/nominations/{c.C.NominationA}",
            new { version = await c.NominationVersionAsync(c.C.NominationA), statistics = new[] { new { kind = 999, value = 5, year = 2025 } } }));
        yield return new Case("API nomination: library B's", Role.RepA, Phase.Nominations, async c => Json(HttpMethod.Put, $"/api/nominations/{c.C.NominationB}",
            new { version = await c.NominationVersionAsync(c.C.NominationB), publicSummary = Script }));
        yield return new Case("API libraries: a region that is not one", Role.RepA, Phase.Nominations, _ => Task.FromResult(Json(HttpMethod.Post, "/api/libraries/",
            new { name = Script, region = Script, type = "Public", registrationNumber = "X-1" })));
        yield return new Case("API libraries: a type that is not one", Role.RepA, Phase.Nominations, _ => Task.FromResult(Json(HttpMethod.Post, "/api/libraries/",
            new { name = "Bibliotēka", region = "Vidzeme", type = 99, registrationNumber = "X-2" })));
        yield return new Case("API libraries: a javascript: website", Role.RepA, Phase.Nominations, _ => Task.FromResult(Json(HttpMethod.Post, "/api/libraries/",
            new { name = "Bibliotēka", region = "Vidzeme", type = "Public", registrationNumber = "X-3", website = "javascript:alert(1)" })));

        // Libraries.
        yield return new Case("library invitation: no address", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form($"/Libraries/Invite?id={c.World.LibraryA}", ("Input.Name", "Kolēģe"), ("Input.Email", ""))));
        yield return new Case("library invitation: not an address", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form($"/Libraries/Invite?id={c.World.LibraryA}", ("Input.Name", Script), ("Input.Email", Script))));
        yield return new Case("library invitation: no name", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form($"/Libraries/Invite?id={c.World.LibraryA}", ("Input.Name", ""), ("Input.Email", "kolege@biblioteka.example"))));
        Case Register(string name, params (string, string)[] spoiled) => new($"library registration: {name}", Role.RepB, Phase.Nominations, async c =>
        {
            var fields = new Dictionary<string, string>
            {
                ["Input.Name"] = "Jaunā bibliotēka", ["Input.Region"] = "Vidzeme", ["Input.Type"] = "Public", ["Input.RegistrationNumber"] = $"H-{Guid.NewGuid():N}"[..20],
            };
            foreach (var (key, value) in spoiled)
                fields[key] = value == "__A__" ? await c.World.QueryAsync(db => db.Libraries.Where(l => l.Id == c.World.LibraryA).Select(l => l.RegistrationNumber.ToLower() + " ").FirstAsync()) : value;
            return c.Form("/Libraries/Register", fields.Select(f => (f.Key, f.Value)));
        });
        yield return Register("a name of 301 characters", ("Input.Name", Long(301)));
        yield return Register("a region that is not one", ("Input.Region", Script));
        yield return Register("a type that is not one", ("Input.Type", "99"));
        yield return Register("a javascript: website", ("Input.Website", "javascript:alert(1)"));
        yield return Register("no registration number", ("Input.RegistrationNumber", ""));
        yield return Register("library A's registration number", ("Input.RegistrationNumber", "__A__"));

        // Accounts.
        yield return new Case("account: not an address", Role.Anonymous, Phase.Nominations, c => Task.FromResult(c.Form("/Account/Register",
            ("Input.DisplayName", "X"), ("Input.Email", Script), ("Input.Password", AccessWorld.Password), ("Input.ConfirmPassword", AccessWorld.Password), ("Input.PreferredCulture", "lv"))));
        yield return new Case("account: a common password", Role.Anonymous, Phase.Nominations, c => Task.FromResult(c.Form("/Account/Register",
            ("Input.DisplayName", "X"), ("Input.Email", $"h-{Guid.NewGuid():N}@matrica.example"), ("Input.Password", "Password123!"), ("Input.ConfirmPassword", "Password123!"),
            ("Input.PreferredCulture", "lv"))));
        yield return new Case("sign-in: an address of 10,000 characters", Role.Anonymous, Phase.Nominations, c => Task.FromResult(c.Form("/Account/Login",
            ("Input.Email", Long(10_000)), ("Input.Password", "x"))));
        yield return new Case("language: not a language", Role.RepA, Phase.Nominations, c => Task.FromResult(c.Form("/Culture", ("culture", Script), ("returnUrl", "/"))));

        // The administrator.
        Case Admin(string name, Phase phase, Func<Cell, Task<HttpRequestMessage>> build) => new($"administrator: {name}", Role.Admin, phase, build);
        yield return Admin("a new cycle with a title of 301 characters", Phase.Nominations, c => Task.FromResult(c.Form("/Admin/Cycles/Create",
            ("Input.Title", Long(301)), ("Input.Year", "2040"))));
        yield return Admin("a new cycle in year 99999", Phase.Nominations, c => Task.FromResult(c.Form("/Admin/Cycles/Create", ("Input.Title", "X"), ("Input.Year", "99999"))));
        yield return Admin("a new cycle with markup for its address", Phase.Nominations, c => Task.FromResult(c.Form("/Admin/Cycles/Create",
            ("Input.Title", "X"), ("Input.Year", "2040"), ("Input.Slug", Script))));
        yield return Admin("a new cycle copied from one that does not exist", Phase.Nominations, c => Task.FromResult(c.Form("/Admin/Cycles/Create",
            ("Input.Title", "X"), ("Input.Year", "2040"), ("Input.CopyFromCycleId", "-1"))));
        yield return Admin("a category name of 201 characters", Phase.Draft, async c =>
        {
            var cycle = await c.CycleAsync(c.C.CycleId);
            return c.Form($"/Admin/Cycles/{cycle.Id}/Categories", ("Input.Version", $"{cycle.Version}"),
                ("Input.Categories[0].Id", $"{cycle.Categories[0].Id}"), ("Input.Categories[0].Name", Long(201)));
        });
        yield return Admin("a weight that is not a number", Phase.Draft, async c =>
        {
            var cycle = await c.CycleAsync(c.C.CycleId);
            return c.Form($"/Admin/Cycles/{cycle.Id}/Criteria", ("Input.Version", $"{cycle.Version}"),
                ("Input.Criteria[0].Id", $"{cycle.Criteria[0].Id}"), ("Input.Criteria[0].Name", "X"), ("Input.Criteria[0].Weight", Script),
                ("Input.Criteria[0].ScaleMin", "1"), ("Input.Criteria[0].ScaleMax", "5"));
        });
        yield return Admin("a scale from 101 to -1", Phase.Draft, async c =>
        {
            var cycle = await c.CycleAsync(c.C.CycleId);
            return c.Form($"/Admin/Cycles/{cycle.Id}/Criteria", ("Input.Version", $"{cycle.Version}"),
                ("Input.Criteria[0].Id", $"{cycle.Criteria[0].Id}"), ("Input.Criteria[0].Name", "X"), ("Input.Criteria[0].Weight", "1"),
                ("Input.Criteria[0].ScaleMin", "101"), ("Input.Criteria[0].ScaleMax", "-1"));
        });
        yield return Admin("general rules without a title", Phase.Draft, async c =>
        {
            var cycle = await c.CycleAsync(c.C.CycleId);
            return c.Form($"/Admin/Cycles/{cycle.Id}/General", ("Input.Version", $"{cycle.Version}"), ("Input.Title", ""), ("Input.Secrecy", "99"),
                ("OpensAt", "not a date"), ("Input.LaureateCooldownYears", "-1"));
        });
        yield return Admin("a round with a kind and method that are not ones", Phase.Draft, async c =>
        {
            var cycle = await c.CycleAsync(c.C.CycleId);
            return c.Form($"/Admin/Cycles/{cycle.Id}/Rounds", ("Input.Version", $"{cycle.Version}"), ("Input.Rounds[0].Kind", "99"), ("Input.Rounds[0].Method", "99"),
                ("Input.Rounds[0].ShortlistSize", "-1"), ("Input.TieBreaks[0].Rule", "99"), ("Input.TieBreaks[0].CriterionPosition", "99"));
        });
        yield return Admin("a schedule with a date that is not one", Phase.Draft, async c =>
        {
            var cycle = await c.CycleAsync(c.C.CycleId);
            return c.Form($"/Admin/Cycles/{cycle.Id}/Schedule", ("Input.Version", $"{cycle.Version}"), ("Input.StartsAt[1]", "not a date"), ("Input.StartsAt[999]", "2040-01-01T00:00"));
        });
        yield return Admin("a schedule running backwards", Phase.Draft, async c =>
        {
            var cycle = await c.CycleAsync(c.C.CycleId);
            return c.Form($"/Admin/Cycles/{cycle.Id}/Schedule", cycle.Schedule.Where(s => s.StartsAt is not null)
                .Select(s => ($"Input.StartsAt[{s.Sequence}]", new DateTime(2040, 1, 1).AddDays(-s.Sequence).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)))
                .Append(("Input.Version", $"{cycle.Version}")));
        });
        yield return Admin("moving a phase sideways", Phase.Nominations, async c =>
        {
            var cycle = await c.CycleAsync(c.C.CycleId);
            return c.Form($"/Admin/Cycles/{cycle.Id}?handler=Move", ("Move.Version", $"{cycle.Version}"), ("Move.Direction", "sideways"), ("Move.Reason", "X"));
        });
        yield return Admin("moving a phase without a reason", Phase.Nominations, async c =>
        {
            var cycle = await c.CycleAsync(c.C.CycleId);
            return c.Form($"/Admin/Cycles/{cycle.Id}?handler=Move", ("Move.Version", $"{cycle.Version}"), ("Move.Direction", "next"), ("Move.Reason", ""));
        });
        yield return Admin("screening with an outcome that is not one", Phase.Review, c => Task.FromResult(c.Form("/Admin/Eligibility?handler=Decide",
            ("Decision.NominationId", $"{c.C.NominationA}"), ("Decision.Outcome", "99"))));
        yield return Admin("screening out without a reason", Phase.Review, c => Task.FromResult(c.Form("/Admin/Eligibility?handler=Decide",
            ("Decision.NominationId", $"{c.C.NominationA}"), ("Decision.Outcome", "Ineligible"), ("Decision.Reason", ""))));
        yield return Admin("screening a nomination that does not exist", Phase.Review, c => Task.FromResult(c.Form("/Admin/Eligibility?handler=Decide",
            ("Decision.NominationId", "-1"), ("Decision.Outcome", "Eligible"))));
        yield return Admin("a juror invited without an address", Phase.Judging, c => Task.FromResult(c.Form(
            $"/Admin/Jury?cycleId={c.C.CycleId}&categoryId={c.C.CategoryId}&handler=Invite", ("Invite.Name", "X"), ("Invite.Email", ""))));
        yield return Admin("a juror invited with markup for an address", Phase.Judging, c => Task.FromResult(c.Form(
            $"/Admin/Jury?cycleId={c.C.CycleId}&categoryId={c.C.CategoryId}&handler=Invite", ("Invite.Name", Script), ("Invite.Email", Script))));
        yield return Admin("a chair who is not on the panel", Phase.Judging, c => Task.FromResult(c.Form(
            $"/Admin/Jury?cycleId={c.C.CycleId}&categoryId={c.C.CategoryId}&handler=Chair", ("ChairUserId", c.World.People[Role.RepA].Id))));
        yield return Admin("a library refused without a reason", Phase.Nominations, c => Task.FromResult(c.Form(
            $"/Admin/Libraries/Review?id={c.World.LibraryA}&handler=Refuse", ("Reason", ""))));
        yield return Admin("a paper ballot of someone who is not a juror", Phase.Judging, c => Task.FromResult(c.Form(
            $"/Admin/PaperBallots?cycleId={c.C.CycleId}&categoryId={c.C.CategoryId}", ("JurorId", Script), ("NominationId", $"{c.C.NominationB}"))));
        yield return Admin("a paper ballot above the scale", Phase.Judging, c => Task.FromResult(c.Form(
            $"/Admin/PaperBallots?cycleId={c.C.CycleId}&categoryId={c.C.CategoryId}",
            c.C.CriterionIds.Select(id => ($"Scores[{id}]", "6")).Append(("JurorId", c.World.People[Role.Juror].Id)).Append(("NominationId", $"{c.C.NominationB}")))));
        yield return Admin("API statute with a weight of -1 and no category", Phase.Draft, async c =>
        {
            var cycle = await c.CycleAsync(c.C.CycleId);
            var json = await c.AdminJsonAsync($"/api/cycles/{cycle.Slug}");
            var statute = json["statute"]!;
            statute["categories"] = new System.Text.Json.Nodes.JsonArray();
            statute["criteria"]![0]!["weight"] = -1;
            statute["title"] = Long(301);
            return Json(HttpMethod.Put, $"/api/admin/cycles/{cycle.Id}/statute", statute);
        });
        yield return Admin("API phase moved sideways", Phase.Nominations, async c =>
        {
            var cycle = await c.CycleAsync(c.C.CycleId);
            return Json(HttpMethod.Post, $"/api/admin/cycles/{cycle.Id}/phase", new { version = cycle.Version, direction = "sideways", reason = "" });
        });
        yield return Admin("API cycle with a title of 301 characters", Phase.Nominations, _ => Task.FromResult(Json(HttpMethod.Post, "/api/admin/cycles/",
            new { title = Long(301), year = 99999, slug = Script })));
        yield return Admin("API screening with an outcome that is not one", Phase.Review, c => Task.FromResult(Json(HttpMethod.Post,
            $"/api/admin/nominations/{c.C.NominationA}/eligibility", new { outcome = "Maybe" })));
        yield return Admin("API screening with an outcome numbered 99", Phase.Review, c => Task.FromResult(Json(HttpMethod.Post,
            $"/api/admin/nominations/{c.C.NominationA}/eligibility", new { outcome = 99 })));
        yield return Admin("API statute with a round of kind 99", Phase.Draft, async c =>
        {
            var cycle = await c.CycleAsync(c.C.CycleId);
            var statute = (await c.AdminJsonAsync($"/api/cycles/{cycle.Slug}"))["statute"]!;
            statute["rounds"]![0]!["kind"] = 99;
            statute["rounds"]![0]!["method"] = "Schulze";
            return Json(HttpMethod.Put, $"/api/admin/cycles/{cycle.Id}/statute", statute);
        });
        yield return Admin("API library refused without a reason", Phase.Nominations, c => Task.FromResult(Json(HttpMethod.Post,
            $"/api/admin/libraries/{c.World.LibraryA}/refuse", new { reason = "" })));
    }

}
