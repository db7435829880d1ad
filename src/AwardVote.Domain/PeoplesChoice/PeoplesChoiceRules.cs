using AwardVote.Domain.Cycles;

namespace AwardVote.Domain.PeoplesChoice;

/// <summary>
/// When the public may vote and when anyone may see a count. Pure: the pages, the API and the count job all ask
/// here, so no path shows a count the statute keeps secret.
/// </summary>
public static class PeoplesChoiceRules
{
    public const string WholeCycleKey = "cycle";

    /// <summary>What one vote is "one of": the whole cycle, or the nomination's category.</summary>
    public static string AllowanceKey(VoteAllowance allowance, int categoryId) =>
        allowance == VoteAllowance.OnePerCycle ? WholeCycleKey : CategoryKey(categoryId);

    public static string CategoryKey(int categoryId) =>
        "category:" + categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static VoteState State(PeoplesChoiceSettings settings, CyclePhase phase, DateTimeOffset now)
    {
        if (!settings.Enabled || phase == CyclePhase.Draft || settings.OpensAt is null || settings.ClosesAt is null)
            return VoteState.None;
        if (now < settings.OpensAt)
            return VoteState.NotYetOpen;
        return now < settings.ClosesAt ? VoteState.Open : VoteState.Closed;
    }

    public static bool IsOpen(PeoplesChoiceSettings settings, CyclePhase phase, DateTimeOffset now) =>
        State(settings, phase, now) == VoteState.Open;

    /// <summary>
    /// Counts are public while voting only where the statute allows a live count; otherwise after close, once the
    /// cycle's results are published. A live-count statute also shows the result right after close.
    /// </summary>
    public static bool CountsArePublic(PeoplesChoiceSettings settings, CyclePhase phase, DateTimeOffset now) =>
        State(settings, phase, now) switch
        {
            VoteState.Open => settings.LiveCount,
            VoteState.Closed => settings.LiveCount || phase >= CyclePhase.Published,
            _ => false,
        };

    /// <summary>Whether a stored count may be made: never before the vote has closed.</summary>
    public static bool CanBeCounted(PeoplesChoiceSettings settings, CyclePhase phase, DateTimeOffset now) =>
        State(settings, phase, now) == VoteState.Closed;
}

public enum VoteState
{
    /// <summary>The cycle has no people's-choice vote (or no dates yet, or is a draft).</summary>
    None,
    NotYetOpen,
    Open,
    Closed,
}
