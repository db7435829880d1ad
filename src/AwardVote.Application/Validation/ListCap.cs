namespace AwardVote.Application.Validation;

/// <summary>
/// The most rows a list in an input record may have: far above any real statute or nomination, low enough that a
/// script sending 20,000 rows is refused before they are saved and every page showing them becomes slow.
/// </summary>
public static class ListCap
{
    public const int Rows = 100;
    public const string Message = "A list can hold at most {1} rows.";
}
