using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Access;
using AwardVote.IntegrationTests.Support;
using static AwardVote.IntegrationTests.Access.Cell;

namespace AwardVote.IntegrationTests.Hostile;

/// <summary>
/// Markup and script where text belongs is not an error (a library may write "&lt;b&gt;" in its summary): it is kept
/// as written and every page that shows it shows it as text, so nothing of it runs in another person's browser.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class MarkupAsTextTests(Apps apps)
{
    private const string Payload = "<script>alert('x')</script><img src=x onerror=alert(1)><iframe src=javascript:alert(2)></iframe>\"'><b onmouseover=alert(3)>b</b>";

    [Theory, AllProviders]
    public async Task Markup_in_a_nomination_a_library_a_letter_and_a_file_name_is_shown_as_text(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        var world = hostile.World;
        var cycle = world.Cycles[Phase.Nominations];
        var b = cycle.NominationB;
        var repB = new Cell(world, hostile.Clients, Role.RepB, Phase.Nominations);

        // B is submitted: its text changes by a resubmission (a save over a submitted nomination is refused).
        var saved = await hostile.SendAsync(repB.Form($"/Nominations/Edit?id={b}&handler=Resubmit",
            ("Input.Version", $"{await repB.NominationVersionAsync(b)}"), ("Input.PublicSummary", Payload),
            ("Input.Achievements", $"# Sasniegumi\n\n{Payload}\n\n[saite](javascript:alert(4)) <a href=\"javascript:alert(5)\">a</a>"),
            ("Input.Partners[0].Name", Payload), ("Input.Partners[0].Role", Payload),
            ("Input.Links[0].Url", "https://biblioteka.example/?q=\"><script>alert(6)</script>"), ("Input.Links[0].Title", Payload)), Role.RepB);
        Assert.True(saved.Status == 302 && saved.Saved, $"The save was refused: {saved}");
        var upload = await hostile.SendAsync(repB.Upload($"/Nominations/Attachments?id={b}&handler=Upload",
            [("Input.Caption", Payload), ("Input.Credit", Payload), ("Input.Licence", Payload), ("Input.ConsentGiven", "true")],
            "Input.File", "<img src=x onerror=alert(7)>.png", AccessWorld.Png(10, 10)), Role.RepB);
        Assert.True(upload.Status == 302 && upload.Saved, $"The upload was refused: {upload}");
        var token = await world.QueryAsync(db => AccessWorld.EndorsementAsync(db, b));
        var letter = await hostile.SendAsync(new Cell(world, hostile.Clients, Role.Anonymous, Phase.Nominations)
            .Form($"/Endorse?token={token}", ("Input.Letter", Payload)), Role.Anonymous);
        Assert.True(letter.Status == 200 && letter.Saved, $"The letter was refused: {letter}");
        var registered = await hostile.SendAsync(repB.Form("/Libraries/Register", ("Input.Name", Payload), ("Input.Region", "Vidzeme"),
            ("Input.Type", "Public"), ("Input.RegistrationNumber", $"XSS-{Guid.NewGuid():N}"[..20]), ("Input.Municipality", "<b onclick=x>")), Role.RepB, isolated: true);
        Assert.True(registered.Status == 302 && registered.Saved, $"The registration was refused: {registered}");

        var problems = new List<string>();
        foreach (var (role, url) in new[]
                 {
                     (Role.RepB, $"/Nominations/Edit?id={b}"),
                     (Role.RepB, $"/Nominations/Preview?id={b}"),
                     (Role.RepB, $"/Nominations/Attachments?id={b}"),
                     (Role.RepB, $"/Nominations/Endorsements?id={b}"),
                     (Role.RepB, "/Nominations"),
                     (Role.Admin, $"/Nominations/Preview?id={b}"),
                     (Role.Admin, "/Admin/Libraries"),
                     (Role.Admin, "/Admin"),
                     (Role.Admin, $"/Admin/Eligibility?cycleId={cycle.CycleId}"),
                 })
        {
            using var client = hostile.Clients.Client(role, isolated: true);
            using var response = await client.GetAsync(url);
            var page = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
                problems.Add($"{url} as {role}: {(int)response.StatusCode}");
            else if (Unsafe(page) is { } found)
                problems.Add($"{url} as {role} shows markup that would run: {found}");
        }
        // The API answers JSON (never read as a page: nosniff), so the text is returned as written.
        var api = await hostile.SendAsync(Get($"/api/nominations/{b}"), Role.RepB);
        if (api.Status != 200 || !api.Body.Contains("alert(", StringComparison.Ordinal))
            problems.Add($"The API does not return the text as written: {api}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The first piece of the payload that a browser would run or load, or null: a script or frame element, an
    /// event-handler attribute, a javascript: address. Looked for in the markup itself, not inside attribute values
    /// (where the encoded text rightly sits).
    /// </summary>
    private static string? Unsafe(string page)
    {
        var markup = QuotedValue().Replace(page, "=\"\"");
        if (ScriptTag().Match(page) is { Success: true } script)
            return script.Value;
        if (Frame().Match(page) is { Success: true } frame)
            return frame.Value;
        if (EventHandler().Match(markup) is { Success: true } handler)
            return handler.Value;
        return ScriptUrl().Match(page) is { Success: true } url ? url.Value : null;
    }

    [GeneratedRegex(@"=""[^""]*""")]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"<script>alert")]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<[a-z]+\b[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"<[a-z]+\b[^>]*\s(href|src|action)\s*=\s*[""']\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();

    [GeneratedRegex(@"<iframe", RegexOptions.IgnoreCase)]
    private static partial Regex Frame();
}
