namespace AwardVote.Application.Jury;

/// <summary>
/// Addresses that can never receive mail (RFC 2606 and RFC 6761: <c>.example</c>, <c>.invalid</c>, <c>.test</c>,
/// <c>.localhost</c>, example.com/org/net): an invitation sent there is lost, and the panel waits for a juror who
/// never hears of it. Usually a test address left in, or a typo.
/// </summary>
public static class ReservedEmailDomains
{
    private static readonly string[] TopLevel = ["example", "invalid", "test", "localhost"];
    private static readonly string[] SecondLevel = ["example.com", "example.org", "example.net"];

    public static bool IsReserved(string email)
    {
        var at = email.LastIndexOf('@');
        if (at < 0)
            return false;
        var domain = email[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
        var last = domain[(domain.LastIndexOf('.') + 1)..];
        return TopLevel.Contains(last) || SecondLevel.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal));
    }
}
