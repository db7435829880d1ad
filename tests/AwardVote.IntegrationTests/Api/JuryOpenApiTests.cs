using System.Text.Json;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Api;

/// <summary>The jury's endpoints are described with what to send and what comes back, so a client can run the jury's year.</summary>
[Collection(AppsCollection.Name)]
public sealed class JuryOpenApiTests(Apps apps)
{
    [Fact]
    public async Task The_jury_endpoints_document_their_requests_and_answers_with_examples()
    {
        using var client = apps.Get(DatabaseProvider.Sqlite).CreateClient();
        var paths = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        var invite = paths.GetProperty("/api/admin/cycles/{cycleId}/categories/{categoryId}/jury/invitations").GetProperty("post");
        Assert.Equal("anna@biblioteka.lv", RequestExample(invite).GetProperty("email").GetString());
        Assert.Equal("Juror", invite.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json")
            .GetProperty("example").GetProperty("role").GetString());
        Assert.True(invite.GetProperty("responses").TryGetProperty("400", out _));

        var decision = paths.GetProperty("/api/jury/{cycleId}/{categoryId}/conflicts/{id}/decision").GetProperty("post");
        Assert.False(RequestExample(decision).GetProperty("confirm").GetBoolean());
        var conflicts = paths.GetProperty("/api/jury/{cycleId}/{categoryId}/conflicts").GetProperty("get");
        Assert.Equal("Proposed", conflicts.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("example")[0].GetProperty("status").GetString());

        foreach (var (path, method) in new[]
                 {
                     ("/api/invitations/accept", "post"), ("/api/invitations/decline", "post"), ("/api/jury/nominations/{nominationId}/conflict", "post"),
                     ("/api/ballots/score", "put"), ("/api/ballots/ranked", "put"), ("/api/admin/paper-ballots/score", "put"),
                     ("/api/results/{id}/casting-vote", "post"), ("/api/admin/cycles/{id}/repeat-ballot", "post"),
                     ("/api/admin/cycles/{cycleId}/categories/{categoryId}/jury/chair", "put"),
                 })
            Assert.Equal(JsonValueKind.Object, RequestExample(paths.GetProperty(path).GetProperty(method)).ValueKind);
        foreach (var path in new[] { "/api/jury/{cycleId}/{categoryId}/ties", "/api/jury/{cycleId}/{categoryId}/nominations", "/api/admin/cycles/{cycleId}/categories/{categoryId}/jury" })
            Assert.True(paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
                .GetProperty("application/json").TryGetProperty("example", out _), path);
    }

    private static JsonElement RequestExample(JsonElement operation) =>
        operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
}
