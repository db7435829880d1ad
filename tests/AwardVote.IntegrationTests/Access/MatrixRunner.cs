using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Access;

/// <summary>
/// Runs every recipe as every role in every phase, one request at a time, and turns each answer into an outcome:
/// <list type="bullet">
/// <item><c>deny</c>: 401, 403, or a redirect to the login or access-denied page;</item>
/// <item><c>notfound</c>: 404;</item>
/// <item><c>allow</c>: a read answered 2xx/3xx, or a write that changed the database (an audit entry or a mail);</item>
/// <item><c>secret</c>: allowed, and the answer shows another juror's score, mean, comment or notes;</item>
/// <item><c>refused</c>: the request came through but nothing was saved (a deadline, a rule), or a 4xx that is none of the above;</item>
/// <item><c>error</c>: a 5xx, never expected.</item>
/// </list>
/// Besides the outcomes it checks that nobody reads library A's nomination who may not (see <see cref="Violations"/>).
/// </summary>
public sealed partial class MatrixRunner(AccessWorld world, RoleClients clients)
{
    public sealed record Observation(string Outcome, string Detail);

    public Dictionary<string, Dictionary<Phase, Observation[]>> Results { get; } = new(StringComparer.Ordinal);
    public List<string> Violations { get; } = [];

    public async Task RunAsync(IEnumerable<Recipe> recipes, IReadOnlyList<Phase> phases)
    {
        foreach (var recipe in recipes)
        {
            var byPhase = Results[recipe.Key] = [];
            foreach (var phase in recipe.PerPhase ? phases : [Phase.Nominations])
            {
                var row = new Observation[Enum.GetValues<Role>().Length];
                foreach (var role in Enum.GetValues<Role>())
                    row[(int)role] = await RunCellAsync(recipe, role, phase);
                byPhase[phase] = row;
            }
        }
    }

    private async Task<Observation> RunCellAsync(Recipe recipe, Role role, Phase phase)
    {
        var cell = new Cell(world, clients, role, phase);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            if (recipe.Prepare is not null)
                await recipe.Prepare(cell);
            var before = recipe.IsWrite ? await FingerprintAsync() : default;
            using var request = await recipe.Build(cell);
            using var client = clients.Client(role, recipe.Isolated);
            using var response = await client.SendAsync(request);
            var body = IsText(response) ? await response.Content.ReadAsStringAsync() : "";
            var changed = recipe.IsWrite && await FingerprintAsync() != before;
            var observation = Classify(response, body, recipe.IsWrite, changed);
            CheckPrivacy(recipe, role, phase, observation, body);
            return observation with { Detail = $"{observation.Detail}, {watch.ElapsedMilliseconds} ms" };
        }
        finally
        {
            if (cell.Restore is not null)
                await cell.Restore();
        }
    }

    private Observation Classify(HttpResponseMessage response, string body, bool write, bool changed)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var detail = location.Length > 0 ? $"{status} → {location}" : $"{status}";
        if (status >= 500)
            return new("error", $"{detail}: {Excerpt(body)}");
        if (status is 401 or 403
            || (status is >= 300 and < 400 && (location.Contains("/Account/Login", StringComparison.Ordinal)
                                              || location.Contains("/Account/AccessDenied", StringComparison.Ordinal))))
            return new("deny", detail);
        if (status == 404)
            return new("notfound", detail);
        var through = status < 400;
        var allowed = write ? changed : through;
        if (!allowed)
            return new("refused", detail);
        return new(SecretNumbers().IsMatch(body) || body.Contains(SecretWords, StringComparison.Ordinal) ? "secret" : "allow", detail);
    }

    private string SecretWords => world.SecretComment;

    /// <summary>
    /// Library A's achievements are for its representatives, the administrators, and the jury once judging starts
    /// (the juror with a conflict on A never). Checked until publication, when the announcement may quote them.
    /// </summary>
    private void CheckPrivacy(Recipe recipe, Role role, Phase phase, Observation observation, string body)
    {
        var where = $"{recipe.Key} [{AccessMatrix.PhaseName(phase)}] {AccessMatrix.RoleNames[(int)role]} ({observation.Detail})";
        if (body.Contains(world.SecretNotes, StringComparison.Ordinal))
            Violations.Add($"{where}: the answer shows another juror's private notes");
        if (phase >= Phase.Published || !body.Contains(world.PrivateOfA, StringComparison.Ordinal))
            return;
        var mayRead = role is Role.RepA or Role.Admin || (role is Role.Juror or Role.Chair && phase >= Phase.Judging);
        if (!mayRead)
            Violations.Add($"{where}: the answer shows library A's nomination");
    }

    /// <summary>Every state change writes an audit entry (or at least a mail) in its transaction: their newest ids move.</summary>
    private Task<(long, long)> FingerprintAsync() => world.QueryAsync(async db =>
        (await db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync(),
         await db.Outbox.OrderByDescending(m => m.Id).Select(m => m.Id).FirstOrDefaultAsync()));

    private static bool IsText(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type
        && (type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal));

    private static string Excerpt(string body)
    {
        var title = Regex.Match(body, "<title>(.*?)</title>", RegexOptions.Singleline);
        var text = title.Success ? title.Groups[1].Value : body;
        return WebUtility.HtmlDecode(text.Length > 300 ? text[..300] : text).Trim();
    }

    /// <summary>
    /// The secret ballots' weighted means 3.21 and 3.47 and their mean 3.34, in either decimal notation — but not a
    /// Latvian time of day ("plkst. 3.47"), which a page shows when the test world was built at 00:47 UTC: that made
    /// this test fail by the clock.
    /// </summary>
    [GeneratedRegex(@"(?<!plkst\.\s?)(?<![\d.,])3[.,](21|47|34)(?!\d)")]
    private static partial Regex SecretNumbers();
}
