using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AwardVote.Infrastructure.Privacy;

/// <summary>
/// Stable stand-ins for a person who is gone: the same account always gets the same pseudonym, so the audit log still
/// shows that one person did these things, and the same address always gets the same hash, so a voter whose address
/// was hashed still cannot vote twice. Keyed (HMAC-SHA256 with <see cref="PrivacyOptions.PseudonymKey"/>), so that
/// nobody without the key can hash guessed addresses or account ids and find the person again.
/// </summary>
public sealed class Pseudonyms(IOptions<PrivacyOptions> options)
{
    /// <summary>What a hashed voter key starts with; no real address does (an address has no ':' before its '@').</summary>
    public const string HashedPrefix = "h:";

    /// <summary>What every person pseudonym starts with, so pages can tell one from an account id.</summary>
    public const string PersonPrefix = "p-";

    /// <summary>The key Development, the tests and the demo use when none is configured; never a production key.</summary>
    internal const string DevelopmentKey = "awardvote-development-pseudonym-key-not-for-production";

    /// <summary>The pseudonym of an account: "p-" and 12 hex digits, the same every time for the same account.</summary>
    public string Person(string userId) => PersonPrefix + Hex(Hash("person:" + userId))[..12];

    /// <summary>The stored form of a voter's mailbox key once the address may no longer be kept; idempotent.</summary>
    public string VoterKey(string key) => IsHashed(key) ? key : HashedPrefix + Hex(Hash("voter:" + key));

    public static bool IsHashed(string key) => key.StartsWith(HashedPrefix, StringComparison.Ordinal);

    public static bool IsPerson(string? text) => text is not null && text.StartsWith(PersonPrefix, StringComparison.Ordinal);

    private byte[] Hash(string text)
    {
        var key = options.Value.PseudonymKey is { Length: > 0 } configured ? configured : DevelopmentKey;
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Stops the start outside Development when no key is configured (see <see cref="PrivacyOptions.PseudonymKey"/>).</summary>
    public static void Check(string? configured, bool development)
    {
        if (development || !string.IsNullOrWhiteSpace(configured))
            return;
        throw new InvalidOperationException(
            $"{PrivacyOptions.KeySetting} is not set. Outside Development set it (environment variable Privacy__PseudonymKey) " +
            "to a long random secret kept apart from the database, e.g. the output of: openssl rand -base64 32. Erased " +
            "people's pseudonyms and hashed voter addresses are made with it; never change it once set.");
    }
}
