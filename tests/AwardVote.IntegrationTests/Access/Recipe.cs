namespace AwardVote.IntegrationTests.Access;

/// <summary>
/// How the matrix asks one endpoint: the request (with real ids of the world), what must exist before it (a fresh
/// invitation, a proposal to decide) and what is put back after it, so that every cell starts from the same world.
/// </summary>
public sealed record Recipe
{
    /// <summary>The endpoint's key, as <see cref="AppEndpoint.Key"/> names it.</summary>
    public required string Endpoint { get; init; }

    /// <summary>A second request to the same endpoint with another target (a photo and a PDF of one file route).</summary>
    public string Variant { get; init; } = "";

    /// <summary>False for endpoints whose answer does not depend on a cycle's phase: run once, written with <c>*</c>.</summary>
    public bool PerPhase { get; init; } = true;

    /// <summary>
    /// A write is "allow" only when the database changed (an audit entry or a mail was written) and "refused"
    /// when the request came through but nothing was saved; a read is "allow" on any 2xx or 3xx.
    /// </summary>
    public bool? Writes { get; init; }

    /// <summary>The request may change the session (sign out, sign in as another): it runs on a copy of the cookies.</summary>
    public bool Isolated { get; init; }

    public Func<Cell, Task>? Prepare { get; init; }
    public required Func<Cell, Task<HttpRequestMessage>> Build { get; init; }

    public string Key => Variant.Length == 0 ? Endpoint : $"{Endpoint}#{Variant}";
    public bool IsWrite => Writes ?? !Endpoint.StartsWith("GET ", StringComparison.Ordinal);
}
