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
            RefusalCode.NominationFrozen => l["Nominations are closed: this nomination is frozen and can no longer change."],
            RefusalCode.NominationsNotOpenYet => l["Nominations for this award cycle are not open yet."],
            RefusalCode.NominationsClosed => l["Nominations are closed."],
            RefusalCode.NominationDeadlinePassed => l["The deadline for nominations passed on {0}. Nothing was saved.", a[0]],
            RefusalCode.NominationAwaitsNomineeConfirmation => l["The nominated library has not confirmed this nomination yet."],
            RefusalCode.NominationChangedMeanwhile => l["Someone else changed this nomination meanwhile. Nothing was saved; what you typed is still in the form. Open the nomination again to see their change."],
            RefusalCode.NominationTextMissing => l["Write the public summary and the achievements before you submit."],
            RefusalCode.OnlySubmittedCanBeWithdrawn => l["Only a submitted nomination can be withdrawn."],
            RefusalCode.PartnerNameMissing => l["Give the partner's name."],
            RefusalCode.StatisticYearMissing => l["Give the year the number refers to."],
            RefusalCode.StatisticValueMissing => l["Give the number for this year."],
            RefusalCode.LinkAddressMissing => l["Give the link's address."],
            RefusalCode.LinkNotWebAddress => l["A link must be a web address starting with https:// or http://."],
            RefusalCode.NominationsClosedForCycle => l["Nominations for this award cycle are closed."],
            RefusalCode.NomineeNotApproved => l["Only an approved library can be nominated."],
            RefusalCode.NominationAlreadyExists => l["{0} already has a nomination in this category.", a[0]],
            RefusalCode.NominationNotAwaitingConfirmation => l["This nomination does not wait for a confirmation."],
            RefusalCode.AttachmentFileMissing => l["Choose a file to upload."],
            RefusalCode.AttachmentLimitReached => l["A nomination can have at most {0} files.", a[0]],
            RefusalCode.FileEmpty => l["The file is empty."],
            RefusalCode.FileTypeNotSupported => l["Only photos (JPEG, PNG, WebP) and PDF documents can be added. The file's content is neither, whatever its name says."],
            RefusalCode.FileTooLarge => l["The file is too large: at most {0} MB.", a[0]],
            RefusalCode.ImageTooLarge => l["The image is too large: at most {0} million pixels.", a[0]],
            RefusalCode.FileDamaged => l["The file is damaged or not what it claims to be."],
            RefusalCode.PhotoConsentMissing => l["Confirm that the people shown in the photo agreed to its use."],
            RefusalCode.EndorserAlreadyAsked => l["{0} was already asked for a letter for this nomination.", a[0]],
            RefusalCode.EndorsementLinkNotValid => l["This link is not valid. Check that you copied the whole address from the e-mail."],
            RefusalCode.EndorsementLinkUsed => l["This link was already used: the letter has been received."],
            RefusalCode.EndorsementLinkExpired => l["This link has expired. Ask the library for a new one."],
            RefusalCode.EndorsementsClosed => l["Nominations are closed: letters of support can no longer be added."],
            RefusalCode.SignedLetterNotPdf => l["The signed letter must be a PDF document of at most 20 MB."],
            RefusalCode.EligibilityOutcomeMissing => l["Choose eligible or not eligible."],
            RefusalCode.EligibilityReasonMissing => l["Give the reason: the library will read it."],
            RefusalCode.OnlySubmittedAreScreened => l["Only submitted nominations are screened."],
            RefusalCode.EligibilityNotNow => l["Eligibility can be decided only while nominations are open or under review."],

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

            // Mail
            RefusalCode.MailNotFailed => l["Only a failed message can be sent again; this one is already queued or sent."],

            // Accounts
            RefusalCode.LanguageNotOffered => l["Choose Latvian or English."],
            // Identity's own error describer (LocalizedIdentityErrorDescriber) has already worded these.
            RefusalCode.PasswordNotAccepted or RefusalCode.AccountNotCreated when refusal.Args.FirstOrDefault() is string described => described,
            RefusalCode.PasswordNotAccepted => l["Choose a password."],
            RefusalCode.AccountNotCreated => l["The value is not valid."],
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
