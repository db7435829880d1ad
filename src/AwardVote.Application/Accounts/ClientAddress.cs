using Microsoft.AspNetCore.Http;

namespace AwardVote.Application.Accounts;

/// <summary>
/// The key of "one client" for every per-client limit (sign-in waits, the account and vote rate limits): the
/// connection's address, which behind a configured proxy is the forwarded one (PublicAddress).
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
