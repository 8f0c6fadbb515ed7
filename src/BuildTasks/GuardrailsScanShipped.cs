using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Files;
using Guardrails.Core.Policy;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.BuildTasks
{
    /// <summary>
    /// The second, late key scan: the files <c>dotnet pack</c> puts in the package (<c>_PackageFiles</c>, right after NuGet's
    /// pack task consumed them) and <c>dotnet publish</c> copies to the publish folder (<c>ResolvedFileToPublish</c> and the
    /// SDK's per-kind copy lists, right after the copy), whatever target added them after the check ran. Each text file not
    /// already handed to the compiler's key scan is scanned with the same engine (GRD002/GRD006 at its file, line and
    /// column; an error in Enforce, from the effective policy the check wrote). Binaries (by extension or content) and the
    /// runtimeconfig.json / deps.json the SDK generates (their values come from properties and packages the build already
    /// judged: the RuntimeHostConfigurationOption listing, the imported build files) are skipped.
    /// </summary>
    public sealed class GuardrailsScanShipped : Task
    {
        /// <summary>The files that ship (source paths).</summary>
        public ITaskItem[]? Files { get; set; }

        /// <summary>The compiler's AdditionalFiles: scanned there already, not again.</summary>
        public ITaskItem[]? AlreadyScanned { get; set; }

        /// <summary>Generated files to leave out (the project's runtimeconfig.json and deps.json).</summary>
        public ITaskItem[]? Generated { get; set; }

        /// <summary>The effective policy the check wrote (its mode decides error or warning).</summary>
        public string? EffectivePolicyFile { get; set; }

        /// <summary>
        /// Packages whose entries are scanned themselves: a pack from a hand-written .nuspec (NuspecFile) takes its files
        /// from the nuspec, not from _PackageFiles, so the package is the only complete list.
        /// </summary>
        public ITaskItem[]? Packages { get; set; }

        /// <summary>Artifacts to delete when a key is found in Enforce (the .nupkg NuGet just wrote).</summary>
        public ITaskItem[]? RemoveOnError { get; set; }

        /// <summary>"pack" or "publish", for the message.</summary>
        public string Step { get; set; } = "publish";

        public override bool Execute()
        {
            try
            {
                bool enforce = true;
                string? policyFile = EffectivePolicyFile?.Trim();
                if (!string.IsNullOrEmpty(policyFile) && File.Exists(policyFile))
                {
                    EffectivePolicy? effective = EffectivePolicy.Read(File.ReadAllText(policyFile), out _);
                    enforce = effective == null || !string.Equals(effective.Mode, "Audit", StringComparison.OrdinalIgnoreCase);
                }

                var skip = new HashSet<string>(PathComparer);
                foreach (string path in GuardrailsCheck.Paths(AlreadyScanned))
                {
                    skip.Add(Full(path));
                }

                foreach (string path in GuardrailsCheck.Paths(Generated))
                {
                    skip.Add(Full(path));
                }

                string note = ". (Found by Guardrails when the build " + (Step == "pack" ? "packed this file into the NuGet package" : "published this file") +
                    ": a target added it after the check, so no earlier scan saw it.)";
                var findings = new List<Finding>();
                foreach (string path in GuardrailsCheck.Paths(Files))
                {
                    string full = Full(path);
                    if (!skip.Add(full) || TextFileSecrets.HasBinaryExtension(full) || !File.Exists(full))
                    {
                        continue;
                    }

                    // A file over the streaming limit or with binary content is not configuration anyone reads as text.
                    KeptBackFiles.ScanText(full, null, findings, note);
                }

                foreach (string package in GuardrailsCheck.Paths(Packages))
                {
                    ScanPackage(package, findings);
                }

                foreach (Finding finding in findings)
                {
                    GuardrailsCheck.LogSafely(Log, finding, enforce);
                }

                if (Log.HasLoggedErrors)
                {
                    // The package already written holds the key: nothing is left behind to upload.
                    foreach (string artifact in GuardrailsCheck.Paths(RemoveOnError))
                    {
                        try
                        {
                            File.Delete(artifact);
                        }
                        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
                        {
                            Log.LogMessage(MessageImportance.High, "Guardrails: could not delete {0} ({1}).", artifact, e.GetType().Name);
                        }
                    }
                }
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                Log.LogError("Guardrails", Core.Rules.RuleIds.InternalError, Core.Rules.RuleIds.InternalError, Core.Rules.RuleCatalog.InternalError.HelpLink, string.Empty, 0, 0, 0, 0,
                    "Guardrails could not scan the files the build {0} ({1}). The build fails closed; please report this with the build log.", Step == "pack" ? "packs" : "publishes", e.GetType().Name);
            }

            return !Log.HasLoggedErrors;
        }

        /// <summary>Every text entry of a package (not NuGet's own OPC parts), scanned as a file of that name would be.</summary>
        private static void ScanPackage(string package, List<Finding> findings)
        {
            if (!File.Exists(package))
            {
                return;
            }

            using (var zip = new System.IO.Compression.ZipArchive(File.OpenRead(package), System.IO.Compression.ZipArchiveMode.Read))
            {
                foreach (System.IO.Compression.ZipArchiveEntry entry in zip.Entries)
                {
                    string name = entry.FullName;
                    if (name.EndsWith("/", StringComparison.Ordinal) || TextFileSecrets.HasBinaryExtension(name) || entry.Length > TextFileSecrets.StreamMaxBytes ||
                        name == "[Content_Types].xml" || name.StartsWith("_rels/", StringComparison.Ordinal) || name.StartsWith("package/services/", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    string shown = package + "/" + name;
                    string note = ". (Found by Guardrails in the NuGet package the build wrote from a .nuspec: entry " + name + ".)";
                    var found = new List<Finding>();
                    using (var reader = new StreamReader(entry.Open(), new System.Text.UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true))
                    {
                        if (!TextFileSecrets.ScanStream(name, reader, (match, line, column) => found.Add(KeptBackFiles.FindingFor(shown, null, match, line, column, note))))
                        {
                            continue; // binary content behind a text name
                        }
                    }

                    findings.AddRange(found);
                }
            }
        }

        private static StringComparer PathComparer => Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        private static string Full(string path)
        {
            try
            {
                return Path.GetFullPath(path.Trim());
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return path.Trim();
            }
        }
    }
}
