namespace Apprenticeships.Storage.Azurite;

/// <summary>Finds the checkout (the folder with Apprenticeships.sln and package.json) from a running program.</summary>
public static class RepositoryRoot
{
    public static string? Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Apprenticeships.sln")) &&
                    File.Exists(Path.Combine(dir.FullName, "package.json")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }
}
