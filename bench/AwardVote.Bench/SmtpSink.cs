using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AwardVote.Bench;

/// <summary>
/// A minimal SMTP receiver that keeps nothing but a count per recipient: a receiver fast enough that the sender's own
/// cost shows, where the Python test receiver (which writes every message to a Maildir) is the slower party. It
/// advertises PIPELINING, as Postfix and Exim do. <c>XSTATS</c> answers "250 messages=N recipients=R duplicates=D".
/// </summary>
public static class SmtpSink
{
    private static readonly ConcurrentDictionary<string, int> Received = new(StringComparer.OrdinalIgnoreCase);
    private static long _messages;

    public static async Task<int> RunAsync(Options options)
    {
        var listener = new TcpListener(IPAddress.Loopback, options.GetInt("port", 2525));
        listener.Start();
        Console.WriteLine($"listening {((IPEndPoint)listener.LocalEndpoint).Port}");
        while (true)
        {
            var client = await listener.AcceptTcpClientAsync();
            client.NoDelay = true;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private static async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        // Latin-1 maps bytes to chars one to one: the message body passes through unread.
        using var reader = new StreamReader(stream, Encoding.Latin1, false, 1 << 16);
        await using var writer = new StreamWriter(stream, Encoding.Latin1, 1 << 12) { NewLine = "\r\n" };
        var recipients = new List<string>();
        await Reply(writer, reader, "220 awardvote-bench-sink ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await Reply(writer, reader, "250-awardvote-bench-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    break;
                case "HELO":
                case "NOOP":
                    await Reply(writer, reader, "250 OK");
                    break;
                case "MAIL":
                case "RSET":
                    recipients.Clear();
                    await Reply(writer, reader, "250 OK");
                    break;
                case "RCPT":
                    var open = line.IndexOf('<');
                    var close = line.IndexOf('>');
                    recipients.Add(open >= 0 && close > open ? line[(open + 1)..close] : line[8..].Trim());
                    await Reply(writer, reader, "250 OK");
                    break;
                case "DATA":
                    await Reply(writer, reader, "354 End data with <CR><LF>.<CR><LF>");
                    while (await reader.ReadLineAsync() is { } data && data != ".")
                    {
                    }
                    foreach (var recipient in recipients)
                        Received.AddOrUpdate(recipient, 1, (_, n) => n + 1);
                    Interlocked.Increment(ref _messages);
                    recipients.Clear();
                    await Reply(writer, reader, "250 OK queued");
                    break;
                case "XSTA":
                    var duplicates = Received.Values.Count(n => n > 1);
                    await Reply(writer, reader, $"250 messages={Interlocked.Read(ref _messages)} recipients={Received.Count} duplicates={duplicates}");
                    break;
                case "QUIT":
                    await Reply(writer, reader, "221 Bye");
                    return;
                default:
                    await Reply(writer, reader, "502 Command not implemented");
                    break;
            }
        }
    }

    private static async Task Reply(StreamWriter writer, StreamReader reader, string reply)
    {
        _ = reader;
        await writer.WriteLineAsync(reply);
        await writer.FlushAsync();
    }
}
