// TODO: while the areas move into Application (issue 13), the account mail moved ahead of the pages that use it;
// this goes when those pages call their use cases instead.
global using AwardVote.Application.Accounts;
