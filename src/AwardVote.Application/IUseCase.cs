namespace AwardVote.Application;

/// <summary>
/// Marks a use case: one change of state (or one query several callers share), called alike by the pages, the API
/// and the jobs. Every class that carries it is registered, scoped, by <see cref="ApplicationSetup"/>.
/// </summary>
public interface IUseCase;
