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
    /// <c>Projects</c>, or when it uses an SDK or imports or compiles anything (<see cref="IsProjectByContent"/>: adversary
    /// round 8 route 8, an SDK-style C# project saved as <c>worker.xml</c> built by a script's <c>Exec</c> or through a
    /// wildcard item no reader resolves).
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
                if (IsProjectByName(f) || IsProjectByContent(f))
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

        /// <summary>
        /// True when <paramref name="path"/>, whatever its extension, is an MSBuild project by its content: its root element is
        /// &lt;Project and it uses an SDK (<c>Sdk</c> attribute, <c>&lt;Sdk&gt;</c>, <c>&lt;Import Sdk&gt;</c>) or imports or
        /// compiles anything (<see cref="CompileMarkers"/>). A <c>.props</c> or <c>.targets</c> file is imported, not built:
        /// it is a project only when something names it (<see cref="Find"/>). Adversary round 8 route 8: a C# project saved as
        /// <c>tools/w/worker.xml</c>, built by an SDK-less script's <c>Exec dotnet build</c> or by an <c>MSBuild</c> task over
        /// <c>tools/*/*.xml</c>, was a project to no check.
        /// </summary>
        public static bool IsProjectByContent(string path)
        {
            if (path.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".targets", StringComparison.OrdinalIgnoreCase) ||
                IsSolution(path) || !MaybeXml(path) || !HasProjectRoot(path))
            {
                return false;
            }

            List<(string Name, string? Version)>? sdks = Sdks(path);
            if (sdks == null || sdks.Count > 0)
            {
                return true; // an SDK, or a file with a <Project root that is not well-formed: fail closed
            }

            string? text = ReadAll(path);
            return text == null || Array.Exists(CompileMarkers, m => text.IndexOf(m, StringComparison.OrdinalIgnoreCase) >= 0);
        }

        /// <summary>
        /// A cheap look at the first bytes: after a byte-order mark and white space, '&lt;' (or a UTF-16/UTF-32 mark, left to
        /// the full read). Every committed file passes here, so most are judged from at most 256 bytes.
        /// </summary>
        private static bool MaybeXml(string path)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 256);
                var buffer = new byte[256];
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
                {
                    return true;
                }

                int i = n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
                while (i < n && (buffer[i] == ' ' || buffer[i] == '\t' || buffer[i] == '\r' || buffer[i] == '\n'))
                {
                    i++;
                }

                return i < n && buffer[i] == '<';
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return false;
            }
        }

        /// <summary>SDKs whose projects compile no assembly: MSBuild-only, SQL (a .dacpac) and JavaScript projects.</summary>
        private static readonly string[] NonCompilingSdks =
        {
            "Microsoft.Build.NoTargets", "Microsoft.Build.Traversal", "Microsoft.Build.Sql", "MSBuild.Sdk.SqlProj", "Microsoft.VisualStudio.JavaScript.Sdk",
        };

        /// <summary>The compiler tasks a target can call itself.</summary>
        private static readonly string[] CompilerTasks = { "<Csc", "<Vbc", "<Fsc" };

        /// <summary>What makes a project other than a language project compile: the .NET SDK, an import, the compiler's targets or tasks.</summary>
        private static readonly string[] CompileMarkers =
        {
            "Microsoft.NET.Sdk", "<Import", "LanguageTargets", "Microsoft.CSharp", "Microsoft.VisualBasic", "Microsoft.FSharp", "<Csc", "<Vbc", "<Fsc", "CoreCompile",
        };

        /// <summary>
        /// True when the project compiles an assembly. A language project does unless it uses the NoTargets or Traversal
        /// SDK. Any other project does when it uses the .NET SDK, imports anything, names the compiler's targets or
        /// tasks, or runs a compiler or a build it does not name (<see cref="ExecBuilds"/>); else when it names an SDK that
        /// is not one of <see cref="NonCompilingSdks"/>. A build script of its own targets and tasks only (no SDK, no import,
        /// no build command), a Traversal, SQL or JavaScript project compiles nothing. Unreadable: it does (fail closed).
        /// <para>
        /// An SDK counts as one that compiles nothing only when <paramref name="sdkVouched"/> says the package NuGet resolved
        /// for it is the real one (adversary round 8 route 1: the name is resolved through the repository's own
        /// <c>nuget.config</c>, so a look-alike <c>Microsoft.Build.NoTargets</c> from a feed the repository supplies imported
        /// the .NET SDK, moved obj/ and bin/, dropped Guardrails and compiled OpenAI). It is given the SDK's name and the
        /// version the project (or global.json, which the caller reads) asks for, or null.
        /// </para>
        /// </summary>
        public static bool BuildsAssembly(string project, Func<string, string?, bool> sdkVouched)
        {
            string? text = ReadAll(project);
            if (text == null)
            {
                return true;
            }

            // The SDKs are read from the parsed project, never from its text (adversary round 6 #19: "Microsoft.Build.NoTargets"
            // in an XML comment or a property value of a compiling project made the gate leave it out).
            List<(string Name, string? Version)>? sdks = Sdks(project);
            if (sdks == null)
            {
                return true;
            }

            if (HasLanguageProjectExtension(project))
            {
                bool compilesNothing = false;
                foreach ((string sdk, string? version) in sdks)
                {
                    if (sdk.StartsWith("Microsoft.NET.Sdk", StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }

                    if (sdk.Equals("Microsoft.Build.NoTargets", StringComparison.OrdinalIgnoreCase) ||
                        sdk.Equals("Microsoft.Build.Traversal", StringComparison.OrdinalIgnoreCase))
                    {
                        if (!sdkVouched(sdk, version))
                        {
                            return true;
                        }

                        compilesNothing = true;
                    }
                }

                // A NoTargets/Traversal project that runs a compiler task of its own (its CoreCompile is empty, but a target can
                // call <Csc> with its own sources and references) or a build it does not name compiles all the same (session 14).
                return !compilesNothing || Array.Exists(CompilerTasks, m => text.IndexOf(m, StringComparison.OrdinalIgnoreCase) >= 0) ||
                    ExecBuilds(text, Path.GetDirectoryName(project) ?? string.Empty);
            }

            foreach (string marker in CompileMarkers)
            {
                if (text.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            if (ExecBuilds(text, Path.GetDirectoryName(project) ?? string.Empty))
            {
                return true;
            }

            foreach ((string sdk, string? version) in sdks)
            {
                if (Array.FindIndex(NonCompilingSdks, n => n.Equals(sdk, StringComparison.OrdinalIgnoreCase)) < 0 || !sdkVouched(sdk, version))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly Regex ExecCommand = new Regex(
            "<Exec\\b[^>]*?\\bCommand\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        private static readonly Regex XmlComment = new Regex("<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        /// <summary>
        /// The command of every <c>Exec</c> task in an MSBuild file's text, entities decoded, with the line and column of its
        /// element; an <c>Exec</c> inside an XML comment does not run and is not listed. The one reader of Exec commands: the
        /// gate's "does this script build something" (<see cref="ExecBuilds"/>) and the launchers that run an assistant
        /// (Footprints/Launchers, adversary round 10 route 1). Null when the text defeats the pattern's time budget.
        /// </summary>
        public static List<(int Line, int Column, string Command)>? ExecCommands(string text)
        {
            var found = new List<(int Line, int Column, string Command)>();
            if (text.IndexOf("Exec", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return found;
            }

            try
            {
                // Comments blanked to spaces (line breaks kept), so positions stay those of the file.
                string live = XmlComment.Replace(text, c =>
                {
                    char[] blank = c.Value.ToCharArray();
                    for (int i = 0; i < blank.Length; i++)
                    {
                        blank[i] = blank[i] == '\n' ? '\n' : ' ';
                    }

                    return new string(blank);
                });
                int line = 1;
                int lineStart = 0;
                int scanned = 0;
                foreach (Match m in ExecCommand.Matches(live))
                {
                    for (; scanned < m.Index; scanned++)
                    {
                        if (live[scanned] == '\n')
                        {
                            line++;
                            lineStart = scanned + 1;
                        }
                    }

                    string raw = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
                    found.Add((line, m.Index - lineStart + 1, System.Net.WebUtility.HtmlDecode(raw)));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }

            return found;
        }

        /// <summary>An MSBuild file (<see cref="Guardrails.Core.Files.SourceLanguage.MsBuild"/>: a project, any extension ending in "proj", a <c>.props</c>, <c>.targets</c>, <c>.tasks</c>, <c>.pubxml</c> or <c>.user</c> file).</summary>
        public static bool IsMsBuildFile(string path) => Guardrails.Core.Files.SourceLanguages.Of(path) == Guardrails.Core.Files.SourceLanguage.MsBuild;

        /// <summary>
        /// What the inline tasks of an MSBuild file's text bring into the build (adversary round 10 route 1b): a
        /// <c>UsingTask</c> with a <c>&lt;Task&gt;</c> body (<c>RoslynCodeTaskFactory</c>, <c>CodeTaskFactory</c> or any
        /// other factory) is compiled and run by MSBuild during the build, so each <c>&lt;Reference Include&gt;</c> of its body
        /// (<see cref="InlineTaskPart.Reference"/>: the path as written), the text of its <c>&lt;Code&gt;</c>
        /// (<see cref="InlineTaskPart.Code"/>) and the file a <c>&lt;Code Source&gt;</c> names (<see cref="InlineTaskPart.CodeSource"/>,
        /// as written) are listed at their element's line and column. Comments do not count. Null when the text is not
        /// well-formed XML (MSBuild refuses it too); an empty list when the file has no inline task.
        /// </summary>
        public static List<(int Line, int Column, InlineTaskPart Part, string Value)>? InlineTaskParts(string text)
        {
            var found = new List<(int Line, int Column, InlineTaskPart Part, string Value)>();
            if (text.IndexOf("UsingTask", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return found;
            }

            try
            {
                var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
                using var reader = System.Xml.XmlReader.Create(new StringReader(text), settings);
                var info = (System.Xml.IXmlLineInfo)reader;
                int taskDepth = -1;
                bool onNext = false; // ReadElementContentAsString leaves the reader on the node after the element
                while (onNext || reader.Read())
                {
                    onNext = false;
                    if (reader.EOF)
                    {
                        break;
                    }

                    if (reader.NodeType == System.Xml.XmlNodeType.EndElement && reader.LocalName == "UsingTask")
                    {
                        taskDepth = -1;
                        continue;
                    }

                    if (reader.NodeType != System.Xml.XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (reader.LocalName == "UsingTask")
                    {
                        taskDepth = reader.IsEmptyElement ? -1 : reader.Depth;
                        continue;
                    }

                    if (taskDepth < 0 || reader.Depth <= taskDepth)
                    {
                        continue;
                    }

                    int line = info.LineNumber;
                    int column = Math.Max(1, info.LinePosition - 1);
                    if (reader.LocalName == "Reference" && reader.GetAttribute("Include") is { } include)
                    {
                        found.Add((line, column, InlineTaskPart.Reference, include));
                    }
                    else if (reader.LocalName == "Code")
                    {
                        if (reader.GetAttribute("Source") is { } source && source.Trim().Length > 0)
                        {
                            found.Add((line, column, InlineTaskPart.CodeSource, source.Trim()));
                        }

                        if (!reader.IsEmptyElement)
                        {
                            found.Add((line, column, InlineTaskPart.Code, reader.ReadElementContentAsString()));
                            onNext = true;
                        }
                    }
                }
            }
            catch (System.Xml.XmlException)
            {
                return null;
            }

            return found;
        }

        /// <summary>A compiler run directly: csc, vbc, fsc (with .exe/.dll, a path before it, or through dotnet).</summary>
        private static readonly Regex CompilerCommand = new Regex(
            "(?:^|[\\s\"'/\\\\;&|(])(?:csc|vbc|fsc)(?:\\.exe|\\.dll)?(?=$|[\\s\"';&|)])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        /// <summary>A build: <c>dotnet build|msbuild|publish|pack|run|test</c> or <c>msbuild</c>, and what follows it up to the next command.</summary>
        private static readonly Regex BuildCommand = new Regex(
            "(?:^|[\\s\"'/\\\\;&|(])(?:dotnet(?:\\.exe)?\\s+(?:build|msbuild|publish|pack|run|test)|msbuild(?:\\.exe)?)(?=$|[\\s\"';&|)])([^;&|\\r\\n]*)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        /// <summary>
        /// True when a script's <c>Exec</c> runs a compiler (csc, vbc, fsc), or a build (<c>dotnet build</c>, <c>msbuild</c>, …)
        /// of something it does not name as an existing file or folder: a path built from a property, an item or a wildcard,
        /// or one that does not exist when the gate runs (adversary round 8 route 8: <c>tools/pack.proj</c>, "no SDK, no
        /// import, no compiler task", ran <c>dotnet build</c> of a C# project the gate did not know). A build of a file it
        /// names literally leaves the script out: that file is a project of its own (<see cref="IsProjectByContent"/>).
        /// </summary>
        public static bool ExecBuilds(string text, string folder)
        {
            List<(int Line, int Column, string Command)>? commands = ExecCommands(text);
            if (commands == null)
            {
                return true;
            }

            foreach ((int _, int _, string command) in commands)
            {
                try
                {
                    if (CompilerCommand.IsMatch(command))
                    {
                        return true;
                    }

                    foreach (Match build in BuildCommand.Matches(command))
                    {
                        bool valueNext = false;
                        foreach (string argument in Arguments(build.Groups[1].Value))
                        {
                            if (argument == "--")
                            {
                                break; // dotnet run's own arguments follow
                            }

                            if (valueNext || IsSwitch(argument))
                            {
                                valueNext = !valueNext && Array.IndexOf(OptionsWithValue, argument.ToLowerInvariant()) >= 0;
                                continue;
                            }

                            string target = argument.Replace("$(MSBuildThisFileDirectory)", string.Empty).Replace("$(MSBuildProjectDirectory)", string.Empty);
                            if (target.IndexOf("$(", StringComparison.Ordinal) >= 0 || target.IndexOf("@(", StringComparison.Ordinal) >= 0 ||
                                target.IndexOf("%(", StringComparison.Ordinal) >= 0 || target.IndexOfAny(new[] { '*', '?', '%', '$', '`' }) >= 0)
                            {
                                return true;
                            }

                            string full = Path.Combine(folder, target.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar));
                            if (!File.Exists(full) && !Directory.Exists(full))
                            {
                                return true;
                            }
                        }
                    }
                }
                catch (Exception e) when (e is RegexMatchTimeoutException || e is ArgumentException || e is NotSupportedException)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Options of the dotnet CLI whose value is the next argument (<c>--project</c> is not one: its value is what is built).</summary>
        private static readonly string[] OptionsWithValue =
        {
            "-c", "--configuration", "-o", "--output", "-f", "--framework", "-r", "--runtime", "-v", "--verbosity", "-a", "--arch", "--os",
            "-s", "--source", "--version-suffix", "--packages", "--configfile", "-l", "--logger", "--settings", "--results-directory",
            "--filter", "--launch-profile", "-e", "--environment", "--property", "-bl", "--tl",
        };

        /// <summary>A command line's arguments, quotes removed (double and single).</summary>
        private static IEnumerable<string> Arguments(string line)
        {
            var current = new System.Text.StringBuilder();
            char quote = '\0';
            foreach (char c in line)
            {
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                    else
                    {
                        current.Append(c);
                    }
                }
                else if (c == '"' || c == '\'')
                {
                    quote = c;
                }
                else if (char.IsWhiteSpace(c))
                {
                    if (current.Length > 0)
                    {
                        yield return current.ToString();
                        current.Clear();
                    }
                }
                else
                {
                    current.Append(c);
                }
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }
        }

        /// <summary>An option of dotnet or MSBuild: <c>-x</c>, <c>--x</c>, <c>/x</c> or <c>/x:value</c> (not an absolute path: one '/' only before any ':').</summary>
        private static bool IsSwitch(string argument)
        {
            if (argument.StartsWith("-", StringComparison.Ordinal))
            {
                return true;
            }

            if (!argument.StartsWith("/", StringComparison.Ordinal))
            {
                return false;
            }

            int colon = argument.IndexOf(':');
            string name = colon < 0 ? argument.Substring(1) : argument.Substring(1, colon - 1);
            return name.Length > 0 && name.IndexOf('/') < 0 && name.IndexOf('.') < 0;
        }

        /// <summary>
        /// The SDKs the parsed project uses, with the version it asks for when it gives one: the <c>Sdk</c> attribute of its
        /// root <c>&lt;Project&gt;</c> (<c>Name/Version</c>), its <c>&lt;Sdk Name Version&gt;</c> elements and every
        /// <c>&lt;Import Sdk Version&gt;</c>. Comments and property values do not count. Null when the project is not
        /// well-formed XML or cannot be read (the caller fails closed).
        /// </summary>
        public static List<(string Name, string? Version)>? Sdks(string project)
        {
            try
            {
                if (new FileInfo(project).Length > MaxReadBytes)
                {
                    return null;
                }

                var names = new List<(string Name, string? Version)>();
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

                        string? given = reader.LocalName == "Project" ? null : reader.GetAttribute("Version");
                        foreach (string sdk in value!.Split(';'))
                        {
                            string[] parts = sdk.Split('/');
                            string name = parts[0].Trim();
                            string? version = parts.Length > 1 && parts[1].Trim().Length > 0 ? parts[1].Trim() : string.IsNullOrWhiteSpace(given) ? null : given!.Trim();
                            if (name.Length > 0)
                            {
                                names.Add((name, version));
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

    /// <summary>What an inline task's element gives (<see cref="MsBuildProjectFiles.InlineTaskParts"/>).</summary>
    public enum InlineTaskPart
    {
        /// <summary>A <c>&lt;Reference Include&gt;</c>: an assembly path or name.</summary>
        Reference,

        /// <summary>The text of a <c>&lt;Code&gt;</c> element.</summary>
        Code,

        /// <summary>The file a <c>&lt;Code Source&gt;</c> names.</summary>
        CodeSource,
    }
}
