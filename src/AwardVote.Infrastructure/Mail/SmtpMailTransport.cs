using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AwardVote.Infrastructure.Mail;

public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, true), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            client.Dispose();
            throw new MailDeliveryException($"Cannot connect to SMTP server {smtp.Host}:{smtp.Port}: {ex.Message}",
                isPermanent: false, ex);
        }
        return new Session(client);
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException ex)
            {
                // MailKit reports a refused RCPT, MAIL or DATA as SmtpCommandException with the reply's code, and
                // resets the transaction (RSET), so the connection stays usable for the next message.
                // 4xx: the server asks to come back later; 5xx: it will never take this message.
                throw new MailDeliveryException($"SMTP {(int)ex.StatusCode} {ex.ErrorCode}: {ex.Message}",
                    isPermanent: IsPermanent(ex.StatusCode), ex,
                    onlyThisMessage: ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted);
            }
            catch (Exception ex) when (ex is ServiceNotConnectedException or SmtpProtocolException or IOException)
            {
                throw new MailDeliveryException($"SMTP connection lost: {ex.Message}", isPermanent: false, ex);
            }
        }

        /// <summary>A 5xx reply is final (RFC 5321 §4.2.1); 4xx, and anything unexpected, is worth another try.</summary>
        private static bool IsPermanent(SmtpStatusCode code) => (int)code is >= 500 and < 600;

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
            {
                try { await client.DisconnectAsync(quit: true); }
                catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException) { /* the mails are already accounted for */ }
            }
            client.Dispose();
        }
    }
}
