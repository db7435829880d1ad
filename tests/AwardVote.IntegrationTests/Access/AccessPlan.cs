namespace AwardVote.IntegrationTests.Access;

/// <summary>Each endpoint of the app with its recipes; an endpoint nobody wrote a recipe for gets the default one.</summary>
public sealed record AccessPlan(List<AppEndpoint> Endpoints, List<Recipe> Recipes, List<string> Defaulted, List<string> StaleRecipes)
{
    public static async Task<AccessPlan> CreateAsync(AwardVoteApp app)
    {
        var endpoints = await AppEndpoints.ListAsync(app);
        var recipes = new List<Recipe>();
        var defaulted = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var own = Access.Recipes.All.Where(r => r.Endpoint == endpoint.Key).ToList();
            if (own.Count == 0)
            {
                own.Add(Access.Recipes.Default(endpoint));
                defaulted.Add(endpoint.Key);
            }
            recipes.AddRange(own);
        }
        var stale = Access.Recipes.All.Where(r => endpoints.All(e => e.Key != r.Endpoint)).Select(r => r.Key).ToList();
        return new AccessPlan(endpoints, recipes, defaulted, stale);
    }

    public AppEndpoint EndpointOf(Recipe recipe) => Endpoints.Single(e => e.Key == recipe.Endpoint);
}
