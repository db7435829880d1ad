namespace AwardVote.Infrastructure;

/// <summary>Marker for the mail texts in Resources/MailResource.*.resx (keys are the English text).</summary>
public sealed class MailResource;
