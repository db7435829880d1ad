using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AwardVote.Application.Accounts;

/// <summary>
/// Slows password guessing instead of locking the account: after <see cref="AccountLimits.FailuresBeforeDelay"/>
/// wrong passwords for one address from one client, that client waits 1, 2, 4 … seconds (at most
/// <see cref="AccountLimits.MaxDelaySeconds"/>) before its next try for that address is even checked. The key is the
/// address as typed, known or not, so the wait tells nobody whether an account exists; and it is the pair (address,
/// client), so a stranger's guesses slow the stranger and never the owner signing in from elsewhere.
/// Kept in memory, per node: a restart forgets the waits, which the per-client rate limiter still bounds.
/// </summary>
public sealed class SignInThrottle(IOptions<AccountLimits> limits, TimeProvider clock)
{
    private sealed record Failures(int Count, DateTimeOffset NotBefore);

    private readonly ConcurrentDictionary<(string Email, string Client), Failures> _failures = new();

    /// <summary>How long the client must still wait before a try for <paramref name="email"/> is checked.</summary>
    public TimeSpan Wait(string email, string client)
    {
        if (!_failures.TryGetValue(Key(email, client), out var failures))
            return TimeSpan.Zero;
        var wait = failures.NotBefore - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void Failed(string email, string client)
    {
        var options = limits.Value;
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(Key(email, client),
            _ => Next(1, options, now),
            (_, previous) => Next(previous.NotBefore < now.AddMinutes(-15) ? 1 : previous.Count + 1, options, now));
        Prune(now);
    }

    public void Succeeded(string email, string client) => _failures.TryRemove(Key(email, client), out _);

    private static Failures Next(int count, AccountLimits options, DateTimeOffset now)
    {
        var over = count - Math.Max(1, options.FailuresBeforeDelay);
        var seconds = over < 0 ? 0 : Math.Min(Math.Max(1, options.MaxDelaySeconds), Math.Pow(2, Math.Min(over, 30)));
        return new Failures(count, now.AddSeconds(seconds));
    }

    // A quarter of an hour without a try starts the count anew. Entries whose wait ended long ago are forgotten, so a flood of made-up addresses cannot fill the memory.
    private void Prune(DateTimeOffset now)
    {
        if (_failures.Count < 10_000)
            return;
        foreach (var (key, failures) in _failures)
            if (failures.NotBefore < now.AddMinutes(-15))
                _failures.TryRemove(key, out _);
    }

    private static (string, string) Key(string email, string client) => (email.Trim().ToUpperInvariant(), client);
}
