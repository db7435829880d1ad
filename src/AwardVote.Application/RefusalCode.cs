namespace AwardVote.Application;

/// <summary>
/// Every reason a use case can give for saying no, grouped by feature. Web words each one in Latvian and English
/// (<c>AwardVote.Web.Localization.RefusalText</c>, which a unit test holds to this list); the API also sends the
/// code's name as the problem's <c>code</c>, so a script can tell refusals apart without reading the sentence.
/// </summary>
public enum RefusalCode
{
    // --- Any use case ------------------------------------------------------------------------------------------
    NotFound,
    Forbidden,
    /// <summary>A field breaks its input record's attribute. Args: an <see cref="InputMessage"/>, then the attribute's bounds.</summary>
    InputNotValid,

    // --- Libraries ---------------------------------------------------------------------------------------------
    RegionNotInList,
    LibraryTypeNotInList,
    WebsiteNotValid,
    RegistrationNumberTaken,
    LibraryRefusalReasonMissing,
    LibraryRefusalReasonTooLong,
    /// <summary>The library's status does not allow this decision (already approved, or decided meanwhile).</summary>
    LibraryDecisionNotPossible,
    AlreadyRepresentsLibrary,

    // --- Cycles and statute ------------------------------------------------------------------------------------
    /// <summary>Another cycle has the address (slug) asked for.</summary>
    CycleAddressTaken,
    /// <summary>The cycle to copy the statute from does not exist.</summary>
    CopySourceNotFound,
    /// <summary>Nominations have opened: the statute is fixed.</summary>
    StatuteLocked,
    /// <summary>Someone else saved or moved the cycle after the form (or the client) read it.</summary>
    CycleChangedMeanwhile,
    /// <summary>A time typed in the cycle's zone that the zone skips (the clocks jump forward).</summary>
    TimeSkippedInZone,
    /// <summary>A schedule step's time the cycle's zone skips. Args: the step's phase and round number.</summary>
    StepTimeSkippedInZone,
    /// <summary>A criterion's weight that is not a number. Args: the criterion's 1-based position.</summary>
    WeightNotNumber,
    LeadNotNumber,
    /// <summary>Args: the step's sequence number.</summary>
    ScheduleStepUnknown,
    // What StatuteRules finds wrong with a statute (one per StatuteProblemKind); Args: the row's 1-based position.
    NoCategory,
    CategoryNameMissing,
    CategoryNameRepeated,
    NoCriterion,
    CriterionNameMissing,
    WeightNotPositive,
    ScaleMinNotBelowMax,
    ScaleLabelMissing,
    NoRound,
    MethodDoesNotFitBallot,
    ShortlistMissing,
    LastRoundHasShortlist,
    ShortlistShrinks,
    TieBreakCriterionMissing,
    TieBreakRuleRepeated,
    WinRuleNotPositive,
    CooldownNegative,
    ReminderDaysInvalid,
    PeoplesChoiceDatesOutOfOrder,
    PeoplesChoiceDatesMissing,
    EligibilityRuleTextMissing,
    DatesDoNotIncrease,
    ReachedStepChanged,
    /// <summary>No step before the first or after the last.</summary>
    PhaseMoveNotPossible,
    /// <summary>Opening nominations fixes the statute, so it must be complete first.</summary>
    NominationsNeedCompleteStatute,
    /// <summary>Results are published (and stay published) through publication, not by moving the phase.</summary>
    PhaseMovePublicationOnly,
    /// <summary>
    /// Moving back would reopen a judging round that has closed with ballots in it (issue 14): a close is one-way,
    /// or scores read after it could be voted on again. Args: the round's number.
    /// </summary>
    PhaseMoveReopensRound,
    /// <summary>Only the last closed judging round of a cycle not yet published may be repeated, and not under a tie's repeat ballot.</summary>
    RoundRepeatNotPossible,
    /// <summary>The repeated round must close in the future and before the later steps of the schedule.</summary>
    RoundRepeatCloseNotFitting,

    // --- Nominations, attachments, letters of support, eligibility ---------------------------------------------
    NominationFrozen,
    NominationsNotOpenYet,
    NominationsClosed,
    /// <summary>Args: the deadline that passed, as a <see cref="ZonedTime"/>.</summary>
    NominationDeadlinePassed,
    NominationAwaitsNomineeConfirmation,
    NominationChangedMeanwhile,
    NominationTextMissing,
    OnlySubmittedCanBeWithdrawn,
    PartnerNameMissing,
    StatisticYearMissing,
    StatisticValueMissing,
    LinkAddressMissing,
    LinkNotWebAddress,
    NominationsClosedForCycle,
    NomineeNotApproved,
    /// <summary>Args: the nominee library's name.</summary>
    NominationAlreadyExists,
    NominationNotAwaitingConfirmation,
    AttachmentFileMissing,
    /// <summary>Args: the most files a nomination can have.</summary>
    AttachmentLimitReached,
    FileEmpty,
    FileTypeNotSupported,
    /// <summary>Args: the limit in MB.</summary>
    FileTooLarge,
    /// <summary>Args: the limit in millions of pixels.</summary>
    ImageTooLarge,
    FileDamaged,
    PhotoConsentMissing,
    /// <summary>Args: the address asked already.</summary>
    EndorserAlreadyAsked,
    EndorsementLinkNotValid,
    EndorsementLinkUsed,
    EndorsementLinkExpired,
    EndorsementsClosed,
    SignedLetterNotPdf,
    EligibilityOutcomeMissing,
    EligibilityReasonMissing,
    OnlySubmittedAreScreened,
    EligibilityNotNow,
    /// <summary>A save over a submitted nomination: the jury reads what was submitted, so a change is a resubmission.</summary>
    SubmittedNominationNeedsResubmission,
    OnlySubmittedCanBeResubmitted,
    NothingChangedToResubmit,
    /// <summary>
    /// The library waits for the association's approval: its draft may be written, but it is submitted (and letters of
    /// support asked, which mail people outside) only once the library is approved.
    /// </summary>
    LibraryAwaitsApproval,
    /// <summary>A library not approved nominates only itself (a draft): nominating another library needs approval.</summary>
    ActingLibraryNotApproved,

    // --- Jury: invitations, conflicts of interest ----------------------------------------------------------------
    AlreadyOnJury,
    ChairNotOnJury,
    InvitationLinkNotValid,
    InvitationUsed,
    JuryInvitationExpired,
    LibraryInvitationExpired,
    RoundClosedForDeclaration,
    ConflictAlreadyDeclared,
    NoDeclaredConflict,
    RoundClosedForWithdrawal,
    DismissalReasonMissing,
    ConflictAlreadyDecided,
    /// <summary>The decider is the juror the conflict is about: an administrator (another one, for an administrator-juror) decides it.</summary>
    OwnConflict,
    /// <summary>The chair has already recorded this juror's conflict with the nomination by hand.</summary>
    ConflictAlreadyRecorded,
    /// <summary>Only a decided proposal can be reopened (not one still proposed, nor a juror's own declaration).</summary>
    ConflictNotDecided,
    /// <summary>The address is at a reserved or test domain that receives no mail; arg: the address. Confirm to send anyway.</summary>
    ReservedEmailDomain,
    /// <summary>The panel's count is done (results review onwards): its members stay as the results name them.</summary>
    JuryCountDone,

    // --- Ballots -------------------------------------------------------------------------------------------------
    /// <summary>The juror does not sit on the nomination's panel (Forbidden for the juror; the paper ballot's <c>JurorId</c> for an administrator).</summary>
    NotOnPanel,
    NoRoundOpen,
    RoundIsRanked,
    RoundIsScored,
    RoundClosed,
    /// <summary>Args: the <see cref="ZonedTime"/> the round closed.</summary>
    RoundClosedOn,
    NominationNotInRound,
    ConflictedNomination,
    ScoreOutOfScale,
    BallotChangedMeanwhile,
    NotShortlisted,
    /// <summary>Args: how many nominations the shortlist has.</summary>
    RankOutOfRange,
    EqualRanksNotAllowed,
    /// <summary>A proposed conflict of the juror with the nomination waits for the chair's decision.</summary>
    ConflictAwaitsDecision,
    /// <summary>A paper ballot would replace the juror's own electronic ballot.</summary>
    ElectronicBallotExists,
    // The ties the jury's chair breaks, and the repeat ballot the association opens among the tied.
    CastingVoteNotInReview,
    CastingVoteNotNeeded,
    CastingVoteNotTied,
    CastingVoteReasonMissing,
    CastingVoteAlreadyCast,
    RepeatBallotTimeMissing,
    RepeatBallotNotInReview,
    NoRepeatBallotNeeded,
    RepeatBallotClosesTooSoon,
    RepeatBallotClosesTooLate,
    RepeatBallotAlreadyOpened,

    // --- Counting, ties, results and publication ---------------------------------------------------------------
    // A refusal about one category carries a PublicationCategory as its first argument; the words name it first.
    /// <summary>No announcement with this id (or not of this panel).</summary>
    AnnouncementNotFound,
    /// <summary>Someone changed or created the announcement after the form (or the client) read it.</summary>
    AnnouncementChangedMeanwhile,
    ResultsNotInReview,
    ResultsAlreadyPublished,
    /// <summary>The category's final round is not counted yet.</summary>
    LaureateNotCounted,
    /// <summary>The final round ended in a tie the statute's chain could not break.</summary>
    LaureateTieUnbroken,
    /// <summary>The winner missed the statute's win rule: the jury votes again.</summary>
    LaureateRepeatBallotRequired,
    LaureateNotSingle,
    CitationMissing,
    CitationNotApproved,
    LaureateChanged,
    /// <summary>A published announcement never changes; a correction is a new one.</summary>
    AnnouncementPublished,
    CorrectionNoteMissing,
    CitationTooLong,
    PublicationTimeMissing,
    PublicationTimeInPast,
    PublicationNotDue,
    /// <summary>
    /// "Publish now" without the confirmation that the public page and the mails were looked through (issue 16): a
    /// publication is never taken back.
    /// </summary>
    PublicationNotConfirmed,

    // --- People's choice ---------------------------------------------------------------------------------------

    // --- Mail ----------------------------------------------------------------------------------------------------
    /// <summary>Only a failed message can be sent again; this one is queued or sent.</summary>
    MailNotFailed,
    /// <summary>The failed message was kept past its retention period and its body (with its one-time links) is gone.</summary>
    MailBodyRemoved,

    // --- Accounts ------------------------------------------------------------------------------------------------
    LanguageNotOffered,
    /// <summary>A password validator refused the password. Args: its description, already in the person's language (Identity's describer).</summary>
    PasswordNotAccepted,
    /// <summary>Identity refused to create the account. Args: its description, already in the person's language.</summary>
    AccountNotCreated,

    // --- Accounts: second factor and passkeys (issue 15, item 2) -----------------------------------------------
    /// <summary>The code is not the authenticator's current one (nor, where it is accepted, an unused recovery code).</summary>
    SecondFactorCodeWrong,
    /// <summary>The authenticator is already on: setting it up again would break the app the person has.</summary>
    AuthenticatorAlreadyOn,
    /// <summary>The authenticator is not on, so there is nothing to turn off or codes to replace.</summary>
    AuthenticatorNotOn,
    /// <summary>An administrator's or chair's page (or the statute's jurors'): the account needs a second factor or a passkey first.</summary>
    SecondFactorRequired,
    /// <summary>The browser's answer to the passkey request is not valid (cancelled, another site's, or tampered with).</summary>
    PasskeyNotAccepted,
    /// <summary>The password asked again before a change of the account's ways in is not the account's.</summary>
    PasswordWrong,

    // --- Accounts: sign-in, reset, confirmation, sessions (issue 15) ---------------------------------------------
    /// <summary>A reset link that is wrong, used or expired, or for an address without an account (told apart by nothing).</summary>
    ResetLinkNotValid,
    ConfirmationLinkNotValid,
    AccountChangedMeanwhile,
    /// <summary>A refresh token that is unreadable, expired, of an ended session, or used before.</summary>
    RefreshTokenNotValid,

    // --- Privacy: erasure (issue 17, items 4 and 6) -----------------------------------------------------------------
    /// <summary>The typed confirmation is not the account's e-mail address.</summary>
    ErasureConfirmationWrong,
    /// <summary>The administrator did not confirm the person's request.</summary>
    ErasureNotConfirmed,
    /// <summary>No account has the address the administrator gave.</summary>
    ErasurePersonNotFound,
    /// <summary>The account has neither a password nor an authenticator app to prove the deletion with.</summary>
    ErasureNeedsPassword,
    /// <summary>On the jury of a cycle whose judging has begun and whose results are not published. Args: the cycle's title.</summary>
    ErasureJurorOfOpenCycle,
    /// <summary>The only representative of a library with a nomination in progress. Args: the library's LibraryName.</summary>
    ErasureOnlyRepresentative,
    /// <summary>A letter of support from the address is part of a nomination in progress. Args: the library's LibraryName.</summary>
    ErasureLetterOnLiveNomination,
    /// <summary>The association's only administrator: erasing it would lock the association out.</summary>
    ErasureLastAdministrator,
    /// <summary>An administrator's account is not erased on request by an administrator (the holder deletes it, or the role is taken away first).</summary>
    ErasureOfAdministrator,
}
