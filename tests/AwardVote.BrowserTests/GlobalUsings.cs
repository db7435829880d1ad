// The jobs the journeys run by hand (counting, moving phases) live with their use cases.
global using AwardVote.Application.Counting;
global using AwardVote.Application.Cycles;
