using AwardVote.Domain.PeoplesChoice;

namespace AwardVote.Infrastructure.PeoplesChoice;

/// <summary>Loads the list of well-known throwaway-mail domains shipped in <c>disposable-domains.txt</c>.</summary>
public static class DisposableDomainList
{
    public static DisposableDomains Load()
    {
        using var stream = typeof(DisposableDomainList).Assembly.GetManifestResourceStream("AwardVote.Infrastructure.PeoplesChoice.disposable-domains.txt")
                           ?? throw new InvalidOperationException("disposable-domains.txt is not embedded in AwardVote.Infrastructure.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            lines.Add(line);
        return new DisposableDomains(lines);
    }
}
