using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AwardVote.Tests;

/// <summary>
/// Counts the database commands one request sends: a request carrying <see cref="Header"/> has its commands counted
/// under the header's value (an async-local set before the rest of the pipeline runs, so parallel requests and
/// background work are never counted with it). What the tests assert is a ceiling and that the count does not grow
/// with the rows a page shows (no N+1) — never a time.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor, IStartupFilter
{
    public const string Header = "X-Test-Count-Queries";

    private static readonly AsyncLocal<string?> Current = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public int CountOf(string requestId) => _counts.GetValueOrDefault(requestId);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value))
                Current.Value = value.ToString();
            return nextMiddleware(context);
        });
        next(app);
    };

    private void Count()
    {
        if (Current.Value is { } id)
            _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }
}
