using System.Text;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Files;
using Guardrails.Core.Rules;
using Guardrails.Core.Secrets;

namespace Guardrails.Cli.Scan;

/// <summary>
/// Files the scan cannot read as the repository holds them, reported with GRD312 (an error in Enforce) instead of being
/// left out in silence:
/// <list type="bullet">
/// <item>a file or folder whose name is not valid UTF-8 (adversary round 6 #16: git stores names as bytes, .NET lists
/// them with U+FFFD and cannot open them by that name). The committed content is still scanned for keys where git keeps
/// it as a loose object (the blob the index names), so a key in it is GRD002 as well.</item>
/// <item>a <c>.gitattributes</c> line whose <c>working-tree-encoding</c> is not one the key scan decodes (UTF-8, and
/// UTF-16 and UTF-32 with or without a byte-order mark, which the scan recognises by content): git checks the file out
/// re-encoded (EBCDIC, Shift-JIS, …), so a key committed in it is not in the bytes on disk in any form the scan reads
/// (adversary round 6 #21).</item>
/// </list>
/// </summary>
internal static class UnreadableFiles
{
    private static readonly HashSet<string> DecodedEncodings = new(StringComparer.OrdinalIgnoreCase)
    {
        "UTF8", "UTF16", "UTF16LE", "UTF16BE", "UTF16LEBOM", "UTF32", "UTF32LE", "UTF32BE", "UCS2", "UCS2LE", "UCS2BE", "UCS4", "UCS4LE", "UCS4BE", "UNICODE",
    };

    public static void Report(string root, RepositoryFiles files, List<Finding> findings)
    {
        foreach (string attributes in files.GitAttributes)
        {
            WorkingTreeEncodings(attributes, findings);
        }

        if (files.UndecodableNames.Count == 0)
        {
            return;
        }

        string? repository = FootprintDiscovery.FindRepositoryRoot(root, null);
        string? gitDir = repository == null ? null : GitIndex.TryGitDirectory(repository);
        Dictionary<string, string>? entries = repository == null ? null : GitIndex.TryReadEntries(repository);
        foreach (string path in files.UndecodableNames)
        {
            findings.Add(new Finding(RuleCatalog.FileNotScannable, path, 0, 0,
                "The name of this file (or folder) is not valid UTF-8 (git stores names as bytes), so it cannot be opened by its name and neither the build nor " +
                "the scan reads it from disk: rename it with a UTF-8 name." +
                (entries == null ? " (No readable git index: its committed content was not scanned either.)" : string.Empty)));
            if (entries == null || gitDir == null)
            {
                continue;
            }

            string relative = Path.GetRelativePath(repository!, path).Replace('\\', '/');
            foreach ((string tracked, string sha) in entries)
            {
                if (tracked != relative && !tracked.StartsWith(relative + "/", StringComparison.Ordinal))
                {
                    continue;
                }

                byte[]? blob = StagedSnapshot.Blob(gitDir, sha);
                if (blob == null || blob.Length > TextFileSecrets.MaxLength)
                {
                    continue;
                }

                string file = Path.Combine(repository!, tracked.Replace('/', Path.DirectorySeparatorChar));
                string text = new UTF8Encoding(false, false).GetString(blob).Replace('\0', ' ');
                var matches = new List<SecretMatch>();
                if (TextFileSecrets.Scan(file, text, matches) == TextFileKind.Skipped)
                {
                    SecretScanner.Scan(text, matches);
                }

                foreach (SecretMatch match in matches)
                {
                    (int line, int column) = LineAndColumn(text, match.Start);
                    findings.Add(KeptBackFiles.FindingFor(file, null, match, line, column,
                        ". (Found by the scan in the committed content of a file whose name is not valid UTF-8: rename it.)"));
                }
            }
        }
    }

    private static void WorkingTreeEncodings(string path, List<Finding> findings)
    {
        string[] lines;
        try
        {
            if (new FileInfo(path).Length > 1024 * 1024)
            {
                return;
            }

            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int at = line.IndexOf("working-tree-encoding=", StringComparison.OrdinalIgnoreCase);
            if (at < 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            int start = at + "working-tree-encoding=".Length;
            int end = start;
            while (end < line.Length && !char.IsWhiteSpace(line[end]))
            {
                end++;
            }

            string encoding = line.Substring(start, end - start);
            string normal = encoding.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
            if (DecodedEncodings.Contains(normal))
            {
                continue;
            }

            string shown = encoding.Length <= 40 && encoding.All(c => char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.') ? encoding : "(an unusual value)";
            findings.Add(new Finding(RuleCatalog.FileNotScannable, path, i + 1, at + 1,
                "working-tree-encoding=" + shown + " makes git check the files this line names out re-encoded, in an encoding the key scan of the build and of " +
                "`guardrails scan` does not read (they read UTF-8, UTF-16 and UTF-32): a key committed in such a file is not found. Remove the attribute, or use UTF-8 or UTF-16."));
        }
    }

    /// <summary>The 1-based line and column of an offset in a text (one helper for the scan's text positions).</summary>
    internal static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }
}
