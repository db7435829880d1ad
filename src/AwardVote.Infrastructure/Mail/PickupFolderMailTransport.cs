using Microsoft.Extensions.Logging;
using MimeKit;

namespace AwardVote.Infrastructure.Mail;

/// <summary>Development default: each message becomes an .eml file that any mail program opens.</summary>
public sealed class PickupFolderMailTransport(string folder, ILogger<PickupFolderMailTransport> logger) : IMailTransport
{
    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        return Task.FromResult<IMailSession>(new Session(folder, logger));
    }

    private sealed class Session(string folder, ILogger logger) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var path = Path.Combine(folder, $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, cancellationToken);
            logger.LogInformation("Mail to {To} written to {Path}", message.To, path);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
