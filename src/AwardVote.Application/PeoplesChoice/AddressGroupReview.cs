namespace AwardVote.Application.PeoplesChoice;

/// <summary>
/// Addresses of one vote window that are, or look like, one person's: several spellings of one mailbox
/// ("voter@", "v.o.t.e.r+1@", "voter@googlemail.com"), or many mailboxes that differ only in digits and punctuation.
/// The one-vote key already holds a mailbox to one vote; such a group shows someone trying, or someone with many
/// mailboxes, which only a person can judge.
/// </summary>
/// <param name="Key">What the addresses share (<see cref="Domain.PeoplesChoice.VoterAddress.Skeleton"/>).</param>
/// <param name="Addresses">The addresses as typed (upper-cased), each once.</param>
/// <param name="Mailboxes">How many different mailboxes they are (<see cref="Domain.PeoplesChoice.VoterAddress.Canonical"/>).</param>
/// <param name="Requests">Vote requests from them in the window.</param>
public sealed record AddressGroup(int CycleId, string Key, IReadOnlyList<string> Addresses, int Mailboxes, int Requests, DateTimeOffset WindowStart);

public enum AddressGroupVerdict
{
    /// <summary>Put the group on the abuse report for the administrator to judge.</summary>
    Report,
    /// <summary>Leave it off the report (a check found the addresses to be different people).</summary>
    Dismiss,
}

/// <summary>
/// The plug-in point for a human (or outside) check of near-duplicate addresses: <see cref="DetectVoteAbuseJob"/> asks
/// it about every group it finds before it reports the group. The default, <see cref="ReportEveryAddressGroup"/>,
/// reports them all on /Admin/PeoplesChoice, where the administrator, a person, decides; the requests and votes stand
/// meanwhile (nothing is dropped automatically). To plug in a check (a review queue, a service that knows a
/// provider's aliases, an allow-list of a library's shared mailboxes), implement this interface and register it in
/// place of the default (<c>services.AddScoped&lt;IAddressGroupReview, MyReview&gt;()</c> after
/// <c>AddAwardVoteUseCases</c>). It runs in the detector's job, off the vote's hot path, and may be slow.
/// </summary>
public interface IAddressGroupReview
{
    Task<AddressGroupVerdict> ReviewAsync(AddressGroup group, CancellationToken cancellationToken);
}

/// <summary>The default: every group goes on the report (see <see cref="IAddressGroupReview"/>).</summary>
public sealed class ReportEveryAddressGroup : IAddressGroupReview
{
    public Task<AddressGroupVerdict> ReviewAsync(AddressGroup group, CancellationToken cancellationToken) =>
        Task.FromResult(AddressGroupVerdict.Report);
}
