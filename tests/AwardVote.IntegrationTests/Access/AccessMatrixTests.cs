using System.Text;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Xunit.Abstractions;

namespace AwardVote.IntegrationTests.Access;

/// <summary>
/// The access matrix: every page handler and API endpoint of the running app × every role × the phases of a
/// year, against the table in <c>Access/access-matrix.txt</c>. A new endpoint fails the test until its lines are in
/// the file; the failure prints them, filled in with what the app does now, ready to check and paste.
/// Set AWARDVOTE_ACCESS_MATRIX_OUT to a file path to get the whole observed table written there.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class AccessMatrixTests(Apps apps, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_endpoint_of_the_app_has_its_lines_in_the_access_matrix()
    {
        var plan = await AccessPlan.CreateAsync(apps.Get(DatabaseProvider.Sqlite));
        var matrix = AccessMatrix.Load();
        var problems = Problems(plan, matrix);
        var missing = plan.Recipes.Where(r => !matrix.Has(r.Key)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{missing.Count} endpoints have no line in {AccessMatrix.FileName}; decide each cell (allow, secret, refused, deny, " +
                         "notfound) and add them (the test The_access_matrix_holds prints them filled in with what the app does now):");
            problems.AddRange(missing.Select(r => AccessMatrix.Line(r.Key, "*", AccessMatrix.RoleNames.Select(_ => "?"))));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory, AllProviders]
    public async Task The_access_matrix_holds(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var plan = await AccessPlan.CreateAsync(app);
        var matrix = AccessMatrix.Load();
        var world = await AccessWorld.CreateAsync(app);
        var clients = new RoleClients(world);
        await clients.SignInAllAsync();
        var runner = new MatrixRunner(world, clients);
        await runner.RunAsync(plan.Recipes, Enum.GetValues<Phase>());

        var report = new List<string>();
        var missing = new List<string>();
        foreach (var recipe in plan.Recipes)
        {
            var observed = runner.Results[recipe.Key];
            if (!matrix.Has(recipe.Key))
            {
                missing.AddRange(AccessMatrix.Format(recipe.Key, observed.ToDictionary(o => o.Key, o => o.Value.Select(x => x.Outcome).ToArray()), recipe.PerPhase));
                continue;
            }
            foreach (var (phase, row) in observed)
            {
                foreach (var role in Enum.GetValues<Role>())
                {
                    var expected = matrix.Expected(recipe.Key, phase, role);
                    var actual = row[(int)role];
                    if (expected is null)
                        report.Add($"{recipe.Key} [{AccessMatrix.PhaseName(phase)}]: no line covers this phase");
                    else if (expected != actual.Outcome)
                        report.Add($"{recipe.Key} [{(recipe.PerPhase ? AccessMatrix.PhaseName(phase) : "*")}] {AccessMatrix.RoleNames[(int)role]}: expected {expected}, got {actual.Outcome} ({actual.Detail})");
                }
            }
        }
        WriteObserved(plan, runner);

        var problems = Problems(plan, matrix);
        problems.AddRange(report.Distinct());
        problems.AddRange(runner.Violations);
        if (missing.Count > 0)
        {
            problems.Add($"No line in {AccessMatrix.FileName} for these endpoints; here is what the app does now — check each cell, then paste:");
            problems.AddRange(missing);
        }
        if (Environment.GetEnvironmentVariable("AWARDVOTE_ACCESS_MATRIX_OUT") is { Length: > 0 } path)
            File.WriteAllLines(path + $".{provider}.problems.txt", problems);
        if (plan.Defaulted.Count > 0)
            output.WriteLine("Asked with the default recipe (add one to Recipes.cs if its ids are not the right ones): " + string.Join(", ", plan.Defaulted));
        Assert.True(problems.Count == 0, $"{provider}:\n" + string.Join("\n", problems));
    }

    private static List<string> Problems(AccessPlan plan, AccessMatrix matrix)
    {
        var problems = new List<string>();
        problems.AddRange(plan.StaleRecipes.Select(k => $"Recipes.cs has a recipe for {k}, which the app no longer has."));
        var known = plan.Recipes.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(matrix.Keys.Where(k => !known.Contains(k)).Select(k => $"{AccessMatrix.FileName} has lines for {k}, which the app does not have."));
        return problems;
    }

    private static void WriteObserved(AccessPlan plan, MatrixRunner runner)
    {
        if (Environment.GetEnvironmentVariable("AWARDVOTE_ACCESS_MATRIX_OUT") is not { Length: > 0 } path)
            return;
        var text = new StringBuilder();
        foreach (var recipe in plan.Recipes)
        {
            foreach (var line in AccessMatrix.Format(recipe.Key,
                         runner.Results[recipe.Key].ToDictionary(o => o.Key, o => o.Value.Select(x => x.Outcome).ToArray()), recipe.PerPhase))
                text.AppendLine(line);
        }
        File.WriteAllText(path, text.ToString());
        File.WriteAllLines(path + ".details.txt", runner.Results.SelectMany(r => r.Value.SelectMany(p => p.Value.Select((o, role) =>
            $"{r.Key} [{AccessMatrix.PhaseName(p.Key)}] {AccessMatrix.RoleNames[role]}: {o.Outcome} ({o.Detail})"))));
    }
}
