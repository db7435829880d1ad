using System.Security.Cryptography;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Files;

namespace AwardVote.Web.Nominations;

/// <summary>An uploaded file's way in: judged by its first bytes, then stored and fingerprinted.</summary>
public static class Uploads
{
    public static async Task<FileVerdict> InspectAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var header = new byte[AttachmentRules.HeaderBytes];
        int read;
        await using (var stream = file.OpenReadStream())
            read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return AttachmentRules.Inspect(header.AsSpan(0, read), file.Length);
    }

    /// <summary>Stores the file under a new key and returns the key and the SHA-256 of what was stored.</summary>
    public static async Task<(string Key, string Sha256)> StoreAsync(IFormFile file, AttachmentStore store, CancellationToken cancellationToken)
    {
        string key;
        await using (var stream = file.OpenReadStream())
            key = await store.SaveAsync(stream, cancellationToken);
        await using var stored = store.OpenRead(key);
        return (key, Convert.ToHexString(await SHA256.HashDataAsync(stored, cancellationToken)));
    }
}
