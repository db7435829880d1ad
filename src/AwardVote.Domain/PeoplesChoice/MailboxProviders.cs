namespace AwardVote.Domain.PeoplesChoice;

/// <summary>
/// Mail providers that deliver several spellings of an address to one mailbox, beyond the sub-address tag
/// ("anna+x@…") that <see cref="VoterAddress.Canonical"/> strips for every domain. Without this list
/// "v.o.t.e.r@gmail.com" and "voter@googlemail.com" would be two voters in the one-vote key.
/// </summary>
/// <remarks>
/// Where it comes from: each provider's own help pages (Gmail: "Dots don't matter in Gmail addresses" and
/// googlemail.com being the same service; Apple: icloud.com, me.com and mac.com being aliases of one iCloud Mail
/// account; Proton: proton.me, protonmail.com, protonmail.ch and pm.me being addresses of one account, with dots,
/// hyphens and underscores of the name ignored). To extend it: add a <see cref="Provider"/> below with the domains
/// that are one mailbox (the first is the one the key is written with) and the characters of the name that the
/// provider ignores, add a case to <c>VoterAddressTests</c>, and say so in the release notes: votes already stored
/// keep the key they were cast under. List only what a provider documents; a wrong entry would merge two people.
/// </remarks>
public static class MailboxProviders
{
    /// <param name="Domains">Domains of one mailbox; the key uses the first.</param>
    /// <param name="IgnoredInName">Characters of the name (before the @) that the provider does not deliver by.</param>
    public sealed record Provider(string[] Domains, char[] IgnoredInName);

    public static IReadOnlyList<Provider> All { get; } =
    [
        new(["gmail.com", "googlemail.com"], ['.']),
        new(["icloud.com", "me.com", "mac.com"], []),
        new(["proton.me", "protonmail.com", "protonmail.ch", "pm.me"], ['.', '-', '_']),
    ];

    private static readonly Dictionary<string, Provider> ByDomain =
        All.SelectMany(p => p.Domains.Select(d => (d, p))).ToDictionary(x => x.d, x => x.p, StringComparer.OrdinalIgnoreCase);

    /// <summary>The provider of a (lower-cased) domain, or null for every other domain.</summary>
    public static Provider? Of(string domain) => ByDomain.GetValueOrDefault(domain);
}
