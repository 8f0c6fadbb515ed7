using System;
using System.Collections.Generic;

namespace Guardrails.Core.Files
{
    /// <summary>
    /// The language a text file's code or markup is written in, as far as its string literals, words and escapes go: what
    /// <see cref="LanguageJoins"/> joins and <see cref="SourceEscapes"/> and <see cref="FormatEscapes"/> decode in it.
    /// </summary>
    public enum SourceLanguage
    {
        /// <summary>No language the key scan reads literals of (prose, data, an unknown extension).</summary>
        None,

        /// <summary>sh, bash, zsh, ksh scripts.</summary>
        Shell,

        /// <summary>PowerShell scripts, modules and data files.</summary>
        PowerShell,

        /// <summary>cmd batch files.</summary>
        Cmd,

        Python,

        /// <summary>JavaScript and TypeScript, and Vue and Svelte components.</summary>
        JavaScript,

        /// <summary>C# scripts and T4 templates.</summary>
        CSharpScript,

        FSharp,

        /// <summary>Visual Basic and VBScript.</summary>
        VisualBasic,

        Sql,

        /// <summary>Java, Kotlin, Scala, Groovy and Gradle build scripts.</summary>
        Jvm,

        Swift,

        Go,

        Rust,

        /// <summary>Ruby, with <c>Rakefile</c> and <c>Vagrantfile</c>.</summary>
        Ruby,

        Php,

        Perl,

        Lua,

        /// <summary>C and C++.</summary>
        C,

        /// <summary><c>Makefile</c>, <c>GNUmakefile</c>, <c>*.mk</c>.</summary>
        Make,

        /// <summary>MSBuild files: projects (any extension ending in <c>proj</c>), <c>.props</c>, <c>.targets</c>, <c>.tasks</c>, <c>.pubxml</c>, <c>.user</c>.</summary>
        MsBuild,

        Markdown,

        /// <summary>HTML and Razor pages: markup a browser reads, with scripts in it.</summary>
        MarkupPage,

        /// <summary>Jupyter notebooks (<c>.ipynb</c>).</summary>
        Notebook,
    }

    /// <summary>
    /// The one table of a file's <see cref="SourceLanguage"/> by its name: its extension, or for a file whose extension
    /// names no language, its name (<c>Makefile</c>, <c>Rakefile</c>, …). Every reader that asks "what language is this
    /// file in" asks here.
    /// </summary>
    public static class SourceLanguages
    {
        private static readonly Dictionary<string, SourceLanguage> ByExtension = Build();

        private static Dictionary<string, SourceLanguage> Build()
        {
            var table = new Dictionary<string, SourceLanguage>(StringComparer.OrdinalIgnoreCase);
            void Add(SourceLanguage language, params string[] extensions)
            {
                foreach (string extension in extensions)
                {
                    table.Add(extension, language);
                }
            }

            Add(SourceLanguage.Shell, ".sh", ".bash", ".zsh", ".ksh");
            Add(SourceLanguage.PowerShell, ".ps1", ".psm1", ".psd1");
            Add(SourceLanguage.Cmd, ".cmd", ".bat");
            Add(SourceLanguage.Python, ".py", ".pyw", ".pyi");
            Add(SourceLanguage.JavaScript, ".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts", ".vue", ".svelte");
            Add(SourceLanguage.CSharpScript, ".csx", ".tt", ".ttinclude", ".t4");
            Add(SourceLanguage.FSharp, ".fs", ".fsx", ".fsi");
            Add(SourceLanguage.VisualBasic, ".vb", ".vbs");
            Add(SourceLanguage.Sql, ".sql");
            Add(SourceLanguage.Jvm, ".java", ".kt", ".kts", ".scala", ".groovy", ".gradle");
            Add(SourceLanguage.Swift, ".swift");
            Add(SourceLanguage.Go, ".go");
            Add(SourceLanguage.Rust, ".rs");
            Add(SourceLanguage.Ruby, ".rb");
            Add(SourceLanguage.Php, ".php");
            Add(SourceLanguage.Perl, ".pl");
            Add(SourceLanguage.Lua, ".lua");
            Add(SourceLanguage.C, ".c", ".h", ".cc", ".cpp", ".cxx", ".hh", ".hpp");
            Add(SourceLanguage.Make, ".mk");
            Add(SourceLanguage.MsBuild, ".props", ".targets", ".tasks", ".pubxml", ".user");
            Add(SourceLanguage.Markdown, ".md", ".markdown");
            Add(SourceLanguage.MarkupPage, ".html", ".htm", ".xhtml", ".cshtml", ".vbhtml", ".razor");
            Add(SourceLanguage.Notebook, ".ipynb");
            return table;
        }

        /// <summary>
        /// The language of the file at <paramref name="path"/> (by its extension, else by its name); <see cref="SourceLanguage.None"/>
        /// for any other file. Any string is a path here (a name from git's index with characters Windows refuses): it never throws.
        /// </summary>
        public static SourceLanguage Of(string path)
        {
            int nameStart = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1;
            int dot = path.LastIndexOf('.');
            string extension = dot >= nameStart && dot < path.Length - 1 ? path.Substring(dot) : string.Empty;
            if (ByExtension.TryGetValue(extension, out SourceLanguage language))
            {
                return language;
            }

            if (extension.Length >= 5 && extension.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
            {
                return SourceLanguage.MsBuild; // .csproj, .vbproj, .fsproj, .proj, .sqlproj, .esproj, …
            }

            if (NameStarts(path, nameStart, "Makefile") || NameStarts(path, nameStart, "GNUmakefile"))
            {
                return SourceLanguage.Make;
            }

            return NameStarts(path, nameStart, "Rakefile") || NameStarts(path, nameStart, "Vagrantfile") ? SourceLanguage.Ruby : SourceLanguage.None;
        }

        private static bool NameStarts(string path, int nameStart, string prefix) =>
            path.Length - nameStart >= prefix.Length && string.Compare(path, nameStart, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
