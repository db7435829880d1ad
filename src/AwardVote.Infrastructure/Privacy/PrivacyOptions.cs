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
}
