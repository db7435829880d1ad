using AwardVote.Domain.Cycles;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Localization;

/// <summary>Names of domain values as people read them, in the request's language.</summary>
public static class DisplayNames
{
    public static string Phase(CyclePhase phase, IStringLocalizer l) => phase switch
    {
        CyclePhase.Draft => l["Draft"],
        CyclePhase.NominationsOpen => l["Nominations open"],
        CyclePhase.EligibilityReview => l["Eligibility review"],
        CyclePhase.Judging => l["Judging"],
        CyclePhase.Shortlist => l["Shortlist"],
        CyclePhase.Counting => l["Counting"],
        CyclePhase.ResultsReview => l["Results review"],
        CyclePhase.Published => l["Published"],
        CyclePhase.Archived => l["Archived"],
        _ => phase.ToString(),
    };

    /// <summary>A step of the schedule: the phase, with its round where a cycle has several.</summary>
    public static string Step(CyclePhase phase, int roundNumber, IStringLocalizer l) =>
        phase is CyclePhase.Judging or CyclePhase.Shortlist
            ? l["{0} (round {1})", Phase(phase, l), roundNumber]
            : Phase(phase, l);

    public static string BallotKind(BallotKind kind, IStringLocalizer l) => kind switch
    {
        Domain.Cycles.BallotKind.Score => l["Scores per criterion"],
        Domain.Cycles.BallotKind.Ranked => l["Ranked ballot"],
        _ => kind.ToString(),
    };

    public static string CountingMethod(CountingMethod method, IStringLocalizer l) => method switch
    {
        Domain.Cycles.CountingMethod.WeightedMean => l["Weighted mean of the scores"],
        Domain.Cycles.CountingMethod.Schulze => l["Schulze method"],
        Domain.Cycles.CountingMethod.Borda => l["Borda count"],
        Domain.Cycles.CountingMethod.InstantRunoff => l["Instant-runoff voting"],
        Domain.Cycles.CountingMethod.Plurality => l["Most first places (plurality)"],
        _ => method.ToString(),
    };

    public static string TieBreakRule(TieBreakRule rule, IStringLocalizer l) => rule switch
    {
        Domain.Cycles.TieBreakRule.HigherMeanOnCriterion => l["Higher mean on a criterion"],
        Domain.Cycles.TieBreakRule.MoreFirstPreferences => l["More first preferences"],
        Domain.Cycles.TieBreakRule.HigherMedian => l["Higher median score"],
        Domain.Cycles.TieBreakRule.ChairCastingVote => l["The chair's casting vote"],
        Domain.Cycles.TieBreakRule.RepeatBallot => l["A repeat ballot"],
        _ => rule.ToString(),
    };

    public static string PublicCountFiles(PublicCountFiles setting, IStringLocalizer l) => setting switch
    {
        Domain.Cycles.PublicCountFiles.RankedRounds => l["The ranked counts: ballot file, protocol and SHA-256"],
        Domain.Cycles.PublicCountFiles.AllRounds => l["Every count, the score rounds' too"],
        Domain.Cycles.PublicCountFiles.None => l["Nothing but the results"],
        _ => setting.ToString(),
    };

    public static string Secrecy(ScoreSecrecy secrecy, IStringLocalizer l) => secrecy switch
    {
        ScoreSecrecy.HiddenUntilRoundCloses => l["Jurors never see each other's scores"],
        ScoreSecrecy.VisibleToJuryAfterClose => l["After the round closes, a juror who completed their ballot sees the others' scores"],
        _ => secrecy.ToString(),
    };

    public static string VoterEligibility(VoterEligibility eligibility, IStringLocalizer l) => eligibility switch
    {
        Domain.Cycles.VoterEligibility.AnyConfirmedEmail => l["Anyone with a confirmed e-mail address"],
        Domain.Cycles.VoterEligibility.MemberListOnly => l["Only people on the uploaded member list"],
        _ => eligibility.ToString(),
    };

    public static string VoteAllowance(VoteAllowance allowance, IStringLocalizer l) => allowance switch
    {
        Domain.Cycles.VoteAllowance.OnePerCycle => l["One vote in the whole cycle"],
        Domain.Cycles.VoteAllowance.OnePerCategory => l["One vote in each category"],
        _ => allowance.ToString(),
    };

    /// <summary>A statute problem as the administrator reads it; <c>Item</c> names the row.</summary>
    /// <summary>A weight or lead as people write it in the page's language ("0,3" in Latvian).</summary>
    public static string Number(decimal value) => value.ToString("0.####", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>A moment in the cycle's zone as the page's language writes it: "2027. gada 6. janvārī plkst. 23.59".</summary>
    public static string LocalTime(DateTimeOffset utc, string timeZone) =>
        Application.LocalTimes.Moment(utc, timeZone, Application.Languages.Current());

    /// <summary>
    /// The last minute one can still act before an exclusive end (a phase's, a round's, a link's): a phase that ends
    /// when the next starts on 7 January 00:00 is shown "līdz 2027. gada 6. janvārī plkst. 23.59" (see LocalTimes.Deadline).
    /// </summary>
    public static string Deadline(DateTimeOffset end, string timeZone) =>
        Application.LocalTimes.Deadline(end, timeZone, Application.Languages.Current());

    /// <summary>The Latvian text, or the English one when the page is in English and one exists.</summary>
    public static string Pick(string latvian, string? english) =>
        Pick(latvian, english, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>The text for one person's language (a mail), whatever the page's language is.</summary>
    public static string Pick(string latvian, string? english, string culture) => Application.MailTexts.Pick(latvian, english, culture);

    public static string NominationStatus(Domain.Nominations.NominationStatus status, IStringLocalizer l) => status switch
    {
        Domain.Nominations.NominationStatus.Draft => l["Draft"],
        Domain.Nominations.NominationStatus.AwaitingNomineeConfirmation => l["Waiting for the nominee's confirmation"],
        Domain.Nominations.NominationStatus.Submitted => l["Submitted"],
        Domain.Nominations.NominationStatus.Withdrawn => l["Withdrawn"],
        _ => status.ToString(),
    };

    public static string Eligibility(Domain.Nominations.EligibilityDecision decision, IStringLocalizer l) => decision switch
    {
        Domain.Nominations.EligibilityDecision.NotReviewed => l["Not screened yet"],
        Domain.Nominations.EligibilityDecision.Eligible => l["Eligible"],
        Domain.Nominations.EligibilityDecision.Ineligible => l["Not eligible"],
        _ => decision.ToString(),
    };

    public static string Statistic(Domain.Nominations.StatisticKind kind, IStringLocalizer l) => kind switch
    {
        Domain.Nominations.StatisticKind.RegisteredUsers => l["Registered users"],
        Domain.Nominations.StatisticKind.Visits => l["Visits"],
        Domain.Nominations.StatisticKind.Events => l["Events"],
        Domain.Nominations.StatisticKind.Loans => l["Loans"],
        Domain.Nominations.StatisticKind.Other => l["Other"],
        _ => kind.ToString(),
    };
}
