using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwardVote.Domain.Cycles;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Access;

/// <summary>
/// One cell of the matrix being run: a role asks one endpoint in one phase. Holds what a recipe's preparation
/// made for the request (<see cref="Target"/>, <see cref="TargetText"/>) and what its clean-up puts back.
/// </summary>
public sealed class Cell(AccessWorld world, RoleClients clients, Role role, Phase phase)
{
    public AccessWorld World => world;
    public Role Role => role;
    public Phase Phase => phase;
    public PhaseCycle C => world.Cycles[phase];
    public string? UserId => world.UserIdOf(role);

    /// <summary>For the hostile tests: null sends the role's own anti-forgery token, "" none, anything else that value.</summary>
    public string? TokenOverride { get; set; }

    private IEnumerable<KeyValuePair<string, string>> TokenField() => TokenOverride switch
    {
        null => [KeyValuePair.Create("__RequestVerificationToken", clients.Token(role))],
        "" => [],
        var token => [KeyValuePair.Create("__RequestVerificationToken", token)],
    };

    public int Target { get; set; }
    public string TargetText { get; set; } = "";
    public Func<Task>? Restore { get; set; }

    /// <summary>Signs the role in again after the request (one that ends every session of the account).</summary>
    public Task SignInAgainAfterAsync()
    {
        Restore = () => clients.SignInAgainAsync(role);
        return Task.CompletedTask;
    }

    public static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    /// <summary>A form post as the role's browser sends it, anti-forgery token included.</summary>
    public HttpRequestMessage Form(string url, IEnumerable<(string Name, string Value)> fields) => new(HttpMethod.Post, url)
    {
        Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Concat(TokenField())),
    };

    public HttpRequestMessage Form(string url, params (string Name, string Value)[] fields) => Form(url, fields.AsEnumerable());

    public HttpRequestMessage Upload(string url, IEnumerable<(string Name, string Value)> fields, string fileField, string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in TokenField())
            form.Add(new StringContent(value), name);
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, fileField, fileName);
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
    }

    public static HttpRequestMessage Json(HttpMethod method, string url, object body) =>
        new(method, url) { Content = JsonContent.Create(body) };

    /// <summary>What the administrator's client reads from the API (the shape a script would send back).</summary>
    public async Task<JsonNode> AdminJsonAsync(string url)
    {
        using var client = clients.Client(Role.Admin, isolated: true);
        return JsonNode.Parse(await client.GetStringAsync(url))!;
    }

    public Task<AwardCycle> CycleAsync(int id) =>
        world.QueryAsync(db => StatuteEditor.WithStatute(db.Cycles.AsNoTracking()).SingleAsync(c => c.Id == id));

    public Task<Guid> NominationVersionAsync(int id) =>
        world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Version).SingleAsync());
}
