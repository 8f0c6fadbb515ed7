using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.IO;
using Guardrails.Core.Json;
using Guardrails.Core.Secrets;

namespace Guardrails.Core.Files
{
    /// <summary>How a text file is read for keys.</summary>
    public enum TextFileKind
    {
        /// <summary>Not read at all: a binary or a file too large to be configuration.</summary>
        Skipped,

        /// <summary>Self-identifying keys anywhere in the raw text.</summary>
        PlainText,

        /// <summary>JSON (appsettings, launchSettings, local.settings, secrets, MCP configs): key paths joined by ':'.</summary>
        Json,

        /// <summary>.env files and shell-style <c>NAME=value</c> lines.</summary>
        DotEnv,

        /// <summary>.ini, .properties, .toml: <c>name = value</c> under optional <c>[section]</c> headers.</summary>
        Ini,

        /// <summary>YAML: <c>key: value</c>, key paths from indentation.</summary>
        Yaml,

        /// <summary>XML (.config, project files, props/targets): attributes, <c>key/value</c> pairs and element text.</summary>
        Xml,

        /// <summary>Dockerfile / Containerfile: <c>ENV NAME=value</c>, <c>ENV NAME value</c>, <c>ARG NAME=default</c>.</summary>
        Dockerfile,

        /// <summary>
        /// Terraform/HCL (.tf, .tfvars, .hcl) and Bicep (.bicep, .bicepparam): <c>name = value</c> and <c>name: value</c>
        /// inside <c>{ }</c> blocks named by their labels, <c>variable "x" { default = … }</c>, <c>param x = …</c>.
        /// </summary>
        Blocks,
    }

    /// <summary>
    /// Finds AI-provider keys in a text file the project carries. Self-identifying keys are found anywhere in the raw
    /// text (comments included); keys with no fixed format are found where the file's structure names them
    /// (<c>"AzureOpenAI": { "ApiKey": … }</c>, <c>MISTRAL_API_KEY=…</c>, <c>&lt;add key="CohereApiKey" value="…"/&gt;</c>)
    /// through <see cref="SecretScanner.TryMatchNamedValue"/>. Positions are offsets into the file text; nothing here
    /// keeps or prints a key.
    /// </summary>
    public static class TextFileSecrets
    {
        /// <summary>Files above this many characters are not configuration: they are skipped.</summary>
        public const int MaxLength = 2 * 1024 * 1024;

        private static readonly HashSet<string> BinaryExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".dll", ".exe", ".pdb", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".bmp", ".webp", ".zip", ".gz", ".7z", ".nupkg",
            ".snk", ".pfx", ".p12", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp3", ".mp4", ".wav", ".pdf", ".db", ".sqlite",
        };

        /// <summary>A file with an extension that only binaries have (<c>.png</c>, <c>.dll</c>, <c>.pfx</c>, …): never read.</summary>
        public static bool HasBinaryExtension(string path) => BinaryExtensions.Contains(Path.GetExtension(path) ?? string.Empty);

        /// <summary>How <paramref name="path"/> with this <paramref name="text"/> is read.</summary>
        public static TextFileKind KindOf(string path, string text)
        {
            string name = Path.GetFileName(path) ?? string.Empty;
            string extension = Path.GetExtension(name);
            if (text.Length > MaxLength || BinaryExtensions.Contains(extension) || LooksBinary(text))
            {
                return TextFileKind.Skipped;
            }

            return KindByName(name);
        }

        /// <summary>Dockerfile, Containerfile, <c>Dockerfile.prod</c>, <c>api.dockerfile</c>, <c>api.containerfile</c>.</summary>
        private static bool IsContainerfileName(string name)
        {
            foreach (string prefix in new[] { "Dockerfile", "Containerfile" })
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (name.Length == prefix.Length || name[prefix.Length] == '.'))
                {
                    return true;
                }
            }

            return name.EndsWith(".dockerfile", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".containerfile", StringComparison.OrdinalIgnoreCase);
        }

        private static TextFileKind KindByName(string name)
        {
            string extension = Path.GetExtension(name);
            if (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase) || extension.Equals(".env", StringComparison.OrdinalIgnoreCase))
            {
                return TextFileKind.DotEnv;
            }

            if (IsContainerfileName(name))
            {
                return TextFileKind.Dockerfile;
            }

            switch (extension.ToLowerInvariant())
            {
                case ".tf":
                case ".tfvars":
                case ".hcl":
                case ".bicep":
                case ".bicepparam":
                    return TextFileKind.Blocks;
                case ".json":
                case ".jsonc":
                    return TextFileKind.Json;
                case ".yml":
                case ".yaml":
                    return TextFileKind.Yaml;
                case ".ini":
                case ".properties":
                case ".toml":
                case ".cfg":
                case ".conf":
                case ".npmrc":
                case ".pypirc":
                case ".yarnrc":
                case ".gitconfig":
                    return TextFileKind.Ini;
                case ".config":
                case ".xml":
                case ".csproj":
                case ".vbproj":
                case ".fsproj":
                case ".proj":
                case ".props":
                case ".targets":
                case ".nuspec":
                case ".xaml":
                case ".axaml":
                case ".settings":
                case ".projitems":
                case ".shproj":
                case ".sqlproj":
                case ".ps1xml":
                case ".runsettings":
                case ".resx":
                case ".svg":
                case ".pubxml":
                case ".user":
                    return TextFileKind.Xml;
                default:
                    return TextFileKind.PlainText;
            }
        }

        /// <summary>
        /// False when <see cref="Scan"/> can find no key with no fixed format in <paramref name="text"/>, whatever kind of
        /// file it is read as: every name such a key needs comes from the text, so with no secret word in it (key, token,
        /// secret, pass, …) and no "Bearer" there is none; and a value is a run of token characters (or the part of one after
        /// an <c>=</c>), so with no run that <see cref="SecretScanner.MightBeNamedValue(string, int, int, out IReadOnlyList{string})"/>
        /// there is none either. Escapes (which JSON and YAML decode) keep the answer true. Ordinal searches and one pass,
        /// no allocation for text that holds no candidate: lets a caller skip parsing text that only might be configuration
        /// (a C# literal over several lines: SQL, markup, prose). Self-identifying keys are not this method's business.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool MightHoldNamedValue(string text) => MightHoldNamedValue(text, 0, text.Length);

        /// <summary><see cref="MightHoldNamedValue(string)"/> for <c>text.Substring(start, length)</c>, without allocating it.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool MightHoldNamedValue(string text, int start, int length)
        {
            int end = start + length;
            if (text.IndexOf('\\', start, length) >= 0 || text.IndexOf("bearer", start, length, StringComparison.OrdinalIgnoreCase) >= 0 ||
                text.IndexOf("basic ", start, length, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            if (!NamedValues.MayBeSecretLike(text, start, length))
            {
                return false;
            }

            int i = start;
            while (i < end)
            {
                if (!NamedValues.IsTokenCharacter(text[i]))
                {
                    i++;
                    continue;
                }

                int run = i;
                while (i < end && NamedValues.IsTokenCharacter(text[i]))
                {
                    i++;
                }

                if (i - run < NamedValues.MinimumLength)
                {
                    continue;
                }

                if (SecretScanner.MightBeNamedValue(text, run, i - run, out _))
                {
                    return true;
                }

                // NAME=value (.env, INI, a connection string's part): the value after each '='.
                for (int eq = text.IndexOf('=', run, i - run); eq >= 0 && i - eq - 1 >= NamedValues.MinimumLength; eq = text.IndexOf('=', eq + 1, i - eq - 1))
                {
                    if (SecretScanner.MightBeNamedValue(text, eq + 1, i - eq - 1, out _))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Appends the keys found in <paramref name="text"/> (the content of <paramref name="path"/>) to <paramref name="results"/>, in file order.</summary>
        public static TextFileKind Scan(string path, string text, List<SecretMatch> results)
        {
            TextFileKind kind = KindOf(path, text);
            if (kind == TextFileKind.Skipped)
            {
                return kind;
            }

            ScanAs(kind, path, text, results, whole: true);
            return kind;
        }

        /// <summary>
        /// Files too large for the compiler (over <see cref="MaxLength"/>) but up to this many bytes are scanned by the
        /// build's check instead, streaming (<see cref="ScanStream"/>); a larger one cannot be scanned during a build.
        /// </summary>
        public const long StreamMaxBytes = 64L * 1024 * 1024;

        /// <summary>Characters read per window by <see cref="ScanStream"/>.</summary>
        internal const int WindowChars = 1024 * 1024;

        /// <summary>Characters two windows share, so a key (or a named value's line) cut by a window edge is read whole by the next.</summary>
        internal const int WindowOverlap = 16 * 1024;

        /// <summary>
        /// Scans a text file of any length in windows of <see cref="WindowChars"/> characters (memory stays bounded), reporting
        /// each key found with its 1-based line and column, in file order. Self-identifying keys are found anywhere; keys with
        /// no fixed format where one line names them (<c>MISTRAL_API_KEY=…</c>, <c>"ApiKey": "…"</c> under the
        /// <c>"Mistral": {</c> that indentation puts it in: JSON is read line by line here, like YAML, since a window is not a
        /// whole document). Returns false, having stopped, at the first NUL character: the text is binary.
        /// </summary>
        public static bool ScanStream(string path, TextReader reader, Action<SecretMatch, int, int> found) => ScanStream(path, reader, found, nulAsSpace: false);

        /// <summary>
        /// <see cref="ScanStream(string, TextReader, Action{SecretMatch, int, int})"/>; with <paramref name="nulAsSpace"/>, a NUL
        /// character is read as a space instead of stopping the scan (adversary round 6 #9: one stray NUL byte made a text file
        /// "binary" and hid the key in it), so the keys in the text runs of the file are found at their line and column.
        /// </summary>
        public static bool ScanStream(string path, TextReader reader, Action<SecretMatch, int, int> found, bool nulAsSpace) =>
            ScanStream(path, reader, found, nulAsSpace, long.MaxValue);

        /// <summary>
        /// As <see cref="ScanStream(string, TextReader, Action{SecretMatch, int, int}, bool)"/> for a reader of at most
        /// <paramref name="maxBytes"/> bytes (a file's length): a text decodes to no more characters than it has bytes, so a
        /// smaller file is read in one window of its own size instead of a 2 MB buffer (the build's check reads every
        /// committed file the compiler is not given: thousands of small files).
        /// </summary>
        public static bool ScanStream(string path, TextReader reader, Action<SecretMatch, int, int> found, bool nulAsSpace, long maxBytes)
        {
            TextFileKind kind = KindByName(Path.GetFileName(path) ?? string.Empty);
            var buffer = new char[maxBytes < WindowChars ? (int)Math.Max(maxBytes, 0) + 1 : WindowChars];
            var matches = new List<SecretMatch>();
            int filled = 0;
            int line = 1;
            int column = 1; // of buffer[0]
            bool end = false;
            while (true)
            {
                while (filled < buffer.Length && !end)
                {
                    int n = reader.Read(buffer, filled, buffer.Length - filled);
                    end = n == 0;
                    filled += n;
                }

                if (filled == 0)
                {
                    return true;
                }

                string text = new string(buffer, 0, filled);
                if (text.IndexOf('\0') >= 0)
                {
                    if (!nulAsSpace)
                    {
                        return false;
                    }

                    text = text.Replace('\0', ' ');
                }

                // Matches starting before the boundary belong to this window; the next one starts there, at a line start
                // when one is near, so that the line readers see whole lines.
                int boundary = filled;
                if (!end)
                {
                    int limit = filled - WindowOverlap;
                    int newline = text.LastIndexOf('\n', limit - 1, WindowOverlap);
                    boundary = newline >= 0 ? newline + 1 : limit;
                }

                matches.Clear();
                ScanAs(kind, path, text, matches, whole: false);
                int at = 0;
                int atLine = line;
                int atColumn = column;
                foreach (SecretMatch match in matches)
                {
                    if (match.Start >= boundary)
                    {
                        break;
                    }

                    Advance(text, ref at, match.Start, ref atLine, ref atColumn);
                    found(match, atLine, atColumn);
                }

                Advance(text, ref at, boundary, ref atLine, ref atColumn);
                line = atLine;
                column = atColumn;
                Array.Copy(buffer, boundary, buffer, 0, filled - boundary);
                filled -= boundary;
                if (end && filled == 0)
                {
                    return true;
                }
            }
        }

        private static void Advance(string text, ref int at, int to, ref int line, ref int column)
        {
            for (; at < to; at++)
            {
                if (text[at] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }
        }

        private static void ScanAs(TextFileKind kind, string path, string text, List<SecretMatch> results, bool whole)
        {
            int first = results.Count;
            SourceLanguage language = SourceLanguages.Of(path);
            ScanText(kind, path, text, results, whole);

            // An XML element's value split by a comment, a PI or a CDATA section (adversary round 10 route 3) is one value to
            // every XML reader: the named-value reader reads it from the text with that markup removed.
            if (kind == TextFileKind.Xml)
            {
                string? stripped = FormatEscapes.StripXmlMarkup(text, out int[] strippedOffsets);
                if (stripped != null)
                {
                    var found = new List<SecretMatch>();
                    ScanText(kind, path, stripped, found, whole);
                    AddMapped(results, first, found, strippedOffsets);
                }
            }

            // A key written with the format's escapes (XML character references, YAML/TOML/.properties \u escapes and
            // escaped line breaks), or split by XML markup (also in HTML and Razor pages): found in the decoded text,
            // reported from the first character of its first piece in the file.
            string? decoded = FormatEscapes.Decode(language, kind, text, out int[] offsets);
            if (decoded != null)
            {
                var found = new List<SecretMatch>();
                if (kind == TextFileKind.Xml || kind == TextFileKind.PlainText)
                {
                    SecretScanner.Scan(decoded, found); // the XML reader decodes the values it names itself
                }
                else
                {
                    ScanText(kind, path, decoded, found, whole); // a continued line is one logical line
                }

                AddMapped(results, first, found, offsets);
            }

            // A URL's %XX escapes and the file language's own string escapes (\x2d, \u002d, &#45;) decoded, once (adversary
            // round 13 routes 1, 5, 11).
            string? unescaped = SourceEscapes.Decode(language, text, out int[] unescapedOffsets);

            // A key written in the script or container language's own quoting (one word or literal the language joins from
            // pieces: sh "…"'…', backslash-newline, PowerShell `, cmd ^, Python adjacent literals, ${""}), or literals the
            // language joins by an operator or a join/concat/format call ("…" + "…", -join, concat('…','…')): the self-identifying
            // scan of the joined text, reported at the key's first piece; it replaces a "possible secret" read from a piece.
            // The language joins the decoded text (MSBuild's %XX in a piece of a value), mapped back through its offsets.
            string? joined = LanguageJoins.Join(kind, language, unescaped ?? text, out int[] joinedOffsets);
            AddFromView(results, first, joined, joinedOffsets, unescaped == null ? null : unescapedOffsets);

            // A Python file declared UTF-7 (PEP 263): read as Python decodes it.
            AddFromView(results, first, LanguageJoins.DecodePythonCoding(language, text, out int[] decodedOffsets), decodedOffsets);

            // The self-identifying scan of the decoded text, and a notebook's lists of strings joined.
            if (unescaped != null && SecretScanner.MightContainKey(unescaped))
            {
                var found = new List<SecretMatch>();
                SecretScanner.Scan(unescaped, found);
                AddMapped(results, first, found, unescapedOffsets, replacesPossible: true);
            }

            if (language == SourceLanguage.Notebook)
            {
                SourceEscapes.ScanNotebookLists(text, results, first);
            }

            if (results.Count - first > 1)
            {
                results.Sort(first, results.Count - first, Comparer<SecretMatch>.Create((a, b) => a.Start.CompareTo(b.Start)));
            }
        }

        /// <summary>
        /// The self-identifying keys of a view of the text (<paramref name="view"/>, null for none) whose characters come from
        /// the file's offsets <paramref name="offsets"/>: <see cref="AddMapped"/> as the pieces of a joined value.
        /// </summary>
        private static void AddFromView(List<SecretMatch> results, int first, string? view, int[] offsets, int[]? through = null)
        {
            if (view == null)
            {
                return;
            }

            var found = new List<SecretMatch>();
            SecretScanner.Scan(view, found);
            AddMapped(results, first, found, offsets, pieces: true, through);
        }

        /// <summary>
        /// Matches found in a view of the text (decoded escapes, removed markup, a joined value) added at the offsets in the
        /// file their characters came from, unless one starts there already. With <paramref name="pieces"/> (each view
        /// character is one file character, the junctions between them removed) a key ends at its last piece's character and
        /// replaces a "possible secret" the raw text gave for a piece of it; otherwise a match ends where the file character
        /// of the view's next character starts (an escape decodes several file characters into one), and with
        /// <paramref name="replacesPossible"/> (the file language's escapes decoded) it replaces a "possible secret" the raw
        /// text gave for its escaped text too (<c>&lt;OpenAiApiKey&gt;sk%2Dproj-…</c> is that key). With
        /// <paramref name="through"/> the view was built from a decoded view whose offsets these are.
        /// </summary>
        private static void AddMapped(List<SecretMatch> results, int first, List<SecretMatch> found, int[] offsets, bool pieces = false, int[]? through = null, bool replacesPossible = false)
        {
            foreach (SecretMatch match in found)
            {
                int start = offsets[match.Start];
                int end = pieces ? offsets[match.Start + match.Length - 1] + 1 : offsets[match.Start + match.Length];
                if (through != null)
                {
                    // The view was built from a decoded text: its offsets are into that text, whose own lead to the file
                    // (the end: past the escape the key's last character was decoded from).
                    start = through[start];
                    end = through[end];
                }

                if ((pieces || replacesPossible) && !match.Format.IsGeneric)
                {
                    // A piece of this key (or its escaped text) read as a "possible secret" under its name is this key.
                    for (int i = results.Count - 1; i >= first; i--)
                    {
                        if (results[i].Format.IsGeneric && results[i].Start < end && results[i].Start + results[i].Length > start)
                        {
                            results.RemoveAt(i);
                        }
                    }
                }

                if (!EncodedKeys.StartsAt(results, first, start))
                {
                    results.Add(new SecretMatch(start, end - start, match.Format, match.Redacted));
                }
            }
        }

        private static void ScanText(TextFileKind kind, string path, string text, List<SecretMatch> results, bool whole)
        {
            int first = results.Count;
            SecretScanner.Scan(text, results);
            EncodedKeys.BasicCredentials(text, results, first);
            var reader = new NamedValueSink(results, first);
            switch (kind)
            {
                case TextFileKind.Json when !whole:
                    ReadYaml(text, reader, jsonLines: true);
                    break;
                case TextFileKind.Json:
                    ReadJson(text, reader);
                    break;
                case TextFileKind.DotEnv:
                case TextFileKind.Ini:
                    ReadAssignments(text, reader, sections: kind == TextFileKind.Ini);
                    break;
                case TextFileKind.Yaml:
                    ReadYaml(text, reader);
                    break;
                case TextFileKind.Xml:
                    ReadXml(text, reader);
                    break;
                case TextFileKind.Dockerfile:
                    ReadDockerfile(text, reader);
                    break;
                case TextFileKind.Blocks:
                    ReadBlocks(text, reader);
                    break;
                case TextFileKind.PlainText when IsRequestFile(path):
                    // .http / .rest: @name = value variables, and each request's header lines under the request's host.
                    ReadCodeAssignments(text, reader);
                    ReadRequestHeaders(text, reader);
                    break;
                case TextFileKind.PlainText when ScriptKinds.IsScript(path):
                    // export NAME='…' (sh), $env:NAME = "…" (PowerShell), set NAME=… (cmd): read like .env lines.
                    ReadAssignments(text, reader, sections: false);
                    break;
                case TextFileKind.PlainText when IsNetrc(path):
                    // machine api.openai.com login x password …: the password (and account) values are credentials by name.
                    ReadNetrc(text, reader);
                    break;
                case TextFileKind.PlainText when IsCodeText(path):
                    // Notebooks' code (in .ipynb inside JSON strings) and .http variables: name = "value" wherever it stands.
                    ReadCodeAssignments(text, reader);
                    break;
            }
        }

        private static bool LooksBinary(string text)
        {
            int limit = Math.Min(text.Length, 8000);
            for (int i = 0; i < limit; i++)
            {
                if (text[i] == '\0')
                {
                    return true;
                }
            }

            return false;
        }

        // ---- JSON ---------------------------------------------------------------------------------------------------

        private static void ReadJson(string text, NamedValueSink sink)
        {
            JsonNode? root = JsonReader.TryParse(text, out _);
            if (root != null)
            {
                WalkJson(root, string.Empty, sink);
            }
        }

        private static bool IsCodeText(string path)
        {
            string extension = Path.GetExtension(path).ToLowerInvariant();
            return extension == ".ipynb" || extension == ".dib" ||
                   // The code of the other .NET languages and of T4 templates: name = "value" wherever it stands (Dim, let, <# #>).
                   extension == ".vb" || extension == ".fs" || extension == ".fsx" || extension == ".fsi" || extension == ".tt" || extension == ".ttinclude" || extension == ".t4";
        }

        /// <summary>A .netrc (or Windows' _netrc) credential file, read by curl, git and many HTTP clients.</summary>
        private static bool IsNetrc(string path)
        {
            string name = Path.GetFileName(path);
            return name.Equals(".netrc", StringComparison.OrdinalIgnoreCase) || name.Equals("_netrc", StringComparison.OrdinalIgnoreCase) ||
                   Path.GetExtension(name).Equals(".netrc", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// .netrc tokens (whitespace-separated, on one line or many): <c>machine HOST</c>, <c>default</c>, <c>login L</c>,
        /// <c>password P</c>, <c>account A</c>, <c>macdef NAME</c> (its body runs to an empty line). Each password and account
        /// value is handed to the sink under the name <c>HOST:password</c>, so the host can say whose key it is.
        /// </summary>
        private static void ReadNetrc(string text, NamedValueSink sink)
        {
            string machine = "default";
            int i = 0;
            string? pending = null;
            while (i < text.Length)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i == start)
                {
                    break;
                }

                string token = text.Substring(start, i - start);
                if (pending != null)
                {
                    if (pending == "machine")
                    {
                        machine = token;
                    }
                    else if (pending == "password" || pending == "account")
                    {
                        sink.Add(machine + ":" + pending, token, start, token.Length);
                    }

                    pending = null;
                    continue;
                }

                switch (token.ToLowerInvariant())
                {
                    case "machine":
                    case "login":
                    case "password":
                    case "account":
                        pending = token.ToLowerInvariant();
                        break;
                    case "default":
                        machine = "default";
                        break;
                    case "macdef":
                        // The macro's body runs to the first empty line.
                        int blank = text.IndexOf("\n\n", i, StringComparison.Ordinal);
                        int blankCr = text.IndexOf("\r\n\r\n", i, StringComparison.Ordinal);
                        int stop = blank < 0 ? blankCr : blankCr < 0 ? blank : Math.Min(blank, blankCr);
                        i = stop < 0 ? text.Length : stop;
                        break;
                }
            }
        }

        private static bool IsRequestFile(string path)
        {
            string extension = Path.GetExtension(path).ToLowerInvariant();
            return extension == ".http" || extension == ".rest";
        }

        /// <summary>
        /// Assignments in code cells and request files, one per '=': the name is the identifier just before it
        /// (<c>os.environ["MISTRAL_API_KEY"] = "…"</c>, <c>var mistralApiKey = "…"</c>, <c>Client(api_key="…")</c>,
        /// <c>@mistralApiKey = …</c>; quotes and JSON's <c>"</c> escapes around either side are skipped), the value the
        /// token after it.
        /// </summary>
        private static void ReadCodeAssignments(string text, NamedValueSink sink)
        {
            foreach (Line line in Lines(text))
            {
                for (int eq = text.IndexOf('=', line.Start, line.End - line.Start); eq >= 0; eq = eq + 1 < line.End ? text.IndexOf('=', eq + 1, line.End - eq - 1) : -1)
                {
                    if ((eq + 1 < line.End && (text[eq + 1] == '=' || text[eq + 1] == '>')) || (eq > line.Start && "=!<>+-*/".IndexOf(text[eq - 1]) >= 0))
                    {
                        eq++; // ==, =>, !=, <=, +=, …: no assignment of a literal
                        if (eq >= line.End)
                        {
                            break;
                        }

                        continue;
                    }

                    int nameEnd = eq;
                    while (nameEnd > line.Start && (text[nameEnd - 1] == ' ' || text[nameEnd - 1] == '\\' || text[nameEnd - 1] == '"' || text[nameEnd - 1] == '\'' || text[nameEnd - 1] == ']'))
                    {
                        nameEnd--;
                    }

                    int nameStart = nameEnd;
                    while (nameStart > line.Start && (char.IsLetterOrDigit(text[nameStart - 1]) || text[nameStart - 1] == '_' || text[nameStart - 1] == '-' || text[nameStart - 1] == '.' || text[nameStart - 1] == ':'))
                    {
                        nameStart--;
                    }

                    int valueStart = eq + 1;
                    while (valueStart < line.End && (text[valueStart] == ' ' || text[valueStart] == '\\' || text[valueStart] == '"' || text[valueStart] == '\''))
                    {
                        valueStart++;
                    }

                    int valueEnd = valueStart;
                    while (valueEnd < line.End && NamedValues.IsTokenCharacter(text[valueEnd]))
                    {
                        valueEnd++;
                    }

                    if (nameEnd > nameStart && valueEnd - valueStart >= NamedValues.MinimumLength)
                    {
                        sink.Add(text.Substring(nameStart, nameEnd - nameStart), text.Substring(valueStart, valueEnd - valueStart), valueStart, valueEnd - valueStart);
                    }
                }
            }
        }

        /// <summary>Field names that say which provider an object's settings are for.</summary>
        public static bool IsProviderField(string name) =>
            string.Equals(name, "provider", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "vendor", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(name, "service", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "type", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The field of an object, or of a list item, that names the item: <c>name</c>. In name/value pair lists
        /// (<c>- name: MISTRAL_API_KEY</c> / <c>value: …</c> in Kubernetes env lists and Azure Pipelines variables,
        /// <c>{ "name": …, "value": … }</c> in ARM and App Service settings, Bicep objects) it gives the value its context.
        /// </summary>
        internal static bool IsNameField(string field) => string.Equals(field, "name", StringComparison.OrdinalIgnoreCase);

        private static void WalkJson(JsonNode node, string path, NamedValueSink sink)
        {
            switch (node.Kind)
            {
                case JsonKind.Object:
                    // A sibling field that says whose settings these are ("provider": "mistral") names the object.
                    // Else its "name" field does: { "name": "MISTRAL_API_KEY", "value": "…" } (name/value pair lists:
                    // ARM/App Service app settings, container env lists, launch configurations).
                    string objectPath = path;
                    string? naming = null;
                    foreach (JsonProperty property in node.Properties)
                    {
                        if (property.Value.IsString && property.Value.Text is string text && text.Length > 0 && text.Length <= 40)
                        {
                            if (IsProviderField(property.Name))
                            {
                                naming = text;
                                break;
                            }

                            if (naming == null && IsNameField(property.Name))
                            {
                                naming = text;
                            }
                        }
                    }

                    if (naming != null)
                    {
                        objectPath = path.Length == 0 ? naming : path + ":" + naming;
                    }

                    foreach (JsonProperty property in node.Properties)
                    {
                        WalkJson(property.Value, objectPath.Length == 0 ? property.Name : objectPath + ":" + property.Name, sink);
                    }

                    break;
                case JsonKind.Array:
                    for (int i = 0; i < node.Items.Count; i++)
                    {
                        WalkJson(node.Items[i], path + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), sink);
                    }

                    break;
                case JsonKind.String:
                    // The value maps 1:1 onto the source when it had no escapes: then the key's own span is known.
                    int start = node.Start.Offset + 1;
                    int rawLength = node.End.Offset - node.Start.Offset - 2;
                    sink.Add(path, node.Text ?? string.Empty, start, rawLength);
                    break;
            }
        }

        // ---- NAME=value lines ---------------------------------------------------------------------------------------

        private static void ReadAssignments(string text, NamedValueSink sink, bool sections)
        {
            string section = string.Empty;
            foreach (Line line in Lines(text))
            {
                int i = SkipSpaces(text, line.Start, line.End);
                if (i >= line.End || text[i] == '#' || text[i] == ';')
                {
                    continue;
                }

                if (sections && text[i] == '[')
                {
                    int close = text.IndexOf(']', i, line.End - i);
                    section = close > i ? text.Substring(i + 1, close - i - 1).Trim().Replace('.', ':') : string.Empty;
                    continue;
                }

                if (string.CompareOrdinal(text, i, "export ", 0, 7) == 0)
                {
                    i = SkipSpaces(text, i + 7, line.End);
                }
                else if (string.Compare(text, i, "$env:", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    i += 5;
                }
                else if (string.Compare(text, i, "set ", 0, 4, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    i = SkipSpaces(text, i + 4, line.End);
                }

                // .env: NAME=value only (a ':' belongs to the name, as in "AzureOpenAI:ApiKey=…"); .ini/.properties: '=' or ':'.
                int separator = sections ? IndexOfAny(text, i, line.End, '=', ':') : IndexOfAny(text, i, line.End, '=', '=');
                if (separator <= i)
                {
                    continue;
                }

                string name = text.Substring(i, separator - i).Trim();
                AddValue(text, section.Length == 0 ? name : section + ":" + name, separator + 1, line.End, sink);
            }
        }

        // ---- Dockerfile -----------------------------------------------------------------------------------------------

        /// <summary>
        /// <c>ENV NAME=value [NAME2="v 2" …]</c>, the older <c>ENV NAME value</c> (the rest of the line is the value) and
        /// <c>ARG NAME=default</c>, instructions in any case, a line ending with <c>\</c> continued on the next
        /// (Dockerfile reference: ENV, ARG). Each value is named by its variable.
        /// </summary>
        private static void ReadDockerfile(string text, NamedValueSink sink)
        {
            bool continued = false; // the previous line was an ENV/ARG line ending with '\'
            foreach (Line line in Lines(text))
            {
                int i = SkipSpaces(text, line.Start, line.End);
                int end = line.End;
                bool continues = end > i && text[end - 1] == '\\';
                if (continues)
                {
                    end--;
                }

                if (!continued)
                {
                    if (i >= end || text[i] == '#')
                    {
                        continue;
                    }

                    bool env = string.Compare(text, i, "ENV", 0, 3, StringComparison.OrdinalIgnoreCase) == 0;
                    bool arg = !env && string.Compare(text, i, "ARG", 0, 3, StringComparison.OrdinalIgnoreCase) == 0;
                    if ((!env && !arg) || i + 3 >= end || (text[i + 3] != ' ' && text[i + 3] != '\t'))
                    {
                        continue;
                    }

                    i = SkipSpaces(text, i + 3, end);
                    int firstEnd = i;
                    while (firstEnd < end && text[firstEnd] != ' ' && text[firstEnd] != '\t' && text[firstEnd] != '=')
                    {
                        firstEnd++;
                    }

                    if (env && firstEnd > i && (firstEnd >= end || text[firstEnd] != '='))
                    {
                        // ENV NAME value: the rest of the line.
                        AddValue(text, text.Substring(i, firstEnd - i), firstEnd, end, sink);
                        continued = false;
                        continue;
                    }
                }

                ReadDockerfilePairs(text, i, end, sink);
                continued = continues;
            }
        }

        /// <summary><c>NAME=value NAME2="value 2" NAME3</c> between <paramref name="i"/> and <paramref name="end"/>.</summary>
        private static void ReadDockerfilePairs(string text, int i, int end, NamedValueSink sink)
        {
            while (i < end)
            {
                i = SkipSpaces(text, i, end);
                int nameStart = i;
                while (i < end && text[i] != '=' && text[i] != ' ' && text[i] != '\t')
                {
                    i++;
                }

                if (i >= end || text[i] != '=')
                {
                    continue; // ARG NAME with no default, or a stray word
                }

                string name = text.Substring(nameStart, i - nameStart);
                int s = i + 1;
                int e;
                if (s < end && (text[s] == '"' || text[s] == '\''))
                {
                    int close = text.IndexOf(text[s], s + 1, end - s - 1);
                    e = close < 0 ? end : close;
                    s++;
                    i = close < 0 ? end : close + 1;
                }
                else
                {
                    e = s;
                    while (e < end && text[e] != ' ' && text[e] != '\t')
                    {
                        e++;
                    }

                    i = e;
                }

                if (e > s && name.Length > 0)
                {
                    sink.Add(name, text.Substring(s, e - s), s, e - s);
                }
            }
        }

        // ---- Terraform / HCL and Bicep --------------------------------------------------------------------------------

        /// <summary>Declaration keywords of HCL and Bicep whose label names the block or value that follows.</summary>
        private static readonly HashSet<string> DeclarationKeywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "variable", "locals", "resource", "module", "data", "provider", "output", "terraform", "param", "var", "type", "metadata",
        };

        /// <summary>
        /// Terraform/HCL and Bicep, line by line: <c>name = "value"</c> (HCL, .tfvars) and <c>name: 'value'</c> (Bicep
        /// objects) named by the labels of the blocks around them (<c>variable "mistral_api_key" { default = "…" }</c> is
        /// "mistral_api_key:default"; <c>resource site '…' = { properties: { … } }</c> is "site:properties:…"), Bicep's
        /// <c>param mistralKey = '…'</c> and <c>param mistralKey string = '…'</c>, <c>var x = '…'</c>; and in an object
        /// that has a <c>name</c> field (<c>{ name: 'MISTRAL_API_KEY'  value: '…' }</c>, App Service app settings,
        /// container env lists) the other fields are named by it. Interpolations (<c>"${var.x}"</c>, <c>'${x}'</c>) are no
        /// token and never match.
        /// </summary>
        private static void ReadBlocks(string text, NamedValueSink sink)
        {
            var blocks = new List<Block>();
            bool inComment = false;
            foreach (Line line in Lines(text))
            {
                int i = SkipSpaces(text, line.Start, line.End);
                int end = line.End;
                if (inComment)
                {
                    int close = text.IndexOf("*/", i, end - i, StringComparison.Ordinal);
                    if (close < 0)
                    {
                        continue;
                    }

                    inComment = false;
                    i = SkipSpaces(text, close + 2, end);
                }

                if (i < end && text[i] == '/' && i + 1 < end && text[i + 1] == '*')
                {
                    inComment = text.IndexOf("*/", i + 2, end - i - 2, StringComparison.Ordinal) < 0;
                    continue;
                }

                while (i < end && (text[i] == '}' || text[i] == ']' || text[i] == ')'))
                {
                    if (blocks.Count > 0)
                    {
                        blocks[blocks.Count - 1].Close(sink, BlockPath(blocks, blocks.Count - 1));
                        blocks.RemoveAt(blocks.Count - 1);
                    }

                    i = SkipSpaces(text, i + 1, end);
                }

                if (i >= end || text[i] == '#' || (text[i] == '/' && i + 1 < end && text[i + 1] == '/'))
                {
                    continue;
                }

                bool opens = OpensBlock(text, i, end);
                if (text[i] == '{' || text[i] == '[')
                {
                    blocks.Add(new Block(string.Empty)); // an array's object, or an object on a line of its own
                    AddLoopBlock(blocks, text, i, end);
                    continue;
                }

                int wordEnd = i;
                while (wordEnd < end && IsHclNameChar(text[wordEnd]))
                {
                    wordEnd++;
                }

                string word = text.Substring(i, wordEnd - i);
                int at = SkipSpaces(text, wordEnd, end);
                if (DeclarationKeywords.Contains(word) && at < end && text[at] != '=' && text[at] != ':')
                {
                    // variable "x" {, resource "t" "n" {, locals {, param x [type] = …, var x = …, resource site '…' = {
                    string label = word == "locals" ? string.Empty : LastLabel(text, at, end);
                    int equals = IndexOfAny(text, at, end, '=', '=');
                    if (equals > 0 && !opens)
                    {
                        AddBlockValue(blocks, label, text, equals + 1, end, sink);
                    }
                    else if (opens)
                    {
                        blocks.Add(new Block(label));
                        AddLoopBlock(blocks, text, at, end);
                    }

                    continue;
                }

                // name = value, name: value, "quoted name" = value
                string key = word;
                if (key.Length == 0 && at < end && (text[at] == '"' || text[at] == '\''))
                {
                    int close = text.IndexOf(text[at], at + 1, end - at - 1);
                    if (close < 0)
                    {
                        continue;
                    }

                    key = text.Substring(at + 1, close - at - 1);
                    at = SkipSpaces(text, close + 1, end);
                }

                if (key.Length == 0 || at >= end || (text[at] != '=' && text[at] != ':'))
                {
                    continue;
                }

                if (opens)
                {
                    blocks.Add(new Block(key));
                    AddLoopBlock(blocks, text, at + 1, end);
                    continue;
                }

                AddBlockValue(blocks, key, text, at + 1, end, sink);
            }
        }

        /// <summary>
        /// Bicep's loop <c>[for s in settings: {</c> (and <c>[for (s, i) in …: {</c>) opens two blocks on one line, the array
        /// and the object each item is, closed together by <c>}]</c>: the object gets a block of its own, so the
        /// count stays right after the loop.
        /// </summary>
        private static void AddLoopBlock(List<Block> blocks, string text, int start, int end)
        {
            int bracket = text.IndexOf('[', start, end - start);
            if (bracket >= 0 && string.CompareOrdinal(text, SkipSpaces(text, bracket + 1, end), "for ", 0, 4) == 0 &&
                text.IndexOf('{', bracket, end - bracket) > bracket)
            {
                blocks.Add(new Block(string.Empty));
            }
        }

        /// <summary>A value after <c>=</c> or <c>:</c>: a quoted string (its content), or a bare token up to a comment.</summary>
        private static void AddBlockValue(List<Block> blocks, string key, string text, int start, int end, NamedValueSink sink)
        {
            int s = SkipSpaces(text, start, end);
            if (s >= end || (text[s] != '"' && text[s] != '\''))
            {
                return; // a reference, a number, a function call: no literal
            }

            int close = text.IndexOf(text[s], s + 1, end - s - 1);
            if (close <= s + 1)
            {
                return;
            }

            string value = text.Substring(s + 1, close - s - 1);
            if (blocks.Count == 0)
            {
                sink.Add(key, value, s + 1, close - s - 1);
                return;
            }

            blocks[blocks.Count - 1].Add(key, value, s + 1, sink, BlockPath(blocks, blocks.Count - 1));
        }

        /// <summary>True when the line's content (before a trailing comment) ends with <c>{</c> or <c>[</c>.</summary>
        private static bool OpensBlock(string text, int start, int end)
        {
            int e = end;
            int comment = text.IndexOf(" //", start, end - start, StringComparison.Ordinal);
            if (comment >= 0)
            {
                e = comment;
            }

            int hash = text.IndexOf(" #", start, e - start, StringComparison.Ordinal);
            if (hash >= 0)
            {
                e = hash;
            }

            while (e > start && (text[e - 1] == ' ' || text[e - 1] == '\t'))
            {
                e--;
            }

            return e > start && (text[e - 1] == '{' || text[e - 1] == '[');
        }

        /// <summary>The label a declaration gives: the last quoted label before <c>{</c>/<c>=</c> (HCL), else the identifier after the keyword (Bicep).</summary>
        private static string LastLabel(string text, int at, int end)
        {
            if (at < end && (text[at] == '"' || text[at] == '\''))
            {
                string label = string.Empty;
                while (at < end && (text[at] == '"' || text[at] == '\''))
                {
                    int close = text.IndexOf(text[at], at + 1, end - at - 1);
                    if (close < 0)
                    {
                        break;
                    }

                    label = text.Substring(at + 1, close - at - 1);
                    at = SkipSpaces(text, close + 1, end);
                }

                return label;
            }

            int wordEnd = at;
            while (wordEnd < end && IsHclNameChar(text[wordEnd]))
            {
                wordEnd++;
            }

            return text.Substring(at, wordEnd - at);
        }

        private static bool IsHclNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.';

        private static string BlockPath(List<Block> blocks, int last)
        {
            var parts = new List<string>(last + 1);
            for (int b = 0; b <= last; b++)
            {
                if (blocks[b].Label.Length > 0)
                {
                    parts.Add(blocks[b].Label);
                }
            }

            return string.Join(":", parts);
        }

        /// <summary>
        /// One <c>{ }</c> or <c>[ ]</c> block: its label, and the value of its <c>name</c> field, which names the other
        /// fields (<c>{ name: 'MISTRAL_API_KEY'  value: '…' }</c>). A <c>value</c> written before the <c>name</c> waits for it.
        /// </summary>
        private sealed class Block
        {
            private string? _pairName;
            private string? _pendingKey;
            private string? _pendingValue;
            private int _pendingStart;

            public Block(string label) => Label = label;

            public string Label { get; }

            public void Add(string key, string value, int start, NamedValueSink sink, string path)
            {
                if (IsNameField(key))
                {
                    _pairName ??= value;
                    if (_pendingKey != null)
                    {
                        sink.Add(Child(Child(path, _pairName), _pendingKey), _pendingValue!, _pendingStart, _pendingValue!.Length);
                        _pendingKey = null;
                    }

                    return;
                }

                if (_pairName == null && string.Equals(key, "value", StringComparison.OrdinalIgnoreCase) && _pendingKey == null)
                {
                    _pendingKey = key;
                    _pendingValue = value;
                    _pendingStart = start;
                    return;
                }

                sink.Add(Child(_pairName == null ? path : Child(path, _pairName), key), value, start, value.Length);
            }

            public void Close(NamedValueSink sink, string path)
            {
                if (_pendingKey != null)
                {
                    sink.Add(Child(path, _pendingKey), _pendingValue!, _pendingStart, _pendingValue!.Length);
                    _pendingKey = null;
                }
            }
        }

        // ---- .http / .rest requests -----------------------------------------------------------------------------------

        private static readonly string[] HttpMethods = { "GET ", "POST ", "PUT ", "PATCH ", "DELETE ", "HEAD ", "OPTIONS ", "TRACE ", "CONNECT " };

        /// <summary>
        /// The header lines of each request in a .http / .rest file (VS Code REST Client, Visual Studio, JetBrains HTTP
        /// Client): after a request line (<c>METHOD url</c> or a bare url) come <c>Name: value</c> lines up to the first
        /// blank line (the body) or <c>###</c>. A header value is named by the request's host and the header's name
        /// (<c>api.mistral.ai:x-api-key</c>); <c>Authorization: Bearer …</c> is judged by its token.
        /// </summary>
        private static void ReadRequestHeaders(string text, NamedValueSink sink)
        {
            bool inHeaders = false;
            string host = string.Empty;
            foreach (Line line in Lines(text))
            {
                int i = SkipSpaces(text, line.Start, line.End);
                if (i >= line.End)
                {
                    inHeaders = false; // the body follows
                    continue;
                }

                if (text[i] == '#' || (text[i] == '/' && i + 1 < line.End && text[i + 1] == '/') || text[i] == '@')
                {
                    if (string.CompareOrdinal(text, i, "###", 0, 3) == 0)
                    {
                        inHeaders = false;
                    }

                    continue;
                }

                int url = RequestUrl(text, i, line.End);
                if (url >= 0)
                {
                    host = UrlHost(text, url, line.End);
                    inHeaders = true;
                    continue;
                }

                if (!inHeaders)
                {
                    continue;
                }

                int colon = text.IndexOf(':', i, line.End - i);
                if (colon <= i)
                {
                    continue;
                }

                int nameEnd = colon;
                bool isHeader = true;
                for (int c = i; c < nameEnd; c++)
                {
                    if (!NamedValues.IsTokenCharacter(text[c]))
                    {
                        isHeader = false;
                        break;
                    }
                }

                if (isHeader)
                {
                    string name = text.Substring(i, nameEnd - i);
                    AddValue(text, host.Length == 0 ? name : host + ":" + name, colon + 1, line.End, sink);
                }
            }
        }

        /// <summary>Where the url of a request line starts (<c>GET https://…</c>, <c>https://…</c>), or -1.</summary>
        private static int RequestUrl(string text, int i, int end)
        {
            foreach (string method in HttpMethods)
            {
                if (string.CompareOrdinal(text, i, method, 0, method.Length) == 0)
                {
                    return SkipSpaces(text, i + method.Length, end);
                }
            }

            return string.Compare(text, i, "http://", 0, 7, StringComparison.OrdinalIgnoreCase) == 0 ||
                   string.Compare(text, i, "https://", 0, 8, StringComparison.OrdinalIgnoreCase) == 0 ? i : -1;
        }

        /// <summary>The host of the url at <paramref name="i"/> ("api.mistral.ai"), or empty (a <c>{{host}}</c> variable, a relative url).</summary>
        private static string UrlHost(string text, int i, int end)
        {
            int scheme = text.IndexOf("://", i, Math.Min(end - i, 10), StringComparison.Ordinal);
            if (scheme < 0)
            {
                return string.Empty;
            }

            int s = scheme + 3;
            int e = s;
            while (e < end && (char.IsLetterOrDigit(text[e]) || text[e] == '.' || text[e] == '-'))
            {
                e++;
            }

            return text.Substring(s, e - s);
        }


        // ---- YAML ---------------------------------------------------------------------------------------------------

        /// <param name="jsonLines">JSON read line by line: a value opening an object or array (<c>"OpenAI": {</c>) is a parent.</param>
        private static void ReadYaml(string text, NamedValueSink sink, bool jsonLines = false)
        {
            var parents = new List<KeyValuePair<int, string>>();

            // The "name:" of the mapping at each indent (a list item's "- name: MISTRAL_API_KEY"): names its later scalar
            // siblings ("value: …"), as in Kubernetes env lists and Azure Pipelines variables.
            var names = new List<KeyValuePair<int, string>>();

            // A "value:" written before its mapping's "name:" (- value: …\n  name: MISTRAL_API_KEY) waits for it.
            YamlPending pending = default;
            foreach (Line line in Lines(text))
            {
                int i = SkipSpaces(text, line.Start, line.End);
                if (i >= line.End || text[i] == '#')
                {
                    continue;
                }

                int indent = i - line.Start;
                bool listItem = text[i] == '-' && (i + 1 == line.End || text[i + 1] == ' ');
                if (listItem)
                {
                    i = SkipSpaces(text, i + 1, line.End);
                    indent = i - line.Start;
                }

                if (pending.Path != null && (indent < pending.Indent || (listItem && indent == pending.Indent)))
                {
                    AddValue(text, pending.Path, pending.From, pending.To, sink); // its mapping ended with no name
                    pending = default;
                }

                while (parents.Count > 0 && parents[parents.Count - 1].Key >= indent)
                {
                    parents.RemoveAt(parents.Count - 1);
                }

                while (names.Count > 0 && (names[names.Count - 1].Key > indent || (listItem && names[names.Count - 1].Key == indent)))
                {
                    names.RemoveAt(names.Count - 1); // that mapping ended, or a new list item began
                }

                int colon = YamlKeyEnd(text, i, line.End);
                if (colon < 0)
                {
                    // "- MISTRAL_API_KEY=…" (compose environment lists) reads like a .env line.
                    int equals = listItem ? text.IndexOf('=', i, line.End - i) : -1;
                    if (equals > i)
                    {
                        AddValue(text, text.Substring(i, equals - i).Trim(), equals + 1, line.End, sink);
                    }

                    continue;
                }

                string key = Unquote(text.Substring(i, colon - i).Trim());
                int valueStart = SkipSpaces(text, colon + 1, line.End);
                if (valueStart >= line.End || text[valueStart] == '#' || (jsonLines && (text[valueStart] == '{' || text[valueStart] == '[')))
                {
                    parents.Add(new KeyValuePair<int, string>(indent, key));
                    continue;
                }

                if (!jsonLines && IsNameField(key))
                {
                    string named = Unquote(text.Substring(valueStart, line.End - valueStart).Trim());
                    if (names.Count > 0 && names[names.Count - 1].Key == indent)
                    {
                        names.RemoveAt(names.Count - 1);
                    }

                    if (named.Length > 0 && named.Length <= 60)
                    {
                        names.Add(new KeyValuePair<int, string>(indent, named));
                        if (pending.Path != null && pending.Indent == indent)
                        {
                            AddValue(text, JoinPath(parents, named + ":" + pending.Key), pending.From, pending.To, sink);
                            pending = default;
                        }
                    }
                }
                else if (names.Count > 0 && names[names.Count - 1].Key == indent)
                {
                    key = names[names.Count - 1].Value + ":" + key;
                }
                else if (!jsonLines && pending.Path == null && string.Equals(key, "value", StringComparison.OrdinalIgnoreCase))
                {
                    pending = new YamlPending(JoinPath(parents, key), key, indent, colon + 1, line.End);
                    continue;
                }

                string path = JoinPath(parents, key);
                AddValue(text, path, colon + 1, line.End, sink);
            }

            if (pending.Path != null)
            {
                AddValue(text, pending.Path, pending.From, pending.To, sink);
            }
        }

        /// <summary>A YAML <c>value:</c> waiting for its mapping's <c>name:</c>: its own path, key, indent and text span.</summary>
        private readonly struct YamlPending
        {
            public YamlPending(string path, string key, int indent, int from, int to)
            {
                Path = path;
                Key = key;
                Indent = indent;
                From = from;
                To = to;
            }

            public string? Path { get; }

            public string Key { get; }

            public int Indent { get; }

            public int From { get; }

            public int To { get; }
        }

        /// <summary>The colon that ends a mapping key: the first ':' followed by a space, a tab or the end of the line.</summary>
        private static int YamlKeyEnd(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (text[i] == ':' && (i + 1 == end || text[i + 1] == ' ' || text[i + 1] == '\t'))
                {
                    return i;
                }
            }

            return -1;
        }

        private static string JoinPath(List<KeyValuePair<int, string>> parents, string key)
        {
            if (parents.Count == 0)
            {
                return key;
            }

            var parts = new string[parents.Count + 1];
            for (int i = 0; i < parents.Count; i++)
            {
                parts[i] = parents[i].Value;
            }

            parts[parents.Count] = key;
            return string.Join(":", parts);
        }

        // ---- XML ----------------------------------------------------------------------------------------------------

        /// <summary>
        /// Names each value by its element path, as JSON and YAML values are named by their key path:
        /// <c>&lt;Mistral&gt;&lt;ApiKey&gt;…&lt;/ApiKey&gt;&lt;/Mistral&gt;</c> is "…:Mistral:ApiKey", an attribute
        /// <c>&lt;Mistral ApiKey="…"/&gt;</c> is "…:Mistral:ApiKey", an appSettings pair <c>&lt;add key="X" value="…"/&gt;</c>
        /// and a .resx <c>&lt;data name="X"&gt;</c> are "…:X" under the elements that hold them.
        /// </summary>
        private static void ReadXml(string text, NamedValueSink sink)
        {
            var attributes = new List<XmlAttribute>();
            var openElements = new List<string>();
            int i = 0;
            while ((i = text.IndexOf('<', i)) >= 0)
            {
                if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
                {
                    int close = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    i = close < 0 ? text.Length : close + 3;
                    continue;
                }

                if (i + 1 < text.Length && text[i + 1] == '/')
                {
                    // An end tag closes its element and any left open inside it (not well-formed, still read).
                    int endStart = i + 2;
                    int endName = endStart;
                    while (endName < text.Length && IsXmlNameChar(text[endName]))
                    {
                        endName++;
                    }

                    string closing = text.Substring(endStart, endName - endStart);
                    int at = openElements.LastIndexOf(closing);
                    if (at >= 0)
                    {
                        openElements.RemoveRange(at, openElements.Count - at);
                    }

                    i = endName;
                    continue;
                }

                if (i + 1 < text.Length && (text[i + 1] == '?' || text[i + 1] == '!'))
                {
                    i++;
                    continue;
                }

                int nameStart = i + 1;
                int nameEnd = nameStart;
                while (nameEnd < text.Length && IsXmlNameChar(text[nameEnd]))
                {
                    nameEnd++;
                }

                if (nameEnd == nameStart)
                {
                    i++;
                    continue;
                }

                string element = text.Substring(nameStart, nameEnd - nameStart);
                int tagEnd = ReadAttributes(text, nameEnd, attributes);
                if (tagEnd < 0)
                {
                    return;
                }

                string parent = string.Join(":", openElements);
                string path = parent.Length == 0 ? element : parent + ":" + element;

                // appSettings-style pairs: <add key="CohereApiKey" value="…" />, <add name="…" connectionString="…" />
                XmlAttribute? key = Find(attributes, "key") ?? Find(attributes, "name") ?? Find(attributes, "Include") ?? Find(attributes, "Update");
                XmlAttribute? value = Find(attributes, "value") ?? Find(attributes, "connectionString") ?? Find(attributes, "Value");
                string keyPath = key == null ? string.Empty : Child(parent, text.Substring(key.Value.Start, key.Value.Length));
                if (key != null && value != null)
                {
                    sink.Add(keyPath, Decode(text, value.Value), value.Value.Start, value.Value.Length);
                }

                foreach (XmlAttribute attribute in attributes)
                {
                    if (!attribute.Equals(key) && !attribute.Equals(value))
                    {
                        sink.Add(path + ":" + attribute.Name, Decode(text, attribute), attribute.Start, attribute.Length, sibling: false);
                    }
                }

                // .resx: <data name="MistralApiKey"><value>…</value></data>
                if (element == "data" && key != null && value == null && text[tagEnd - 1] != '/')
                {
                    int open = text.IndexOf("<value>", tagEnd, StringComparison.Ordinal);
                    int end = open < 0 ? -1 : text.IndexOf("</value>", open, StringComparison.Ordinal);
                    int dataEnd = text.IndexOf("</data>", tagEnd, StringComparison.Ordinal);
                    if (end > open && (dataEnd < 0 || end < dataEnd))
                    {
                        var content = new XmlAttribute("value", open + 7, end - open - 7);
                        sink.Add(keyPath, Decode(text, content), content.Start, content.Length);
                    }
                }

                // <OpenAIApiKey>…</OpenAIApiKey> (MSBuild properties, settings files)
                if (text[tagEnd - 1] != '/')
                {
                    int contentStart = tagEnd + 1;
                    int next = text.IndexOf('<', contentStart);
                    if (next > contentStart && string.CompareOrdinal(text, next, "</" + element + ">", 0, element.Length + 3) == 0)
                    {
                        int s = contentStart;
                        int e = next;
                        while (s < e && char.IsWhiteSpace(text[s]))
                        {
                            s++;
                        }

                        while (e > s && char.IsWhiteSpace(text[e - 1]))
                        {
                            e--;
                        }

                        if (e > s)
                        {
                            var content = new XmlAttribute(element, s, e - s);

                            // A .resx <data>'s <value> was added under the data's name above: here it is no sibling of its own.
                            bool dataValue = element == "value" && openElements.Count > 0 && openElements[openElements.Count - 1] == "data";
                            sink.Add(path, Decode(text, content), s, e - s, sibling: !dataValue);
                            if (IsEnvironmentList(element))
                            {
                                ReadEnvironmentList(text, s, e, path, sink);
                            }
                        }
                    }

                    openElements.Add(element);
                }

                i = tagEnd + 1;
            }
        }

        /// <summary>
        /// An MSBuild property that holds environment variables as <c>NAME=value</c> pairs: <c>EnvironmentVariables</c>
        /// (.csproj.user / launch profiles), <c>LocalDebuggerEnvironment</c>, <c>DebuggerEnvironment</c>.
        /// </summary>
        private static bool IsEnvironmentList(string element) =>
            element.EndsWith("EnvironmentVariables", StringComparison.OrdinalIgnoreCase) || element.EndsWith("Environment", StringComparison.OrdinalIgnoreCase);

        /// <summary><c>NAME=value</c> pairs separated by <c>;</c> or line breaks between <paramref name="start"/> and <paramref name="end"/>, each named by its variable under <paramref name="path"/>.</summary>
        private static void ReadEnvironmentList(string text, int start, int end, string path, NamedValueSink sink)
        {
            if (text.IndexOf('&', start, end - start) >= 0)
            {
                return; // escaped text: the positions would not map 1:1
            }

            int i = start;
            while (i < end)
            {
                int pieceEnd = i;
                while (pieceEnd < end && text[pieceEnd] != ';' && text[pieceEnd] != '\n' && text[pieceEnd] != '\r')
                {
                    pieceEnd++;
                }

                int eq = text.IndexOf('=', i, pieceEnd - i);
                if (eq > i)
                {
                    string name = text.Substring(i, eq - i).Trim();
                    int s = eq + 1;
                    int e = pieceEnd;
                    while (e > s && char.IsWhiteSpace(text[e - 1]))
                    {
                        e--;
                    }

                    if (name.Length > 0 && e > s)
                    {
                        sink.Add(Child(path, name), text.Substring(s, e - s), s, e - s);
                    }
                }

                i = pieceEnd + 1;
            }
        }

        private static int ReadAttributes(string text, int i, List<XmlAttribute> attributes)
        {
            attributes.Clear();
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '>')
                {
                    return i;
                }

                if (!IsXmlNameChar(c))
                {
                    i++;
                    continue;
                }

                int nameStart = i;
                while (i < text.Length && IsXmlNameChar(text[i]))
                {
                    i++;
                }

                string name = text.Substring(nameStart, i - nameStart);
                i = SkipSpaces(text, i, text.Length);
                if (i >= text.Length || text[i] != '=')
                {
                    continue;
                }

                i = SkipSpaces(text, i + 1, text.Length);
                if (i >= text.Length || (text[i] != '"' && text[i] != '\''))
                {
                    continue;
                }

                char quote = text[i];
                int close = text.IndexOf(quote, i + 1);
                if (close < 0)
                {
                    return -1;
                }

                attributes.Add(new XmlAttribute(name, i + 1, close - i - 1));
                i = close + 1;
            }

            return -1;
        }

        private static string Child(string parent, string name) => parent.Length == 0 ? name : parent + ":" + name;

        private static XmlAttribute? Find(List<XmlAttribute> attributes, string name)
        {
            foreach (XmlAttribute attribute in attributes)
            {
                if (attribute.Name == name)
                {
                    return attribute;
                }
            }

            return null;
        }

        private static string Decode(string text, XmlAttribute value)
        {
            return FormatEscapes.DecodeXml(text.Substring(value.Start, value.Length));
        }

        private static bool IsXmlNameChar(char c) =>
            char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';

        // ---- shared -------------------------------------------------------------------------------------------------

        /// <summary>A value after a separator up to the end of the line: quotes removed, trailing "  # comment" removed.</summary>
        private static void AddValue(string text, string name, int start, int end, NamedValueSink sink)
        {
            int s = SkipSpaces(text, start, end);
            int e = end;
            if (s < e && (text[s] == '"' || text[s] == '\''))
            {
                int close = text.IndexOf(text[s], s + 1, e - s - 1);
                if (close < 0)
                {
                    return;
                }

                s++;
                e = close;
            }
            else
            {
                int comment = text.IndexOf(" #", s, e - s, StringComparison.Ordinal);
                if (comment >= 0)
                {
                    e = comment;
                }

                while (e > s && char.IsWhiteSpace(text[e - 1]))
                {
                    e--;
                }
            }

            if (e > s)
            {
                sink.Add(name, text.Substring(s, e - s), s, e - s);
            }
        }

        private static string Unquote(string key) =>
            key.Length >= 2 && (key[0] == '"' || key[0] == '\'') && key[key.Length - 1] == key[0] ? key.Substring(1, key.Length - 2) : key;

        private static int SkipSpaces(string text, int i, int end)
        {
            while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\uFEFF')) // a byte-order mark the decoder kept
            {
                i++;
            }

            return i;
        }

        private static int IndexOfAny(string text, int start, int end, char a, char b)
        {
            for (int i = start; i < end; i++)
            {
                if (text[i] == a || text[i] == b)
                {
                    return i;
                }
            }

            return -1;
        }

        private static IEnumerable<Line> Lines(string text)
        {
            int start = 0;
            while (start < text.Length)
            {
                int newline = text.IndexOf('\n', start);
                int end = newline < 0 ? text.Length : newline;
                yield return new Line(start, end > start && text[end - 1] == '\r' ? end - 1 : end);
                start = end + 1;
            }
        }

        private readonly struct Line
        {
            public Line(int start, int end)
            {
                Start = start;
                End = end;
            }

            public int Start { get; }

            public int End { get; }
        }

        private readonly struct XmlAttribute : IEquatable<XmlAttribute>
        {
            public XmlAttribute(string name, int start, int length)
            {
                Name = name;
                Start = start;
                Length = length;
            }

            public string Name { get; }

            public int Start { get; }

            public int Length { get; }

            public bool Equals(XmlAttribute other) => Start == other.Start && Length == other.Length && Name == other.Name;

            public override bool Equals(object? obj) => obj is XmlAttribute other && Equals(other);

            public override int GetHashCode() => Start;
        }

        /// <summary>
        /// Adds named-value matches that no raw-text match already covers, with file positions; and a key split across two
        /// sibling values (<see cref="AddSplit"/>).
        /// </summary>
        private sealed class NamedValueSink
        {
            /// <summary>
            /// The longest join of two values tried as one key: a Bedrock short-term key (a presigned URL in base64, 600
            /// characters and more with a session token) fits; a longer token value is no piece of a key.
            /// </summary>
            private const int MaxJoinedLength = 4096;

            private readonly List<SecretMatch> _results;
            private readonly int _first;
            private List<SecretMatch>? _inner;

            private string? _previousName;
            private string? _previousValue;
            private int _previousStart;

            public NamedValueSink(List<SecretMatch> results, int first)
            {
                _results = results;
                _first = first;
            }

            /// <param name="name">The key path, variable or attribute name the file gives the value.</param>
            /// <param name="value">The decoded value.</param>
            /// <param name="start">Where the value's source text starts in the file.</param>
            /// <param name="rawLength">The length of the value's source text (differs from the value's when it had escapes).</param>
            /// <param name="sibling">
            /// False for a value that is no setting of its own (an XML element's attributes such as <c>xml:space</c>): it
            /// neither pairs with the value before it nor stands between two values that pair.
            /// </param>
            public void Add(string name, string value, int start, int rawLength, bool sibling = true)
            {
                bool exact = rawLength == value.Length;
                if (!exact && SecretScanner.MightContainKey(value))
                {
                    // An escaped self-identifying key ("\u0073k-…" in JSON): the raw scan could not see it.
                    _inner ??= new List<SecretMatch>();
                    _inner.Clear();
                    SecretScanner.Scan(value, _inner);
                    foreach (SecretMatch m in _inner)
                    {
                        AddIfNew(new SecretMatch(start, rawLength, m.Format, m.Redacted));
                    }
                }

                if (SecretScanner.TryMatchNamedValue(name, value, out SecretMatch match))
                {
                    AddIfNew(exact
                        ? new SecretMatch(start + match.Start, match.Length, match.Format, match.Redacted)
                        : new SecretMatch(start, rawLength, match.Format, match.Redacted));
                }

                if (!sibling)
                {
                    return;
                }

                bool piece = exact && value.Length > 0 && value.Length < MaxJoinedLength && NamedValues.IsTokenValue(value);
                if (piece && _previousValue != null)
                {
                    AddSplit(_previousName!, _previousValue, _previousStart, name, value);
                }

                _previousName = piece ? name : null;
                _previousValue = piece ? value : null;
                _previousStart = start;
            }

            /// <summary>
            /// Issue 12 route #14: a key cut in two sibling values that code joins (<c>"OpenAI": { "KeyPart1": "sk-proj-…",
            /// "KeyPart2": "…T3BlbkFJ…" }</c>, two .resx <c>&lt;data&gt;</c> entries, two .env lines). Reported at the first
            /// part when the two values, one after the other under the same parent, join into a self-identifying key that
            /// runs across the cut and whose format proves itself (a marker or a checksum: OpenAI's <c>T3BlbkFJ</c>, the
            /// Azure identifiable marker, GitHub's CRC32, Anthropic's, Bedrock's), or has a fixed prefix and exact length
            /// while both values sit under key-like names (<c>GoogleKeyPart1</c>/<c>GoogleKeyPart2</c>). Two unrelated
            /// values do not join into a checksummed or marked key by chance; a prefix-only shape under neutral names could.
            /// </summary>
            private void AddSplit(string firstName, string first, int firstStart, string secondName, string second)
            {
                // Decided on the two values and names before any string is built: most sibling pairs hold no anchor.
                if (first.Length + second.Length < SecretScanner.MinimumKeyLength || first.Length + second.Length > MaxJoinedLength ||
                    !SecretScanner.MightContainKeyJoined(first, second) || !SameParent(firstName, secondName))
                {
                    return;
                }

                string joined = first + second;

                _inner ??= new List<SecretMatch>();
                _inner.Clear();
                SecretScanner.Scan(joined, _inner);
                foreach (SecretMatch m in _inner)
                {
                    bool acrossTheCut = m.Start < first.Length && m.Start + m.Length > first.Length;
                    bool proven = m.Format.Confidence == KeyConfidence.High ||
                                  (m.Format.Confidence == KeyConfidence.Medium && SecretScanner.NameMayBeSecretLike(firstName) && SecretScanner.NameMayBeSecretLike(secondName));
                    if (acrossTheCut && proven)
                    {
                        AddIfNew(new SecretMatch(firstStart + m.Start, first.Length - m.Start, m.Format, m.Redacted));
                    }
                }
            }

            /// <summary>The two names have the same parent path (all before the last <c>:</c>), compared in place.</summary>
            private static bool SameParent(string a, string b)
            {
                int colonA = a.LastIndexOf(':');
                int colonB = b.LastIndexOf(':');
                return colonA == colonB && (colonA < 0 || string.CompareOrdinal(a, 0, b, 0, colonA) == 0);
            }

            private void AddIfNew(SecretMatch match)
            {
                for (int i = _first; i < _results.Count; i++)
                {
                    SecretMatch other = _results[i];
                    if (match.Start < other.Start + other.Length && other.Start < match.Start + match.Length)
                    {
                        return;
                    }
                }

                _results.Add(match);
            }
        }
    }
}
