using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.Core.Json;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// Package references in C#/F# scripts and notebooks (adversary round 7 route 13): <c>#r "nuget: Id, Version"</c>
    /// (also <c>#r "nuget:Id"</c> without a version and floating versions such as <c>*-*</c>) in <c>.csx</c> files
    /// (dotnet-script), <c>.dib</c> files (Polyglot Notebooks: the <c>#!csharp</c>/<c>#!fsharp</c> sections) and the code
    /// cells of <c>.ipynb</c> notebooks whose language is C# or F# (cell metadata <c>dotnet_interactive.language</c> or
    /// <c>polyglot_notebook.kernelName</c>, a <c>#!csharp</c> first line, else the notebook's .NET kernel). Running the cell or
    /// the script downloads the package; no project of the repository compiles it, so these references are judged as the
    /// packages of a project (the one package evaluator, GRD2xx at the directive's line). <c>#r "path/OpenAI.dll"</c> of an
    /// assembly the SDK catalog knows is judged as that SDK's package. F# Interactive scripts (<c>.fsx</c>, <c>dotnet fsi</c>)
    /// are read like a <c>.csx</c> (adversary round 11 route 4), and Cake build scripts (<c>.cake</c>, <c>dotnet cake</c>) by
    /// their own directives: <c>#addin</c>, <c>#tool</c>, <c>#module</c> and <c>#load</c> of
    /// <c>nuget:[source]?package=Id&amp;version=V</c> (or <c>dotnet:?package=…</c>, quoted or not, and an <c>#addin</c>/<c>#tool</c>
    /// of a bare package id), plus <c>#r</c>/<c>#reference</c> as above. Read as data, never run.
    /// </summary>
    public static class InteractiveScripts
    {
        /// <summary>The most bytes of a script or notebook read (a notebook with large outputs stays well under it).</summary>
        public const long MaxBytes = 16L * 1024 * 1024;

        /// <summary>Whether <paramref name="path"/> is a kind this class reads (.csx, .fsx, .cake, .dib, .ipynb).</summary>
        public static bool IsScript(string path)
        {
            string ext = Path.GetExtension(path);
            return ext.Equals(".csx", StringComparison.OrdinalIgnoreCase) || ext.Equals(".fsx", StringComparison.OrdinalIgnoreCase) ||
                ext.Equals(".cake", StringComparison.OrdinalIgnoreCase) || ext.Equals(".dib", StringComparison.OrdinalIgnoreCase) ||
                ext.Equals(".ipynb", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>How a script or notebook brings its packages in, said in the GRD2xx message (by the file's kind).</summary>
        public static string Origin(string path)
        {
            string name = Path.GetFileName(path);
            string ext = Path.GetExtension(path);
            return ext.Equals(".cake", StringComparison.OrdinalIgnoreCase)
                ? "loaded by an #addin, #tool, #module or #load directive of the Cake build script " + name + " (dotnet cake restores it into the build script; no project of the repository compiles that code)"
                : ext.Equals(".fsx", StringComparison.OrdinalIgnoreCase)
                    ? "referenced by #r \"nuget:\" in " + name + " (an F# script run with dotnet fsi, which restores it; no project of the repository compiles that code)"
                    : "referenced by #r \"nuget:\" in " + name + " (a notebook or script run with .NET Interactive, Polyglot Notebooks or dotnet-script, which restores it; no project of the repository compiles that code)";
        }

        /// <summary>The packages <paramref name="path"/> references; empty when none, too large, unreadable or not JSON (a notebook).</summary>
        public static List<DeclaredPackage> Read(string path) =>
            ReadSmall(path) is { } text && (text.IndexOf("#r", StringComparison.Ordinal) >= 0 ||
                (Path.GetExtension(path).Equals(".cake", StringComparison.OrdinalIgnoreCase) && text.IndexOf('#') >= 0))
                ? Parse(path, text)
                : new List<DeclaredPackage>();

        /// <summary>The text of <paramref name="path"/>; null when it does not exist, is larger than <see cref="MaxBytes"/> or cannot be read.</summary>
        private static string? ReadSmall(string path)
        {
            try
            {
                var info = new FileInfo(path);
                return info.Exists && info.Length <= MaxBytes ? File.ReadAllText(path) : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        }

        /// <summary>The packages in <paramref name="text"/>, the content of <paramref name="path"/> (its extension decides the format).</summary>
        public static List<DeclaredPackage> Parse(string path, string text)
        {
            var found = new List<DeclaredPackage>();
            string ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext == ".ipynb")
            {
                ParseNotebook(path, text, found);
            }
            else
            {
                bool dib = ext == ".dib";
                bool cake = ext == ".cake";
                bool code = true; // a .csx/.fsx/.cake is code throughout; a .dib starts in its default kernel (C# unless a #!kernel line says otherwise)
                int line = 1;
                foreach (string raw in text.Split('\n'))
                {
                    string l = raw.TrimEnd('\r');
                    if (dib && l.StartsWith("#!", StringComparison.Ordinal) && !l.StartsWith("#!/", StringComparison.Ordinal))
                    {
                        code = IsDotNetKernel(l.Substring(2).Trim(), code);
                    }
                    else if (cake)
                    {
                        CakeDirective(path, l, line, found);
                    }
                    else if (code)
                    {
                        Directive(path, l, line, found);
                    }

                    line++;
                }
            }

            return found;
        }

        private static void ParseNotebook(string path, string text, List<DeclaredPackage> found)
        {
            JsonNode? root = JsonReader.TryParse(text, out _);
            JsonNode? meta = root?["metadata"];
            string kernel = (meta?["kernelspec"]?["name"]?.Text ?? string.Empty) + " " + (meta?["kernelspec"]?["language"]?.Text ?? string.Empty) + " " +
                (meta?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.Text ?? string.Empty);
            bool dotnetNotebook = kernel.IndexOf(".net", StringComparison.OrdinalIgnoreCase) >= 0 || kernel.IndexOf("c#", StringComparison.OrdinalIgnoreCase) >= 0 ||
                kernel.IndexOf("f#", StringComparison.OrdinalIgnoreCase) >= 0 || kernel.IndexOf("csharp", StringComparison.OrdinalIgnoreCase) >= 0 ||
                kernel.IndexOf("fsharp", StringComparison.OrdinalIgnoreCase) >= 0;
            foreach ((JsonNode cell, List<(string Text, int Line, int Column)> lines) in NotebookCells.Code(root))
            {
                string? language = cell["metadata"]?["dotnet_interactive"]?["language"]?.Text ?? cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.Text;
                bool code = language != null ? IsDotNetKernel(language, false) : dotnetNotebook;
                for (int i = 0; i < lines.Count; i++)
                {
                    string l = lines[i].Text.TrimEnd('\r');
                    if (l.StartsWith("#!", StringComparison.Ordinal))
                    {
                        code = IsDotNetKernel(l.Substring(2).Trim(), code); // a magic command switches the cell's kernel
                    }
                    else if (code)
                    {
                        Directive(path, l, lines[i].Line, found, lines[i].Column);
                    }
                }
            }
        }

        /// <summary>A kernel name (csharp, c#, fsharp, f#, .net-csharp…) whose cells restore NuGet packages with #r; another kernel magic (markdown, pwsh, javascript, sql…) is not; anything else (#!time, #!about) keeps <paramref name="current"/>.</summary>
        private static bool IsDotNetKernel(string name, bool current)
        {
            string n = name.Trim().ToLowerInvariant();
            int space = n.IndexOf(' ');
            if (space > 0)
            {
                n = n.Substring(0, space);
            }

            if (n == "csharp" || n == "c#" || n == "fsharp" || n == "f#" || n == ".net-csharp" || n == ".net-fsharp")
            {
                return true;
            }

            return n == "markdown" || n == "md" || n == "pwsh" || n == "powershell" || n == ".net-pwsh" || n == "javascript" || n == "js" || n == "html" || n == "sql" ||
                n == "kql" || n == "mermaid" || n == "value" || n == "http" || n == "python" || n == "r" || n == "css" || n == "vscode"
                ? false
                : current;
        }

        /// <summary>One line: <c>#r "nuget: Id, Version"</c> or <c>#r "….dll"</c>.</summary>
        private static void Directive(string path, string line, int lineNumber, List<DeclaredPackage> found, int column = 0)
        {
            int i = 0;
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }

            if (i + 2 >= line.Length || line[i] != '#' || line[i + 1] != 'r' || (line[i + 2] != ' ' && line[i + 2] != '\t' && line[i + 2] != '"'))
            {
                return;
            }

            int open = line.IndexOf('"', i + 2);
            int close = open < 0 ? -1 : line.IndexOf('"', open + 1);
            if (close < 0)
            {
                return;
            }

            string reference = line.Substring(open + 1, close - open - 1).Trim();
            int col = column > 0 ? column : i + 1;
            if (reference.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                string body = reference.Substring(6).Trim();
                int comma = body.IndexOf(',');
                string id = (comma < 0 ? body : body.Substring(0, comma)).Trim();
                string version = comma < 0 ? string.Empty : body.Substring(comma + 1).Trim();
                if (id.Length > 0)
                {
                    found.Add(new DeclaredPackage(id, version, path, lineNumber, col));
                }
            }
            else if (reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && AssemblyPackage(reference) is { } id)
            {
                found.Add(new DeclaredPackage(id, string.Empty, path, lineNumber, col));
            }
        }

        /// <summary>
        /// One line of a Cake script: <c>#addin</c>, <c>#tool</c>, <c>#module</c>, <c>#load</c>/<c>#l</c> of a NuGet package
        /// (<c>nuget:?package=Id&amp;version=V</c>, <c>nuget:https://feed/?package=Id</c>, <c>dotnet:?package=Id</c>; quoted or not; an
        /// <c>#addin</c>/<c>#tool</c> of a bare id is a NuGet package too), or <c>#r</c>/<c>#reference</c> read as in a <c>.csx</c>.
        /// A <c>#load</c> of a local file is not a package.
        /// </summary>
        private static void CakeDirective(string path, string line, int lineNumber, List<DeclaredPackage> found)
        {
            int i = 0;
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }

            if (i >= line.Length || line[i] != '#')
            {
                return;
            }

            int nameEnd = i + 1;
            while (nameEnd < line.Length && char.IsLetter(line[nameEnd]))
            {
                nameEnd++;
            }

            string name = line.Substring(i + 1, nameEnd - i - 1).ToLowerInvariant();
            if (name == "r" || name == "reference")
            {
                Directive(path, name == "r" ? line : line.Substring(0, i + 1) + "r" + line.Substring(nameEnd), lineNumber, found);
                return;
            }

            if (name != "addin" && name != "tool" && name != "module" && name != "load" && name != "l")
            {
                return;
            }

            string argument = line.Substring(nameEnd).Trim();
            int comment = argument.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0 && (comment == 0 || argument[comment - 1] != ':'))
            {
                argument = argument.Substring(0, comment).Trim(); // a trailing comment, not the // of a feed's https://
            }

            argument = argument.Trim().Trim('"').Trim();
            string id;
            string version = string.Empty;
            int scheme = argument.IndexOf(':');
            string kind = scheme > 0 ? argument.Substring(0, scheme).ToLowerInvariant() : string.Empty;
            if (kind == "nuget" || kind == "dotnet")
            {
                int query = argument.IndexOf('?');
                if (query < 0)
                {
                    return;
                }

                id = string.Empty;
                foreach (string pair in argument.Substring(query + 1).Split('&'))
                {
                    int eq = pair.IndexOf('=');
                    string key = eq < 0 ? pair.Trim() : pair.Substring(0, eq).Trim();
                    string value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(eq + 1).Trim());
                    if (key.Equals("package", StringComparison.OrdinalIgnoreCase))
                    {
                        id = value;
                    }
                    else if (key.Equals("version", StringComparison.OrdinalIgnoreCase))
                    {
                        version = value;
                    }
                }
            }
            else if ((name == "addin" || name == "tool") && scheme < 0 && argument.Length > 0 && argument.IndexOfAny(NotInAnId) < 0)
            {
                id = argument; // Cake's older form: #addin "Cake.Foo" is that NuGet package
            }
            else
            {
                return; // #load of a local script, another scheme
            }

            if (id.Length > 0)
            {
                found.Add(new DeclaredPackage(id, version, path, lineNumber, i + 1));
            }
        }

        private static readonly char[] NotInAnId = { '/', '\\', ' ', '\t', '?', '&', '=', '"' };

        /// <summary>
        /// The package of a catalog SDK assembly a path or name points at (<c>../lib/OpenAI.dll</c>, <c>OpenAI</c>): the
        /// assembly's own package when the catalog lists one of that name, else the SDK's first package; null when the
        /// catalog knows no SDK assembly of that name.
        /// </summary>
        private static string? AssemblyPackage(string reference)
        {
            string file = reference.Replace('\\', '/').Substring(reference.Replace('\\', '/').LastIndexOf('/') + 1).Trim();
            string name = file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)
                ? file.Substring(0, file.Length - 4)
                : file;
            int comma = name.IndexOf(',');
            name = (comma >= 0 ? name.Substring(0, comma) : name).Trim(); // "OpenAI, Version=2.15.0.0, …" names the assembly too
            if (name.Length == 0 || !AiSdkCatalog.TryGetByAssemblyName(name, out AiSdk sdk) || sdk.PackageIds.Count == 0)
            {
                return null;
            }

            string id = sdk.PackageIds[0];
            foreach (string p in sdk.PackageIds)
            {
                if (p.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    id = p;
                }
            }

            return id;
        }

        /// <summary>How an inline task brings a package into the build, said in the GRD2xx message.</summary>
        public const string InlineTaskOrigin =
            "used by an inline task (a UsingTask with a code task factory) in a committed MSBuild file, which MSBuild compiles and runs inside the build with the build's rights and secrets; no restore judges it";

        private static readonly System.Text.RegularExpressions.Regex QualifiedName = new System.Text.RegularExpressions.Regex(
            @"(?<![\w.])(?:using\s+(?:static\s+)?(?:[A-Za-z_]\w*\s*=\s*)?(?:global::)?([A-Za-z_]\w*)\s*;|(?:global::)?([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)+))",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        /// <summary>
        /// The catalog SDK packages the inline tasks of an MSBuild file bring into the build (adversary round 10 route 1b,
        /// judged like <c>#r</c> in a script): a <c>&lt;Reference&gt;</c> into the NuGet package folder is that package at
        /// that version; a <c>&lt;Reference&gt;</c> to a catalog SDK assembly (by path or name) is the SDK's package; code
        /// (<c>&lt;Code&gt;</c>, or the file its <c>Source</c> names, read beside <paramref name="path"/>) that names a
        /// catalog SDK's namespace is that SDK's package. Each at the element's line; a file that is not well-formed XML gives none
        /// (MSBuild refuses it).
        /// </summary>
        public static List<DeclaredPackage> ParseInlineTasks(string path, string text)
        {
            var found = new List<DeclaredPackage>();
            foreach ((int line, int column, InlineTaskPart part, string value) in MsBuildProjectFiles.InlineTaskParts(text) ?? new List<(int, int, InlineTaskPart, string)>())
            {
                if (part == InlineTaskPart.Reference)
                {
                    if (PackageFolderPaths.Parse(value) is { } package)
                    {
                        found.Add(new DeclaredPackage(package.Id, package.Version, path, line, column) { Kind = InlineTaskOrigin });
                    }
                    else if (AssemblyPackage(value) is { } id)
                    {
                        found.Add(new DeclaredPackage(id, string.Empty, path, line, column) { Kind = InlineTaskOrigin });
                    }

                    continue;
                }

                string code = value;
                if (part == InlineTaskPart.CodeSource)
                {
                    code = ReadSmall(Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, value.Replace("$(MSBuildThisFileDirectory)", string.Empty)
                        .Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar))) ?? string.Empty;
                }

                if (CodePackage(code) is { } used && !found.Exists(p => p.Id.Equals(used, StringComparison.OrdinalIgnoreCase)))
                {
                    // Code naming the SDK a Reference already brings in is that reference's use, judged once at the Reference.
                    found.Add(new DeclaredPackage(used, string.Empty, path, line, column) { Kind = InlineTaskOrigin });
                }
            }

            return found;
        }

        /// <summary>The package of the first catalog SDK whose namespace <paramref name="code"/> names (a using directive or a qualified name).</summary>
        private static string? CodePackage(string code)
        {
            try
            {
                foreach (System.Text.RegularExpressions.Match m in QualifiedName.Matches(code))
                {
                    string name = System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, @"\s+", string.Empty);
                    IReadOnlyList<AiSdk> sdks = AiSdkCatalog.FindByNamespace(name);
                    if (sdks.Count > 0 && sdks[0].PackageIds.Count > 0)
                    {
                        return sdks[0].PackageIds[0];
                    }
                }
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return null;
            }

            return null;
        }

        /// <summary>The packages the inline tasks of the MSBuild file <paramref name="path"/> bring in; empty when none, too large or unreadable.</summary>
        public static List<DeclaredPackage> ReadInlineTasks(string path) =>
            ReadSmall(path) is { } text && text.IndexOf("UsingTask", StringComparison.OrdinalIgnoreCase) >= 0 ? ParseInlineTasks(path, text) : new List<DeclaredPackage>();
    }
}
