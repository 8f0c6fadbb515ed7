using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.BuildTasks.Foundation;
using Guardrails.Core.Json;
using Guardrails.Core.Policy;
using Guardrails.Core.Rules;
using Guardrails.Core.Sdks;
using NuGet.Versioning;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// GRD201–GRD204: every package in obj/project.assets.json, direct or transitive and per target framework, is
    /// judged by Core's PolicyVerdicts (AI SDKs of the catalog or the policy must be approved, in an approved version,
    /// by packages.approved or a route; denied ones never pass). Transitive hits name the chain that brought them.
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

            /// <summary>The compile-time assets (paths in the package, "lib/net8.0/X.dll") the assets file lists for it.</summary>
            public List<string> Compile { get; } = new List<string>();

            /// <summary>How the project brings it in when not by a PackageReference (a PackageDownload); null otherwise.</summary>
            public string? Kind { get; set; }
        }

        /// <summary>
        /// Checks the restored packages with Core's <see cref="PolicyVerdicts"/> (the evaluator the analyzers use) and
        /// records each restored package and each version answer in <paramref name="effective"/>, so GRD003 decides the
        /// same package, version and chain the same way. Findings point at the PackageReference that brings the package
        /// in (project file, Directory.Build.props/targets or Directory.Packages.props), else at the assets file.
        /// </summary>
        /// <param name="targetFramework">
        /// The framework of the build the effective policy is for: every target is judged by the package gate, but only
        /// this framework's packages and chains are recorded for the analyzers (each inner build of a multi-targeted
        /// project compiles against its own target, where the same package can come in through another chain). Null, or
        /// no target of that framework: every target's packages are recorded, the first chain of each package version.
        /// </param>
        public static void Check(GuardrailsPolicy policy, EffectivePolicy effective, string assetsFile, string? projectFile, List<Finding> findings, List<Guardrails.BuildTasks.Policy.PackageUse>? aiPackages = null, string? targetFramework = null,
            IReadOnlyList<string>? packageReferenceIds = null)
        {
            JsonNode? root = Load(assetsFile, findings);
            if (root == null)
            {
                return;
            }

            if (packageReferenceIds != null)
            {
                CheckNotStale(root, assetsFile, packageReferenceIds, targetFramework, findings);
            }

            CheckEveryFrameworkHasGuardrails(root, assetsFile, targetFramework, findings);

            JsonNode? targets = root["targets"];
            if (targets == null || !targets.IsObject)
            {
                findings.Add(new Finding(RuleCatalog.AssetsFileUnreadable, assetsFile, 1, 1, "The package assets file has no 'targets' section, so the packages cannot be checked. Run 'dotnet restore' again."));
                return;
            }

            var verdicts = new PolicyVerdicts(effective, NuGetOracle(effective));
            var locator = new ReferenceLocator(projectFile);
            var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var restored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new List<(Library Lib, List<Library> Chain, string Framework)>();
            var routePackages = new RoutePackages(verdicts);
            targetFramework = string.IsNullOrWhiteSpace(targetFramework) ? null : targetFramework!.Trim();
            bool anyOfFramework = false;
            foreach (JsonProperty target in targets.Properties)
            {
                anyOfFramework |= targetFramework != null && target.Value.IsObject && IsFramework(target.Name, targetFramework);
            }

            foreach (JsonProperty target in targets.Properties)
            {
                if (!target.Value.IsObject)
                {
                    continue;
                }

                string framework = target.Name;
                bool recordHere = !anyOfFramework || IsFramework(framework, targetFramework!);
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

                    foreach (JsonProperty c in lib.Value["compile"]?.Properties ?? (IReadOnlyList<JsonProperty>)new JsonProperty[0])
                    {
                        library.Compile.Add(c.Name);
                    }

                    libs[library.Id] = library;
                }

                List<string> direct = DirectDependencies(root, framework);
                Dictionary<string, string?> parent = Parents(direct, libs, null);

                // The chain judged is one that does not pass through a route's package wherever there is one: a package
                // that a route's package brings in is allowed through the route only when nothing else brings it in,
                // whatever the order in which the assets file lists the references.
                Dictionary<string, string?> outsideRoutes = Parents(direct, libs, l => l.IsPackage && routePackages.IsRoutePackage(l.Id, l.Version));
                foreach (Library lib in libs.Values)
                {
                    if (!lib.IsPackage)
                    {
                        continue;
                    }

                    List<Library> chain = Chain(lib, outsideRoutes.ContainsKey(lib.Id) ? outsideRoutes : parent, libs);
                    if (recordHere && restored.Add(lib.Id + "/" + lib.Version))
                    {
                        effective.Packages.Add(new ResolvedPackage(lib.Id, lib.Version, chain.FindAll(l => l.IsPackage).ConvertAll(l => l.Id)));
                    }

                    pending.Add((lib, chain, framework));
                }
            }

            // Decided once every restored package is known: a route's package may sit later in the assets file. A package
            // that is no AI SDK's but whose compile-time assembly declares a catalog SDK's signature types carries that SDK
            // under another id (adversary round 10 route 2) and is judged as it: approved only by its own id.
            foreach ((Library lib, List<Library> chain, string framework) in pending)
            {
                List<string> chainIds = chain.FindAll(l => l.IsPackage).ConvertAll(l => l.Id);
                CarriedSdks.Carried? carried = Carrier(root, lib, verdicts.SdkOfPackage(lib.Id));
                Decision decision = carried != null
                    ? verdicts.CarrierPackage(lib.Id, lib.Version, chainIds, carried.Sdk, carried.Evidence)
                    : verdicts.Package(lib.Id, lib.Version, chainIds);
                Record(policy, lib, chain, decision, aiPackages);
                if (!decision.IsViolation || !reported.Add(decision.RuleId + "|" + lib.Id + "|" + lib.Version))
                {
                    continue;
                }

                findings.Add(Report(decision, lib, chain, framework, assetsFile, locator, verdicts));
            }

            CheckDownloads(policy, root, assetsFile, verdicts, locator, reported, findings, aiPackages);
        }

        /// <summary>
        /// Adversary round 10 route 1b: a <c>PackageDownload</c> (the assets file's <c>project.frameworks.*.downloadDependencies</c>)
        /// puts a package in the package folder with no restore graph: a build's inline task or a hint-path Reference can
        /// then use an AI SDK no package rule judged. Each download is judged as a direct reference of that exact version
        /// (GRD201-GRD203, the words <see cref="ReferenceLocator.Declared"/> gives <c>guardrails scan</c>), at the
        /// PackageDownload element when it can be found. Packs the SDK downloads itself (runtime and targeting packs) are
        /// no AI SDK, so nothing is said about them.
        /// </summary>
        private static void CheckDownloads(GuardrailsPolicy policy, JsonNode root, string assetsFile, PolicyVerdicts verdicts, ReferenceLocator locator, HashSet<string> reported, List<Finding> findings,
            List<Guardrails.BuildTasks.Policy.PackageUse>? aiPackages)
        {
            if (root["project"]?["frameworks"] is not { IsObject: true } frameworks)
            {
                return;
            }

            foreach (JsonProperty f in frameworks.Properties)
            {
                string framework = f.Value["targetAlias"]?.Text is { Length: > 0 } alias ? alias : f.Name;
                foreach (JsonNode download in f.Value["downloadDependencies"]?.Items ?? (IReadOnlyList<JsonNode>)Array.Empty<JsonNode>())
                {
                    string? id = download["name"]?.Text;
                    if (string.IsNullOrWhiteSpace(id))
                    {
                        continue;
                    }

                    string version = ExactVersion(download["version"]?.Text);
                    Decision decision = verdicts.Package(id!, version.Length > 0 ? version : null, new[] { id! });
                    if (decision.Verdict == Verdict.NotGoverned)
                    {
                        continue;
                    }

                    var lib = new Library(id!, version, download.Start.Line, download.Start.Column) { IsPackage = true, Kind = ReferenceLocator.DownloadKind };
                    var chain = new List<Library> { lib };
                    Record(policy, lib, chain, decision, aiPackages);
                    if (decision.IsViolation && reported.Add(decision.RuleId + "|" + id + "|" + version))
                    {
                        findings.Add(Report(decision, lib, chain, framework, assetsFile, locator, verdicts));
                    }
                }
            }
        }

        /// <summary>"2.15.0" from a PackageDownload's exact range "[2.15.0, 2.15.0]" (or "[2.15.0]"); else the text trimmed.</summary>
        private static string ExactVersion(string? range)
        {
            string text = (range ?? string.Empty).Trim().TrimStart('[', '(').TrimEnd(']', ')');
            int comma = text.IndexOf(',');
            return (comma >= 0 ? text.Substring(0, comma) : text).Trim();
        }

        /// <summary>
        /// The SDK a restored package carries (<see cref="CarriedSdks"/>), from the package folder the assets file names:
        /// declared by one of its compile-time assemblies, else (adversary round 12 route 3) an assembly of its build folders
        /// (analyzers, source generators, MSBuild tasks, tools: <see cref="CarriedSdks.InBuildFolders"/>, from the
        /// library's file list) that is, declares or references a catalog SDK's assembly.
        /// </summary>
        private static CarriedSdks.Carried? Carrier(JsonNode root, Library lib, AiSdk? own)
        {
            JsonNode? library = root["libraries"]?[lib.Id + "/" + lib.Version];
            if (library?["path"]?.Text is not { Length: > 0 } path)
            {
                return null;
            }

            foreach (JsonProperty folder in root["packageFolders"]?.Properties ?? (IReadOnlyList<JsonProperty>)Array.Empty<JsonProperty>())
            {
                string dir;
                try
                {
                    dir = Path.Combine(folder.Name, path);
                }
                catch (ArgumentException)
                {
                    continue;
                }

                if (Directory.Exists(dir))
                {
                    string? sha512 = library["sha512"]?.Text;
                    var files = new List<string>();
                    foreach (JsonNode file in library["files"]?.Items ?? (IReadOnlyList<JsonNode>)Array.Empty<JsonNode>())
                    {
                        if (file.Text is { Length: > 0 } f && CarriedSdks.IsBuildFolderAssembly(f))
                        {
                            files.Add(f);
                        }
                    }

                    return (lib.Compile.Count > 0 ? CarriedSdks.Of(dir, lib.Compile, sha512, own) : null)
                        ?? (files.Count > 0 ? CarriedSdks.InBuildFolders(dir, files, sha512, own) : null);
                }
            }

            return null;
        }

        /// <summary>
        /// The same judgement for a project that was never restored (the CLI): the packages its project files reference
        /// directly (PackageReference, with the version from the reference or from central package management).
        /// Transitive packages are unknown without a restore, so only direct ones are judged; the finding points at the
        /// reference. A version that is not a single version (a range, or none) is judged by id.
        /// </summary>
        public static void CheckDeclared(GuardrailsPolicy policy, EffectivePolicy effective, IReadOnlyList<DeclaredPackage> packages, List<Finding> findings, List<Guardrails.BuildTasks.Policy.PackageUse>? aiPackages = null, string origin = "declared in the project file, not restored", bool recordWhere = false)
        {
            var verdicts = new PolicyVerdicts(effective, NuGetOracle(effective));
            var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var locator = new ReferenceLocator(null);
            foreach (DeclaredPackage p in packages)
            {
                string? version = VersionRanges.TryParseVersion(p.Version, out _) ? p.Version.Trim() : null;
                var lib = new Library(p.Id, p.Version, p.Line, p.Column) { IsPackage = true };
                IReadOnlyList<string> ids = p.Chain ?? new[] { p.Id };
                if (version != null)
                {
                    effective.Packages.Add(new ResolvedPackage(p.Id, version, ids));
                }

                Decision decision = p.Source != null ? verdicts.PackageFrom(p.Id, version, ids, p.Source) : verdicts.Package(p.Id, version, ids);
                var chain = new List<Library>();
                for (int i = 0; i < ids.Count - 1; i++)
                {
                    chain.Add(new Library(ids[i], VersionOf(packages, ids[i]), p.Line, p.Column) { IsPackage = true });
                }

                chain.Add(lib);
                Record(policy, lib, chain, decision, aiPackages, recordWhere ? p.File + ":" + p.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (" + origin + ")" : null);
                if (decision.IsViolation && reported.Add(decision.RuleId + "|" + p.Id + "|" + p.Version))
                {
                    findings.Add(Report(decision, lib, chain, origin, p.File, locator, verdicts));
                }
            }
        }

        /// <summary>An assets file target ("net10.0", or "net10.0/linux-x64" with a runtime) of the build's framework.</summary>
        private static bool IsFramework(string targetKey, string framework)
        {
            int slash = targetKey.IndexOf('/');
            return string.Equals(slash >= 0 ? targetKey.Substring(0, slash) : targetKey, framework, StringComparison.OrdinalIgnoreCase);
        }

        private static string VersionOf(IReadOnlyList<DeclaredPackage> packages, string id)
        {
            foreach (DeclaredPackage p in packages)
            {
                if (string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))
                {
                    return p.Version;
                }
            }

            return string.Empty;
        }

        private static Finding Report(Decision decision, Library lib, List<Library> chain, string framework, string assetsFile, ReferenceLocator locator, PolicyVerdicts verdicts)
        {
            string shown = "Package '" + lib.Id + "'" + (string.IsNullOrEmpty(lib.Version) ? string.Empty : " " + lib.Version); // a command that installs no pinned version
            bool transitive = chain.Count > 1;
            string how = lib.Kind != null
                ? " It is " + lib.Kind + " (" + framework + ")."
                : transitive
                ? " It comes in transitively: " + string.Join(" \u2192 ", chain.ConvertAll(l => l.Id + " " + l.Version)) + " (" + framework + ")."
                : " It is a direct reference (" + framework + ").";
            RuleInfo rule = decision.Verdict == Verdict.Denied ? RuleCatalog.PackageDenied
                : decision.Verdict == Verdict.VersionNotApproved ? RuleCatalog.PackageVersionNotApproved
                : RuleCatalog.PackageNotApproved;
            string what = decision.Verdict == Verdict.Denied ? " is denied by the policy: " + decision.Reason + "."
                : decision.Verdict == Verdict.VersionNotApproved ? " is not an approved version: " + decision.Reason + "."
                : " (" + Describe(decision) + ") is not an approved AI SDK in the policy '" + (verdicts.Policy.PolicyId ?? "?") + "'.";
            string fix = decision.Verdict == Verdict.Denied
                ? " Remove the reference that brings it in (" + decision.Proposal + ")."
                : " To approve it, ask " + verdicts.OwnerContact + " to " + decision.Proposal + "; or " + (transitive ? "change the reference that brings it in." : "remove the reference.");
            string topId = chain.Count > 0 ? chain[0].Id : lib.Id;
            ReferenceLocation? at = locator.Find(topId);
            string message = shown + what + how + fix;
            return at != null
                ? new Finding(rule, at.File, at.Line, at.Column, message, subject: lib.Id)
                : new Finding(rule, assetsFile, lib.Line, lib.Column, message, subject: lib.Id);
        }

        private static string Describe(Decision decision)
        {
            AiSdk? sdk = decision.Sdk;
            if (decision.Source != null)
            {
                return (sdk == null ? "AI SDK" : sdk.IsCustom ? "AI SDK '" + sdk.Id + "' defined by the policy" : sdk.DisplayName + ", provider " + sdk.Provider) +
                    "; " + decision.Reason;
            }

            if (sdk != null && decision.Carries != null && decision.CarrierApprovedById)
            {
                return "it carries the " + sdk.DisplayName + ", provider " + sdk.Provider + ": " + decision.Carries + "; " + decision.Reason;
            }

            if (sdk != null && decision.Carries != null)
            {
                return "it carries the " + sdk.DisplayName + ", provider " + sdk.Provider + ", under another package id and assembly name: " + decision.Carries + "; an approval of '" + sdk.PrimaryPackageId + "' does not cover it";
            }

            return sdk == null ? "AI SDK" : sdk.IsCustom ? "AI SDK '" + sdk.Id + "' defined by the policy" : sdk.DisplayName + ", provider " + sdk.Provider;
        }

        /// <summary>NuGet.Versioning decides every range; each answer is recorded for the analyzers.</summary>
        private static Func<string, string, bool?> NuGetOracle(EffectivePolicy effective)
        {
            var ranges = new Dictionary<string, VersionRange?>(StringComparer.Ordinal);
            return (rangeText, versionText) =>
            {
                if (!ranges.TryGetValue(rangeText, out VersionRange? range))
                {
                    VersionRanges.TryParse(rangeText, out range);
                    ranges[rangeText] = range;
                }

                bool satisfies = range != null && VersionRanges.TryParseVersion(versionText, out NuGetVersion? version) && VersionRanges.Satisfies(range, version!);
                effective.RecordVersion(rangeText, versionText, satisfies);
                return satisfies;
            };
        }

        /// <summary>Records an AI SDK package (by catalog, policy SDK entry, packages.approved or a route) once per id and version, for the audit record.</summary>
        private static void Record(GuardrailsPolicy policy, Library lib, List<Library> chain, Decision decision, List<Guardrails.BuildTasks.Policy.PackageUse>? aiPackages, string? usedIn = null)
        {
            Guardrails.BuildTasks.Policy.PackageUse? known = aiPackages?.Find(p => string.Equals(p.Id, lib.Id, StringComparison.OrdinalIgnoreCase) && p.Version == lib.Version);
            if (aiPackages == null || known != null)
            {
                if (known != null && usedIn != null && !known.UsedIn.Contains(usedIn))
                {
                    known.UsedIn.Add(usedIn);
                }

                return;
            }

            PackageRule? approved = decision.Verdict == Verdict.Approved && decision.Route == null ? policy.ApprovedPackages.Find(a => a.MatchesId(lib.Id)) : null;
            string? what = decision.Sdk != null && !decision.Sdk.IsNeutral ? Describe(decision) : null;
            if (what != null || approved != null || decision.Route != null)
            {
                var use = new Guardrails.BuildTasks.Policy.PackageUse(lib.Id, lib.Version, what, chain.Count <= 1, approved, chain.FindAll(l => l.IsPackage).ConvertAll(l => l.Id));
                if (usedIn != null)
                {
                    use.UsedIn.Add(usedIn);
                    use.InProject = false;
                }

                aiPackages.Add(use);
            }
        }

        /// <summary>
        /// GRD313: a package the project references that the assets file does not list was added after the last restore
        /// (a build with --no-restore, or a restore that failed): the check would judge, and the compiler get, the packages
        /// of an older restore instead of what the project says. Only additions are judged: a package removed since the
        /// last restore is still judged from the assets file, which is stricter.
        /// </summary>
        /// <summary>The id of Guardrails' own package (nuget/Guardrails.Package.csproj).</summary>
        public const string GuardrailsPackageId = "Guardrails";

        /// <summary>
        /// GRD317 (adversary round 9 route 1): a multi-targeted project whose restore brings Guardrails into this framework
        /// (a direct dependency of it in <c>project.frameworks</c>) but not into another — <c>RestoreEnableGlobalPackageReference=false</c>
        /// or a PackageReference conditioned on the framework — compiles that other framework with no check, no analyzers and
        /// no record (with its intermediate and output folders moved, out of the gate's sight too). The inner build that does
        /// run the check sees the whole restore, so it fails for the framework that does not. A restore whose frameworks all
        /// lack the package directly (Guardrails brought in another way) is not judged here.
        /// </summary>
        private static void CheckEveryFrameworkHasGuardrails(JsonNode root, string assetsFile, string? targetFramework, List<Finding> findings)
        {
            if (root["project"]?["frameworks"] is not { IsObject: true } frameworks)
            {
                return;
            }

            string current = (targetFramework ?? string.Empty).Trim();
            bool Is(JsonProperty f) => current.Length > 0 && (string.Equals(f.Name, current, StringComparison.OrdinalIgnoreCase) ||
                                                             string.Equals(f.Value["targetAlias"]?.Text, current, StringComparison.OrdinalIgnoreCase));
            bool Has(JsonProperty f) => f.Value["dependencies"]?.Properties.Any(d => string.Equals(d.Name, GuardrailsPackageId, StringComparison.OrdinalIgnoreCase)) == true;
            bool judged = current.Length > 0 && frameworks.Properties.Any(Is) ? frameworks.Properties.Where(Is).Any(Has) : frameworks.Properties.Any(Has);
            if (!judged)
            {
                return;
            }

            foreach (JsonProperty f in frameworks.Properties.Where(f => !Has(f)))
            {
                string name = f.Value["targetAlias"]?.Text is { Length: > 0 } alias ? alias : f.Name;
                string[] downloads = (f.Value["downloadDependencies"]?.Items ?? (IReadOnlyList<JsonNode>)Array.Empty<JsonNode>())
                    .Select(d => d["name"]?.Text).Where(n => !string.IsNullOrEmpty(n) && AiSdkCatalog.TryGetByPackageId(n!, out _)).Select(n => n!).ToArray();
                findings.Add(new Finding(RuleCatalog.FrameworkWithoutGuardrails, assetsFile, f.Value.Start.Line, f.Value.Start.Column,
                    "The target framework '" + name + "' of this project restores without the Guardrails package, which the framework " + (current.Length > 0 ? "'" + current + "'" : "of this build") +
                    " restores: its inner build compiles with no Guardrails check, no analyzers and no audit record (RestoreEnableGlobalPackageReference=false, or a Guardrails reference conditioned on the framework)" +
                    (downloads.Length > 0 ? "; it also downloads the AI SDK " + string.Join(", ", downloads.Select(d => SafeText.Clean(d))) + " (PackageDownload), which no package rule judges" : string.Empty) +
                    ". Every framework of a project must build with Guardrails: remove the condition."));
            }
        }

        private static void CheckNotStale(JsonNode root, string assetsFile, IReadOnlyList<string> packageReferenceIds, string? targetFramework, List<Finding> findings)
        {
            JsonNode? frameworks = root["project"]?["frameworks"];
            if (frameworks == null || !frameworks.IsObject)
            {
                return;
            }

            var restored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string framework = (targetFramework ?? string.Empty).Trim();
            bool matched = false;
            foreach (JsonProperty f in frameworks.Properties)
            {
                bool chosen = framework.Length == 0 || string.Equals(f.Name, framework, StringComparison.OrdinalIgnoreCase) ||
                              string.Equals(f.Value["targetAlias"]?.Text, framework, StringComparison.OrdinalIgnoreCase);
                if (!chosen)
                {
                    continue;
                }

                matched = true;
                foreach (JsonProperty d in f.Value["dependencies"]?.Properties ?? (IReadOnlyList<JsonProperty>)new JsonProperty[0])
                {
                    restored.Add(d.Name);
                }
            }

            if (!matched)
            {
                findings.Add(new Finding(RuleCatalog.AssetsFileStale, assetsFile, 1, 1,
                    "The package assets file has no entry for the target framework '" + framework + "' this build compiles: it is from a restore of another project state. " +
                    "Run 'dotnet restore' (do not build with --no-restore after changing the project)."));
                return;
            }

            var missing = new List<string>();
            foreach (string id in packageReferenceIds)
            {
                string trimmed = id.Trim();
                if (trimmed.Length > 0 && !restored.Contains(trimmed) && !missing.Exists(m => string.Equals(m, trimmed, StringComparison.OrdinalIgnoreCase)))
                {
                    missing.Add(trimmed);
                }
            }

            if (missing.Count > 0)
            {
                findings.Add(new Finding(RuleCatalog.AssetsFileStale, assetsFile, 1, 1,
                    "The package assets file is older than the project's package references: " + string.Join(", ", missing) + (missing.Count == 1 ? " is" : " are") +
                    " referenced but not in the last restore, so the packages checked (and compiled) are not the ones the project names. " +
                    "Run 'dotnet restore' (do not build with --no-restore after changing package references)."));
            }
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

        /// <summary>
        /// Breadth-first from the direct references (then from project references), so each chain is a shortest one;
        /// the dependencies of a library <paramref name="stop"/> holds for are not followed (it is reached, not passed through).
        /// </summary>
        private static Dictionary<string, string?> Parents(List<string> direct, Dictionary<string, Library> libs, Func<Library, bool>? stop)
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

            Drain(queue, parent, libs, stop);

            // What the project's own references did not reach came through a project reference: walk from those.
            foreach (Library lib in libs.Values)
            {
                if (!lib.IsPackage && !parent.ContainsKey(lib.Id))
                {
                    parent[lib.Id] = null;
                    queue.Enqueue(lib.Id);
                }
            }

            Drain(queue, parent, libs, stop);
            return parent;
        }

        private static void Drain(Queue<string> queue, Dictionary<string, string?> parent, Dictionary<string, Library> libs, Func<Library, bool>? stop)
        {
            while (queue.Count > 0)
            {
                string id = queue.Dequeue();
                if (stop != null && stop(libs[id]))
                {
                    continue;
                }

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

        /// <summary>The libraries from the top-level reference (or project reference) down to <paramref name="lib"/>.</summary>
        private static List<Library> Chain(Library lib, Dictionary<string, string?> parent, Dictionary<string, Library> libs)
        {
            var parts = new List<Library>();
            string? current = lib.Id;
            int guard = 0;
            while (current != null && guard++ < 64)
            {
                Library l = libs[current];
                parts.Insert(0, l);
                parent.TryGetValue(current, out current);
            }

            return parts;
        }

        private static JsonNode? Load(string path, List<Finding> findings)
        {
            LoadedFile? file = SourceFile.TryLoad(path, MaxAssetsBytes, out LoadFailure failure, out string detail);
            if (file == null)
            {
                // Before the first restore there is nothing to check; restore always runs before the check in a build.
                if (failure == LoadFailure.TooLarge)
                {
                    findings.Add(new Finding(RuleCatalog.AssetsFileUnreadable, path, 1, 1, "The package assets file is " + detail + " bytes; the limit is " + MaxAssetsBytes + " bytes, so the packages were not checked."));
                }
                else if (failure == LoadFailure.Unreadable)
                {
                    findings.Add(new Finding(RuleCatalog.AssetsFileUnreadable, path, 0, 0, "The package assets file could not be read (" + detail + "), so the packages cannot be checked."));
                }

                return null;
            }

            string? text = SourceFile.TryDecode(file, out int badLine, out int badColumn);
            if (text == null)
            {
                findings.Add(new Finding(RuleCatalog.AssetsFileUnreadable, path, badLine, badColumn,
                    "The package assets file is not valid UTF-8 text, so the packages cannot be checked. Delete the obj folder and restore again."));
                return null;
            }

            JsonNode? root = JsonReader.TryParse(text, out JsonParseException? error, new JsonReaderOptions { MaxDepth = 128 });
            if (root == null)
            {
                findings.Add(new Finding(RuleCatalog.AssetsFileUnreadable, path, error?.Position.Line ?? 1, error?.Position.Column ?? 1,
                    "The package assets file is not valid JSON (" + (error?.Message ?? "unknown error") + "), so the packages cannot be checked. Delete the obj folder and restore again."));
            }

            return root;
        }
    }

    /// <summary>Which restored packages a route approves (asked of the evaluator once per package and version).</summary>
    internal sealed class RoutePackages
    {
        private readonly PolicyVerdicts _verdicts;
        private readonly Dictionary<string, bool> _known = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        public RoutePackages(PolicyVerdicts verdicts) => _verdicts = verdicts;

        public bool IsRoutePackage(string id, string version)
        {
            string key = id + "/" + version;
            if (!_known.TryGetValue(key, out bool isRoute))
            {
                Decision d = _verdicts.Package(id, version);
                isRoute = d.Verdict == Verdict.Approved && d.Route != null;
                _known.Add(key, isRoute);
            }

            return isRoute;
        }
    }
}
