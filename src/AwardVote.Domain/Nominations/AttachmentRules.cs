using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace AwardVote.Domain.Nominations;

/// <summary>
/// What an uploaded file really is, decided from its first bytes (never from its name or the browser's claim), and
/// whether it may be kept: type, size, and for photos the pixel count, so that a small file that would decode into
/// gigabytes (a decompression bomb) is refused before anything decodes it.
/// </summary>
public static class AttachmentRules
{
    public const long MaxPhotoBytes = 10 * 1024 * 1024;
    public const long MaxPdfBytes = 20 * 1024 * 1024;
    public const long MaxPixels = 50_000_000;
    public const int MaxAttachmentsPerNomination = 20;
    /// <summary>Enough bytes to read the type and, for every supported image, its dimensions.</summary>
    public const int HeaderBytes = 64 * 1024;

    public static FileVerdict Inspect(ReadOnlySpan<byte> header, long size)
    {
        if (size == 0)
            return FileVerdict.Refused(FileProblem.Empty);
        var type = Sniff(header);
        if (type is null)
            return FileVerdict.Refused(FileProblem.UnsupportedType);
        var (kind, contentType, extension) = type.Value;
        var limit = kind == AttachmentKind.Photo ? MaxPhotoBytes : MaxPdfBytes;
        if (size > limit)
            return FileVerdict.Refused(FileProblem.TooLarge, limit);
        if (kind == AttachmentKind.Photo)
        {
            var dimensions = ImageDimensions(header, contentType);
            if (dimensions is null)
                return FileVerdict.Refused(FileProblem.Damaged);
            var (width, height) = dimensions.Value;
            if (width <= 0 || height <= 0)
                return FileVerdict.Refused(FileProblem.Damaged);
            if ((long)width * height > MaxPixels)
                return FileVerdict.Refused(FileProblem.TooManyPixels, MaxPixels);
        }
        return new FileVerdict(null, 0, kind, contentType, extension);
    }

    private static (AttachmentKind, string, string)? Sniff(ReadOnlySpan<byte> h)
    {
        if (h.Length >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF)
            return (AttachmentKind.Photo, "image/jpeg", ".jpg");
        if (h.Length >= 8 && h[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return (AttachmentKind.Photo, "image/png", ".png");
        if (h.Length >= 12 && h[..4].SequenceEqual("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8))
            return (AttachmentKind.Photo, "image/webp", ".webp");
        if (h.Length >= 5 && h[..5].SequenceEqual("%PDF-"u8))
            return (AttachmentKind.Pdf, "application/pdf", ".pdf");
        return null;
    }

    /// <summary>Width and height from the image header, without decoding the image.</summary>
    public static (int Width, int Height)? ImageDimensions(ReadOnlySpan<byte> h, string contentType) => contentType switch
    {
        "image/png" when h.Length >= 24 && h[12..16].SequenceEqual("IHDR"u8) =>
            ((int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(h[16..20]), int.MaxValue),
             (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(h[20..24]), int.MaxValue)),
        "image/webp" => WebPDimensions(h),
        "image/jpeg" => JpegDimensions(h),
        _ => null,
    };

    private static (int, int)? WebPDimensions(ReadOnlySpan<byte> h)
    {
        if (h.Length < 30)
            return null;
        var chunk = h[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
            return (1 + (h[24] | h[25] << 8 | h[26] << 16), 1 + (h[27] | h[28] << 8 | h[29] << 16));
        if (chunk.SequenceEqual("VP8 "u8))
            return (BinaryPrimitives.ReadUInt16LittleEndian(h[26..28]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(h[28..30]) & 0x3FFF);
        if (chunk.SequenceEqual("VP8L"u8) && h[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(h[21..25]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        return null;
    }

    private static (int, int)? JpegDimensions(ReadOnlySpan<byte> h)
    {
        var i = 2;
        while (i + 9 < h.Length)
        {
            if (h[i] != 0xFF)
                return null;
            var marker = h[i + 1];
            if (marker == 0xFF) { i++; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(h[(i + 2)..(i + 4)]);
            // SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return (BinaryPrimitives.ReadUInt16BigEndian(h[(i + 7)..(i + 9)]), BinaryPrimitives.ReadUInt16BigEndian(h[(i + 5)..(i + 7)]));
            if (length < 2)
                return null;
            i += 2 + length;
        }
        return null;
    }

    /// <summary>
    /// The name a file is served under: the last part of whatever path the browser sent, Latvian letters folded to
    /// ASCII, anything but letters, digits, dot, dash and underscore replaced, the extension of the real type.
    /// </summary>
    public static string SafeFileName(string? original, string extension)
    {
        var name = (original ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        if (dot > 0)
            name = name[..dot];
        var folded = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            folded.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }
        var safe = string.Join('-', folded.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries)).Trim('.', '_');
        if (safe.Length > 80)
            safe = safe[..80];
        return (safe.Length == 0 ? "attachment" : safe) + extension;
    }
}

public enum FileProblem
{
    Empty,
    UnsupportedType,
    TooLarge,
    TooManyPixels,
    Damaged,
}

public sealed record FileVerdict(FileProblem? Problem, long Limit, AttachmentKind Kind, string ContentType, string Extension)
{
    public bool Accepted => Problem is null;

    public static FileVerdict Refused(FileProblem problem, long limit = 0) => new(problem, limit, default, "", "");
}
