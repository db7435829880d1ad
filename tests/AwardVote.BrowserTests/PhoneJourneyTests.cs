namespace AwardVote.BrowserTests;

/// <summary>
/// Issue 16, item 11: the librarian's journey on a 390 px phone, the same steps as on a desktop, with its screenshots
/// in the artefacts ("phone-…"). An app of its own, so its library and mail do not meet the desktop run's.
/// </summary>
public sealed class NominationJourneyOnAPhoneTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task On_a_phone_a_library_registers_is_approved_nominates_itself_and_is_screened()
    {
        try
        {
            await new NominationJourneyTests(session).JourneyAsync(BrowserSession.Phone);
        }
        catch
        {
            await session.CaptureAllAsync("phone-failed-nomination-journey");
            throw;
        }
    }
}

/// <summary>Issue 16, item 11: the juror's journey on a 390 px phone, with its screenshots in the artefacts.</summary>
public sealed class JurorJourneyOnAPhoneTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task On_a_phone_a_juror_declares_a_conflict_scores_the_others_and_finds_the_conflicted_one_locked()
    {
        try
        {
            await new JurorJourneyTests(session).JourneyAsync(BrowserSession.Phone);
        }
        catch
        {
            await session.CaptureAllAsync("phone-failed-juror-journey");
            throw;
        }
    }
}
