namespace AwardVote.Application.Accounts;

/// <summary>
/// How much one client, one address and one recipient may ask of the account flows ("Accounts" in configuration).
/// The defaults are the production ones; the tests' shared host, whose requests all come from one address, raises
/// <see cref="RequestsPerClientPerMinute"/> and proves the defaults on hosts of their own.
/// </summary>
public sealed class AccountLimits
{
    public const string Section = "Accounts";

    /// <summary>Posts to the sign-in, register, reset and confirmation endpoints from one client address a minute.</summary>
    public int RequestsPerClientPerMinute { get; set; } = 10;

    /// <summary>Wrong passwords for one address from one client before each further try waits.</summary>
    public int FailuresBeforeDelay { get; set; } = 3;

    /// <summary>The longest wait between tries, however many failed: the owner is slowed, never locked out.</summary>
    public int MaxDelaySeconds { get; set; } = 60;

    /// <summary>Confirmation, reset and "you already have an account" mails to one address in a day, together.</summary>
    public int MailsPerRecipientPerDay { get; set; } = 3;
}
