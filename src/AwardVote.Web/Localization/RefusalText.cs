using System.Globalization;
using AwardVote.Application;
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

            // Nominations, attachments, letters of support, eligibility

            // Jury: invitations, conflicts of interest
            RefusalCode.AlreadyOnJury => l["This person already sits on the jury."],
            RefusalCode.ChairNotOnJury => l["Choose a member of the jury as its chair."],
            RefusalCode.InvitationLinkNotValid => l["This invitation link is not valid. Check that you opened the whole link from the e-mail."],
            RefusalCode.InvitationUsed => l["This invitation has already been used."],
            RefusalCode.JuryInvitationExpired => l["This invitation has expired. Ask the association to send a new one."],
            RefusalCode.LibraryInvitationExpired => l["This invitation has expired. Ask the library's representative to send a new one."],
            RefusalCode.RoundClosedForDeclaration => l["The round is closed: a conflict can no longer be declared here. Tell the chair."],
            RefusalCode.ConflictAlreadyDeclared => l["You have already declared a conflict with this nomination."],
            RefusalCode.NoDeclaredConflict => l["You have not declared a conflict with this nomination."],
            RefusalCode.RoundClosedForWithdrawal => l["The round is closed: a declaration can no longer be withdrawn here. Tell the chair."],
            RefusalCode.DismissalReasonMissing => l["Give the reason for dismissing the proposal."],
            RefusalCode.ConflictAlreadyDecided => l["This conflict has already been decided."],

            // Ballots
            RefusalCode.NotOnPanel => l["This juror cannot vote on this nomination."],
            RefusalCode.NoRoundOpen => l["No judging round is open."],
            RefusalCode.RoundIsRanked => l["This round is a ranked ballot, not scores."],
            RefusalCode.RoundIsScored => l["This round is scored, not ranked."],
            RefusalCode.RoundClosed => l["The round is closed."],
            RefusalCode.RoundClosedOn => l["The round closed on {0}. Nothing was saved.", a],
            RefusalCode.NominationNotInRound => l["This nomination is not judged in this round."],
            RefusalCode.ConflictedNomination => l["You have a conflict of interest with this nomination: you cannot score it."],
            RefusalCode.ScoreOutOfScale => l["Each score must be one of the values of its criterion's scale."],
            RefusalCode.BallotChangedMeanwhile => l["This ballot was changed meanwhile (another tab?). Nothing was saved; what you entered is still in the form. Open it again to see the saved scores."],
            RefusalCode.NotShortlisted => l["Only the shortlisted nominations can be ranked."],
            RefusalCode.RankOutOfRange => l["Each rank must be between 1 and {0}.", a],
            RefusalCode.EqualRanksNotAllowed => l["The statute does not allow equal ranks: give each nomination its own place."],
            RefusalCode.CastingVoteNotInReview => l["The casting vote is given while the results are in review, not before or after."],
            RefusalCode.CastingVoteNotNeeded => l["This result does not wait for a casting vote."],
            RefusalCode.CastingVoteNotTied => l["Choose one of the nominations tied for first place."],
            RefusalCode.CastingVoteReasonMissing => l["Give the reason for your casting vote: it goes into the protocol."],
            RefusalCode.CastingVoteAlreadyCast => l["The casting vote has already been given."],
            RefusalCode.RepeatBallotTimeMissing => l["Give a time that exists in the cycle's time zone."],
            RefusalCode.RepeatBallotNotInReview => l["A repeat ballot is opened while the results are in review."],
            RefusalCode.NoRepeatBallotNeeded => l["No category of the last round waits for a repeat ballot."],
            RefusalCode.RepeatBallotClosesTooSoon => l["The repeat ballot must close at least an hour from now."],
            RefusalCode.RepeatBallotClosesTooLate => l["The repeat ballot must close within a year."],
            RefusalCode.RepeatBallotAlreadyOpened => l["The repeat ballot has already been opened."],

            // Counting, ties, results and publication

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
