using AwardVote.Domain.Libraries;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Results;

/// <summary>
/// The results mails a publication sends (<see cref="PublishResults"/>), queued in its unit of work: the laureate's representatives,
/// every other judged nominee's representatives (with the jury's comments where the statute gives feedback, never
/// a juror's name), each juror of the panel, and the endorsers who asked to hear the results. Each in the
/// recipient's language; the outbox key is (purpose, publication, recipient), so a publication mails each person once.
/// </summary>
internal sealed class ResultsMailer(AppDbContext db, Outbox outbox, PublicLinks links)
{
    private sealed record Person(string UserId, string Email, string Name, string Culture);

    public async Task<int> QueueAsync(AwardCycle cycle, IReadOnlyList<ResultStandings.CategoryView> views, CancellationToken cancellationToken)
    {
        var url = links.To($"/Cycles/{cycle.Slug}/Results");
        var queued = 0;
        foreach (var view in views)
        {
            if (view.Standing.Pending is not { } publication)
                continue;
            var category = view.Category;
            var nominees = await db.Nominations.AsNoTracking()
                .Where(n => n.CycleId == cycle.Id && n.CategoryId == category.Id
                            && n.Status == NominationStatus.Submitted && n.Eligibility == EligibilityDecision.Eligible)
                .Join(db.Libraries, n => n.LibraryId, l => l.Id, (n, l) => new { n.Id, n.LibraryId, Library = l })
                .Select(x => new { x.Id, x.LibraryId, LibraryName = LibraryName.Of(x.Library) })
                .ToListAsync(cancellationToken);
            var laureateName = await db.Nominations.Where(n => n.Id == publication.LaureateNominationId)
                .Join(db.Libraries, n => n.LibraryId, l => l.Id, (n, l) => l.Name)
                .SingleAsync(cancellationToken);
            var comments = cycle.FeedbackToNominees ? await CommentsAsync(cycle.Id, nominees.Select(n => n.Id).ToList(), cancellationToken) : null;
            var libraryIds = nominees.Select(n => n.LibraryId).ToList();
            var representatives = (await db.RoleGrants
                    .Where(g => g.Role == ScopedRole.LibraryRepresentative && g.LibraryId != null && libraryIds.Contains(g.LibraryId.Value))
                    .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new { LibraryId = g.LibraryId!.Value, u.Id, u.Email, u.DisplayName, u.PreferredCulture })
                    .ToListAsync(cancellationToken))
                .Where(r => !string.IsNullOrEmpty(r.Email))
                .ToLookup(r => r.LibraryId, r => new Person(r.Id, r.Email!, r.DisplayName, r.PreferredCulture));

            foreach (var nominee in nominees)
            {
                var feedback = comments is null ? null : (IReadOnlyList<string>)comments[nominee.Id].ToList();
                foreach (var person in representatives[nominee.LibraryId])
                {
                    var (title, categoryName) = Names(cycle, category, person.Culture);
                    MailTemplate mail = nominee.Id == publication.LaureateNominationId
                        ? new LaureateResultMail(person.Name, nominee.LibraryName, title, categoryName,
                            Pick(publication.Citation, publication.CitationEn, person.Culture), feedback, url)
                        : new NomineeResultMail(person.Name, nominee.LibraryName, title, categoryName, laureateName, feedback, url);
                    outbox.Enqueue(mail, person.Email, person.Name, person.Culture, $"{publication.Id}:{nominee.Id}:{person.UserId}");
                    queued++;
                }
            }

            var jurorIds = await db.RoleGrants
                .Where(g => g.CycleId == cycle.Id && g.CategoryId == category.Id && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
                .Select(g => g.UserId).Distinct()
                .ToListAsync(cancellationToken);
            var jurors = await db.Users.Where(u => jurorIds.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture })
                .ToListAsync(cancellationToken);
            foreach (var juror in jurors.Where(j => !string.IsNullOrEmpty(j.Email)))
            {
                var (title, categoryName) = Names(cycle, category, juror.PreferredCulture);
                outbox.Enqueue(new JurorResultMail(juror.DisplayName, title, categoryName, laureateName, url),
                    juror.Email!, juror.DisplayName, juror.PreferredCulture, $"{publication.Id}:{juror.Id}");
                queued++;
            }

            var nomineeIds = nominees.Select(n => n.Id).ToList();
            var endorsers = (await db.Endorsements.AsNoTracking()
                    .Where(e => nomineeIds.Contains(e.NominationId) && e.WantsResults && e.Status == EndorsementStatus.Received)
                    .ToListAsync(cancellationToken))
                // One mail per address, even for someone who supported two nominees of the category.
                .GroupBy(e => e.EndorserEmail.Trim().ToLowerInvariant())
                .Select(g => g.OrderBy(e => e.Id).First());
            foreach (var endorsement in endorsers)
            {
                var culture = endorsement.Culture is Languages.English ? Languages.English : Languages.Latvian;
                var (title, categoryName) = Names(cycle, category, culture);
                var endorsed = nominees.First(n => n.Id == endorsement.NominationId).LibraryName;
                outbox.Enqueue(new EndorserResultMail(endorsement.EndorserName, endorsed, title, categoryName, laureateName, url),
                    endorsement.EndorserEmail.Trim(), endorsement.EndorserName, culture,
                    $"{publication.Id}:{endorsement.EndorserEmail.Trim().ToLowerInvariant()}");
                queued++;
            }
        }
        return queued;
    }

    /// <summary>
    /// What the jurors wrote for each nominee on their score ballots, without names and in an order that says
    /// nothing about who wrote what; a juror with a confirmed conflict is left out, as in the count.
    /// </summary>
    private async Task<ILookup<int, string>> CommentsAsync(int cycleId, List<int> nominationIds, CancellationToken cancellationToken)
    {
        var conflicts = (await db.Conflicts.Where(c => c.CycleId == cycleId && c.Status == ConflictStatus.Confirmed)
                .Select(c => new { c.JurorUserId, c.NominationId }).ToListAsync(cancellationToken))
            .Select(c => (c.JurorUserId, c.NominationId)).ToHashSet();
        var ballots = await db.ScoreBallots.AsNoTracking()
            .Where(b => nominationIds.Contains(b.NominationId) && b.Comment != null && b.Comment != "")
            .Select(b => new { b.NominationId, b.JurorUserId, b.Comment })
            .ToListAsync(cancellationToken);
        return ballots
            .Where(b => !conflicts.Contains((b.JurorUserId, b.NominationId)) && !string.IsNullOrWhiteSpace(b.Comment))
            .OrderBy(b => b.Comment, StringComparer.Ordinal)
            .ToLookup(b => b.NominationId, b => b.Comment!.Trim());
    }

    private static (string Title, string Category) Names(AwardCycle cycle, Category category, string culture) =>
        (Pick(cycle.Title, cycle.TitleEn, culture), Pick(category.Name, category.NameEn, culture));

    private static string Pick(string latvian, string? english, string culture) => MailTexts.Pick(latvian, english, culture);
}
