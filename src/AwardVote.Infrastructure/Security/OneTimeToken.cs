using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace AwardVote.Infrastructure.Security;

/// <summary>
/// The secret in a one-time link (endorsement, invitation, vote). Only its SHA-256 is stored, so a copy of the
/// database opens no link; the token itself travels once, in the mail.
/// </summary>
public static class OneTimeToken
{
    public static (string Token, string Hash) Create()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
