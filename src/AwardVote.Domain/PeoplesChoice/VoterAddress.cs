namespace AwardVote.Domain.PeoplesChoice;

/// <summary>
/// A voter's e-mail address as the vote compares it: trimmed and upper-cased (invariant), so that
/// "Anna@Example.lv " and "anna@example.lv" are one voter in the unique key and on the member list.
/// </summary>
public static class VoterAddress
{
    public const int MaxLength = 320;

    public static string Normalize(string address) => address.Trim().ToUpperInvariant();

    /// <summary>
    /// The mailbox an address delivers to, upper-cased: the key of "one vote per voter". The sub-address tag
    /// ("anna+x@example.lv") is dropped for every domain, since a tag never names another mailbox; the providers of
    /// <see cref="MailboxProviders"/> also lose the characters they ignore and have their aliases folded into one
    /// domain, so "V.O.T.E.R+1@googlemail.com" and "voter@gmail.com" are one key. The mail itself still goes to the
    /// address as typed.
    /// </summary>
    public static string Canonical(string address)
    {
        var trimmed = address.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0)
            return Normalize(trimmed);
        var name = trimmed[..at];
        var domain = trimmed[(at + 1)..].ToLowerInvariant();
        var plus = name.IndexOf('+');
        // "+tag" alone is a name, not a tag.
        if (plus > 0)
            name = name[..plus];
        if (MailboxProviders.Of(domain) is { } provider)
        {
            var stripped = string.Concat(name.Where(c => !provider.IgnoredInName.Contains(c)));
            name = stripped.Length > 0 ? stripped : name;
            domain = provider.Domains[0];
        }
        return (name + "@" + domain).ToUpperInvariant();
    }

    /// <summary>
    /// What is left of a mailbox key without digits and punctuation in its name ("ANNA.B.7@X.LV" → "ANNAB@X.LV"):
    /// addresses sharing it are near-duplicates, which the abuse report shows as a group for a person to judge.
    /// </summary>
    public static string Skeleton(string canonical)
    {
        var at = canonical.LastIndexOf('@');
        if (at <= 0)
            return canonical;
        var letters = string.Concat(canonical[..at].Where(char.IsLetter));
        return (letters.Length > 0 ? letters : canonical[..at]) + canonical[at..];
    }

    /// <summary>
    /// A deliberately plain check (one @, something on each side, a dot in the domain, no spaces or angle brackets):
    /// the one-time link proves the address works, this only catches typing mistakes and header injection.
    /// </summary>
    public static bool IsPlausible(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
            return false;
        var trimmed = address.Trim();
        if (trimmed.Length > MaxLength)
            return false;
        var at = trimmed.IndexOf('@');
        if (at <= 0 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1)
            return false;
        var domain = trimmed[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains(".."))
            return false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')' or '[' or ']' or '\\')
                return false;
        }
        return true;
    }

    /// <summary>The domain part of a normalised or raw address, lower-cased for lookups.</summary>
    public static string Domain(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? "" : address[(at + 1)..].Trim().ToLowerInvariant();
    }
}

/// <summary>
/// Well-known throwaway-mail domains (a data file, one domain a line). A subdomain of a listed domain counts too.
/// </summary>
public sealed class DisposableDomains
{
    private readonly HashSet<string> _domains;

    public DisposableDomains(IEnumerable<string> lines)
    {
        _domains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            var domain = line.Trim();
            if (domain.Length > 0 && !domain.StartsWith('#'))
                _domains.Add(domain.ToLowerInvariant());
        }
    }

    public int Count => _domains.Count;

    public bool Contains(string address)
    {
        var domain = VoterAddress.Domain(address);
        while (domain.Length > 0)
        {
            if (_domains.Contains(domain))
                return true;
            var dot = domain.IndexOf('.');
            if (dot < 0)
                return false;
            domain = domain[(dot + 1)..];
        }
        return false;
    }
}
