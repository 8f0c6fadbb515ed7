using Guardrails.BuildTasks.Foundation;
using Guardrails.Cli.Verify;
using Guardrails.Core.Rules;

namespace Guardrails.Cli.Scan;

/// <summary>
/// Issue 16 item 6, adversary round 7 route 4: every file a repository commits is read for SELF-IDENTIFYING keys, not only
/// the kinds the build reads. A file of no scanned kind that no project ships (<see cref="RepositoryFiles.Unread"/>: a
/// README, a spreadsheet, a zip of samples, a SQLite database, a PDF, an image) is read with the gate's reader for what a
/// bin/ file ships (<see cref="ShippedOutputs.JudgeFile"/>: text with the build's reader, other bytes as printable runs
/// in ASCII, UTF-16 and UTF-32 (<see cref="BinaryText"/>), zip/tar/gzip entries decompressed, brotli and deflate streams
/// inflated), within the gate's limits (entries per archive, bytes per entry, bytes inflated per file, nesting depth). A
/// key is GRD002 at the file (and entry, "file!entry"); what a limit stopped, or what could not be read, is GRD007 naming
/// the reason, never skipped in silence. No name or entropy heuristics on unknown kinds: a value with no fixed format
/// (GRD006's business) is not reported here.
/// </summary>
internal static class CommittedFiles
{
    public static void Scan(IEnumerable<string> paths, List<Finding> findings, CancellationToken cancellationToken) => Scan(paths, findings, cancellationToken, null);

    /// <param name="keyMessage">The GRD002 message for a key found (its redacted description, "provider kind (redacted) at …");
    /// null: the message of a committed file.</param>
    public static void Scan(IEnumerable<string> paths, List<Finding> findings, CancellationToken cancellationToken, Func<string, string>? keyMessage)
    {
        var results = new List<GateResult>();
        foreach (string path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Clear();
            try
            {
                if (new FileInfo(path).Length == 0)
                {
                    continue;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // gone since it was listed
            }

            // An assembly inside an archive is the gate's question (GRDCL30), not the scan's: every one counts as vouched for.
            ShippedOutputs.JudgeFile(path, _ => true, packageFile: null, results);
            foreach (GateResult result in results)
            {
                if (result.Key != null)
                {
                    findings.Add(new Finding(RuleCatalog.KeyInFile, result.OutputDirectory, 0, 0, keyMessage?.Invoke(result.Key) ?? "This committed file holds a key, " + result.Key +
                        ": it is in the repository's history, whatever its kind (guardrails scan reads every committed file for keys that name their provider). " +
                        "Remove it, rotate the key now, and read it from an environment variable, user-secrets or a key vault."));
                }
                else if (result.Reason != null)
                {
                    findings.Add(new Finding(RuleCatalog.FileNotScanned, result.OutputDirectory, 0, 0, "This committed file was not read completely for AI provider keys: " +
                        result.Reason + ". Commit it unpacked or split, or scan it with a dedicated secret scanner."));
                }
            }
        }
    }
}
