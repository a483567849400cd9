namespace WiangHa.Platform.UnitTests;

/// <summary>Tests that read the repository's own files (the chart, the sources) find them from the test binaries.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WiangHa.Platform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (WiangHa.Platform.sln) was not found above the test binaries.");
    }
}
