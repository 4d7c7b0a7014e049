namespace Apprenticeships.Application.Settings;

/// <summary>Hub__* settings: who the hub is to candidates, and where their links point.</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";
    public const string DevelopmentUrl = "http://localhost:7071";

    public const string DefaultName = "Employment and Training Hub";

    /// <summary>The hub's name as candidates see it in emails and on pages.</summary>
    public string Name { get; set; } = DefaultName;

    /// <summary>The name inside a sentence: the default is a description rather than a name, so it takes "the".</summary>
    public string NameInSentence => Name == DefaultName ? $"the {DefaultName}" : Name;

    /// <summary>The app's public address, where emailed links point. Required outside Development.</summary>
    public string PublicUrl { get; set; } = "";
}

/// <summary>Links__* settings: the secret that signs candidates' links.</summary>
public sealed class LinkOptions
{
    public const string Section = "Links";

    // Only for Development: links signed with it are worthless anywhere else.
    public const string DevelopmentKey = "apprenticeships-development-only-link-key";

    /// <summary>A long random secret. Required outside Development.</summary>
    public string SigningKey { get; set; } = "";
}
