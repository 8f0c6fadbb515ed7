using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Small packages written straight into a local feed folder (a nuspec and the given files): what a repository-local
/// package, a central policy package or a look-alike of an SDK is, with nothing downloaded. A project restores them after
/// <see cref="TestProject.UseLocalFeed"/> names the folder.
/// </summary>
internal static class TestPackages
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>A package whose files are text (path in the package, content).</summary>
    public static string Write(string feed, string id, string version, params (string Path, string Text)[] files) =>
        Write(feed, id, version, files.Select(f => (f.Path, Utf8.GetBytes(f.Text))));

    /// <summary>Text files (path in the package, text) as the package files the byte form of Write takes: UTF-8 without a byte-order mark.</summary>
    public static IEnumerable<(string Path, byte[] Bytes)> Text(params (string Path, string Text)[] files) =>
        files.Select(f => (f.Path, Utf8.GetBytes(f.Text))).ToList();

    /// <summary>
    /// A package with <paramref name="files"/> (path in the package, bytes) and <paramref name="dependencies"/> (for
    /// netstandard2.0), a development dependency when <paramref name="developmentDependency"/>; returns its path. A version is immutable, as on a real feed: writing the same package again leaves
    /// it, writing other content under the same id and version throws.
    /// </summary>
    public static string Write(
        string feed,
        string id,
        string version,
        IEnumerable<(string Path, byte[] Bytes)> files,
        IEnumerable<(string Id, string Version)>? dependencies = null,
        bool developmentDependency = false)
    {
        Directory.CreateDirectory(feed);
        string deps = dependencies?.Any() == true
            ? "\n    <dependencies><group targetFramework=\"netstandard2.0\">" + string.Concat(dependencies.Select(d => $"<dependency id=\"{d.Id}\" version=\"{d.Version}\" />")) + "</group></dependencies>"
            : string.Empty;
        string nuspec = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>{id}</id>
                <version>{version}</version>
                <authors>Guardrails tests</authors>
                <description>A local package for the Guardrails end-to-end tests.</description>{(developmentDependency ? "\n    <developmentDependency>true</developmentDependency>" : string.Empty)}{deps}
              </metadata>
            </package>
            """;

        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach ((string path, byte[] content) in files.Prepend((id + ".nuspec", Utf8.GetBytes(nuspec))))
                {
                    ZipArchiveEntry entry = zip.CreateEntry(path);
                    entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero); // the same package, the same bytes
                    using Stream s = entry.Open();
                    s.Write(content);
                }
            }

            bytes = buffer.ToArray();
        }

        string package = Path.Combine(feed, id + "." + version + ".nupkg");
        if (File.Exists(package))
        {
            if (!File.ReadAllBytes(package).AsSpan().SequenceEqual(bytes))
            {
                throw new InvalidOperationException(package + " already exists with other content: a package version is immutable, use another version.");
            }

            return package;
        }

        // Written under another name, then renamed: a restore of another class reading the same feed meanwhile (the run's
        // feed is shared, classes run in parallel) never opens half a package.
        string partial = package + "." + Guid.NewGuid().ToString("N") + ".partial";
        File.WriteAllBytes(partial, bytes);
        File.Move(partial, package, overwrite: true);
        return package;
    }

    /// <summary>
    /// A central policy package laid out as docs/rollout.md §1 shows: content/guardrails.policy.json and build and
    /// buildTransitive props that set GuardrailsPolicyPath to it and pin its SHA-256, and, with
    /// <paramref name="importsCentralCapture"/>, import Guardrails' capture of the central settings right after (the line
    /// docs/rollout.md §1 shows; without it NuGet's import order decides what the capture sees). Returns the pin (upper-case hex).
    /// </summary>
    public static string WritePolicyPackage(string feed, string id, string version, string policy, bool importsCentralCapture = false)
    {
        byte[] policyBytes = Utf8.GetBytes(policy);
        string pin = Convert.ToHexString(SHA256.HashData(policyBytes));
        string props = "<Project>\n  <PropertyGroup>\n" +
            "    <GuardrailsPolicyPath>$(MSBuildThisFileDirectory)../content/guardrails.policy.json</GuardrailsPolicyPath>\n" +
            "    <GuardrailsPolicySha256>" + pin + "</GuardrailsPolicySha256>\n  </PropertyGroup>\n" +
            (importsCentralCapture ? "  <Import Project=\"$(_GuardrailsCentralCaptureProps)\" Condition=\"'$(_GuardrailsCentralCaptureProps)' != ''\" />\n" : string.Empty) +
            "</Project>\n";
        Write(feed, id, version, new[]
        {
            ("content/guardrails.policy.json", policyBytes),
            ("build/" + id + ".props", Utf8.GetBytes(props)),
            ("buildTransitive/" + id + ".props", Utf8.GetBytes(props)),
        });
        return pin;
    }
}
