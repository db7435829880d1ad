// The jobs and helpers tests call by hand (counting, moving phases, the statute) live with their use cases.
global using AwardVote.Application.Counting;
global using AwardVote.Application.Cycles;
global using AwardVote.Tests;
