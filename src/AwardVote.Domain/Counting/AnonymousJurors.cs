namespace AwardVote.Domain.Counting;

/// <summary>
/// The names a secret round gives its jurors: "juror-01", "juror-02" … in the ordinal order of their account ids,
/// so every recount, the ballot file and the scores export name the same juror alike, and none names a person.
/// </summary>
public static class AnonymousJurors
{
    public static Dictionary<string, string> Codes(IEnumerable<string> jurorUserIds) =>
        jurorUserIds.Distinct().Order(StringComparer.Ordinal)
            .Select((id, i) => (id, code: $"juror-{i + 1:00}"))
            .ToDictionary(x => x.id, x => x.code);
}
