namespace AwardVote.Infrastructure.Mail;

public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>"Smtp" delivers through an SMTP server; "PickupFolder" writes .eml files (development default).</summary>
    public MailTransportKind Transport { get; set; } = MailTransportKind.PickupFolder;
    public string FromAddress { get; set; } = "gada-biblioteka@awardvote.invalid";
    /// <summary>Empty: the association's sender name (<c>Association:MailSenderName</c>).</summary>
    public string FromName { get; set; } = "";
    /// <summary>Where .eml files go; relative paths are under the data folder.</summary>
    public string PickupFolder { get; set; } = "mail";
    /// <summary>
    /// The address people open AwardVote at; every link in every mail starts with it. No default: outside Development
    /// the app does not start without it (AwardVote.Web.Security.PublicAddress).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";
    public SmtpOptions Smtp { get; set; } = new();
    public int BatchSize { get; set; } = 100;
    /// <summary>One delivery run goes on batch after batch while the outbox is full, for at most this long.</summary>
    public int MaxRunSeconds { get; set; } = 120;
    public int MaxAttempts { get; set; } = 8;
    /// <summary>
    /// How long a delivery run owns a message it claimed. A run that dies (the process killed) leaves its message
    /// for others once this passes; longer than any one send may take, or two runs could both send it.
    /// </summary>
    public int ClaimLeaseSeconds { get; set; } = 300;
    /// <summary>
    /// How long a failed message keeps its body, for the administrator to send it again; a sent one keeps none.
    /// </summary>
    public int FailedRetentionDays { get; set; } = 30;
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    /// <summary>None, Auto, SslOnConnect or StartTls (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

public enum MailTransportKind
{
    PickupFolder,
    Smtp,
}
