using AwardVote.Infrastructure.Association;

namespace AwardVote.Infrastructure.Privacy;

/// <summary>
/// How long personal data is kept and the secret its pseudonyms are made with (section <c>Privacy</c>). The privacy
/// notice shows these periods, and the retention jobs keep to them: one setting, read by both.
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";
    public const string KeySetting = Section + ":" + nameof(PseudonymKey);

    /// <summary>
    /// The secret behind every pseudonym and every hashed voter address. Outside Development the app does not start
    /// without it: with a known key an address could be found again by hashing guesses. Keep it apart from the
    /// database and its backups, and never change it: a new key would let an address that already voted vote again.
    /// </summary>
    public string PseudonymKey { get; set; } = "";

    /// <summary>Days after a people's-choice result is published before the voters' addresses become keyed hashes.</summary>
    public int VoterAddressDays { get; set; } = 30;

    /// <summary>Days an account whose e-mail address was never confirmed is kept.</summary>
    public int UnconfirmedAccountDays { get; set; } = 14;

    /// <summary>Days an invitation nobody answered is kept after it expired.</summary>
    public int ExpiredInvitationDays { get; set; } = 30;

    // What the privacy notice (/Privacy) says about who is responsible and whom to ask. The defaults are the demo's
    // association, LBB, with an address nobody reads: a real installation sets its own.

    /// <summary>Who decides why and how the data is processed (the GDPR's controller); none: the association's name.</summary>
    public InTwoLanguages? Controller { get; set; }

    /// <summary>The controller's registration number in the register of associations; empty: not shown.</summary>
    public string RegistrationNumber { get; set; } = "";

    /// <summary>The controller's postal address, where a request can also be sent by post; empty: not shown.</summary>
    public string Address { get; set; } = "";

    /// <summary>Where a person writes to see, correct or erase their data, or to object.</summary>
    public string ContactEmail { get; set; } = "privatums@lbb.example";

    /// <summary>The data protection officer's contact (a name and an address), when the controller has one; empty: none.</summary>
    public string DataProtectionOfficer { get; set; } = "";

    /// <summary>Where a complaint goes: the supervisory authority of the controller's country.</summary>
    public InTwoLanguages SupervisoryAuthority { get; set; } = new("Datu valsts inspekcija", "Data State Inspectorate of Latvia");

    public string SupervisoryAuthorityUrl { get; set; } = "https://www.dvi.gov.lv";
}
