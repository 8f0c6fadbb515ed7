namespace Guardrails.Tests.Shared;

internal static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test assembly that holds Guardrails.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir != null)
        {
            if (File.Exists(Path.Combine(dir, "Guardrails.sln")))
            {
                return dir;
            }

            dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar));
        }

        throw new InvalidOperationException("Guardrails.sln not found above " + AppContext.BaseDirectory);
    }
}
