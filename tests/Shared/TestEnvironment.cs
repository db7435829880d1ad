namespace AwardVote.Tests;

/// <summary>
/// The real services the tests use, started by scripts/test.sh. A test that needs one fails (never skips) when it
/// is missing, with a message that says how to get it.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresConnectionString => Required("AWARDVOTE_TEST_POSTGRES", "a PostgreSQL server");
    public static string SmtpHost => Environment.GetEnvironmentVariable("AWARDVOTE_TEST_SMTP_HOST") ?? "127.0.0.1";
    public static int SmtpPort => int.Parse(Required("AWARDVOTE_TEST_SMTP_PORT", "an SMTP receiver"), System.Globalization.CultureInfo.InvariantCulture);
    public static string Maildir => Required("AWARDVOTE_TEST_MAILDIR", "an SMTP receiver");
    public static string ChromiumPath => Environment.GetEnvironmentVariable("AWARDVOTE_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Where tests leave screenshots and other artefacts.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var directory = Environment.GetEnvironmentVariable("AWARDVOTE_TEST_ARTIFACTS")
                            ?? Path.Combine(Path.GetTempPath(), "awardvote-test-artifacts");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    private static string Required(string variable, string what) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: this test needs {what}. Run the tests with scripts/test.sh, which installs and starts it.");
}
