using AwardVote.Domain.Libraries;

namespace AwardVote.Domain.Judging;

/// <summary>What the system knows about a juror that can make a conflict of interest.</summary>
/// <param name="HomeLibrary">The library the juror works at (<c>AppUser.HomeLibraryId</c>), if known.</param>
/// <param name="RepresentedLibraryIds">Libraries the juror holds a representative grant for.</param>
public sealed record JurorFacts(string UserId, Library? HomeLibrary, IReadOnlyCollection<int> RepresentedLibraryIds);

/// <summary>A judged nomination with its library.</summary>
public sealed record NomineeFacts(int NominationId, Library Library);

/// <summary>A conflict the system proposes; the chair or an administrator confirms or dismisses it.</summary>
/// <param name="Reason">The specific name that matched (a library, municipality or region), kept for the decider.</param>
public sealed record ConflictProposal(string JurorUserId, int NominationId, ConflictSource Source, string Reason);

/// <summary>
/// Which conflicts of interest to propose. Matches specific institutions and places only: a library by id, a
/// municipality or region by its exact name (ignoring case and surrounding spaces), never generic words such as
/// "library", which would match everyone and teach the chair to dismiss proposals unread.
/// </summary>
public static class ConflictRules
{
    /// <summary>Words that are not a place; a municipality or region with one of these names never matches.</summary>
    private static readonly HashSet<string> GenericWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "bibliotēka", "biblioteka", "library", "centrālā bibliotēka", "novads", "pagasts", "pilsēta", "city",
        "municipality", "region", "reģions", "latvija", "latvia", "nav", "none", "n/a", "-", "?", "cits", "other",
    };

    public static IReadOnlyList<ConflictProposal> Propose(JurorFacts juror, IEnumerable<NomineeFacts> nominees, bool regionIsConflict)
    {
        var proposals = new List<ConflictProposal>();
        foreach (var nominee in nominees)
        {
            var library = nominee.Library;
            if (juror.HomeLibrary is { } home && home.Id == library.Id)
                proposals.Add(new(juror.UserId, nominee.NominationId, ConflictSource.OwnLibrary, library.Name));
            if (juror.RepresentedLibraryIds.Contains(library.Id))
                proposals.Add(new(juror.UserId, nominee.NominationId, ConflictSource.RepresentedLibrary, library.Name));
            if (juror.HomeLibrary is { } place)
            {
                if (SamePlace(place.Municipality, library.Municipality))
                    proposals.Add(new(juror.UserId, nominee.NominationId, ConflictSource.SameMunicipality, library.Municipality!.Trim()));
                if (regionIsConflict && SamePlace(place.Region, library.Region))
                    proposals.Add(new(juror.UserId, nominee.NominationId, ConflictSource.SameRegion, library.Region.Trim()));
            }
        }
        return proposals;
    }

    /// <summary>Both name the same specific place: equal ignoring case, neither empty nor a generic word.</summary>
    public static bool SamePlace(string? a, string? b)
    {
        var left = a?.Trim();
        var right = b?.Trim();
        if (string.IsNullOrEmpty(left) || string.IsNullOrEmpty(right) || IsGeneric(left) || IsGeneric(right))
            return false;
        return string.Equals(left, right, StringComparison.OrdinalIgnoreCase)
               || string.Equals(left.ToUpperInvariant(), right.ToUpperInvariant(), StringComparison.Ordinal);
    }

    private static bool IsGeneric(string name) => name.Length < 2 || GenericWords.Contains(name);
}
