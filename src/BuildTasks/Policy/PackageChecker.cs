using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Engine;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;
using Guardrails.Core.Sdks;
using NuGet.Versioning;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// GRD201–GRD204: every package in obj/project.assets.json, direct or transitive and per target framework, that
    /// the Core AI SDK catalog knows (neutral abstractions excepted) or that the policy lists (approved, denied, or a
    /// policy-defined SDK) must be approved with a matching version. Transitive hits name the chain that brought them.
    /// </summary>
    public static class PackageChecker
    {
        /// <summary>Assets files of very large solutions reach tens of MB; anything beyond this is refused.</summary>
        public const long MaxAssetsBytes = 128L * 1024 * 1024;

        private sealed class Library
        {
            public Library(string id, string version, int line, int column)
            {
                Id = id;
                Version = version;
                Line = line;
                Column = column;
            }

            public string Id { get; }

            public string Version { get; }

            /// <summary>Where the package is named: its library entry in the assets file, or its reference in a project file.</summary>
            public int Line { get; }

            public int Column { get; }

            public bool IsPackage { get; set; }

            public List<string> Dependencies { get; } = new List<string>();
        }

        public static void Check(GuardrailsPolicy policy, string assetsFile, List<Finding> findings, List<Guardrails.BuildTasks.Engine.Reports.PackageUse>? aiPackages = null)
        {
            JsonNode? root = Load(assetsFile, findings);
            if (root == null)
            {
                return;
            }

            JsonNode? targets = root["targets"];
            if (targets == null || !targets.IsObject)
            {
                findings.Add(new Finding(RuleCatalog.AssetsFileUnreadable, assetsFile, 1, 1, "The package assets file has no 'targets' section, so the packages cannot be checked. Run 'dotnet restore' again."));
                return;
            }

            var reported = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty target in targets.Properties)
            {
                if (!target.Value.IsObject)
                {
                    continue;
                }

                string framework = target.Name;
                var libs = new Dictionary<string, Library>(StringComparer.OrdinalIgnoreCase);
                foreach (JsonProperty lib in target.Value.Properties)
                {
                    int slash = lib.Name.IndexOf('/');
                    if (slash <= 0 || !lib.Value.IsObject)
                    {
                        continue;
                    }

                    var library = new Library(lib.Name.Substring(0, slash), lib.Name.Substring(slash + 1), lib.Value.Start.Line, lib.Value.Start.Column)
                    {
                        IsPackage = string.Equals(lib.Value["type"]?.Text, "package", StringComparison.OrdinalIgnoreCase),
                    };
                    JsonNode? deps = lib.Value["dependencies"];
                    foreach (JsonProperty d in deps?.Properties ?? (IReadOnlyList<JsonProperty>)new JsonProperty[0])
                    {
                        library.Dependencies.Add(d.Name);
                    }

                    libs[library.Id] = library;
                }

                Dictionary<string, string?> parent = Parents(DirectDependencies(root, framework), libs);
                foreach (Library lib in libs.Values)
                {
                    if (!lib.IsPackage)
                    {
                        continue;
                    }

                    string chain = Chain(lib, parent, libs);
                    Record(policy, lib, chain, aiPackages);
                    Finding? f = Judge(policy, lib, chain, framework, assetsFile);
                    if (f == null)
                    {
                        continue;
                    }

                    string key = f.Rule.Id + "|" + lib.Id + "|" + lib.Version;
                    if (!reported.ContainsKey(key))
                    {
                        reported[key] = findings.Count;
                        findings.Add(f);
                    }
                }
            }
        }

        /// <summary>
        /// The same judgement for a project that was never restored: the packages its project files reference directly
        /// (PackageReference, with the version from the reference or from central package management). Transitive packages
        /// are unknown without a restore, so only direct ones are judged; the finding points at the reference.
        /// </summary>
        public static void CheckDeclared(GuardrailsPolicy policy, IReadOnlyList<DeclaredPackage> packages, List<Finding> findings, List<Guardrails.BuildTasks.Engine.Reports.PackageUse>? aiPackages = null)
        {
            var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (DeclaredPackage p in packages)
            {
                var lib = new Library(p.Id, p.Version, p.Line, p.Column) { IsPackage = true };
                string chain = p.Id + " " + p.Version;
                Record(policy, lib, chain, aiPackages);
                Finding? f = Judge(policy, lib, chain, "declared in the project file, not restored", p.File);
                if (f != null && reported.Add(f.Rule.Id + "|" + p.Id + "|" + p.Version))
                {
                    findings.Add(f);
                }
            }
        }

        private static Finding? Judge(GuardrailsPolicy policy, Library lib, string chain, string framework, string file)
        {
            bool hasVersion = VersionRanges.TryParseVersion(lib.Version, out NuGetVersion? version);
            string shown = "'" + lib.Id + "' " + lib.Version;
            string how = chain.IndexOf('\u2192') >= 0 ? " It comes in transitively: " + chain + " (" + framework + ")." : " It is a direct reference (" + framework + ").";
            string owner = policy.Owner.Describe();

            foreach (PackageRule deny in policy.DeniedPackages)
            {
                if (deny.MatchesId(lib.Id) && (deny.Versions == null || (hasVersion && VersionRanges.Satisfies(deny.Versions, version!))))
                {
                    return new Finding(RuleCatalog.PackageDenied, file, lib.Line, lib.Column,
                        "Package " + shown + " is denied by the policy (packages.denied '" + deny.Id.Value + "'" + (deny.VersionsText != null ? " " + deny.VersionsText.Value : string.Empty) + ")" +
                        (deny.Reason != null ? ": " + Text.Show(deny.Reason.Value, 200) : string.Empty) + "." + how + " Remove the reference that brings it in.", subject: lib.Id);
                }
            }

            PackageRule? approved = policy.ApprovedPackages.Find(a => a.MatchesId(lib.Id));
            string? what = Describe(policy, lib.Id);
            if (approved == null)
            {
                return what == null ? null : new Finding(RuleCatalog.PackageNotApproved, file, lib.Line, lib.Column,
                    "Package " + shown + " (" + what + ") is not an approved AI SDK in the policy '" + (policy.PolicyId?.Value ?? "?") + "'." + how +
                    " Ask " + owner + " to add it to packages.approved, or remove the reference that brings it in.", subject: lib.Id);
            }

            if (approved.Versions != null && (!hasVersion || !VersionRanges.Satisfies(approved.Versions, version!)))
            {
                return new Finding(RuleCatalog.PackageVersionNotApproved, file, lib.Line, lib.Column,
                    "Package " + shown + " is approved only in versions " + approved.VersionsText!.Value + " (packages.approved '" + approved.Id.Value + "')." + how +
                    " Move to an approved version, or ask " + owner + " to approve this one.", subject: lib.Id);
            }

            return null;
        }

        /// <summary>Records an AI SDK package (by catalog, policy SDK entry or packages.approved) once per id and version, for the audit record.</summary>
        private static void Record(GuardrailsPolicy policy, Library lib, string chain, List<Guardrails.BuildTasks.Engine.Reports.PackageUse>? aiPackages)
        {
            if (aiPackages == null || aiPackages.Exists(p => string.Equals(p.Id, lib.Id, StringComparison.OrdinalIgnoreCase) && p.Version == lib.Version))
            {
                return;
            }

            string? what = Describe(policy, lib.Id);
            PackageRule? approved = policy.ApprovedPackages.Find(a => a.MatchesId(lib.Id));
            if (what != null || approved != null)
            {
                aiPackages.Add(new Guardrails.BuildTasks.Engine.Reports.PackageUse(lib.Id, lib.Version, what, chain.IndexOf('\u2192') < 0, approved));
            }
        }

        /// <summary>Why a package counts as an AI SDK: the catalog entry or the policy entry; null when it does not.</summary>
        private static string? Describe(GuardrailsPolicy policy, string packageId)
        {
            CustomSdk? custom = policy.CustomSdks.Find(s => s.PackageIds.Exists(p => string.Equals(p, packageId, StringComparison.OrdinalIgnoreCase)));
            if (custom != null)
            {
                return "AI SDK '" + custom.Id.Value + "' defined by the policy";
            }

            if (AiSdkCatalog.TryGetByPackageId(packageId, out AiSdk sdk) && !sdk.IsNeutral)
            {
                return sdk.DisplayName + ", provider " + sdk.Provider;
            }

            return null;
        }

        private static List<string> DirectDependencies(JsonNode root, string targetKey)
        {
            string framework = targetKey.Split('/')[0];
            var result = new List<string>();
            JsonNode? frameworks = root["project"]?["frameworks"];
            if (frameworks == null || !frameworks.IsObject)
            {
                return result;
            }

            JsonNode? chosen = null;
            foreach (JsonProperty f in frameworks.Properties)
            {
                if (string.Equals(f.Name, framework, StringComparison.OrdinalIgnoreCase) || string.Equals(f.Value["targetAlias"]?.Text, framework, StringComparison.OrdinalIgnoreCase))
                {
                    chosen = f.Value;
                }
            }

            if (chosen == null && frameworks.Properties.Count == 1)
            {
                chosen = frameworks.Properties[0].Value;
            }

            foreach (JsonProperty d in chosen?["dependencies"]?.Properties ?? (IReadOnlyList<JsonProperty>)new JsonProperty[0])
            {
                result.Add(d.Name);
            }

            return result;
        }

        /// <summary>Breadth-first from the direct references (then from project references), so each chain is a shortest one.</summary>
        private static Dictionary<string, string?> Parents(List<string> direct, Dictionary<string, Library> libs)
        {
            var parent = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var queue = new Queue<string>();
            foreach (string d in direct)
            {
                if (libs.ContainsKey(d) && !parent.ContainsKey(d))
                {
                    parent[d] = null;
                    queue.Enqueue(d);
                }
            }

            Drain(queue, parent, libs);

            // What the project's own references did not reach came through a project reference: walk from those.
            foreach (Library lib in libs.Values)
            {
                if (!lib.IsPackage && !parent.ContainsKey(lib.Id))
                {
                    parent[lib.Id] = null;
                    queue.Enqueue(lib.Id);
                }
            }

            Drain(queue, parent, libs);
            return parent;
        }

        private static void Drain(Queue<string> queue, Dictionary<string, string?> parent, Dictionary<string, Library> libs)
        {
            while (queue.Count > 0)
            {
                string id = queue.Dequeue();
                foreach (string dep in libs[id].Dependencies)
                {
                    if (libs.ContainsKey(dep) && !parent.ContainsKey(dep))
                    {
                        parent[dep] = id;
                        queue.Enqueue(dep);
                    }
                }
            }
        }

        private static string Chain(Library lib, Dictionary<string, string?> parent, Dictionary<string, Library> libs)
        {
            var parts = new List<string>();
            string? current = lib.Id;
            int guard = 0;
            while (current != null && guard++ < 64)
            {
                Library l = libs[current];
                parts.Insert(0, l.Id + " " + l.Version);
                parent.TryGetValue(current, out current);
            }

            return string.Join(" \u2192 ", parts);
        }

        private static JsonNode? Load(string path, List<Finding> findings)
        {
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    // Before the first restore there is nothing to check; restore always runs before the check in a build.
                    return null;
                }

                if (info.Length > MaxAssetsBytes)
                {
                    findings.Add(new Finding(RuleCatalog.AssetsFileUnreadable, path, 1, 1, "The package assets file is " + info.Length + " bytes; the limit is " + MaxAssetsBytes + " bytes, so the packages were not checked."));
                    return null;
                }

                string text = File.ReadAllText(path);
                JsonNode? root = JsonReader.TryParse(text, out JsonParseException? error, new JsonReaderOptions { MaxDepth = 128 });
                if (root == null)
                {
                    findings.Add(new Finding(RuleCatalog.AssetsFileUnreadable, path, error?.Position.Line ?? 1, error?.Position.Column ?? 1,
                        "The package assets file is not valid JSON (" + (error?.Message ?? "unknown error") + "), so the packages cannot be checked. Delete the obj folder and restore again."));
                }

                return root;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                findings.Add(new Finding(RuleCatalog.AssetsFileUnreadable, path, 0, 0, "The package assets file could not be read (" + e.GetType().Name + ": " + e.Message + "), so the packages cannot be checked."));
                return null;
            }
        }
    }

    /// <summary>A package a project file references directly, where it is referenced (1-based line and column).</summary>
    public sealed class DeclaredPackage
    {
        public DeclaredPackage(string id, string version, string file, int line, int column)
        {
            Id = id;
            Version = version;
            File = file;
            Line = line;
            Column = column;
        }

        public string Id { get; }

        /// <summary>The version as written (a version or a range); empty when none is known.</summary>
        public string Version { get; }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }
    }
}
