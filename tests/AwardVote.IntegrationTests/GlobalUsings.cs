global using AwardVote.Tests;
