using System.Net;
using System.Text.RegularExpressions;
using AwardVote.IntegrationTests.Access;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Hostile;

/// <summary>
/// The access matrix's world (one per provider, shared by the hostile tests, which must leave it as they found it),
/// with a way to send a recipe's request as a role that may use it, bent out of shape on the way.
/// </summary>
public sealed partial class HostileWorld
{
    private static readonly Dictionary<AwardVoteApp, Task<HostileWorld>> Worlds = [];

    private HostileWorld(AccessWorld world, RoleClients clients, AccessPlan plan, AccessMatrix matrix)
    {
        World = world;
        Clients = clients;
        Plan = plan;
        Matrix = matrix;
    }

    public AccessWorld World { get; }
    public RoleClients Clients { get; }
    public AccessPlan Plan { get; }
    public AccessMatrix Matrix { get; }
    public AwardVoteApp App => World.App;

    public static Task<HostileWorld> GetAsync(AwardVoteApp app)
    {
        if (!Worlds.TryGetValue(app, out var world))
            Worlds[app] = world = CreateAsync(app);
        return world;
    }

    private static async Task<HostileWorld> CreateAsync(AwardVoteApp app)
    {
        var world = await AccessWorld.CreateAsync(app);
        var clients = new RoleClients(world);
        await clients.SignInAllAsync();
        return new HostileWorld(world, clients, await AccessPlan.CreateAsync(app), AccessMatrix.Load());
    }

    /// <summary>
    /// A role and phase in which the matrix says the request goes through (saving something if it can), so that a
    /// refusal of the hostile version is the hostile part's doing; null when nobody may use the endpoint.
    /// </summary>
    public (Phase Phase, Role Role)? WhereAllowed(Recipe recipe)
    {
        Phase[] phases = recipe.PerPhase ? [Phase.Nominations, Phase.Judging, Phase.Review, Phase.Results, Phase.Published, Phase.Draft] : [Phase.Nominations];
        Role[] roles = [Role.RepA, Role.Chair, Role.Juror, Role.Admin, Role.RepB, Role.Conflicted, Role.Anonymous];
        foreach (var wanted in new[] { "allow", "secret", "refused" })
        {
            foreach (var phase in phases)
            {
                foreach (var role in roles)
                {
                    if (Matrix.Expected(recipe.Key, phase, role) == wanted)
                        return (phase, role);
                }
            }
        }
        return null;
    }

    public sealed record Answer(string Request, int Status, string Body, string Location, bool Saved)
    {
        public override string ToString() => $"{Request} → {Status}{(Location.Length > 0 ? " → " + Location : "")}{(Saved ? ", SAVED" : "")}: {Excerpt(Body)}";
    }

    /// <summary>
    /// Prepares and builds the recipe's request as <paramref name="role"/> in <paramref name="phase"/>, lets
    /// <paramref name="bend"/> change it, sends it, and puts back what the preparation made. <see cref="Answer.Saved"/>
    /// says whether an audit entry or a mail was written meanwhile. A bend that returns null has nothing to bend in
    /// this request: nothing is sent, and the answer is null.
    /// </summary>
    public async Task<Answer?> SendAsync(Recipe recipe, Phase phase, Role role, Action<Cell>? configure = null,
        Func<HttpRequestMessage, Task<HttpRequestMessage?>>? bend = null)
    {
        var cell = new Cell(World, Clients, role, phase);
        configure?.Invoke(cell);
        try
        {
            if (recipe.Prepare is not null)
                await recipe.Prepare(cell);
            var request = await recipe.Build(cell);
            if (bend is not null && await bend(request) is not { } bent)
            {
                request.Dispose();
                return null;
            }
            return await SendAsync(request, role, recipe.Isolated);
        }
        finally
        {
            if (cell.Restore is not null)
                await cell.Restore();
        }
    }

    public async Task<Answer> SendAsync(HttpRequestMessage request, Role role, bool isolated = false)
    {
        using (request)
        {
            var before = await FingerprintAsync();
            var describe = $"{request.Method} {request.RequestUri} as {AccessMatrix.RoleNames[(int)role]}";
            using var client = Clients.Client(role, isolated);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var answer = new Answer(describe, (int)response.StatusCode, body, response.Headers.Location?.OriginalString ?? "",
                await FingerprintAsync() != before);
            // AWARDVOTE_HOSTILE_LOG=file: every hostile request and its answer, for reading what the app says.
            if (Environment.GetEnvironmentVariable("AWARDVOTE_HOSTILE_LOG") is { Length: > 0 } log)
                await File.AppendAllTextAsync(log, answer + "\n");
            return answer;
        }
    }

    private Task<(long, long)> FingerprintAsync() => World.QueryAsync(async db =>
        (await db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync(),
         await db.Outbox.OrderByDescending(m => m.Id).Select(m => m.Id).FirstOrDefaultAsync()));

    /// <summary>
    /// A refusal a person can read: a JSON problem with a title, detail or errors for the API; for a page, a form
    /// error (the summary or a field's), a notice the page raises as an alert, the error page's explanation, or the
    /// access-denied or sign-in page it sends to. A request at fault is never told the server failed.
    /// </summary>
    public static bool ExplainsItself(Answer answer)
    {
        var body = answer.Body;
        if (answer.Status is >= 300 and < 400)
            return answer.Location.Contains("/Account/AccessDenied", StringComparison.Ordinal) || answer.Location.Contains("/Account/Login", StringComparison.Ordinal);
        if (answer.Status is >= 400 and < 500 && (body.Contains(ServerFailed, StringComparison.Ordinal) || body.Contains("on the server", StringComparison.Ordinal)))
            return false;
        if (English().IsMatch(Message(body)))
            return false;
        if (answer.Request.Contains(" /api/", StringComparison.Ordinal) && answer.Status >= 400)
            return body.TrimStart().StartsWith('{') && ProblemText().IsMatch(body);
        return body.Contains("field-validation-error", StringComparison.Ordinal)
               || Alert().Matches(body).Any(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim().Length > 0)
               || ErrorPage().IsMatch(body);
    }

    /// <summary>What the answer says to a person: a problem's title, detail and errors, or a page's messages.</summary>
    public static string Message(string body)
    {
        if (body.TrimStart().StartsWith('{'))
            return string.Join(" ", ProblemValue().Matches(body).Select(m => m.Groups[1].Value + m.Groups[2].Value));
        var alerts = Alert().Matches(body).Select(m => m.Groups[1].Value);
        var fields = FieldError().Matches(body).Select(m => m.Groups[1].Value);
        return WebUtility.HtmlDecode(Regex.Replace(string.Join(" ", alerts.Concat(fields)), "<[^>]+>", " "));
    }

    /// <summary>The framework's own English, which a Latvian page or problem must not show.</summary>
    [GeneratedRegex(@"field is required|not in a correct format|Enter a valid|is not valid|is invalid|validation errors occurred|^Conflict$|Forbidden|Unauthorized|Not Found|Bad Request|Unsupported Media Type|was not provided|Failed to read")]
    private static partial Regex English();

    [GeneratedRegex("\"(?:title|detail)\"\\s*:\\s*\"([^\"]*)\"|\"errors\"\\s*:\\s*\\{(.*?)\\}")]
    private static partial Regex ProblemValue();

    [GeneratedRegex("<span[^>]*field-validation-error[^>]*>(.*?)</span>", RegexOptions.Singleline)]
    private static partial Regex FieldError();

    /// <summary>The error page's Latvian "an error occurred on the server".</summary>
    private const string ServerFailed = "Serverī radās kļūda";

    [GeneratedRegex("\"(title|detail|errors)\"\\s*:\\s*(\"[^\"]+\"|\\{|\\[)")]
    private static partial Regex ProblemText();

    [GeneratedRegex("<(?:div|p|section)[^>]*role=\"alert\"[^>]*>(.*?)</(?:div|p|section)>", RegexOptions.Singleline)]
    private static partial Regex Alert();

    /// <summary>The error page: its heading followed by the explanation paragraph.</summary>
    [GeneratedRegex(@"<h1>[^<]+</h1>\s*<p>[^<]{20,}</p>")]
    private static partial Regex ErrorPage();

    public static string Excerpt(string body)
    {
        var summary = Regex.Match(body, "validation-summary-errors[^>]*>(.*?)</div>", RegexOptions.Singleline);
        var text = summary.Success ? summary.Groups[1].Value
            : Regex.Match(body, "<main[^>]*>(.*?)</main>", RegexOptions.Singleline) is { Success: true } main ? main.Groups[1].Value : body;
        text = Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(text, "<[^>]+>", " ")), @"\s+", " ").Trim();
        return text.Length > 240 ? text[..240] + "…" : text;
    }

    public static string Tamper(string token) => token[..^8] + new string(token[^8..].Reverse().ToArray()) + "AA";
}
