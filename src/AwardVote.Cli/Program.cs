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

return await root.Parse(args).InvokeAsync();

CliSettings Settings(ParseResult result) =>
    new(result.GetValue(provider), result.GetValue(connection), result.GetValue(dataDirectory));
