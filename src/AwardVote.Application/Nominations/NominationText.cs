using AwardVote.Domain.Nominations;

namespace AwardVote.Application.Nominations;

/// <summary>
/// What the library writes, checked and put into the nomination: one rule for a draft's save and a resubmission, so a
/// row refused on one is refused on the other.
/// </summary>
internal static class NominationText
{
    /// <summary>The attributes' rules and the rules across a row's fields; empty when the input can be saved.</summary>
    public static List<Refusal> Check(NominationInput input)
    {
        // A JSON body may say "partners": null; that is no partners, as an empty form is.
        input.Partners ??= [];
        input.Statistics ??= [];
        input.Links ??= [];
        return InputRules.Check(input).Concat(CheckRows(input)).ToList();
    }

    /// <summary>Puts the checked input into the nomination; an empty row is left out.</summary>
    public static void Apply(Nomination nomination, NominationInput input)
    {
        nomination.PublicSummary = Clean(input.PublicSummary);
        nomination.Achievements = Clean(input.Achievements);
        nomination.Projects = Clean(input.Projects);
        Replace(nomination.Partners, input.Partners.Where(p => p is not null && !string.IsNullOrWhiteSpace(p.Name))
            .Select((p, i) => new NominationPartner { Order = i + 1, Name = p.Name!.Trim(), Role = Clean(p.Role) }));
        Replace(nomination.Statistics, input.Statistics.Where(s => s is { Value: not null, Year: not null })
            .Select(s => new NominationStatistic { Kind = s.Kind, Label = Clean(s.Label), Value = s.Value!.Value, Unit = Clean(s.Unit), Year = s.Year!.Value }));
        Replace(nomination.Links, input.Links.Where(x => x is not null && !string.IsNullOrWhiteSpace(x.Url))
            .Select((x, i) => new NominationLink { Order = i + 1, Url = x.Url!.Trim(), Title = Clean(x.Title) }));
    }

    /// <summary>Rules across a row's fields: a row is empty or whole, and an address is a web address.</summary>
    private static IEnumerable<Refusal> CheckRows(NominationInput input)
    {
        for (var i = 0; i < input.Partners.Count; i++)
        {
            var row = input.Partners[i];
            if (row is not null && string.IsNullOrWhiteSpace(row.Name) && !string.IsNullOrWhiteSpace(row.Role))
                yield return Refusal.Invalid($"Partners[{i}].Name", RefusalCode.PartnerNameMissing);
        }
        for (var i = 0; i < input.Statistics.Count; i++)
        {
            if (input.Statistics[i] is not { } row)
                continue;
            var described = !string.IsNullOrWhiteSpace(row.Label) || !string.IsNullOrWhiteSpace(row.Unit);
            if (row.Year is null && (row.Value is not null || described))
                yield return Refusal.Invalid($"Statistics[{i}].Year", RefusalCode.StatisticYearMissing);
            if (row.Value is null && (row.Year is not null || described))
                yield return Refusal.Invalid($"Statistics[{i}].Value", RefusalCode.StatisticValueMissing);
        }
        for (var i = 0; i < input.Links.Count; i++)
        {
            if (input.Links[i] is not { } row)
                continue;
            if (string.IsNullOrWhiteSpace(row.Url))
            {
                if (!string.IsNullOrWhiteSpace(row.Title))
                    yield return Refusal.Invalid($"Links[{i}].Url", RefusalCode.LinkAddressMissing);
            }
            else if (!(Uri.TryCreate(row.Url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            {
                yield return Refusal.Invalid($"Links[{i}].Url", RefusalCode.LinkNotWebAddress);
            }
        }
    }

    private static void Replace<T>(List<T> current, IEnumerable<T> next)
    {
        var rows = next.ToList();
        current.Clear();
        current.AddRange(rows);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
