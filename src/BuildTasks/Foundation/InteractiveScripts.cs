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
    /// assembly the SDK catalog knows is judged as that SDK's package. Read as data, never run.
    /// </summary>
    public static class InteractiveScripts
    {
        /// <summary>The most bytes of a script or notebook read (a notebook with large outputs stays well under it).</summary>
        public const long MaxBytes = 16L * 1024 * 1024;

        /// <summary>Whether <paramref name="path"/> is a kind this class reads (.csx, .dib, .ipynb).</summary>
        public static bool IsScript(string path)
        {
            string ext = Path.GetExtension(path);
            return ext.Equals(".csx", StringComparison.OrdinalIgnoreCase) || ext.Equals(".dib", StringComparison.OrdinalIgnoreCase) ||
                ext.Equals(".ipynb", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The packages <paramref name="path"/> references; empty when none, too large, unreadable or not JSON (a notebook).</summary>
        public static List<DeclaredPackage> Read(string path)
        {
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists || info.Length > MaxBytes)
                {
                    return new List<DeclaredPackage>();
                }

                string text = File.ReadAllText(path);
                return text.IndexOf("#r", StringComparison.Ordinal) < 0 ? new List<DeclaredPackage>() : Parse(path, text);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return new List<DeclaredPackage>();
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
                bool code = true; // a .csx is C# throughout; a .dib starts in its default kernel (C# unless a #!kernel line says otherwise)
                int line = 1;
                foreach (string raw in text.Split('\n'))
                {
                    string l = raw.TrimEnd('\r');
                    if (dib && l.StartsWith("#!", StringComparison.Ordinal) && !l.StartsWith("#!/", StringComparison.Ordinal))
                    {
                        code = IsDotNetKernel(l.Substring(2).Trim(), code);
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
            JsonNode? cells = root?["cells"];
            if (cells == null || !cells.IsArray)
            {
                return;
            }

            JsonNode? meta = root!["metadata"];
            string kernel = (meta?["kernelspec"]?["name"]?.Text ?? string.Empty) + " " + (meta?["kernelspec"]?["language"]?.Text ?? string.Empty) + " " +
                (meta?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.Text ?? string.Empty);
            bool dotnetNotebook = kernel.IndexOf(".net", StringComparison.OrdinalIgnoreCase) >= 0 || kernel.IndexOf("c#", StringComparison.OrdinalIgnoreCase) >= 0 ||
                kernel.IndexOf("f#", StringComparison.OrdinalIgnoreCase) >= 0 || kernel.IndexOf("csharp", StringComparison.OrdinalIgnoreCase) >= 0 ||
                kernel.IndexOf("fsharp", StringComparison.OrdinalIgnoreCase) >= 0;
            foreach (JsonNode cell in cells.Items)
            {
                if (cell["cell_type"]?.Text != "code")
                {
                    continue;
                }

                string? language = cell["metadata"]?["dotnet_interactive"]?["language"]?.Text ?? cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.Text;
                bool code = language != null ? IsDotNetKernel(language, false) : dotnetNotebook;
                JsonNode? source = cell["source"];
                var lines = new List<(string Text, int Line, int Column)>();
                if (source != null && source.IsString)
                {
                    foreach (string part in (source.Text ?? string.Empty).Split('\n'))
                    {
                        lines.Add((part, source.Start.Line, source.Start.Column));
                    }
                }
                else if (source != null && source.IsArray)
                {
                    foreach (JsonNode item in source.Items)
                    {
                        if (item.IsString)
                        {
                            lines.Add(((item.Text ?? string.Empty).TrimEnd('\n'), item.Start.Line, item.Start.Column));
                        }
                    }
                }

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
            else if (reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                string name = Path.GetFileNameWithoutExtension(reference.Replace('\\', '/').Substring(reference.Replace('\\', '/').LastIndexOf('/') + 1));
                if (AiSdkCatalog.TryGetByAssemblyName(name, out AiSdk sdk) && sdk.PackageIds.Count > 0)
                {
                    // The assembly's own package when the catalog lists one of that name, else the SDK's first package.
                    string id = sdk.PackageIds[0];
                    foreach (string p in sdk.PackageIds)
                    {
                        if (p.Equals(name, StringComparison.OrdinalIgnoreCase))
                        {
                            id = p;
                        }
                    }

                    found.Add(new DeclaredPackage(id, string.Empty, path, lineNumber, col));
                }
            }
        }
    }
}
