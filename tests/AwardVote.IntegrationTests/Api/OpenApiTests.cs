using System.Text.Json;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Api;

/// <summary>The API's description at /openapi/v1.json shows an outside client what to send and what comes back.</summary>
[Collection(AppsCollection.Name)]
public sealed class OpenApiTests(Apps apps)
{
    [Fact]
    public async Task An_endpoint_documents_its_request_and_answer_with_examples()
    {
        using var client = apps.Get(DatabaseProvider.Sqlite).CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var register = document.GetProperty("paths").GetProperty("/api/libraries").GetProperty("post");
        var request = register.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("Latgales Centrālā bibliotēka", request.GetProperty("name").GetString());
        Assert.Equal("RegionalMain", request.GetProperty("type").GetString());
        var created = register.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("PendingApproval", created.GetProperty("status").GetString());
        Assert.True(register.GetProperty("responses").TryGetProperty("400", out _));
    }
}
