using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AwardVote.IntegrationTests.Faults;

/// <summary>
/// A PostgreSQL server of the test's own (Debian's binaries, a throwaway data directory), so that it can be stopped
/// and started under a running app without disturbing the shared test server.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _data;
    private readonly string _root;
    private readonly int _port;

    private PrivatePostgres(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        _data = Path.Combine(root, "data");
        _port = port;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Database=postgres;Username=postgres";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL's binaries (/usr/lib/postgresql/*/bin) are missing: run the tests with scripts/test.sh, which installs them.");
        var root = Path.Combine(Path.GetTempPath(), "awardvote-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var server = new PrivatePostgres(bin, root, FreePort());
        if (IsRoot)
            await RunAsync("chown", $"-R postgres:postgres {root}");
        await server.PgAsync("initdb", $"-D {server._data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync");
        await server.StartServerAsync();
        return server;
    }

    public Task StopServerAsync() => PgAsync("pg_ctl", $"-D {_data} -m fast -w stop");

    public Task StartServerAsync() => PgAsync("pg_ctl",
        $"-D {_data} -l {_root}/pg.log -w -t 60 -o \"-p {_port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off\" start");

    public async ValueTask DisposeAsync()
    {
        try { await PgAsync("pg_ctl", $"-D {_data} -m immediate stop"); }
        catch (InvalidOperationException) { /* already stopped */ }
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>initdb and the server refuse to run as root: as root, they run as the postgres user.</summary>
    private Task PgAsync(string tool, string arguments) =>
        IsRoot ? RunAsync("runuser", $"-u postgres -- {Path.Combine(_bin, tool)} {arguments}") : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await output}{await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
