using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// Which files of a repository are MSBuild projects, for <c>guardrails verify-build</c> (every project that compiles
    /// needs a verified record) and <c>guardrails scan</c> (every project's packages are checked). The one truth: a
    /// project is not known by its extension alone (adversary round 7 route 3: an SDK-style C# project saved as
    /// <c>Worker.proj</c> compiled an unapproved SDK that neither looked at). A file is a project when its root element
    /// is <c>&lt;Project</c> and its extension is <c>.csproj</c>/<c>.vbproj</c>/<c>.fsproj</c> or any other ending in
    /// <c>proj</c> (<c>.proj</c>, <c>.msbuildproj</c>, <c>.esproj</c>, <c>.sqlproj</c>, …), or — whatever its
    /// extension — when a solution (<c>.sln</c>, <c>.slnx</c>, <c>.slnf</c>) or an MSBuild file (a project,
    /// <c>.props</c>, <c>.targets</c>) names it in a <c>ProjectReference</c> or an <c>MSBuild</c> task's
    /// <c>Projects</c>.
    /// </summary>
    public static class MsBuildProjectFiles
    {
        private const int HeadChars = 8 * 1024;

        private const long MaxReadBytes = 4L * 1024 * 1024;

        /// <summary>The extensions of the .NET language projects (always projects, whatever their text).</summary>
        public static bool HasLanguageProjectExtension(string path) =>
            path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase) ||
            path.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase);

        /// <summary>A name ending in "proj" after a dot (".proj", ".msbuildproj", ".esproj"): a project when its root is &lt;Project.</summary>
        public static bool HasProjectLikeExtension(string path)
        {
            string ext = Path.GetExtension(path);
            return ext.Length >= 5 && ext.EndsWith("proj", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>True when <paramref name="path"/> is a project by its name: a language project, or a *proj file whose root element is &lt;Project.</summary>
        public static bool IsProjectByName(string path) =>
            HasLanguageProjectExtension(path) || (HasProjectLikeExtension(path) && HasProjectRoot(path));

        /// <summary>True when the file's first element (after a byte-order mark, an XML declaration, comments and white space) is &lt;Project.</summary>
        public static bool HasProjectRoot(string path)
        {
            string? head = ReadHead(path);
            return head != null && StartsWithProjectElement(head);
        }

        /// <summary>The text's first element is &lt;Project (a BOM, an XML declaration, processing instructions, comments and white space skipped).</summary>
        public static bool StartsWithProjectElement(string text)
        {
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '\uFEFF' || char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (string.CompareOrdinal(text, i, "<?", 0, 2) == 0)
                {
                    int end = text.IndexOf("?>", i + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        return false;
                    }

                    i = end + 2;
                }
                else if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
                {
                    int end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        return false;
                    }

                    i = end + 3;
                }
                else
                {
                    return string.CompareOrdinal(text, i, "<Project", 0, 8) == 0 && i + 8 < text.Length &&
                           (char.IsWhiteSpace(text[i + 8]) || text[i + 8] == '>' || text[i + 8] == '/');
                }
            }

            return false;
        }

        /// <summary>Files that can name other projects: solutions and MSBuild files.</summary>
        public static bool CanNameProjects(string path) =>
            IsSolution(path) || HasProjectLikeExtension(path) ||
            path.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".targets", StringComparison.OrdinalIgnoreCase);

        private static bool IsSolution(string path) =>
            path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) ||
            path.EndsWith(".slnf", StringComparison.OrdinalIgnoreCase);

        private static readonly Regex MsBuildReference = new Regex(
            "<(?:ProjectReference|MSBuild)\\b[^>]*?\\b(?:Include|Projects)\\s*=\\s*[\"']([^\"']+)[\"']",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        private static readonly Regex SlnReference = new Regex(
            "^\\s*Project\\(\"[^\"]*\"\\)\\s*=\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]+)\"",
            RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        private static readonly Regex SlnxReference = new Regex(
            "<Project\\b[^>]*?\\bPath\\s*=\\s*[\"']([^\"']+)[\"']",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        private static readonly Regex SlnfReference = new Regex(
            "\"([^\"]+\\.[A-Za-z0-9]+)\"",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        /// <summary>
        /// The files <paramref name="namer"/> (a solution or MSBuild file) names as projects, full paths, existing or not;
        /// references built from properties or wildcards are left out (their project is found by its name or not at all).
        /// </summary>
        public static IEnumerable<string> NamedProjects(string namer)
        {
            string? text = ReadAll(namer);
            if (text == null)
            {
                yield break;
            }

            string folder = Path.GetDirectoryName(namer) ?? string.Empty;
            Regex pattern = namer.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) ? SlnReference
                : namer.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) ? SlnxReference
                : namer.EndsWith(".slnf", StringComparison.OrdinalIgnoreCase) ? SlnfReference
                : MsBuildReference;
            MatchCollection matches;
            try
            {
                matches = pattern.Matches(text);
                _ = matches.Count;
            }
            catch (RegexMatchTimeoutException)
            {
                yield break;
            }

            foreach (Match m in matches)
            {
                foreach (string one in m.Groups[1].Value.Split(';'))
                {
                    string reference = one.Trim().Replace("$(MSBuildThisFileDirectory)", string.Empty).Replace("$(MSBuildProjectDirectory)", string.Empty);
                    if (reference.Length == 0 || reference.IndexOf("$(", StringComparison.Ordinal) >= 0 || reference.IndexOf('*') >= 0 ||
                        reference.IndexOf('%') >= 0 || reference.IndexOf('@') >= 0)
                    {
                        continue;
                    }

                    string full;
                    try
                    {
                        string baseFolder = namer.EndsWith(".slnf", StringComparison.OrdinalIgnoreCase) ? SlnfBase(text, folder) : folder;
                        full = Path.GetFullPath(Path.Combine(baseFolder, reference.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar)));
                    }
                    catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
                    {
                        continue;
                    }

                    yield return full;
                }
            }
        }

        /// <summary>A solution filter's paths are relative to the solution it names.</summary>
        private static string SlnfBase(string text, string folder)
        {
            Match m = Regex.Match(text, "\"path\"\\s*:\\s*\"([^\"]+)\"", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            if (!m.Success)
            {
                return folder;
            }

            string sln = m.Groups[1].Value.Replace("\\\\", "\\").Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar);
            return Path.GetDirectoryName(Path.Combine(folder, sln)) ?? folder;
        }

        /// <summary>
        /// The projects among <paramref name="files"/> (full paths of the repository's files): those that are projects by
        /// name, and any file of the list a solution or MSBuild file of the list names whose root is &lt;Project.
        /// </summary>
        public static List<string> Find(IEnumerable<string> files, StringComparer pathComparer)
        {
            var all = new HashSet<string>(files, pathComparer);
            var projects = new HashSet<string>(pathComparer);
            var namers = new List<string>();
            foreach (string f in all)
            {
                if (IsProjectByName(f))
                {
                    projects.Add(f);
                }

                if (CanNameProjects(f))
                {
                    namers.Add(f);
                }
            }

            foreach (string namer in namers)
            {
                foreach (string named in NamedProjects(namer))
                {
                    if (!projects.Contains(named) && all.Contains(named) && HasProjectRoot(named))
                    {
                        projects.Add(named);
                    }
                }
            }

            var list = new List<string>(projects);
            list.Sort(StringComparer.Ordinal);
            return list;
        }

        /// <summary>SDKs whose projects compile no assembly: MSBuild-only, SQL (a .dacpac) and JavaScript projects.</summary>
        private static readonly string[] NonCompilingSdks =
        {
            "Microsoft.Build.NoTargets", "Microsoft.Build.Traversal", "Microsoft.Build.Sql", "MSBuild.Sdk.SqlProj", "Microsoft.VisualStudio.JavaScript.Sdk",
        };

        /// <summary>What makes a project other than a language project compile: the .NET SDK, an import, the compiler's targets or tasks.</summary>
        private static readonly string[] CompileMarkers =
        {
            "Microsoft.NET.Sdk", "<Import", "LanguageTargets", "Microsoft.CSharp", "Microsoft.VisualBasic", "Microsoft.FSharp", "<Csc", "<Vbc", "<Fsc", "CoreCompile",
        };

        /// <summary>
        /// True when the project compiles an assembly. A language project does unless it uses the NoTargets or Traversal
        /// SDK. Any other project does when it uses the .NET SDK, imports anything, or names the compiler's targets or
        /// tasks; else when it names an SDK that is not one of <see cref="NonCompilingSdks"/>. A build script of its own
        /// targets and tasks only (no SDK, no import), a Traversal, SQL or JavaScript project compiles nothing.
        /// Unreadable: it does (fail closed).
        /// </summary>
        public static bool BuildsAssembly(string project)
        {
            string? text = ReadAll(project);
            if (text == null)
            {
                return true;
            }

            // The SDKs are read from the parsed project, never from its text (adversary round 6 #19: "Microsoft.Build.NoTargets"
            // in an XML comment or a property value of a compiling project made the gate leave it out).
            List<string>? sdks = SdkNames(project);
            if (sdks == null)
            {
                return true;
            }

            if (HasLanguageProjectExtension(project))
            {
                bool compilesNothing = false;
                foreach (string sdk in sdks)
                {
                    if (sdk.StartsWith("Microsoft.NET.Sdk", StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }

                    compilesNothing |= sdk.Equals("Microsoft.Build.NoTargets", StringComparison.OrdinalIgnoreCase) ||
                                       sdk.Equals("Microsoft.Build.Traversal", StringComparison.OrdinalIgnoreCase);
                }

                return !compilesNothing;
            }

            foreach (string marker in CompileMarkers)
            {
                if (text.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            if (sdks.Count == 0)
            {
                return false;
            }

            foreach (string sdk in sdks)
            {
                if (Array.FindIndex(NonCompilingSdks, n => n.Equals(sdk, StringComparison.OrdinalIgnoreCase)) < 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The SDK names the parsed project uses: the <c>Sdk</c> attribute of its root <c>&lt;Project&gt;</c>, its
        /// <c>&lt;Sdk Name&gt;</c> elements and every <c>&lt;Import Sdk&gt;</c>, each without its <c>/version</c>. Comments and
        /// property values do not count. Null when the project is not well-formed XML or cannot be read (the caller fails closed).
        /// </summary>
        private static List<string>? SdkNames(string project)
        {
            try
            {
                if (new FileInfo(project).Length > MaxReadBytes)
                {
                    return null;
                }

                var names = new List<string>();
                var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
                using (var reader = System.Xml.XmlReader.Create(project, settings))
                {
                    while (reader.Read())
                    {
                        if (reader.NodeType != System.Xml.XmlNodeType.Element)
                        {
                            continue;
                        }

                        string? value =
                            reader.LocalName == "Project" && reader.Depth == 0 ? reader.GetAttribute("Sdk") :
                            reader.LocalName == "Sdk" ? reader.GetAttribute("Name") :
                            reader.LocalName == "Import" ? reader.GetAttribute("Sdk") :
                            null;
                        if (string.IsNullOrWhiteSpace(value))
                        {
                            continue;
                        }

                        foreach (string sdk in value!.Split(';'))
                        {
                            string name = sdk.Split('/')[0].Trim();
                            if (name.Length > 0)
                            {
                                names.Add(name);
                            }
                        }
                    }
                }

                return names;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Xml.XmlException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        }

        private static string? ReadHead(string path)
        {
            try
            {
                using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
                var buffer = new char[HeadChars];
                int n = reader.ReadBlock(buffer, 0, buffer.Length);
                return new string(buffer, 0, n);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        }

        private static string? ReadAll(string path)
        {
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    return null;
                }

                if (info.Length > MaxReadBytes)
                {
                    return ReadHead(path);
                }

                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        }
    }
}
