using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Integrity;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Files;
using Guardrails.Core.Rules;
using Guardrails.Core.Secrets;

namespace Guardrails.BuildTasks.Engine
{
    /// <summary>
    /// The key scan's files the compiler was not given (the list <see cref="SkippedList"/> the scan selection writes): a
    /// text file too large for the compiler is scanned here, streaming with bounded memory, through the same
    /// <see cref="TextFileSecrets"/> the analyzer uses (GRD002, GRD006 with file, line and column); a file that cannot be
    /// scanned at all (binary content behind a text name, or over <see cref="TextFileSecrets.StreamMaxBytes"/>) is a gap in
    /// the scan (GRD312, kind "optOut": padding a file past the limit is not a way to hide a key).
    /// </summary>
    public static class KeptBackFiles
    {
        public static void Scan(CheckRequest request, CheckResult result)
        {
            string? listFile = request.KeptBackListFile?.Trim();
            if (string.IsNullOrEmpty(listFile) || !File.Exists(listFile))
            {
                return;
            }

            string list;
            try
            {
                list = File.ReadAllText(listFile, Encoding.UTF8);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return;
            }

            foreach ((string reason, long length, string path) in SkippedList.Parse(list))
            {
                if (reason == SkippedList.Link)
                {
                    ScanLinkTarget(path, result.Findings);
                    continue;
                }

                if (reason == SkippedList.KeyName)
                {
                    // The name is the finding; the content is scanned when it is text (adversary round 5 #12).
                    if (SafeText.KeyInName(Relative(request.ProjectPath, path)) is { } named)
                    {
                        result.Findings.Add(new Finding(RuleCatalog.KeyInFile, path, 0, 0, "The name of this file (or of a folder above it) holds a key, " + named +
                            ": git commits the name, the build copies it, a package lists it. Rename it, and rotate the key now because it is already in source history."));
                    }

                    if (!TextFileSecrets.HasBinaryExtension(path))
                    {
                        ScanText(path, reason, result);
                    }

                    continue;
                }

                string? gap = SkippedList.ScannedByCheck(reason) ? ScanText(path, reason, result) : reason;
                if (gap == SkippedList.Binary && !TextFileSecrets.HasBinaryExtension(path))
                {
                    // Adversary round 6 #9: a NUL byte behind a text name keeps the file from the compiler; the check reads
                    // its text runs (NULs as spaces) so a key in it is GRD002 all the same. The gap (GRD312) stays reported.
                    ScanText(path, reason, result.Findings, null, nulAsSpace: true);
                }

                if (gap == SkippedList.Binary && TextFileSecrets.HasBinaryExtension(path))
                {
                    // An image or archive someone added to GuardrailsScanFile: not configuration, GRD007 names it.
                    continue;
                }

                if (gap != null && File.Exists(path))
                {
                    string relative = Relative(request.ProjectPath, path);
                    string what = gap == SkippedList.Binary
                        ? "its content is binary (a NUL byte) although its name says text"
                        : "its size (" + new FileInfo(path).Length.ToString("N0", CultureInfo.InvariantCulture) + " bytes) is over the " +
                          TextFileSecrets.StreamMaxBytes.ToString("N0", CultureInfo.InvariantCulture) + "-byte limit of the build's key scan";
                    result.ScanGaps.Add(new LocalBypass(BypassKind.OptOut, RuleIds.FileNotScannable, path, 0, 0, relative + ": " + what, relative));
                }
            }
        }

        /// <summary>The target text of a symbolic link at <paramref name="path"/> that resolves to no existing file, or null (no link, a live link, unreadable).</summary>
        public static string? DanglingLinkTarget(string path)
        {
#if NET6_0_OR_GREATER
            try
            {
                var info = new FileInfo(path);
                string? target = info.LinkTarget;
                if (target == null)
                {
                    return null;
                }

                FileSystemInfo? final = info.ResolveLinkTarget(returnFinalTarget: true);
                return final == null || !final.Exists ? target : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
#else
            // .NET Framework (Visual Studio's MSBuild) has no link-target API: a dangling link is not read here; the file
            // selection still keeps an unreadable file back from the compiler, and `guardrails scan` / the CI gate read it.
            _ = path;
            return null;
#endif
        }

        /// <summary>
        /// Scans the target text of a symbolic link that points nowhere with the file reader of its name (GRD002/GRD006 at
        /// the link): git commits a link as a blob of mode 120000 holding that text, so <c>deploy/openai.env</c> →
        /// <c>OPENAI_API_KEY=&lt;key&gt;</c> commits the key (adversary round 5 'fname'). The build's check and
        /// <c>guardrails scan</c> both read links here.
        /// </summary>
        /// <param name="foundBy">Who reads it, for the message: the build's check, or <c>guardrails scan</c> (which gives no file to a compiler).</param>
        public static void ScanLinkTarget(string path, List<Finding> findings, string foundBy = "the Guardrails check")
        {
            string? target = DanglingLinkTarget(path);
            if (target == null)
            {
                return;
            }

            var matches = new List<SecretMatch>();
            TextFileSecrets.Scan(path, target, matches);
            foreach (SecretMatch match in matches)
            {
                findings.Add(FindingFor(path, SkippedList.Link, match, 1, match.Start + 1,
                    ". (Found by " + foundBy + " in the target of a symbolic link: git commits a link's target text as its content, and this link points to no file" +
                    (foundBy == "the Guardrails check" ? ", so the compiler is not given it.)" : ". Remove the link from git, or make it point to a file that holds no key.)")));
            }
        }

        /// <summary>Scans one text file the compiler was not given; returns why it could not be scanned, or null.</summary>
        private static string? ScanText(string path, string reason, CheckResult result) => ScanText(path, reason, result.Findings, null);

        /// <summary>
        /// Scans one text file with the analyzer's engine (<see cref="TextFileSecrets"/>), streaming; adds GRD002/GRD006 at
        /// file, line and column to <paramref name="findings"/>, each message ending with <paramref name="note"/> (null: why
        /// the compiler did not get the file, from <paramref name="reason"/>). Returns why it could not be scanned (binary,
        /// too large), or null.
        /// </summary>
        internal static string? ScanText(string path, string? reason, List<Finding> findings, string? note) => ScanText(path, reason, findings, note, nulAsSpace: false);

        /// <summary>As <see cref="ScanText(string, string, List{Finding}, string)"/>; with <paramref name="nulAsSpace"/> a file holding NUL bytes is read as text (NULs as spaces) instead of being returned as binary.</summary>
        internal static string? ScanText(string path, string? reason, List<Finding> findings, string? note, bool nulAsSpace) =>
            ScanText(path, reason, findings, note, nulAsSpace, providerKeysOnly: false);

        /// <summary>
        /// As <see cref="ScanText(string, string, List{Finding}, string, bool)"/>; with <paramref name="providerKeysOnly"/> only
        /// provider keys are reported (GRD002), never a generic key-named secret (GRD006), for the committed files of any kind
        /// the compiler is not given (<see cref="CommittedKeyFiles"/>).
        /// </summary>
        internal static string? ScanText(string path, string? reason, List<Finding> findings, string? note, bool nulAsSpace, bool providerKeysOnly)
        {
            try
            {
                if (!File.Exists(path))
                {
                    if (path.IndexOf('\uFFFD') >= 0 && !Directory.Exists(path))
                    {
                        // Adversary round 6 #16: a name that is not valid UTF-8 (git stores names as bytes) is listed with
                        // U+FFFD in place of its bytes and cannot be opened by that name: reported, never passed in silence.
                        findings.Add(new Finding(RuleCatalog.FileNotScannable, path, 0, 0,
                            "The name of this file is not valid UTF-8 (git stores names as bytes), so it cannot be opened by its name: the compiler is not given it " +
                            "and the Guardrails check cannot scan it for keys. Rename it with a UTF-8 name (`guardrails scan` reads its committed content)."));
                    }

                    return null;
                }

                long length = new FileInfo(path).Length;
                if (length > TextFileSecrets.StreamMaxBytes)
                {
                    return SkippedList.TooLarge;
                }

                // Adversary round 10 route 8: a file committed through Git LFS is a pointer in a checkout without LFS content;
                // every clone with git-lfs (developers, deploy pipelines) gets the object. Read the object from this clone's
                // LFS store when it is there (SHA-256 and size checked); else the content was not scanned (GRD312).
                string source = path;
                string? lfsNote = null;
                if (length <= LfsPointer.MaxLength && length > 0)
                {
                    string head = File.ReadAllText(path);
                    if (LfsPointer.TryParse(head, out string? oid, out long size))
                    {
                        string? stored = LfsPointer.TryFindObject(path, oid!, size);
                        string shortOid = oid!.Substring(0, 12);
                        if (stored == null)
                        {
                            findings.Add(new Finding(RuleCatalog.FileNotScannable, path, 1, 1,
                                "This file is a Git LFS pointer (sha256:" + shortOid + "…) whose content this checkout does not have, so it was not scanned for keys: " +
                                "every clone with Git LFS (developers, a deploy with lfs: true) gets the real file. Fetch it for the build (git lfs pull, " +
                                "actions/checkout with lfs: true), or take the file out of Git LFS (.gitattributes)."));
                            return null;
                        }

                        source = stored;
                        length = new FileInfo(stored).Length;
                        lfsNote = ". (Found by Guardrails in the Git LFS object of this pointer file (sha256:" + shortOid + "…, line and column in the object): " +
                                  "every clone with Git LFS checks it out in its place.)";
                    }
                }

                var found = new List<Finding>();
                bool text;
                using (var stream = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, (int)Math.Min(64 * 1024, Math.Max(length, 1))))
                {
                    // UTF-32 and unmarked UTF-16 (kept back for their encoding) are decoded as what they are.
                    Encoding encoding = TextEncodings.Sniff(stream, out _) ?? new UTF8Encoding(false, false);
                    using (var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true))
                    {
                        text = TextFileSecrets.ScanStream(path, reader, (match, line, column) =>
                        {
                            if (!providerKeysOnly || !match.Format.IsGeneric)
                            {
                                found.Add(FindingFor(path, reason, match, line, column, lfsNote ?? note));
                            }
                        }, nulAsSpace, stream.Length);
                    }
                }

                if (!text)
                {
                    return SkippedList.Binary;
                }

                findings.AddRange(found);
                return null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                findings.Add(new Finding(RuleCatalog.FileNotScannable, path, 0, 0,
                    "Guardrails could not read this file to scan it for keys (" + e.GetType().Name + "), and the compiler was not given it either. Check its name and permissions."));
                return null;
            }
        }

        internal static Finding FindingFor(string path, string? reason, SecretMatch match, int line, int column, string? note)
        {
            KeyFormat format = match.Format;
            return format.IsGeneric
                ? new Finding(RuleCatalog.PossibleSecret, path, line, column, string.Format(CultureInfo.InvariantCulture, RuleCatalog.PossibleSecretMessage, format.TokenKind, match.Redacted), warningOnly: true)
                : new Finding(RuleCatalog.KeyInFile, path, line, column, string.Format(CultureInfo.InvariantCulture, RuleCatalog.KeyInFileMessage,
                    format.Provider, format.TokenKind, match.Redacted, format.EnvironmentVariable, format.RotateUrl) +
                    (note != null ? note
                        : reason == SkippedList.KeyName
                        ? ". (Found by the Guardrails check: the file's name holds a key, so it is kept away from the compiler.)"
                        : reason == SkippedList.Binary
                        ? ". (Found by the Guardrails check: the file holds a NUL byte, so the compiler is not given it; the check reads its text.)"
                        : reason == SkippedList.Encoding
                        ? ". (Found by the Guardrails check: the file is UTF-32 or UTF-16 without a byte-order mark, which the compiler cannot decode.)"
                        : SkippedList.HasControlCharacter(path)
                        ? ". (Found by the Guardrails check: the file's name holds a line break or control character, so it cannot be passed to the compiler; rename it.)"
                        : ". (Found by the Guardrails check: the file is too large for the compiler's key scan.)"));
        }

        private static string Relative(string projectPath, string path)
        {
            try
            {
                string dir = Path.GetDirectoryName(Path.GetFullPath(projectPath)) ?? string.Empty;
                string full = Path.GetFullPath(path);
                string prefix = dir.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? dir : dir + Path.DirectorySeparatorChar;
                return full.StartsWith(prefix, StringComparison.Ordinal) ? full.Substring(prefix.Length).Replace('\\', '/') : full;
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return path;
            }
        }
    }
}
