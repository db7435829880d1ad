using System.Text.Json;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AwardVote.IntegrationTests.Privacy;

/// <summary>
/// Searches every text column of every table in the EF model for a person's unique strings (case-insensitively, and
/// in the spelling JSON gives them), so that an erasure test proves nothing of theirs is left anywhere — including in a
/// table or column added after the test was written.
/// </summary>
public static class DatabaseSearch
{
    /// <summary>Every place ("Table.Column: value") holding one of <paramref name="texts"/>.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(AwardVoteApp app, params string[] texts)
    {
        var spellings = texts.SelectMany(t => new[] { t, JsonSerializer.Serialize(t)[1..^1] }).Distinct().ToList();
        return await app.QueryAsync(async db =>
        {
            var found = new List<string>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                foreach (var (table, column) in TextColumns(db.Model))
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        var value = reader.GetValue(0)?.ToString() ?? "";
                        if (spellings.FirstOrDefault(s => value.Contains(s, StringComparison.OrdinalIgnoreCase)) is { } hit)
                            found.Add($"{table}.{column} holds \"{hit}\": {value[..Math.Min(value.Length, 300)]}");
                    }
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            return found;
        });
    }

    /// <summary>Every (table, column) of the model whose values are text.</summary>
    public static IReadOnlyList<(string Table, string Column)> TextColumns(IModel model) =>
        model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .SelectMany(e =>
            {
                var table = StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema());
                return e.GetProperties()
                    .Where(p => p.ClrType == typeof(string) || p.GetProviderClrType() == typeof(string))
                    .Select(p => p.GetColumnName(table))
                    .OfType<string>()
                    .Select(column => (Table: e.GetSchema() is { } schema ? $"{schema}\".\"{e.GetTableName()}" : e.GetTableName()!, Column: column));
            })
            .Distinct()
            .ToList();
}
