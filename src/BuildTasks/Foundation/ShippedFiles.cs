using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Guardrails.Core.Files;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// Which files a project ships (into its assembly, its output or publish folder, or its package) that are not of a
    /// kind <see cref="ScanFileKinds"/> reads: read whatever their extension when they are text, since a key in them
    /// reaches the user (a script under wwwroot reaches every browser). The build takes them from the evaluated items
    /// (_GuardrailsCollectScanFiles in the package targets marks them <see cref="ScanFileKinds.ShippedMetadata"/>:
    /// EmbeddedResource, ContentWithTargetPath, ResolvedFileToPublish, TfmSpecificPackageFile, and None/Content items
    /// with CopyToOutputDirectory, CopyToPublishDirectory or Pack). `guardrails scan` runs no MSBuild, so it reads the
    /// same rule off the project file's text, here, once:
    /// <list type="bullet">
    /// <item>every <c>*.resx</c> under the project folder (the SDK's default EmbeddedResource items), unless the project
    /// sets EnableDefaultItems or EnableDefaultEmbeddedResourceItems to false;</item>
    /// <item>everything under <c>wwwroot/</c> in a project on the Web, Razor or BlazorWebAssembly SDK (the Web SDK's
    /// default Content items, published);</item>
    /// <item>the Include and Update paths and globs (<c>*</c>, <c>**</c>, <c>?</c>) of items the project file itself
    /// marks shipped: EmbeddedResource, and any item with CopyToOutputDirectory/CopyToPublishDirectory (Always,
    /// PreserveNewest, IfDifferent) or Pack="true", as an attribute or a child element.</item>
    /// </list>
    /// The exact difference from the build: nothing is evaluated, so a path or metadata value built from a property
    /// (<c>$(…)</c>), an item transform, a condition, or items added by an imported .props/.targets (Directory.Build.props
    /// included) are not seen by the scan; a Remove is not applied (the scan reads more, never less, of what is listed).
    /// </summary>
    public static class ShippedFiles
    {
        private static readonly string[] WebSdks = { "Microsoft.NET.Sdk.Web", "Microsoft.NET.Sdk.Razor", "Microsoft.NET.Sdk.BlazorWebAssembly" };

        private static readonly string[] CopyValues = { "Always", "PreserveNewest", "IfDifferent" };

        /// <summary>
        /// The files among <paramref name="filesUnderProject"/> (full paths under the project's folder) that the project
        /// in <paramref name="projectFile"/> ships, leaving out those with a binary extension.
        /// </summary>
        public static List<string> Select(string projectFile, IEnumerable<string> filesUnderProject)
        {
            var shipped = new List<string>();
            XDocument? project = Load(projectFile);
            if (project?.Root == null)
            {
                return shipped;
            }

            string directory = Path.GetDirectoryName(Path.GetFullPath(projectFile)) ?? string.Empty;
            bool web = IsWebProject(project.Root);
            bool defaultResx = !SetToFalse(project.Root, "EnableDefaultItems") && !SetToFalse(project.Root, "EnableDefaultEmbeddedResourceItems");
            List<Regex> patterns = ShippedItemPatterns(project.Root);
            foreach (string file in filesUnderProject)
            {
                if (TextFileSecrets.HasBinaryExtension(file))
                {
                    continue;
                }

                string relative = Relative(directory, file);
                if (relative.Length == 0)
                {
                    continue;
                }

                bool ships = (defaultResx && relative.EndsWith(".resx", StringComparison.OrdinalIgnoreCase)) ||
                             (web && relative.StartsWith("wwwroot/", StringComparison.OrdinalIgnoreCase));
                for (int i = 0; !ships && i < patterns.Count; i++)
                {
                    ships = patterns[i].IsMatch(relative);
                }

                if (ships)
                {
                    shipped.Add(file);
                }
            }

            return shipped;
        }

        private static string Relative(string directory, string file)
        {
            string full = Path.GetFullPath(file);
            string prefix = directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return full.StartsWith(prefix, StringComparison.Ordinal) ? full.Substring(prefix.Length).Replace('\\', '/') : string.Empty;
        }

        private static bool IsWebProject(XElement root)
        {
            var sdks = new List<string?> { (string?)root.Attribute("Sdk") };
            foreach (XElement e in root.Descendants())
            {
                if (e.Name.LocalName == "Sdk")
                {
                    sdks.Add((string?)e.Attribute("Name"));
                }
                else if (e.Name.LocalName == "Import")
                {
                    sdks.Add((string?)e.Attribute("Sdk"));
                }
            }

            foreach (string? sdk in sdks)
            {
                foreach (string web in WebSdks)
                {
                    if (sdk != null && sdk.IndexOf(web, StringComparison.OrdinalIgnoreCase) >= 0 &&
                        (sdk.Length == sdk.IndexOf(web, StringComparison.OrdinalIgnoreCase) + web.Length || sdk[sdk.IndexOf(web, StringComparison.OrdinalIgnoreCase) + web.Length] == '/'))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool SetToFalse(XElement root, string property)
        {
            foreach (XElement e in root.Descendants())
            {
                if (e.Name.LocalName == property && string.Equals(e.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase) && e.Parent?.Name.LocalName == "PropertyGroup")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The Include and Update globs of items the project file marks shipped, as anchored regular expressions.</summary>
        private static List<Regex> ShippedItemPatterns(XElement root)
        {
            var patterns = new List<Regex>();
            foreach (XElement item in root.Descendants())
            {
                if (item.Parent?.Name.LocalName != "ItemGroup" || !IsShipped(item))
                {
                    continue;
                }

                foreach (string attribute in new[] { "Include", "Update" })
                {
                    string? value = (string?)item.Attribute(attribute);
                    if (value == null)
                    {
                        continue;
                    }

                    foreach (string part in value.Split(';'))
                    {
                        string path = part.Trim().Replace('\\', '/');
                        while (path.StartsWith("./", StringComparison.Ordinal))
                        {
                            path = path.Substring(2);
                        }

                        if (path.Length > 0 && path.IndexOf("$(", StringComparison.Ordinal) < 0 && path.IndexOf("@(", StringComparison.Ordinal) < 0 &&
                            path.IndexOf("%(", StringComparison.Ordinal) < 0 && !path.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(path))
                        {
                            patterns.Add(Glob(path));
                        }
                    }
                }
            }

            return patterns;
        }

        private static bool IsShipped(XElement item)
        {
            if (item.Name.LocalName == "EmbeddedResource")
            {
                return true;
            }

            foreach (string name in new[] { "CopyToOutputDirectory", "CopyToPublishDirectory" })
            {
                string? value = (string?)item.Attribute(name) ?? item.Element(item.Name.Namespace + name)?.Value;
                if (value != null && Array.IndexOf(CopyValues, value.Trim()) >= 0)
                {
                    return true;
                }
            }

            string? pack = (string?)item.Attribute("Pack") ?? item.Element(item.Name.Namespace + "Pack")?.Value;
            return pack != null && string.Equals(pack.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>An MSBuild glob relative to the project folder: <c>**</c> any folders, <c>*</c> and <c>?</c> within one name, case-insensitive.</summary>
        internal static Regex Glob(string glob)
        {
            var sb = new StringBuilder("^");
            for (int i = 0; i < glob.Length; i++)
            {
                char c = glob[i];
                if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
                {
                    bool slash = i + 2 < glob.Length && glob[i + 2] == '/';
                    sb.Append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                }
                else if (c == '*')
                {
                    sb.Append("[^/]*");
                }
                else if (c == '?')
                {
                    sb.Append("[^/]");
                }
                else
                {
                    sb.Append(Regex.Escape(c.ToString()));
                }
            }

            return new Regex(sb.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        private static XDocument? Load(string path)
        {
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 16 * 1024 * 1024 };
                using (XmlReader reader = XmlReader.Create(path, settings))
                {
                    return XDocument.Load(reader);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is XmlException)
            {
                return null;
            }
        }
    }
}
