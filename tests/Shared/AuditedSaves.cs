using System.Data.Common;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using AwardVote.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace AwardVote.Tests;

/// <summary>
/// Fails any save by AwardVote's own code that changes an audited entity (a cycle and its statute, a library, a
/// role, an invitation, a nomination and what it holds, a conflict, a ballot, a result, a publication) without an audit
/// entry in the same save, or in the same transaction when the change is saved in steps: "every state change writes an
/// audit entry in the same transaction", held for every path the tests drive, pages, API and jobs alike. Saves made by
/// the tests themselves (arranging data) and by the demo seeder are not AwardVote's changes and are let through.
/// </summary>
public sealed class AuditedSaves : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Domain namespaces whose entities are audited. People's-choice votes and member lists have their own counts.</summary>
    private static readonly string[] AuditedNamespaces =
    [
        "AwardVote.Domain.Cycles", "AwardVote.Domain.Libraries", "AwardVote.Domain.Accounts", "AwardVote.Domain.Nominations",
        "AwardVote.Domain.Judging", "AwardVote.Domain.Results",
    ];

    /// <summary>Saves that change audited entities on purpose without an entry of their own, each with its reason.</summary>
    private static readonly string[] Exempt =
    [
        // The demo data of a new installation: nobody acted.
        "AwardVote.Infrastructure.Demo.",
    ];

    /// <summary>What the saves inside one open transaction changed so far; judged when it commits.</summary>
    private sealed class Pending
    {
        public string? Caller;
        public readonly HashSet<string> Changes = [];
        public bool Audited;
    }

    private readonly ConditionalWeakTable<DbTransaction, Pending> _transactions = new();
    private readonly List<string> _violations = [];

    /// <summary>What was saved without its audit entry, for the test that wants to look (empty when all is well).</summary>
    public IReadOnlyList<string> Violations
    {
        get { lock (_violations) return _violations.ToList(); }
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Judge(transaction);
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Judge(transaction);
        return ValueTask.FromResult(result);
    }

    private void Check(DbContext? context) => Check(context, SavedBy);

    /// <summary>Judges the context's pending save as if <paramref name="caller"/> had asked for it (for this check's own tests).</summary>
    internal void CheckAs(DbContext context, string caller) => Check(context, () => caller);

    private void Check(DbContext? context, Func<string?> savedBy)
    {
        if (context is null)
            return;
        var entries = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var audited = entries.Where(e => IsAudited(e.Metadata.ClrType)).Select(e => $"{e.Metadata.ClrType.Name} {e.State}").ToHashSet();
        var hasEntry = entries.Any(e => e.Entity is AuditEntry && e.State == EntityState.Added);
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            // "In the same transaction": a change saved first (for its id) and its entry saved next in one transaction is
            // fine; judged at the commit.
            var pending = _transactions.GetOrCreateValue(transaction);
            lock (pending)
            {
                pending.Audited |= hasEntry;
                if (audited.Count > 0)
                {
                    pending.Changes.UnionWith(audited);
                    pending.Caller ??= savedBy();
                }
            }
            return;
        }
        if (audited.Count == 0 || hasEntry || savedBy() is not { } caller)
            return;
        Fail(caller, audited);
    }

    private void Judge(DbTransaction transaction)
    {
        if (!_transactions.TryGetValue(transaction, out var pending))
            return;
        _transactions.Remove(transaction);
        lock (pending)
        {
            if (pending.Changes.Count > 0 && !pending.Audited && pending.Caller is { } caller)
                Fail(caller, pending.Changes);
        }
    }

    private void Fail(string caller, IEnumerable<string> changes)
    {
        var message = $"{caller} saved {string.Join(", ", changes.Order(StringComparer.Ordinal))} without an audit entry in the same transaction.";
        lock (_violations)
            _violations.Add(message);
        throw new InvalidOperationException(message);
    }

    private static bool IsAudited(Type type) =>
        type.Namespace is { } ns && AuditedNamespaces.Contains(ns);

    /// <summary>
    /// The AwardVote class that asked for the save, or null when a test (or an exempt path) did. The caller's own frame
    /// is on the stack while EF Core calls its interceptors, before the save's first wait for the database. (On SQLite a
    /// save outside a transaction first waits its turn in the write queue, which loses the caller's frame: then nobody
    /// is found and the save is not judged. Every test runs on PostgreSQL too, where no such wait comes first.)
    /// </summary>
    private static string? SavedBy()
    {
        foreach (var frame in new StackTrace().GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            var assembly = type?.Assembly.GetName().Name ?? "";
            if (type is null || assembly.StartsWith("Microsoft.", StringComparison.Ordinal) || assembly.StartsWith("System.", StringComparison.Ordinal)
                || assembly is "System" or "Npgsql" or "netstandard" || type == typeof(AuditedSaves) || type.DeclaringType == typeof(AuditedSaves))
                continue;
            if (!assembly.StartsWith("AwardVote.", StringComparison.Ordinal) || assembly.Contains("Tests", StringComparison.Ordinal))
                return null;
            var name = OuterName(type);
            // The context's own plumbing (its SaveChanges overrides, one-command and one-connection saves) is not the
            // caller: look further up.
            if (name.StartsWith("AwardVote.Infrastructure.Data.", StringComparison.Ordinal))
                continue;
            return Exempt.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)) ? null : name;
        }
        return null;
    }

    /// <summary>An async method's frame is its state machine, nested in the class that declares the method.</summary>
    private static string OuterName(Type type)
    {
        while (type.DeclaringType is { } outer && type.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is not null)
            type = outer;
        return type.FullName ?? type.Name;
    }
}
