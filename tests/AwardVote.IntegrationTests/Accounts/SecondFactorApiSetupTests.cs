using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Accounts;

/// <summary>
/// A script sets up the authenticator through the API as the account page does: it asks for the key, then proves it
/// with a code, on one bearer token. Identity's endpoint made the first key with a new security stamp, which every
/// request now checks, so the token that asked for the key was dead before it could turn the factor on.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class SecondFactorApiSetupTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_script_asks_for_the_key_and_turns_the_authenticator_on_with_one_token(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder().Email("api2fa").CreateAsync(app);
        using var client = await app.BearerClientAsync(person.Email);

        string key;
        using (var state = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, state.StatusCode);
            key = (await state.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharedKey").GetString()!;
            Assert.False(string.IsNullOrEmpty(key));
        }
        using (var again = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { }))
            Assert.Equal(key, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharedKey").GetString());

        using var enable = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        var enabled = await enable.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(enabled.GetProperty("isTwoFactorEnabled").GetBoolean());
        Assert.Equal(10, enabled.GetProperty("recoveryCodes").GetArrayLength());
    }
}
