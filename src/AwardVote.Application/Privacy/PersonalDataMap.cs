namespace AwardVote.Application.Privacy;

/// <summary>What a column is to the person it may be about.</summary>
public enum ColumnTreatment
{
    /// <summary>Personal data the export carries, in the section <see cref="ColumnRule.Why"/> names.</summary>
    Exported,

    /// <summary>Personal, but not handed out: a secret (a hash, a token) or a row that also holds other people's data.</summary>
    Withheld,

    /// <summary>Looks personal by its name, but holds nothing about a person.</summary>
    NotPersonal,
}

/// <param name="Why">For <see cref="ColumnTreatment.Exported"/> the <see cref="PersonalDataExport"/> section (property name); otherwise the reason.</param>
public sealed record ColumnRule(ColumnTreatment Treatment, string Why);

/// <summary>
/// Every column that could hold personal data — a user reference, an address, a name, a person's free text — by table,
/// and what the export does with it. A test walks the EF model and fails on such a column missing here, so a new one
/// cannot slip past the export (or past docs/privacy.md, which must name every table that holds personal data).
/// </summary>
public static class PersonalDataMap
{
    private static ColumnRule Exported(string section) => new(ColumnTreatment.Exported, section);

    private static ColumnRule Withheld(string why) => new(ColumnTreatment.Withheld, why);

    private static ColumnRule NotPersonal(string why) => new(ColumnTreatment.NotPersonal, why);

    private const string Secret = "a secret of the account (hash, key or token): never handed out";
    private const string OthersBallot = "names who typed in a juror's paper ballot; the ballot is the juror's, the audit entries show who entered it";
    private const string Decider = "names who decided about someone else's row; the audit entries made by the person list the decision";

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, ColumnRule>> Tables =
        new Dictionary<string, IReadOnlyDictionary<string, ColumnRule>>
        {
            ["AspNetUsers"] = new Dictionary<string, ColumnRule>
            {
                ["Id"] = Exported(nameof(PersonalDataExport.Account)),
                ["DisplayName"] = Exported(nameof(PersonalDataExport.Account)),
                ["Email"] = Exported(nameof(PersonalDataExport.Account)),
                ["NormalizedEmail"] = Exported(nameof(PersonalDataExport.Account)),
                ["UserName"] = Exported(nameof(PersonalDataExport.Account)),
                ["NormalizedUserName"] = Exported(nameof(PersonalDataExport.Account)),
                ["PhoneNumber"] = Exported(nameof(PersonalDataExport.Account)),
                ["PasswordHash"] = Withheld(Secret),
                ["SecurityStamp"] = Withheld(Secret),
                ["ConcurrencyStamp"] = NotPersonal("a version number of the row"),
            },
            ["AspNetUserClaims"] = new Dictionary<string, ColumnRule>
            {
                ["UserId"] = Exported(nameof(PersonalDataExport.Account)),
            },
            ["AspNetUserLogins"] = new Dictionary<string, ColumnRule>
            {
                ["UserId"] = Exported(nameof(PersonalDataExport.Account)),
                ["ProviderDisplayName"] = Exported(nameof(PersonalDataExport.Account)),
                ["ProviderKey"] = Withheld(Secret),
            },
            ["AspNetUserTokens"] = new Dictionary<string, ColumnRule>
            {
                ["UserId"] = Withheld(Secret),
                ["Name"] = Withheld(Secret),
                ["Value"] = Withheld(Secret),
            },
            ["AspNetUserRoles"] = new Dictionary<string, ColumnRule>
            {
                ["UserId"] = Exported(nameof(PersonalDataExport.Roles)),
            },
            ["AspNetUserPasskeys"] = new Dictionary<string, ColumnRule>
            {
                ["UserId"] = Exported(nameof(PersonalDataExport.Account)),
                ["Name"] = Exported(nameof(PersonalDataExport.Account)),
            },
            ["AspNetRoles"] = new Dictionary<string, ColumnRule>
            {
                ["Name"] = NotPersonal("a role's name"),
                ["NormalizedName"] = NotPersonal("a role's name"),
                ["ConcurrencyStamp"] = NotPersonal("a version number of the row"),
            },
            ["RoleGrants"] = new Dictionary<string, ColumnRule>
            {
                ["UserId"] = Exported(nameof(PersonalDataExport.Roles)),
                ["GrantedByUserId"] = Withheld(Decider),
            },
            ["Invitations"] = new Dictionary<string, ColumnRule>
            {
                ["Email"] = Exported(nameof(PersonalDataExport.Invitations)),
                ["AcceptedByUserId"] = Exported(nameof(PersonalDataExport.Invitations)),
                ["InvitedByUserId"] = Withheld("names who invited someone else: the invitation holds the other person's address"),
                ["TokenHash"] = Withheld(Secret),
            },
            ["Libraries"] = new Dictionary<string, ColumnRule>
            {
                ["Name"] = NotPersonal("a library's name, not a person's"),
                ["NameGenitive"] = NotPersonal("a library's name, not a person's"),
                ["NameDative"] = NotPersonal("a library's name, not a person's"),
                ["NameAccusative"] = NotPersonal("a library's name, not a person's"),
                ["NameLocative"] = NotPersonal("a library's name, not a person's"),
                ["Email"] = Exported(nameof(PersonalDataExport.Libraries)),
                ["Phone"] = Exported(nameof(PersonalDataExport.Libraries)),
                ["Address"] = Exported(nameof(PersonalDataExport.Libraries)),
                ["RefusalReason"] = Exported(nameof(PersonalDataExport.Libraries)),
            },
            ["Nominations"] = new Dictionary<string, ColumnRule>
            {
                ["CreatedByUserId"] = Exported(nameof(PersonalDataExport.Nominations)),
                ["PublicSummary"] = Exported(nameof(PersonalDataExport.Nominations)),
                ["Achievements"] = Exported(nameof(PersonalDataExport.Nominations)),
                ["Projects"] = Exported(nameof(PersonalDataExport.Nominations)),
                ["EligibilityDecidedByUserId"] = Withheld(Decider),
                ["EligibilityReason"] = Withheld("the administrator's reason about a library's nomination; the library's representatives read it on the nomination"),
            },
            ["NominationPartners"] = new Dictionary<string, ColumnRule>
            {
                ["Name"] = Exported(nameof(PersonalDataExport.Nominations)),
            },
            ["NominationLinks"] = new Dictionary<string, ColumnRule>
            {
                ["Title"] = Exported(nameof(PersonalDataExport.Nominations)),
            },
            ["Attachments"] = new Dictionary<string, ColumnRule>
            {
                ["UploadedByUserId"] = Exported(nameof(PersonalDataExport.Files)),
                ["OriginalFileName"] = Exported(nameof(PersonalDataExport.Files)),
                ["Caption"] = Exported(nameof(PersonalDataExport.Files)),
                ["Credit"] = Exported(nameof(PersonalDataExport.Files)),
                ["SafeFileName"] = NotPersonal("a name the app made from the stored file's key"),
            },
            ["Endorsements"] = new Dictionary<string, ColumnRule>
            {
                ["EndorserName"] = Exported(nameof(PersonalDataExport.LettersWritten)),
                ["EndorserEmail"] = Exported(nameof(PersonalDataExport.LettersWritten)),
                ["EndorserTitle"] = Exported(nameof(PersonalDataExport.LettersWritten)),
                ["Organisation"] = Exported(nameof(PersonalDataExport.LettersWritten)),
                ["Letter"] = Exported(nameof(PersonalDataExport.LettersWritten)),
                ["RequestedByUserId"] = Exported(nameof(PersonalDataExport.LettersRequested)),
                ["TokenHash"] = Withheld(Secret),
            },
            ["Conflicts"] = new Dictionary<string, ColumnRule>
            {
                ["JurorUserId"] = Exported(nameof(PersonalDataExport.Conflicts)),
                ["Reason"] = Exported(nameof(PersonalDataExport.Conflicts)),
                ["DecisionReason"] = Exported(nameof(PersonalDataExport.Conflicts)),
                ["DecidedByUserId"] = Withheld(Decider),
            },
            ["ScoreBallots"] = new Dictionary<string, ColumnRule>
            {
                ["JurorUserId"] = Exported(nameof(PersonalDataExport.ScoreBallots)),
                ["Comment"] = Exported(nameof(PersonalDataExport.ScoreBallots)),
                ["PrivateNotes"] = Exported(nameof(PersonalDataExport.ScoreBallots)),
                ["EnteredByUserId"] = Withheld(OthersBallot),
            },
            ["RankedBallots"] = new Dictionary<string, ColumnRule>
            {
                ["JurorUserId"] = Exported(nameof(PersonalDataExport.RankedBallots)),
                ["EnteredByUserId"] = Withheld(OthersBallot),
            },
            ["CastingVotes"] = new Dictionary<string, ColumnRule>
            {
                ["ChairUserId"] = Exported(nameof(PersonalDataExport.CastingVotes)),
                ["Reason"] = Exported(nameof(PersonalDataExport.CastingVotes)),
                ["ChosenName"] = NotPersonal("the chosen library's name"),
            },
            ["Publications"] = new Dictionary<string, ColumnRule>
            {
                ["CitationByUserId"] = Exported(nameof(PersonalDataExport.Citations)),
                ["ApprovedByUserId"] = Exported(nameof(PersonalDataExport.Citations)),
                ["PublishedByUserId"] = Exported(nameof(PersonalDataExport.Citations)),
                ["Citation"] = Exported(nameof(PersonalDataExport.Citations)),
                ["CitationEn"] = NotPersonal("the published citation's translation, about a library"),
                ["CorrectionNote"] = NotPersonal("the published note on a corrected result, about a library"),
                ["CorrectionNoteEn"] = NotPersonal("the published note on a corrected result, about a library"),
            },
            ["VoteRequests"] = new Dictionary<string, ColumnRule>
            {
                ["VoterEmail"] = Exported(nameof(PersonalDataExport.VoteRequests)),
                ["VoterKey"] = Exported(nameof(PersonalDataExport.VoteRequests)),
                ["RequestIp"] = Exported(nameof(PersonalDataExport.VoteRequests)),
                ["TokenHash"] = Withheld(Secret),
            },
            ["PeoplesChoiceVotes"] = new Dictionary<string, ColumnRule>
            {
                ["VoterEmail"] = Exported(nameof(PersonalDataExport.Votes)),
                ["VoterKey"] = Exported(nameof(PersonalDataExport.Votes)),
            },
            ["MemberList"] = new Dictionary<string, ColumnRule>
            {
                ["Email"] = Exported(nameof(PersonalDataExport.MemberLists)),
            },
            ["VoteAlerts"] = new Dictionary<string, ColumnRule>
            {
                ["Addresses"] = Withheld("an abuse report groups many voters' addresses: showing the group would show the others'"),
                ["Subject"] = Withheld("the address group or network an abuse report is about: many voters at once"),
            },
            ["Outbox"] = new Dictionary<string, ColumnRule>
            {
                ["ToEmail"] = Exported(nameof(PersonalDataExport.Mails)),
                ["ToName"] = Exported(nameof(PersonalDataExport.Mails)),
                ["Subject"] = Exported(nameof(PersonalDataExport.Mails)),
                ["TextBody"] = Withheld("removed when the mail is sent (DeliverOutboxJob); a mail still waiting is sent, not exported"),
                ["HtmlBody"] = Withheld("removed when the mail is sent (DeliverOutboxJob); a mail still waiting is sent, not exported"),
                ["LastError"] = NotPersonal("the mail server's answer to the last attempt"),
            },
            ["AssociationSettings"] = new Dictionary<string, ColumnRule>
            {
                ["Name"] = NotPersonal("the association's name"),
                ["NameEn"] = NotPersonal("the association's name"),
                ["ShortName"] = NotPersonal("the association's name"),
                ["ContactEmail"] = NotPersonal("the association's public contact address, not a person's"),
            },
            ["Cycles"] = new Dictionary<string, ColumnRule>
            {
                ["Title"] = NotPersonal("an award cycle's title"),
                ["TitleEn"] = NotPersonal("an award cycle's title"),
                ["ReminderDaysBeforeClose"] = NotPersonal("a setting of the statute"),
            },
            ["Categories"] = new Dictionary<string, ColumnRule>
            {
                ["Name"] = NotPersonal("a category's name"),
                ["NameEn"] = NotPersonal("a category's name"),
            },
            ["Criteria"] = new Dictionary<string, ColumnRule>
            {
                ["Name"] = NotPersonal("a criterion's name"),
                ["NameEn"] = NotPersonal("a criterion's name"),
            },
            ["DataProtectionKeys"] = new Dictionary<string, ColumnRule>
            {
                ["FriendlyName"] = NotPersonal("the name of a key that protects cookies"),
            },
            ["AuditEntries"] = new Dictionary<string, ColumnRule>
            {
                ["ActorUserId"] = Exported(nameof(PersonalDataExport.AuditEntries)),
                ["ActorName"] = Exported(nameof(PersonalDataExport.AuditEntries)),
                ["EntityId"] = Exported(nameof(PersonalDataExport.AuditEntries)),
                ["Before"] = Exported(nameof(PersonalDataExport.AuditEntries)),
                ["After"] = Exported(nameof(PersonalDataExport.AuditEntries)),
                ["Reason"] = Exported(nameof(PersonalDataExport.AuditEntries)),
            },
        };

    /// <summary>The rule for a column, or null when the map does not name it.</summary>
    public static ColumnRule? For(string table, string column) =>
        Tables.TryGetValue(table, out var columns) && columns.TryGetValue(column, out var rule) ? rule : null;
}
