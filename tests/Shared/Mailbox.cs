using MimeKit;

namespace AwardVote.Tests;

/// <summary>Reads what the test SMTP receiver (aiosmtpd, Maildir) received.</summary>
public static class Mailbox
{
    public static IReadOnlyList<MimeMessage> To(string address)
    {
        var root = TestEnvironment.Maildir;
        return Directory.EnumerateFiles(Path.Combine(root, "new"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "cur")))
            .Select(path => MimeMessage.Load(path))
            .Where(message => message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>Waits a little: the receiver writes the file just after it answers "250 OK".</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var messages = To(address);
            if (messages.Count >= count)
                return messages;
            await Task.Delay(100);
        }
        return To(address);
    }
}
