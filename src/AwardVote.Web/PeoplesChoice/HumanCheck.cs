namespace AwardVote.Web.PeoplesChoice;

/// <summary>What a human check gets from one vote request.</summary>
/// <param name="Response">The check's answer as the client sent it: the form field <c>Input.HumanCheck</c> of the vote page, or
/// the <c>humanCheck</c> property of the API request (a CAPTCHA widget's token, for example). Null when none was sent.</param>
/// <param name="RemoteIp">The client's IP address, which most CAPTCHA services want with the token.</param>
public sealed record HumanCheckRequest(string? Response, string? RemoteIp);

/// <summary>
/// Proof that a person, not a script, asks for a vote link: the place where a CAPTCHA or a similar service plugs in.
/// No such service is reachable from AwardVote's servers today, so the default, <see cref="AllowEveryoneHumanCheck"/>,
/// lets every request through and the vote relies on its other defences (e-mail confirmation, one vote per address
/// under a unique key, rate limits per IP address and per address, and the alerts of <c>DetectVoteAbuseJob</c>).
/// </summary>
/// <remarks>
/// To plug a service in: implement this interface (call the service's verification endpoint with
/// <see cref="HumanCheckRequest.Response"/>), register it in Program.cs in place of the default
/// (<c>services.AddScoped&lt;IHumanCheck, MyCheck&gt;()</c>), put the service's widget into
/// <c>Pages/PeoplesChoice/_HumanCheck.cshtml</c> so that it posts its answer in a field named <c>Input.HumanCheck</c>, and
/// allow the widget's script origin in the Content-Security-Policy (Security/SecurityHeaders.cs). API clients send
/// the answer as <c>humanCheck</c>. A refused check is answered with a message, never silently.
/// </remarks>
public interface IHumanCheck
{
    Task<bool> IsHumanAsync(HumanCheckRequest request, CancellationToken cancellationToken);
}

/// <summary>The default: no check (see <see cref="IHumanCheck"/>).</summary>
public sealed class AllowEveryoneHumanCheck : IHumanCheck
{
    public Task<bool> IsHumanAsync(HumanCheckRequest request, CancellationToken cancellationToken) => Task.FromResult(true);
}
