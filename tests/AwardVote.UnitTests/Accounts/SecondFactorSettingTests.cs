using AwardVote.Application.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace AwardVote.UnitTests.Accounts;

/// <summary>
/// The second factor of administrators and chairs is on wherever nobody switched it off: in Production (the
/// settings the app ships with) and with no setting at all; only the Development settings turn it off for the demo.
/// </summary>
public sealed class SecondFactorSettingTests
{
    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    public void The_second_factor_is_required_outside_Development(string environment, bool required)
    {
        // The web app's own configuration, read as its host reads it in that environment.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = Path.Combine(RepositoryRoot, "src", "AwardVote.Web"),
        });
        var options = new SecondFactorOptions();
        builder.Configuration.GetSection(SecondFactorOptions.Section).Bind(options);

        Assert.Equal(required, options.RequireSecondFactor);
    }

    [Fact]
    public void Without_any_setting_the_second_factor_is_required() =>
        Assert.True(new ConfigurationBuilder().Build().GetSection(SecondFactorOptions.Section).Get<SecondFactorOptions>()?.RequireSecondFactor ?? new SecondFactorOptions().RequireSecondFactor);

    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AwardVote.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("AwardVote.sln not found above the test folder.");
        }
    }
}
