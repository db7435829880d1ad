using System.CommandLine;
using AwardVote.Cli;

var provider = new Option<string?>("--provider")
{
    Description = "Database provider: Sqlite (default), SqlServer or PostgreSql. Also Database__Provider.",
    Recursive = true,
};
var connection = new Option<string?>("--connection")
{
    Description = "Connection string. Also ConnectionStrings__AwardVote. Default: the SQLite file in the data folder.",
    Recursive = true,
};
var dataDirectory = new Option<string?>("--data-dir")
{
    Description = "Data folder (SQLite files, attachments, mail). Default: App_Data under the current folder.",
    Recursive = true,
};

var root = new RootCommand("awardvote: the AwardVote command-line tool");
root.Options.Add(provider);
root.Options.Add(connection);
root.Options.Add(dataDirectory);

var migrate = new Command("migrate", "Apply every pending database migration.");
migrate.SetAction((result, cancellationToken) =>
    Commands.MigrateAsync(Settings(result), cancellationToken));
root.Subcommands.Add(migrate);

var seedDemo = new Command("seed-demo", "Add the demo data (association, libraries, cycles, demo accounts) to an empty database.");
seedDemo.SetAction((result, cancellationToken) =>
    Commands.SeedDemoAsync(Settings(result), cancellationToken));
root.Subcommands.Add(seedDemo);

var email = new Option<string>("--email") { Description = "The administrator's e-mail address.", Required = true };
var name = new Option<string>("--name") { Description = "The administrator's name.", Required = true };
var createAdmin = new Command("create-admin",
    "Create the first administrator (installation step). The password is read from AWARDVOTE_ADMIN_PASSWORD or standard input.");
createAdmin.Options.Add(email);
createAdmin.Options.Add(name);
createAdmin.SetAction((result, cancellationToken) =>
    Commands.CreateAdministratorAsync(Settings(result), result.GetValue(email)!, result.GetValue(name)!, cancellationToken));
root.Subcommands.Add(createAdmin);

var method = new Option<string>("--method")
{
    Description = "Counting method: schulze, borda, irv, plurality (ranked ballot file) or score (score CSV).",
    Required = true,
};
var json = new Option<bool>("--json") { Description = "Print the whole protocol of the count as JSON." };
var weights = new Option<string?>("--weights") { Description = "Score rounds: criterion weights, e.g. quality=2,reach=1 (unlisted criteria weigh 1)." };
var shortlist = new Option<int?>("--shortlist") { Description = "Score rounds: how many nominations go on to the next round." };
var tieBreak = new Option<string?>("--tie-break")
{
    Description = "The statute's tie-break chain in order: more-first-preferences, higher-median, criterion:NAME, chair, repeat (comma-separated).",
};
var noEqualRanks = new Option<bool>("--no-equal-ranks") { Description = "Ranked rounds whose statute forbids equal ranks: '=' is an error." };
var ballotFile = new Argument<FileInfo>("file") { Description = "The ballot file: ranked lines (A > B = C * 5) or score CSV." };
var tally = new Command("tally", "Count a round's ballot file and print the order, one RANK<TAB>NAME line per place.");
tally.Options.Add(method);
tally.Options.Add(json);
tally.Options.Add(weights);
tally.Options.Add(shortlist);
tally.Options.Add(tieBreak);
tally.Options.Add(noEqualRanks);
tally.Arguments.Add(ballotFile);
tally.SetAction(result =>
{
    var chosen = result.GetValue(method)!;
    var file = result.GetValue(ballotFile)!;
    return string.Equals(chosen, "score", StringComparison.OrdinalIgnoreCase)
        ? Tally.Score(file, result.GetValue(weights), result.GetValue(shortlist), result.GetValue(json), Console.Out, Console.Error,
            result.GetValue(tieBreak))
        : Tally.Ranked(file, chosen, result.GetValue(json), Console.Out, Console.Error, options: null,
            result.GetValue(tieBreak), allowEqualRanks: !result.GetValue(noEqualRanks));
});
root.Subcommands.Add(tally);

var protocolFile = new Argument<FileInfo>("protocol") { Description = "The published protocol (awardvote tally --json)." };
var ballotsToVerify = new Argument<FileInfo>("ballots") { Description = "The ballot file the protocol was counted from." };
var verify = new Command("verify", "Recount the ballots and check the published result and ballot-file hash.");
verify.Arguments.Add(protocolFile);
verify.Arguments.Add(ballotsToVerify);
verify.SetAction(result =>
    Tally.Verify(result.GetValue(protocolFile)!, result.GetValue(ballotsToVerify)!, Console.Out, Console.Error));
root.Subcommands.Add(verify);

return await root.Parse(args).InvokeAsync();

CliSettings Settings(ParseResult result) =>
    new(result.GetValue(provider), result.GetValue(connection), result.GetValue(dataDirectory));
