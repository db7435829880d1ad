using AwardVote.Application.Cycles;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>Every cycle, drafts included (<see cref="ListCycles"/>, as GET /api/admin/cycles).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(ListCycles list) : PageModel
{
    public List<CycleRow> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cycles = await list.RunAsync(cancellationToken);
}
