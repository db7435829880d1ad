using AwardVote.Bench;

// awardvote-bench: in-process drivers for the scripts in bench/. Each prints "key value" lines the scripts read.
return args switch
{
    ["count", var file, .. var rest] => CountBench.Run(file, rest),
    ["read", var file] => CountBench.ReadOnly(file),
    ["outbox", .. var rest] => await OutboxBench.RunAsync(Options.Parse(rest)),
    ["smtp-baseline", .. var rest] => await OutboxBench.BaselineAsync(Options.Parse(rest)),
    ["smtp-ceiling", .. var rest] => await OutboxBench.CeilingAsync(Options.Parse(rest)),
    ["smtp-sink", .. var rest] => await SmtpSink.RunAsync(Options.Parse(rest)),
    ["vote-setup", .. var rest] => await VoteBurstBench.SetupAsync(Options.Parse(rest)),
    ["vote-audit", .. var rest] => await VoteBurstBench.AuditAsync(Options.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: AwardVote.Bench count FILE [--methods schulze,borda,irv] [--repeat N]
               AwardVote.Bench read FILE
               AwardVote.Bench outbox --connection CS --smtp-host H --smtp-port P [--messages N]
               AwardVote.Bench smtp-baseline --smtp-host H --smtp-port P [--messages N]
               AwardVote.Bench smtp-ceiling --smtp-host H --smtp-port P [--messages N]
               AwardVote.Bench smtp-sink --port P
               AwardVote.Bench vote-setup --provider Sqlite|PostgreSql --connection CS --tokens N --out FILE
               AwardVote.Bench vote-audit --provider Sqlite|PostgreSql --connection CS --cycle-id ID
        """);
    return 2;
}
