using System.Net;

namespace AwardVote.IntegrationTests.Faults;

/// <summary>
/// A browser behind a round-robin load balancer without sticky sessions: one cookie jar, each request to the next
/// node in turn. Cookies ignore the port, as they do for a browser, so the nodes share the session.
/// </summary>
public sealed class RoundRobin : IDisposable
{
    private readonly HttpClient[] _nodes;
    private int _next;

    public RoundRobin(params Uri[] addresses)
    {
        var cookies = new CookieContainer();
        _nodes = addresses.Select(address => new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = address,
        }).ToArray();
        Served = new int[_nodes.Length];
    }

    /// <summary>Requests each node answered.</summary>
    public int[] Served { get; }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await Next().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields) =>
        Next().PostAsync(path, new FormUrlEncodedContent(fields));

    public void Dispose()
    {
        foreach (var node in _nodes)
            node.Dispose();
    }

    private HttpClient Next()
    {
        var index = _next++ % _nodes.Length;
        Served[index]++;
        return _nodes[index];
    }
}
