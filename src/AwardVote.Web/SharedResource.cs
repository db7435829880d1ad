namespace AwardVote.Web;

/// <summary>Marker for the page texts in Resources/SharedResource.*.resx (keys are the English text).</summary>
public sealed class SharedResource;
