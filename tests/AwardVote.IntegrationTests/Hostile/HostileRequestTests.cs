using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Access;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Hostile;

/// <summary>
/// Every write endpoint of the app (read from its routing, asked through the access matrix's recipes as a role that
/// may use it) sent bent requests: forms without a valid anti-forgery token, API bodies that are not the JSON asked
/// for, and tampered ids. Each answer is a 4xx that says what is wrong (never a 500), and afterwards nothing that was
/// saved before has changed. New endpoints are covered as they come.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class HostileRequestTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Forms_without_a_valid_anti_forgery_token_are_refused_and_change_nothing(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        var before = await Snapshot.TakeAsync(hostile.World);
        var problems = new List<string>();
        foreach (var recipe in hostile.Plan.Recipes)
        {
            var endpoint = hostile.Plan.EndpointOf(recipe);
            if (!endpoint.IsPage || endpoint.Method == "GET" || endpoint.IgnoresAntiforgery || hostile.WhereAllowed(recipe) is not var (phase, role))
                continue;
            var other = role == Role.RepA ? Role.RepB : Role.RepA;
            foreach (var (what, token) in new[]
                     {
                         ("without a token", ""),
                         ("with a tampered token", HostileWorld.Tamper(hostile.Clients.Token(role))),
                         ("with another person's token", hostile.Clients.Token(other)),
                     })
            {
                var answer = (await hostile.SendAsync(recipe, phase, role, cell => cell.TokenOverride = token))!;
                if (answer.Status != 400 || !HostileWorld.ExplainsItself(answer) || answer.Saved)
                    problems.Add($"{recipe.Key} {what}: {answer}");
            }
        }
        problems.AddRange(Snapshot.Changes(before, await Snapshot.TakeAsync(hostile.World)));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory, AllProviders]
    public async Task The_api_answers_bodies_that_are_not_its_json_with_a_problem_and_changes_nothing(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        var before = await Snapshot.TakeAsync(hostile.World);
        var problems = new List<string>();
        foreach (var recipe in hostile.Plan.Recipes)
        {
            var endpoint = hostile.Plan.EndpointOf(recipe);
            if (endpoint.IsPage || !endpoint.AcceptsBody || hostile.WhereAllowed(recipe) is not var (phase, role))
                continue;
            foreach (var (what, bend) in BodyBends())
            {
                // A body with nothing of that kind in it (no number to make huge) would be the real request: not sent.
                var answer = await hostile.SendAsync(recipe, phase, role, bend: async request =>
                {
                    // A multipart body (a file upload) is bent by the upload tests, not here.
                    if (request.Content is not null && request.Content.Headers.ContentType?.MediaType != "application/json")
                        return null;
                    var original = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync());
                    await bend(request);
                    var bent = request.Content?.Headers.ContentType?.MediaType == "application/json" ? TryParse(await request.Content.ReadAsStringAsync()) : null;
                    return bent is not null && JsonNode.DeepEquals(original, bent) ? null : request;
                });
                if (answer is null)
                    continue;
                var refused = answer.Status is >= 400 and < 500 && HostileWorld.ExplainsItself(answer);
                // Identity's endpoints that answer the same to anything, so as not to tell which addresses exist.
                var alwaysSame = recipe.Endpoint is "POST /api/auth/forgotPassword" or "POST /api/auth/resendConfirmationEmail" && answer.Status == 200;
                if (!(refused || alwaysSame) || answer.Saved)
                    problems.Add($"{recipe.Key} {what}: {answer}");
            }
        }
        problems.AddRange(Snapshot.Changes(before, await Snapshot.TakeAsync(hostile.World)));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Ids in the address replaced by ones that name nothing (negative, zero, past int, huge, not a number): a
    /// read may answer (a list page that ignores a bad filter), but nothing answers 5xx and no write saves anything.
    /// Endpoints asked by the default recipe are left out: its query carries every usual id whether the endpoint reads
    /// it or not, so a tampered one it ignores would look like a write that took a bad id.
    /// </summary>
    [Theory, AllProviders]
    public async Task Tampered_ids_in_the_address_find_nothing_and_change_nothing(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        var before = await Snapshot.TakeAsync(hostile.World);
        var problems = new List<string>();
        string[] tampered = ["-1", "0", "2147483648", "99999999", "abc", "1%20OR%201=1", "1.5"];
        foreach (var recipe in hostile.Plan.Recipes)
        {
            if (hostile.Plan.Defaulted.Contains(recipe.Endpoint) || hostile.WhereAllowed(recipe) is not var (phase, role))
                continue;
            for (var position = 0; position < 4; position++)
            {
                foreach (var value in tampered)
                {
                    var answer = await hostile.SendAsync(recipe, phase, role,
                        bend: request => Task.FromResult(ReplaceId(request, position, value) ? request : null));
                    if (answer is not null && (answer.Status >= 500 || answer.Saved))
                        problems.Add($"{recipe.Key} id #{position + 1} = {value}: {answer}");
                }
            }
        }
        problems.AddRange(Snapshot.Changes(before, await Snapshot.TakeAsync(hostile.World)));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The bodies a careless or hostile script sends instead of the JSON an endpoint reads.</summary>
    private static IEnumerable<(string What, Func<HttpRequestMessage, Task<HttpRequestMessage>> Bend)> BodyBends()
    {
        yield return ("as text/plain", request => Rebody(request, json => new StringContent(json, Encoding.UTF8, "text/plain")));
        yield return ("as a form", request => Rebody(request, _ => new FormUrlEncodedContent([KeyValuePair.Create("version", "x")])));
        yield return ("as XML", request => Rebody(request, _ => new StringContent("<statute><title>x</title></statute>", Encoding.UTF8, "application/xml")));
        yield return ("empty", request => Rebody(request, _ => new StringContent("", Encoding.UTF8, "application/json")));
        yield return ("cut short", request => Rebody(request, json => Json(json[..Math.Max(1, json.Length / 2)])));
        yield return ("as an array", request => Rebody(request, json => Json($"[{json}]")));
        yield return ("null", request => Rebody(request, _ => Json("null")));
        yield return ("with every value an object", request => Rebody(request, json => Json(Reshape(json, _ => new JsonObject { ["$ref"] = "#/x" }))));
        yield return ("with every value a 100,000-character string", request => Rebody(request, json =>
            Json(Reshape(json, node => node is JsonValue value && value.TryGetValue<string>(out _) ? JsonValue.Create(new string('x', 100_000)) : node))));
        yield return ("with every number huge", request => Rebody(request, json =>
            Json(Reshape(json, node => node is JsonValue value && value.TryGetValue<long>(out _) ? JsonValue.Create(decimal.MaxValue) : node))));
    }

    private static JsonNode? TryParse(string json)
    {
        try { return JsonNode.Parse(json); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<HttpRequestMessage> Rebody(HttpRequestMessage request, Func<string, HttpContent> content)
    {
        var json = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync();
        request.Content = content(json);
        return request;
    }

    /// <summary>The body with each property's value (at any depth) replaced as <paramref name="change"/> says.</summary>
    private static string Reshape(string json, Func<JsonNode?, JsonNode?> change)
    {
        var node = JsonNode.Parse(json);
        Walk(node);
        return node?.ToJsonString() ?? "null";

        void Walk(JsonNode? current)
        {
            if (current is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject or JsonArray)
                        Walk(array[i]);
                    else
                        array[i] = change(array[i]?.DeepClone());
                }
                return;
            }
            if (current is not JsonObject obj)
                return;
            foreach (var name in obj.Select(p => p.Key).ToList())
            {
                var value = obj[name];
                if (value is JsonObject or JsonArray)
                    Walk(value);
                else
                    obj[name] = change(value?.DeepClone());
            }
        }
    }

    /// <summary>Replaces the n-th number in the address (a path segment or a query value); false when there is none.</summary>
    private static bool ReplaceId(HttpRequestMessage request, int position, string value)
    {
        var uri = request.RequestUri!.OriginalString;
        var matches = Number().Matches(uri);
        if (position >= matches.Count)
            return false;
        var match = matches[position];
        request.RequestUri = new Uri(uri[..match.Index] + value + uri[(match.Index + match.Length)..], UriKind.Relative);
        return true;
    }

    /// <summary>A number that is a whole path segment or a whole query value.</summary>
    [GeneratedRegex(@"(?<=[/=])\d+(?=[/&?]|$)")]
    private static partial Regex Number();
}
