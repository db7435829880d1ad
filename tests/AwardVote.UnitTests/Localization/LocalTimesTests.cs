using AwardVote.Application;

namespace AwardVote.UnitTests.Localization;

/// <summary>Times as people write them (issue 16, item 5): Latvian with the month in the locative, no zone, no ISO stamp.</summary>
public sealed class LocalTimesTests
{
    private const string Riga = "Europe/Riga";

    [Theory]
    // 6 January, winter: Riga is UTC+2.
    [InlineData("2027-01-06T21:59:00Z", "lv", "2027. gada 6. janvārī plkst. 23.59")]
    [InlineData("2027-01-06T21:59:00Z", "en", "6 January 2027, 23:59")]
    [InlineData("2027-03-01T07:05:00Z", "lv", "2027. gada 1. martā plkst. 9.05")]
    [InlineData("2027-03-01T07:05:00Z", "en", "1 March 2027, 09:05")]
    // Summer: UTC+3.
    [InlineData("2027-07-15T09:30:00Z", "lv", "2027. gada 15. jūlijā plkst. 12.30")]
    [InlineData("2027-05-31T21:00:00Z", "lv", "2027. gada 1. jūnijā plkst. 0.00")]
    public void A_moment_is_written_as_people_write_it(string utc, string culture, string expected) =>
        Assert.Equal(expected, LocalTimes.Moment(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), Riga, culture));

    [Fact]
    public void Every_month_has_its_locative()
    {
        string[] months = ["janvārī", "februārī", "martā", "aprīlī", "maijā", "jūnijā", "jūlijā", "augustā", "septembrī", "oktobrī", "novembrī", "decembrī"];
        for (var month = 1; month <= 12; month++)
        {
            var text = LocalTimes.Moment(new DateTimeOffset(2027, month, 10, 10, 0, 0, TimeSpan.Zero), Riga, Languages.Latvian);
            Assert.Contains($"10. {months[month - 1]} plkst.", text);
        }
    }

    [Fact]
    public void A_deadline_is_the_last_minute_one_can_act()
    {
        // The phase ends when the next starts, 7 January 00:00 in Riga: one can act until 6 January 23:59.
        var nextStarts = new DateTimeOffset(2027, 1, 7, 0, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal("2027. gada 6. janvārī plkst. 23.59", LocalTimes.Deadline(nextStarts, Riga, Languages.Latvian));
        Assert.Equal("6 January 2027, 23:59", LocalTimes.Deadline(nextStarts, Riga, Languages.English));
        Assert.Equal("2027. gada 7. janvārī plkst. 0.00", LocalTimes.Moment(nextStarts, Riga, Languages.Latvian));
    }

    [Fact]
    public void A_deadline_inside_a_minute_is_that_minute()
    {
        // A link valid 14 days from 12:30:30 still works during 12:30.
        var expires = new DateTimeOffset(2027, 2, 10, 12, 30, 30, TimeSpan.FromHours(2));

        Assert.Equal("2027. gada 10. februārī plkst. 12.30", LocalTimes.Deadline(expires, Riga, Languages.Latvian));
    }

    [Fact]
    public void Riga_summer_time_is_followed_across_its_changes()
    {
        // Clocks go forward on 28 March 2027 at 03:00 (UTC 01:00) and back on 31 October 2027 at 04:00 (UTC 01:00).
        Assert.Equal("2027. gada 28. martā plkst. 2.59", LocalTimes.Moment(new DateTimeOffset(2027, 3, 28, 0, 59, 0, TimeSpan.Zero), Riga, Languages.Latvian));
        Assert.Equal("2027. gada 28. martā plkst. 4.00", LocalTimes.Moment(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), Riga, Languages.Latvian));
        Assert.Equal("2027. gada 31. oktobrī plkst. 3.59", LocalTimes.Moment(new DateTimeOffset(2027, 10, 31, 0, 59, 0, TimeSpan.Zero), Riga, Languages.Latvian));
        Assert.Equal("2027. gada 31. oktobrī plkst. 3.00", LocalTimes.Moment(new DateTimeOffset(2027, 10, 31, 1, 0, 0, TimeSpan.Zero), Riga, Languages.Latvian));
        // A phase that ends at midnight after the change in spring: the last minute is the day before's 23:59, in summer time.
        Assert.Equal("29 March 2027, 23:59", LocalTimes.Deadline(new DateTimeOffset(2027, 3, 30, 0, 0, 0, TimeSpan.FromHours(3)), Riga, Languages.English));
    }

    [Fact]
    public void No_zone_name_and_no_ISO_stamp()
    {
        var text = LocalTimes.Moment(new DateTimeOffset(2027, 1, 6, 21, 59, 0, TimeSpan.Zero), Riga, Languages.Latvian);

        Assert.DoesNotContain("Europe", text);
        Assert.DoesNotContain("2027-01", text);
    }

    [Fact]
    public void A_zone_this_machine_does_not_know_still_shows_a_time()
    {
        Assert.Equal("2027. gada 6. janvārī plkst. 21.59",
            LocalTimes.Moment(new DateTimeOffset(2027, 1, 6, 21, 59, 0, TimeSpan.Zero), "Nowhere/Atlantis", Languages.Latvian));
    }
}
