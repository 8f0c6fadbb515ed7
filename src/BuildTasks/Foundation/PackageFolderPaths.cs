using System;
using System.Text.RegularExpressions;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// A path into the NuGet package folder (<c>$(NuGetPackageRoot)/openai/2.1.0/lib/…</c>, <c>~/.nuget/packages/…</c>,
    /// <c>$([MSBuild]::EnsureTrailingSlash('$(NuGetPackageRoot)'))…</c>) read as the package id and version it names: one reader
    /// for the project-file Reference locator (Policy) and the inline-task reader (InteractiveScripts).
    /// </summary>
    internal static class PackageFolderPaths
    {
        private static readonly Regex PackageFolder = new Regex(
            @"(?:\$\(NuGetPackageRoot\)|\.nuget[\\/]packages)(?:['""]?\)\)|[\\/])*([A-Za-z0-9_][A-Za-z0-9_.-]*)[\\/]([0-9][A-Za-z0-9_.+-]*)[\\/]",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));

        /// <summary>The package id and version of a path into the NuGet package folder, or null.</summary>
        internal static (string Id, string Version)? Parse(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return null;
            }

            try
            {
                Match m = PackageFolder.Match(path);
                return m.Success ? (m.Groups[1].Value, m.Groups[2].Value) : ((string, string)?)null;
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }
    }
}
