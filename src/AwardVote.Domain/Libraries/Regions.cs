namespace AwardVote.Domain.Libraries;

/// <summary>Latvia's planning regions as the demo data and the association name them; stored as written here.</summary>
public static class Regions
{
    public static readonly IReadOnlyList<string> All = ["Kurzeme", "Latgale", "Rīga", "Vidzeme", "Zemgale"];
}
