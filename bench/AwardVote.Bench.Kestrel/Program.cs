// The machine's ceiling for the read path: the same server, runtime and settings as AwardVote, and no work at all.
// A page of about the size of AwardVote's home page, so the bytes on the wire are comparable too.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var page = "<!DOCTYPE html><html lang=\"lv\"><head><meta charset=\"utf-8\"><title>Kestrel</title></head><body>"
    + new string('x', int.TryParse(Environment.GetEnvironmentVariable("BENCH_PAGE_BYTES"), out var bytes) ? bytes : 8000)
    + "</body></html>";
app.MapGet("/", () => Results.Text(page, "text/html; charset=utf-8"));
// The vote burst's ceiling (scenario 1): a JSON POST of the confirmation's shape, read and answered, nothing stored.
app.MapPost("/confirm", (ConfirmBody body) => Results.Json(new Confirmed("confirmed", body.Token?.Length ?? 0)));
app.Run();

internal sealed record ConfirmBody(string? Token);
internal sealed record Confirmed(string Status, int TokenLength);
