using System.Security.Cryptography;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Files;
using Microsoft.AspNetCore.Http;

namespace AwardVote.Application.Nominations;

/// <summary>An uploaded file's way in: judged by its first bytes, then stored and fingerprinted.</summary>
internal static class Uploads
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

    /// <summary>Why a file was refused, about the field that carried it.</summary>
    public static Refusal Explain(FileVerdict verdict, string field) => verdict.Problem switch
    {
        FileProblem.Empty => Refusal.Invalid(field, RefusalCode.FileEmpty),
        FileProblem.UnsupportedType => Refusal.Invalid(field, RefusalCode.FileTypeNotSupported),
        FileProblem.TooLarge => Refusal.Invalid(field, RefusalCode.FileTooLarge, verdict.Limit / (1024 * 1024)),
        FileProblem.TooManyPixels => Refusal.Invalid(field, RefusalCode.ImageTooLarge, verdict.Limit / 1_000_000),
        _ => Refusal.Invalid(field, RefusalCode.FileDamaged),
    };

    public static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
