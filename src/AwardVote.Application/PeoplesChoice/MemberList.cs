using System.Security.Cryptography;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.PeoplesChoice;

public enum MemberListProblemKind
{
    /// <summary>The file is not readable CSV at this line (an unclosed quote, for example).</summary>
    Malformed,
    /// <summary>No column of the first line is an e-mail address or an "e-mail" heading.</summary>
    NoAddressColumn,
    /// <summary>The e-mail column of this line is empty.</summary>
    Missing,
    /// <summary>The e-mail column of this line is not an e-mail address.</summary>
    NotAnAddress,
    /// <summary>Warning only: the address appeared on an earlier line and is kept once.</summary>
    Repeated,
    TooManyLines,
}

/// <summary>One problem of an uploaded list, with the line of the file it is on (1-based, as an editor shows it).</summary>
/// <param name="Quoting">For a malformed line: what is wrong with its quotation marks.</param>
public sealed record MemberListProblem(int Line, MemberListProblemKind Kind, string? Value = null, int? FirstLine = null,
    CsvMalformedReason? Quoting = null);

public sealed record MemberListFile(IReadOnlyList<string> Addresses, IReadOnlyList<MemberListProblem> Errors, IReadOnlyList<MemberListProblem> Warnings,
    string Sha256)
{
    public bool IsValid => Errors.Count == 0 && Addresses.Count > 0;
}

/// <summary>
/// The member list of a cycle where only members may vote: read from the CSV the administrator uploads (any of the
/// usual separators, with or without a heading row, the address in the column headed "e-mail"/"e-pasts" or else
/// the first column holding an address), checked line by line, and stored in place of the previous list, all or
/// nothing, with an audit entry.
/// </summary>
public sealed class MemberList(AppDbContext db, AuditLog audit) : IUseCase
{
    public const int MaxLines = 200_000;
    public const long MaxBytes = 20 * 1024 * 1024;
    /// <summary>Lists more problems than this and the administrator reads no further anyway.</summary>
    private const int MaxReportedProblems = 200;

    private static readonly string[] AddressHeadings = ["email", "e-mail", "e-pasts", "epasts", "e-pasta adrese", "mail", "address", "adrese"];

    public static MemberListFile Read(Stream csv)
    {
        byte[] bytes;
        using (var copy = new MemoryStream())
        {
            csv.CopyTo(copy);
            bytes = copy.ToArray();
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var errors = new List<MemberListProblem>();
        var warnings = new List<MemberListProblem>();
        var addresses = new List<string>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);

        using var reader = CsvReader.Create(bytes, new CsvReaderOptions
        {
            HasHeader = false,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = false,
            // A malformed line is skipped and reported, and the reading goes on: the administrator corrects every bad
            // line in one go instead of uploading the file once per mistake. A list with any error is never saved.
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => Add(errors, new MemberListProblem(
                (int)record.LineNumber, MemberListProblemKind.Malformed, Shorten(record.RawRecord.Trim()), Quoting: record.Reason)),
            MaxRecordSize = 64 * 1024,
            TrimWhitespace = true,
        });
        var column = -1;
        var line = 0;
        try
        {
            while (reader.Read())
            {
                line = (int)reader.LineNumber;
                if (column < 0)
                {
                    var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i) ?? "").ToList();
                    var heading = fields.FindIndex(f => AddressHeadings.Contains(f.Trim().ToLowerInvariant()));
                    if (heading >= 0)
                    {
                        column = heading;
                        continue;
                    }
                    column = fields.FindIndex(f => f.Contains('@'));
                    if (column < 0)
                    {
                        errors.Add(new MemberListProblem(line, MemberListProblemKind.NoAddressColumn));
                        break;
                    }
                }
                if (addresses.Count + errors.Count >= MaxLines)
                {
                    errors.Add(new MemberListProblem(line, MemberListProblemKind.TooManyLines));
                    break;
                }
                var value = column < reader.FieldCount ? reader.GetString(column)?.Trim() ?? "" : "";
                if (value.Length == 0)
                {
                    // A line of nothing but separators (a spreadsheet's empty row) is no mistake.
                    if (Enumerable.Range(0, reader.FieldCount).Any(i => !string.IsNullOrWhiteSpace(reader.GetString(i))))
                        Add(errors, new MemberListProblem(line, MemberListProblemKind.Missing));
                    continue;
                }
                if (!VoterAddress.IsPlausible(value))
                {
                    Add(errors, new MemberListProblem(line, MemberListProblemKind.NotAnAddress, Shorten(value)));
                    continue;
                }
                var normalized = VoterAddress.Normalize(value);
                if (firstLineOf.TryGetValue(normalized, out var first))
                {
                    Add(warnings, new MemberListProblem(line, MemberListProblemKind.Repeated, Shorten(value), first));
                    continue;
                }
                firstLineOf[normalized] = line;
                addresses.Add(normalized);
            }
        }
        catch (CsvFormatException exception)
        {
            // Only what the reader cannot skip past (a record over the size limit) still ends the reading.
            Add(errors, new MemberListProblem(exception.LineNumber > 0 ? (int)exception.LineNumber : line + 1, MemberListProblemKind.Malformed));
        }
        return new MemberListFile(addresses, errors, warnings, sha256);
    }

    private static void Add(List<MemberListProblem> problems, MemberListProblem problem)
    {
        if (problems.Count < MaxReportedProblems)
            problems.Add(problem);
    }

    private static string Shorten(string value) => value.Length > 80 ? value[..80] + "…" : value;

    /// <summary>Replaces the cycle's list with <paramref name="file"/>'s addresses, in one transaction with its audit entry.</summary>
    public async Task ReplaceAsync(int cycleId, MemberListFile file, string fileName, CancellationToken cancellationToken)
    {
        if (!file.IsValid)
            throw new InvalidOperationException("Only a list without errors replaces the member list.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = await db.MemberList.CountAsync(m => m.CycleId == cycleId, cancellationToken);
        await db.MemberList.Where(m => m.CycleId == cycleId).ExecuteDeleteAsync(cancellationToken);
        db.MemberList.AddRange(file.Addresses.Select(address => new MemberListEntry { CycleId = cycleId, Email = address }));
        audit.Record("peoples-choice.member-list-replaced", "MemberList", cycleId,
            before: new { Addresses = before },
            after: new { Addresses = file.Addresses.Count, FileName = fileName.Length > 200 ? fileName[..200] : fileName, file.Sha256 },
            cycleId: cycleId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
