using System.Text.RegularExpressions;
using Apprenticeships.Storage.Azurite;

namespace Apprenticeships.Functions.Hosting;

/// <summary>
/// GOV.UK Frontend's compiled CSS and JavaScript (from the govuk-frontend npm package pinned in
/// package.json) and the hub's own app.css and init.js, served from memory under /assets/.
/// The GDS Transport font and the crown and crest images are GOV.UK's alone, so they are not
/// served and the CSS's font rules fall back to Arial: this is a council service.
/// </summary>
public sealed partial class FrontendAssets
{
    public const string PublishedFolder = "govuk-frontend";
    private readonly Dictionary<string, (byte[] Content, string ContentType)> _files = new(StringComparer.Ordinal);

    public FrontendAssets(string? govukFolder)
    {
        if (govukFolder is not null)
        {
            var css = File.ReadAllText(Path.Combine(govukFolder, "govuk-frontend.min.css"));
            Add("govuk-frontend.min.css", WithoutGovUkFont(css), "text/css; charset=utf-8");
            Add("govuk-frontend.min.js", File.ReadAllText(Path.Combine(govukFolder, "govuk-frontend.min.js")), "text/javascript; charset=utf-8");
        }
        Add("app.css", Embedded("app.css"), "text/css; charset=utf-8");
        Add("init.js", Embedded("init.js"), "text/javascript; charset=utf-8");
    }

    public bool TryGet(string file, out byte[] content, out string contentType)
    {
        var found = _files.TryGetValue(file, out var entry);
        (content, contentType) = found ? entry : ([], "");
        return found;
    }

    /// <summary>
    /// The published app carries the files beside the executable; a checkout installs the pinned
    /// package on first run, as it does Azurite.
    /// </summary>
    public static async Task<FrontendAssets> LoadAsync(string contentRoot, CancellationToken ct = default)
    {
        var published = Path.Combine(AppContext.BaseDirectory, PublishedFolder);
        if (File.Exists(Path.Combine(published, "govuk-frontend.min.css"))) return new FrontendAssets(published);
        var root = RepositoryRoot.Find();
        if (root is null) return new FrontendAssets(null);
        await NodePackages.EnsureInstalledAsync(root, ct: ct);
        return new FrontendAssets(Path.Combine(NodePackages.Folder(root, "govuk-frontend"), "dist", "govuk"));
    }

    internal static string WithoutGovUkFont(string css) => GdsTransportFace().Replace(css, "").Replace("GDS Transport,", "", StringComparison.Ordinal)
        .Replace("font-family:GDS Transport", "font-family:arial,sans-serif", StringComparison.Ordinal);

    private void Add(string name, string text, string contentType) => _files[name] = (System.Text.Encoding.UTF8.GetBytes(text), contentType);

    private static string Embedded(string name)
    {
        using var stream = typeof(FrontendAssets).Assembly.GetManifestResourceStream($"PageAssets/{name}")
            ?? throw new InvalidOperationException($"Missing embedded page asset {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"@font-face\{font-family:GDS Transport;[^}]*\}")]
    private static partial Regex GdsTransportFace();
}
