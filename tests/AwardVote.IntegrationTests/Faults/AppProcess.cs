using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AwardVote.IntegrationTests.Faults;

/// <summary>
/// AwardVote as a separate operating-system process (the built web app, run with <c>dotnet</c>), so that a fault test
/// can kill it outright (SIGKILL: no shutdown, no finally blocks) and start it again, or run two side by side.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process wrote, for the failure message when it does not come up.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var directory = WebAppDirectory();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "AwardVote.Web.dll")])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Jobs__RunServer"] = "true";
        start.Environment["Jobs__WorkerCount"] = "2";
        start.Environment["Demo__SeedWhenEmpty"] = "false";
        // Production needs a public address that is not localhost; these tests reach the process at 127.0.0.1.
        start.Environment["Mail__PublicBaseUrl"] = "http://awardvote.test";
        start.Environment["Privacy__PseudonymKey"] = "process-test-pseudonym-key";
        start.Environment["AllowedHosts"] = "*";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync();
        return app;
    }

    /// <summary>SIGKILL, as the kernel's OOM killer or a pulled plug would: nothing of the app runs after it.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"AwardVote exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"AwardVote did not become healthy in 60 s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The web app's build output beside this test assembly's own configuration (Debug or Release).</summary>
    private static string WebAppDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AwardVote.sln")))
            directory = directory.Parent;
        if (directory is null)
            throw new InvalidOperationException("AwardVote.sln not found above " + AppContext.BaseDirectory);
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var output = Path.Combine(directory.FullName, "src", "AwardVote.Web", "bin", configuration, "net10.0");
        if (!File.Exists(Path.Combine(output, "AwardVote.Web.dll")))
            throw new InvalidOperationException($"{output}/AwardVote.Web.dll is missing: build the solution first (scripts/test.sh does).");
        return output;
    }
}
