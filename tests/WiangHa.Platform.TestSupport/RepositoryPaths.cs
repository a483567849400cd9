namespace WiangHa.Platform.TestSupport;

/// <summary>Where the repository is, found from the test binaries (the folder holding WiangHa.Platform.sln).</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WiangHa.Platform.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new DirectoryNotFoundException("The repository root (WiangHa.Platform.sln) is not above the test binaries.");
        }
    }
}
