using AwardVote.Application;
using AwardVote.Web.Localization;
using Microsoft.Extensions.Localization;

namespace AwardVote.UnitTests.UseCases;

/// <summary>Every reason a use case can give has words on the pages and in the API; a new code without them fails here.</summary>
public sealed class RefusalTextTests
{
    public static TheoryData<RefusalCode> Codes() => new(Enum.GetValues<RefusalCode>());

    [Theory, MemberData(nameof(Codes))]
    public void Every_refusal_code_has_words(RefusalCode code)
    {
        var refusal = new Refusal(code, RefusalKind.Conflict, null,
            [new ZonedTime(new DateTimeOffset(2027, 1, 6, 21, 59, 0, TimeSpan.Zero), "Europe/Riga"), 2, 3, 4]);

        var text = RefusalText.Describe(refusal, new KeysAsText());

        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.DoesNotContain(code.ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_code_throws_rather_than_saying_something_else()
    {
        var refusal = new Refusal((RefusalCode)9999, RefusalKind.Conflict, null, []);

        Assert.Throws<ArgumentOutOfRangeException>(() => RefusalText.Describe(refusal, new KeysAsText()));
    }

    /// <summary>A localizer that answers with the key itself, formatted: enough to see that a code has words.</summary>
    private sealed class KeysAsText : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
