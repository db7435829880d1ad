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
            RefusalCode.PhaseMoveReopensRound => l["Round {0} of judging has closed with ballots in it, and a closed round is not reopened: its scores may already have been read.", a],
            RefusalCode.RoundRepeatNotPossible => l["Only the last closed round of judging can be repeated, before the results are published and unless a repeat ballot for a tie has begun."],
            RefusalCode.RoundRepeatCloseNotFitting => l["The repeated round must close in the future and before the later steps of the schedule."],

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
            RefusalCode.SubmittedNominationNeedsResubmission => l["This nomination is submitted, and the jury reads it as submitted: to change it, save and submit it again. Nothing was saved; what you typed is still in the form."],
            RefusalCode.OnlySubmittedCanBeResubmitted => l["Only a submitted nomination can be submitted again. Submit it first."],
            RefusalCode.NothingChangedToResubmit => l["Nothing has changed since the last submission, so there is nothing to submit again."],
            RefusalCode.LibraryAwaitsApproval => l["The library is still awaiting the association's approval. You can write the draft now and submit it once the library is approved."],
            RefusalCode.ActingLibraryNotApproved => l["Your library can nominate another library once the association has approved it."],

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
            RefusalCode.OwnConflict => l["Nobody decides a conflict about themself: an administrator decides it (another administrator, if you are one)."],
            RefusalCode.ConflictAlreadyRecorded => l["This juror's conflict with this nomination is already recorded."],
            RefusalCode.ConflictNotDecided => l["Only a decided proposal can be reopened; a juror's own declaration is theirs to withdraw."],
            RefusalCode.ReservedEmailDomain => l["{0} is a test or example address that receives no mail. Check the address, or confirm that you want to send it there anyway.", a[0]],
            RefusalCode.JuryCountDone => l["The jury's count is done: its members can no longer change."],

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
            RefusalCode.ConflictAwaitsDecision => l["A possible conflict of interest with this nomination awaits the chair's decision: you cannot vote on it until it is decided."],
            RefusalCode.ElectronicBallotExists => l["This juror has already voted electronically in this round: a paper ballot cannot replace the electronic one."],
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
            RefusalCode.PublicationNotConfirmed => l["Look through the public page and the mails as they will be sent, then confirm the publication: it cannot be undone."],

            // People's choice

            // Mail
            RefusalCode.MailNotFailed => l["Only a failed message can be sent again; this one is already queued or sent."],
            RefusalCode.MailBodyRemoved => l["This message failed too long ago: its text, with the links it carried, has been removed and it cannot be sent again. Repeat the action that sent it."],

            // Accounts
            RefusalCode.LanguageNotOffered => l["Choose Latvian or English."],
            // Identity's own error describer (LocalizedIdentityErrorDescriber) has already worded these.
            RefusalCode.PasswordNotAccepted or RefusalCode.AccountNotCreated when refusal.Args.FirstOrDefault() is string described => described,
            RefusalCode.PasswordNotAccepted => l["Choose a password."],
            RefusalCode.AccountNotCreated => l["The value is not valid."],
            // Accounts: second factor and passkeys
            RefusalCode.SecondFactorCodeWrong => l["The code is not correct. Enter the code your authenticator app shows now."],
            RefusalCode.AuthenticatorAlreadyOn => l["The authenticator app is already on for this account."],
            RefusalCode.AuthenticatorNotOn => l["The authenticator app is not on for this account."],
            RefusalCode.SecondFactorRequired => l["Set up a second factor (an authenticator app or a passkey) on your account's security page first: this page needs it."],
            RefusalCode.PasskeyNotAccepted => l["The passkey was not accepted. Try again."],
            RefusalCode.PasswordWrong => l["The password is not correct."],
            // Accounts: sign-in, reset, confirmation, sessions
            RefusalCode.ResetLinkNotValid or RefusalCode.ConfirmationLinkNotValid => l["The link is not valid or has expired."],
            RefusalCode.RefreshTokenNotValid => l["Sign in again."],
            RefusalCode.AccountChangedMeanwhile => l["Someone else changed this at the same time. Please try again."],
            // Privacy: erasure
            RefusalCode.ErasureConfirmationWrong => l["Type the account's e-mail address exactly as it is."],
            RefusalCode.ErasureNotConfirmed => l["Confirm that the person asked for the erasure and that you made sure who asked."],
            RefusalCode.ErasurePersonNotFound => l["No account has this e-mail address."],
            RefusalCode.ErasureNeedsPassword => l["This account has no password: set one through “Forgot your password?” first, then delete the account."],
            RefusalCode.ErasureJurorOfOpenCycle => l["The account cannot be deleted yet: it belongs to the jury of “{0}”, whose judging has begun and whose results are not published. It can be deleted once the results are published.", a],
            RefusalCode.ErasureOnlyRepresentative => l["The account cannot be deleted yet: it is the only representative of {0}, which has a nomination in progress. Invite another representative first, or delete the account once the results are published.",
                refusal.Args is [Domain.Libraries.LibraryName name, ..] ? name.In(Domain.Libraries.GrammaticalCase.Genitive) : a.FirstOrDefault() ?? ""],
            RefusalCode.ErasureLetterOnLiveNomination => l["The account cannot be deleted yet: a letter of support from its e-mail address is part of the nomination of {0}, which the jury is still judging. It can be deleted once the results are published.",
                refusal.Args is [Domain.Libraries.LibraryName endorsed, ..] ? endorsed.In(Domain.Libraries.GrammaticalCase.Genitive) : a.FirstOrDefault() ?? ""],
            RefusalCode.ErasureLastAdministrator => l["The account cannot be deleted: it is the association's only administrator. Give another person the administrator role first."],
            RefusalCode.ErasureOfAdministrator => l["An administrator's account is not erased from here: its holder deletes it on their own account page, or the administrator role is taken away first."],
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
