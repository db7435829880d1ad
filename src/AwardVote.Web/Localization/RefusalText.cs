using System.Globalization;
using AwardVote.Application;
using AwardVote.Web.Publishing;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Localization;

/// <summary>
/// The words for every <see cref="RefusalCode"/>, in the request's language: the one place a use case's "no" becomes
/// a sentence, for the pages and the API alike. A code without words throws, and a unit test asks for every code.
/// </summary>
public static class RefusalText
{
    public static string Describe(Refusal refusal, IStringLocalizer l)
    {
        var a = refusal.Args.Select(Format).ToArray();
        return refusal.Code switch
        {
            RefusalCode.InputNotValid when refusal.Args.FirstOrDefault() is InputMessage message =>
                string.Format(CultureInfo.CurrentCulture, l[message.Template].Value, [l[message.DisplayName].Value, .. refusal.Args.Skip(1)]),
            RefusalCode.InputNotValid => l["The value is not valid."],
            RefusalCode.NotFound => l["There is nothing at this address."],
            RefusalCode.Forbidden => l["Your account may not do this."],

            // Libraries
            RefusalCode.RegionNotInList => l["Choose a region from the list."],
            RefusalCode.LibraryTypeNotInList => l["Choose a type from the list."],
            RefusalCode.WebsiteNotValid => l["Enter a valid web address, for example https://biblioteka.lv."],
            RefusalCode.RegistrationNumberTaken => l["A library with this registration number is already registered. If it is your library, ask its representative to invite you."],
            RefusalCode.LibraryRefusalReasonMissing => l["Write the reason for the refusal: the library's representatives will read it."],
            RefusalCode.LibraryRefusalReasonTooLong => l["The reason is too long."],
            RefusalCode.LibraryDecisionNotPossible => l["This decision is not possible in the library's present status. The page shows the status now."],
            RefusalCode.AlreadyRepresentsLibrary => l["This person already represents the library."],

            // Cycles and statute
            RefusalCode.CycleAddressTaken => l["Another cycle already has this address."],
            RefusalCode.CopySourceNotFound => l["Choose a cycle to copy from."],
            RefusalCode.StatuteLocked => l["The statute is locked: nominations have opened, so it can no longer change. Nothing was saved."],
            RefusalCode.CycleChangedMeanwhile => l["Someone else changed this cycle while you were editing. Nothing was saved; your values are still in the form: check them and save again."],
            RefusalCode.TimeSkippedInZone => l["This time does not exist in the cycle's time zone (the clocks jump forward then)."],
            RefusalCode.StepTimeSkippedInZone => l["{0}: this time does not exist in the cycle's time zone (the clocks jump forward then).",
                refusal.Args is [Domain.Cycles.CyclePhase phase, int round, ..] ? DisplayNames.Step(phase, round, l) : a.FirstOrDefault() ?? ""],
            RefusalCode.WeightNotNumber => l["Criterion {0}: enter the weight as a number, e.g. 0,3.", a],
            RefusalCode.LeadNotNumber => l["Enter the lead as a number, or leave it empty."],
            RefusalCode.ScheduleStepUnknown => l["There is no step {0} in this schedule.", a],
            RefusalCode.NoCategory => l["The statute needs at least one category."],
            RefusalCode.CategoryNameMissing => l["Category {0}: enter a name.", a],
            RefusalCode.CategoryNameRepeated => l["Category {0}: another category has the same name.", a],
            RefusalCode.NoCriterion => l["The statute needs at least one criterion."],
            RefusalCode.CriterionNameMissing => l["Criterion {0}: enter a name.", a],
            RefusalCode.WeightNotPositive => l["Criterion {0}: the weight must be greater than zero.", a],
            RefusalCode.ScaleMinNotBelowMax => l["Criterion {0}: the lowest score must be below the highest.", a],
            RefusalCode.ScaleLabelMissing => l["Criterion {0}: every score value needs a label.", a],
            RefusalCode.NoRound => l["The statute needs at least one round."],
            RefusalCode.MethodDoesNotFitBallot => l["Round {0}: score ballots are counted by weighted mean, ranked ballots by a ranked method.", a],
            RefusalCode.ShortlistMissing => l["Round {0}: say how many nominations go on to the next round.", a],
            RefusalCode.LastRoundHasShortlist => l["Round {0}: the last round decides and has no shortlist.", a],
            RefusalCode.ShortlistShrinks => l["Round {0}: the shortlist must be shorter than the one before.", a],
            RefusalCode.TieBreakCriterionMissing => l["Tie-break step {0}: choose a criterion of this statute.", a],
            RefusalCode.TieBreakRuleRepeated => l["Tie-break step {0}: the same rule is already in the chain.", a],
            RefusalCode.WinRuleNotPositive => l["The win rule's numbers must be greater than zero (or left empty)."],
            RefusalCode.CooldownNegative => l["The years since the last award cannot be negative."],
            RefusalCode.ReminderDaysInvalid => l["Reminder days: whole days separated by commas, e.g. 7,1."],
            RefusalCode.PeoplesChoiceDatesOutOfOrder => l["The people's-choice vote must close after it opens."],
            RefusalCode.PeoplesChoiceDatesMissing => l["Give the people's-choice vote its opening and closing time."],
            RefusalCode.EligibilityRuleTextMissing => l["Eligibility rule {0}: enter the text in Latvian.", a],
            RefusalCode.DatesDoNotIncrease => l["Each phase must start after the one before it."],
            RefusalCode.ReachedStepChanged => l["A phase the cycle has already reached keeps its date."],
            RefusalCode.PhaseMoveNotPossible => l["The cycle cannot move in that direction from here."],
            RefusalCode.NominationsNeedCompleteStatute => l["Nominations cannot open while the statute has problems (listed on the cycle's page)."],
            RefusalCode.PhaseMovePublicationOnly => l["Results are published from the publication page, with approved citations; published results are not taken back."],

            // Nominations, attachments, letters of support, eligibility

            // Jury: invitations, conflicts of interest

            // Ballots

            // Counting, ties, results and publication
            RefusalCode.AnnouncementNotFound => l["There is no such announcement."],
            RefusalCode.AnnouncementChangedMeanwhile => l["Someone changed this announcement in the meantime. Check it and save again."],
            RefusalCode.ResultsNotInReview => PublicationText.InCategory(refusal, l["Results are published from results review, and this cycle is not there."]),
            RefusalCode.ResultsAlreadyPublished => PublicationText.InCategory(refusal, l["These results are published already; publishing again changes nothing."]),
            RefusalCode.LaureateNotCounted => PublicationText.InCategory(refusal, l["The final round is not counted yet."]),
            RefusalCode.LaureateTieUnbroken => PublicationText.InCategory(refusal, l["The final round ended in a tie that the statute's tie-break chain could not break. No laureate can be announced until the tie is resolved (by a repeat ballot or the chair's casting vote)."]),
            RefusalCode.LaureateRepeatBallotRequired => PublicationText.InCategory(refusal, l["The winner did not meet the statute's win rule, so the jury votes again. No laureate can be announced until the repeat ballot is counted."]),
            RefusalCode.LaureateNotSingle => PublicationText.InCategory(refusal, l["The result names no single laureate."]),
            RefusalCode.CitationMissing => PublicationText.InCategory(refusal, l["The jury's citation is not written yet."]),
            RefusalCode.CitationNotApproved => PublicationText.InCategory(refusal, l["An administrator has not approved the citation yet."]),
            RefusalCode.LaureateChanged => PublicationText.InCategory(refusal, l["The result changed after the citation was written: save the citation again and approve it."]),
            RefusalCode.AnnouncementPublished => PublicationText.InCategory(refusal, l["This announcement is published and never changes. To correct it, start a correction: a new announcement linked to this one."]),
            RefusalCode.CorrectionNoteMissing => PublicationText.InCategory(refusal, l["Say why the announcement is corrected: the note is shown publicly beside it."]),
            RefusalCode.CitationTooLong => PublicationText.InCategory(refusal, l["The citation can be at most {0} characters long, the note {1}.",
                Application.Results.SaveCitation.MaxCitationLength, Application.Results.SaveCitation.MaxNoteLength]),
            RefusalCode.PublicationTimeMissing => l["Enter the date and time of the announcement."],
            RefusalCode.PublicationTimeInPast => PublicationText.InCategory(refusal, l["Choose a time in the future."]),
            RefusalCode.PublicationNotDue => PublicationText.InCategory(refusal, l["The announcement time has not come yet."]),

            // People's choice

            // Accounts
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Code, "RefusalText has no words for this code."),
        };
    }

    private static object Format(object value) => value switch
    {
        ZonedTime time => DisplayNames.LocalTime(time.At, time.TimeZone),
        decimal number => DisplayNames.Number(number),
        _ => value,
    };
}
