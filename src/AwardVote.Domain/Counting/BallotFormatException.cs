namespace AwardVote.Domain.Counting;

/// <summary>A ballot file that cannot be read; <see cref="LineNumber"/> is 1-based.</summary>
public sealed class BallotFormatException(int lineNumber, string problem)
    : Exception($"line {lineNumber}: {problem}")
{
    public int LineNumber { get; } = lineNumber;
    public string Problem { get; } = problem;
}
