using MimeKit;

namespace AwardVote.Infrastructure.Mail;

/// <summary>
/// The one way mail leaves AwardVote. A session is opened per delivery run, so SMTP reuses one connection for a
/// whole batch.
/// </summary>
public interface IMailTransport
{
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

public interface IMailSession : IAsyncDisposable
{
    /// <exception cref="MailDeliveryException">The message was not delivered; <see cref="MailDeliveryException.IsPermanent"/> says whether to retry.</exception>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public sealed class MailDeliveryException(string message, bool isPermanent, Exception? inner = null, bool onlyThisMessage = false)
    : Exception(message, inner)
{
    /// <summary>The server refused the message for good (a 5xx reply): retrying will not help.</summary>
    public bool IsPermanent { get; } = isPermanent;

    /// <summary>
    /// The refusal concerns this message's recipient (an RCPT reply), not the server: other messages can still go
    /// in the same run.
    /// </summary>
    public bool OnlyThisMessage { get; } = onlyThisMessage;
}
