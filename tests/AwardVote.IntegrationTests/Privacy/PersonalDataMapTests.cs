using System.Text.RegularExpressions;
using AwardVote.Application.Privacy;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AwardVote.IntegrationTests.Privacy;

/// <summary>
/// The EF model against <see cref="PersonalDataMap"/>: every column that could hold personal data — a user reference,
/// an e-mail address, a name, a person's free text, an IP address — is either in the export or marked as withheld or
/// not personal, with the reason. A new column of that kind fails here until someone decides what it is.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class PersonalDataMapTests(Apps apps)
{
    /// <summary>Words in a column's name that say a person may be in it.</summary>
    private static readonly string[] PersonalWords =
    [
        "Email", "Name", "Phone", "Address", "Ip", "Comment", "Note", "Reason", "Letter", "Caption", "Credit", "Citation",
        "Organisation", "Title", "Subject", "Body", "Before", "After", "Summary", "Achievements", "Projects", "VoterKey",
        "Password", "Token", "Stamp", "ProviderKey", "Error",
    ];

    /// <summary>The running app's model: Identity's tables (passkeys among them) depend on the app's Identity options.</summary>
    private async Task<IModel> ModelAsync(DatabaseProvider provider) =>
        await apps.Get(provider).QueryAsync(db => Task.FromResult(db.Model));

    /// <summary>Every (table, column) of the model that looks personal by the rules above.</summary>
    public static IEnumerable<(string Table, string Column, string Why)> PersonalLookingColumns(IModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            var table = entity.GetTableName() ?? entity.GetViewName() ?? entity.Name;
            var userForeignKeys = entity.GetForeignKeys()
                .Where(fk => fk.PrincipalEntityType.ClrType == typeof(AppUser))
                .SelectMany(fk => fk.Properties).Select(p => p.Name).ToHashSet();
            foreach (var property in entity.GetProperties())
            {
                var name = property.Name;
                string? why =
                    name.EndsWith("UserId", StringComparison.Ordinal) || name == "UserId" ? "a user reference"
                    : userForeignKeys.Contains(name) ? "a foreign key to the account"
                    : entity.ClrType == typeof(AppUser) && property.IsPrimaryKey() ? "the account's id"
                    : PersonalWords.FirstOrDefault(w => name.Contains(w, StringComparison.Ordinal)) is { } word ? $"its name has \"{word}\""
                    : null;
                if (why is not null && property.ClrType == typeof(string))
                    yield return (table, name, why);
                else if (why is not null && (why.StartsWith("a user", StringComparison.Ordinal) || why.StartsWith("a foreign", StringComparison.Ordinal)))
                    yield return (table, name, why);
            }
        }
    }

    [Theory, AllProviders]
    public async Task Every_column_that_could_hold_personal_data_is_exported_or_marked_not_personal(DatabaseProvider provider)
    {
        var missing = PersonalLookingColumns(await ModelAsync(provider))
            .Where(c => PersonalDataMap.For(c.Table, c.Column) is null)
            .Select(c => $"{c.Table}.{c.Column} ({c.Why})")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0,
            "Neither exported nor marked not personal in src/AwardVote.Application/Privacy/PersonalDataMap.cs — add each to the export " +
            "(PersonalDataExport, ExportPersonalData) or say why it is not the person's:\n" + string.Join("\n", missing));
    }

    [Theory, AllProviders]
    public async Task The_map_names_only_columns_the_model_has_and_sections_the_export_has(DatabaseProvider provider)
    {
        var model = await ModelAsync(provider);
        var columns = model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Table: e.GetTableName() ?? e.Name, Column: p.Name)))
            .ToHashSet();
        var sections = typeof(PersonalDataExport).GetProperties().Select(p => p.Name).ToHashSet();

        var stale = PersonalDataMap.Tables
            .SelectMany(t => t.Value.Select(c => (Table: t.Key, Column: c.Key, Rule: c.Value)))
            .Where(c => !columns.Contains((c.Table, c.Column))
                || (c.Rule.Treatment == ColumnTreatment.Exported && !sections.Contains(c.Rule.Why))
                || string.IsNullOrWhiteSpace(c.Rule.Why))
            .Select(c => $"{c.Table}.{c.Column}")
            .ToList();

        Assert.True(stale.Count == 0, "The map names a column the model lacks, an export section PersonalDataExport lacks, or no reason:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_privacy_notice_map_names_every_table_that_holds_personal_data()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "privacy.md");
        Assert.True(File.Exists(path), "docs/privacy.md is missing.");
        var named = Regex.Matches(File.ReadAllText(path), "`([A-Za-z]+)`").Select(m => m.Groups[1].Value).ToHashSet();

        var personal = PersonalDataMap.Tables
            .Where(t => t.Value.Values.Any(r => r.Treatment != ColumnTreatment.NotPersonal))
            .Select(t => t.Key)
            .Where(t => !named.Contains(t))
            .ToList();

        Assert.True(personal.Count == 0, "docs/privacy.md does not name these tables holding personal data (in `backticks`):\n" + string.Join("\n", personal));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AwardVote.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("AwardVote.sln not found above the test's folder.");
    }
}
