using Hangfire.Logging;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Logging;

namespace AwardVote.Infrastructure.Jobs;

/// <summary>
/// Hangfire keeps one log provider for the whole process, set by the last host that configured it. When two hosts
/// share a process (the tests, a command beside a web host) and that host stops, its logger factory is disposed and
/// every later Hangfire client would fail on it. This one falls silent instead of failing.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
