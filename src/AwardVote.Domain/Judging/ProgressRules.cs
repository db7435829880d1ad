using AwardVote.Domain.Cycles;

namespace AwardVote.Domain.Judging;

/// <summary>Arithmetic of the chair's progress board and of the reminders: what counts as done, and jurors' leniency.</summary>
public static class ProgressRules
{
    /// <summary>
    /// The weighted mean of one score ballot on the statute's weights, over the criteria actually scored; null for
    /// an abstention or a ballot with no score.
    /// </summary>
    public static decimal? WeightedMean(ScoreBallot ballot, IReadOnlyList<Criterion> criteria)
    {
        if (ballot.Abstained)
            return null;
        decimal sum = 0, weights = 0;
        foreach (var entry in ballot.Scores)
        {
            if (entry.Score is not { } score || criteria.FirstOrDefault(c => c.Id == entry.CriterionId) is not { } criterion)
                continue;
            sum += criterion.Weight * score;
            weights += criterion.Weight;
        }
        return weights == 0 ? null : sum / weights;
    }

    /// <summary>Mean and population standard deviation; null for no values.</summary>
    public static (decimal Mean, decimal StandardDeviation)? MeanAndDeviation(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0)
            return null;
        var mean = values.Sum() / values.Count;
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        return (mean, (decimal)Math.Sqrt((double)variance));
    }

    /// <summary>
    /// A ranked ballot is complete when it gives a rank to every shortlisted nomination the juror may rank (the
    /// shortlist minus the juror's confirmed conflicts).
    /// </summary>
    public static bool IsComplete(RankedBallot ballot, IReadOnlyCollection<int> rankable) =>
        rankable.All(id => ballot.Ranks.Any(r => r.NominationId == id));

    /// <summary>
    /// Which reminder is due: the smallest listed number of days before close whose moment has come, while the round
    /// is still open; null when none is. Running late (a job paused over a reminder day) sends only the latest one.
    /// </summary>
    public static int? DueReminder(string reminderDaysBeforeClose, DateTimeOffset closesAt, DateTimeOffset now)
    {
        if (now >= closesAt)
            return null;
        var due = ReminderDays(reminderDaysBeforeClose).Where(days => now >= closesAt.AddDays(-days)).ToList();
        return due.Count == 0 ? null : due.Min();
    }

    /// <summary>"7,1" → 7 and 1; anything that is not a positive whole number is ignored.</summary>
    public static IReadOnlyList<int> ReminderDays(string reminderDaysBeforeClose) =>
        reminderDaysBeforeClose.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : 0)
            .Where(days => days > 0)
            .Distinct()
            .OrderByDescending(days => days)
            .ToList();
}
