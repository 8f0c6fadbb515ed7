using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.Core.Policy;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Holds the assistants a repository really uses (their footprints, from the project folder up to the repository
    /// root, and committed ones in folders off that walk: <see cref="CommittedFootprintFolders"/>) against the manifest and the policy: GRD130 undeclared footprint, GRD131 declared assistant with no
    /// footprint, GRD132 unapproved MCP server, GRD133 unapproved model, GRD134 permission above the ceiling, GRD135
    /// literal credential, GRD136 personal file committed, GRD137 file or folder that could not be read.
    /// GRD135, GRD136 and GRD137 need no policy (they are hygiene, like the secrets rules); the others need a valid
    /// policy, and GRD130/GRD131 a manifest. Findings carry waiver subjects, so policy waivers apply to them.
    /// </summary>
    public static class FootprintChecker
    {
        /// <summary>
        /// The assistant files whose literal credentials the check reports (GRD135): every footprint file discovery finds
        /// from <paramref name="projectDirectory"/> (with the project's manifest, as the check discovers them), an editor's
        /// general settings only when they configure MCP servers. The key scan leaves these files to the check, so one
        /// literal gets one report (GRD135, not also GRD002). Full paths.
        /// </summary>
        public static HashSet<string> CredentialFiles(string projectDirectory, string? manifestPath)
        {
            var files = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            DiscoveryResult discovery = FootprintDiscovery.Discover(projectDirectory, new DiscoveryOptions { ManifestPath = string.IsNullOrWhiteSpace(manifestPath) ? null : manifestPath });
            foreach (FootprintHit hit in discovery.Hits)
            {
                if (!hit.IsDirectory && !hit.NamedInContent && (!hit.OnlyWithMcpServers || IsFootprint(hit, AssistantFileReader.Read(hit))))
                {
                    files.Add(Path.GetFullPath(hit.FullPath));
                }
            }

            return files;
        }

        /// <summary>
        /// An editor's general settings (VS Code's settings.json, a *.code-workspace) are an assistant's footprint only when
        /// they configure MCP servers or let the chat agent act without asking (<c>chat.tools.global.autoApprove</c>,
        /// <c>chat.tools.terminal.autoApprove</c>, …: adversary round 6 #20); keys in them otherwise are GRD002's.
        /// </summary>
        private static bool IsFootprint(FootprintHit hit, FootprintContent content) =>
            !hit.OnlyWithMcpServers || content.Servers.Count > 0 || content.Permissions.Exists(p => PermissionSettings.IsVsCodeChatSetting(p.Setting)) ||
            content.Endpoints.Exists(e => e.Setting.IndexOf("github.copilot.", StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>
        /// VS Code's <c>http.proxy</c> is every extension's: it makes the settings file Copilot's footprint only where the
        /// manifest declares Copilot (adversary round 8 route 9: Copilot's traffic then goes through it, GRD138). Keys in
        /// such a file stay the key scan's (GRD002), as <see cref="CredentialFiles"/> says without the manifest.
        /// </summary>
        private static bool CarriesDeclaredAssistantsTraffic(FootprintHit hit, FootprintContent content, AssistantManifest? manifest) =>
            hit.OnlyWithMcpServers && content.Endpoints.Count > 0 && manifest != null &&
            manifest.Assistants.Exists(a => hit.Assistants.Any(id => string.Equals(id, a.Id.Value, StringComparison.OrdinalIgnoreCase)));

        public static void Check(CheckRequest request, GuardrailsPolicy? policy, AssistantManifest? manifest, List<Finding> findings, DiscoveryOptions? options = null)
        {
            string? projectDir = ProjectDirectory(request.ProjectPath);
            if (projectDir == null)
            {
                return;
            }

            // The caller's options are not changed: the project's manifest decides which committed folders it answers for.
            options = options == null ? new DiscoveryOptions() : new DiscoveryOptions
            {
                HomeDirectory = options.HomeDirectory,
                MaxEntries = options.MaxEntries,
                MaxDepth = options.MaxDepth,
                Catalog = options.Catalog,
                IncludeCommittedFolders = options.IncludeCommittedFolders,
                ManifestPath = options.ManifestPath,
            };
            if (options.ManifestPath == null && !string.IsNullOrWhiteSpace(request.ManifestPath))
            {
                options.ManifestPath = request.ManifestPath;
            }

            DiscoveryResult discovery = FootprintDiscovery.Discover(projectDir, options);
            var contents = new List<FootprintContent>();
            foreach (FootprintHit hit in discovery.Hits.ToArray())
            {
                FootprintContent content = AssistantFileReader.Read(hit);
                if (!IsFootprint(hit, content) && CarriesDeclaredAssistantsTraffic(hit, content, manifest))
                {
                    content.Credentials.Clear();
                }
                else if (!IsFootprint(hit, content))
                {
                    // An editor's settings without MCP servers are not an assistant's footprint (keys in them are GRD002's).
                    discovery.Hits.Remove(hit);
                    continue;
                }

                contents.Add(content);
            }

            // Files that start commands on their own (adversary round 6 #11): an assistant CLI run from one makes the file that
            // assistant's footprint; an MCP server started from one is judged like a configured server.
            var environment = new List<EnvironmentSetting>(discovery.Environment);
            var installed = new List<DeclaredPackage>();
            foreach (Launchers.LauncherFile launcher in Launchers.Find(discovery.Levels, discovery.RepositoryRoot))
            {
                installed.AddRange(launcher.InstalledSdks); // pip install openai in a script, a RUN, a CI step (round 12 route 13)
                environment.AddRange(launcher.Environment); // a CI job's ANTHROPIC_MODEL, … where it runs the assistant (round 10 route 4)
                var hit = new FootprintHit(launcher.FullPath, launcher.Level, launcher.RelativePath, false, FootprintKind.Launcher, FootprintFormat.None,
                    launcher.Assistants.ConvertAll(a => a.Assistant), launcher.RelativePath, false)
                {
                    NamedInContent = true,
                    Launches = launcher.Assistants,
                };
                if (launcher.Assistants.Count > 0)
                {
                    discovery.Hits.Add(hit);
                }

                if (launcher.Servers.Count > 0)
                {
                    var content = new FootprintContent(hit);
                    content.Servers.AddRange(launcher.Servers);
                    contents.Add(content);
                }

                // An assistant started with a flag that lets it act without asking (adversary round 7 route 10): held against
                // that assistant's ceiling, as the same setting in its own settings file is.
                foreach (string assistant in launcher.Permissions.ConvertAll(p => p.Assistant).Concat(launcher.Models.ConvertAll(m => m.Assistant)).Concat(launcher.Endpoints.ConvertAll(e => e.Assistant)).Distinct())
                {
                    var own = new FootprintHit(launcher.FullPath, launcher.Level, launcher.RelativePath, false, FootprintKind.Launcher, FootprintFormat.None, new[] { assistant }, launcher.RelativePath, false)
                    {
                        NamedInContent = true,
                    };
                    var content = new FootprintContent(own);
                    content.Permissions.AddRange(launcher.Permissions.Where(p => p.Assistant == assistant).Select(p => p.Permission));
                    content.Models.AddRange(launcher.Models.Where(m => m.Assistant == assistant).Select(m => m.Model));
                    content.Endpoints.AddRange(launcher.Endpoints.Where(e => e.Assistant == assistant).Select(e => e.Endpoint));
                    contents.Add(content);
                }
            }

            // Assistant configuration inside another tool's file (adversary round 7 route 7): a dev container's VS Code MCP
            // servers and chat settings, Amp's amp.* settings in VS Code's.
            foreach (FootprintContent embedded in EmbeddedFootprints.Find(discovery.Levels))
            {
                discovery.Hits.Add(embedded.Hit);
                contents.Add(embedded);
            }

            // The assistants' environment as other tools set it (adversary round 9 route 11: a dev container's containerEnv,
            // VS Code's terminal environment, .envrc, mise): judged for each declared assistant as its own settings' env is.
            contents.AddRange(AssistantEnvironment.Contents(environment,
                id => manifest != null && manifest.Assistants.Exists(a => string.Equals(a.Id.Value, id, StringComparison.OrdinalIgnoreCase))));

            // SDKs the launchers' commands install are judged with the repository's other declared packages (by the engine's
            // package gate, after this check), each at its command's line.
            if (installed.Count > 0)
            {
                request.ScriptPackages = (request.ScriptPackages ?? Array.Empty<DeclaredPackage>()).Concat(installed).ToList();
            }

            var context = new Context(policy, manifest, findings, discovery);
            if (contents.Exists(c => c.Endpoints.Exists(e => e.LocalPort != null)))
            {
                // An assistant pointed at this machine: judged by the relay the repository serves on that port (round 12 route 5).
                context.Relays = Relays.Find(discovery.Levels, discovery.RepositoryRoot);
            }

            context.ReportProblems(contents);
            context.ReportCredentials(contents);
            context.ReportPersonalFiles();
            if (policy == null)
            {
                return;
            }

            // With no manifest at all, nothing is declared; an unreadable manifest is already an error of its own.
            bool noManifest = string.IsNullOrWhiteSpace(request.ManifestPath);
            if (manifest != null || noManifest)
            {
                context.ReportUndeclared();
            }

            if (manifest != null)
            {
                if (discovery.RepositoryRoot != null)
                {
                    // Only a walk that reached the repository root can say an assistant left nothing in the repository.
                    context.ReportDeclaredWithoutFootprint();
                }
            }

            context.ReportContent(contents);
        }

        private static string? ProjectDirectory(string projectPath)
        {
            try
            {
                string? dir = string.IsNullOrWhiteSpace(projectPath) ? null : Path.GetDirectoryName(Path.GetFullPath(projectPath));
                return string.IsNullOrEmpty(dir) || !Directory.Exists(dir) ? null : dir;
            }
            catch (Exception e) when (FootprintDiscovery.IsIoException(e))
            {
                return null;
            }
        }

        private sealed class Context
        {
            private readonly GuardrailsPolicy? _policy;
            private readonly AssistantManifest? _manifest;
            private readonly List<Finding> _findings;
            private readonly DiscoveryResult _discovery;
            private PolicyVerdicts? _verdicts;

            /// <summary>The relays committed compose files publish, by host port (read only when an endpoint is on this machine).</summary>
            public Dictionary<int, Relay>? Relays { get; set; }
            private NpmConfig? _npmConfig;

            public Context(GuardrailsPolicy? policy, AssistantManifest? manifest, List<Finding> findings, DiscoveryResult discovery)
            {
                _policy = policy;
                _manifest = manifest;
                _findings = findings;
                _discovery = discovery;
            }

            private string Ask => _policy == null ? " Ask your AI-governance function" : " Ask " + _policy.Owner.Describe();

            public void ReportProblems(List<FootprintContent> contents)
            {
                bool asUnknown = _policy != null && _policy.Defaults.UnreadableFootprint == UnknownHandling.Deny;
                if (_policy != null && _policy.Defaults.UnreadableFootprint == UnknownHandling.Allow)
                {
                    return;
                }

                foreach (DiscoveryProblem p in _discovery.Problems)
                {
                    // A discovery stopped at its limit leaves the rest of the repository unchecked (a committed folder with
                    // 50,000 entries would otherwise hide every footprint after it): an error under a policy, unless the
                    // policy says how to treat what could not be looked at (defaults.unreadableFootprint "warn").
                    bool blocking = p.LimitReached && _policy != null && (asUnknown || !_policy.Defaults.UnreadableFootprintSet);
                    _findings.Add(new Finding(RuleCatalog.UnreadableAssistantFile, p.Path, 0, 0,
                        "Assistant footprint discovery: " + p.Message + ". Footprints there were not checked." +
                        (blocking
                            ? " The policy does not say how to treat footprints discovery could not reach (defaults.unreadableFootprint), so this fails the build: " +
                              (p.Remedy ?? "move the large folder out of the repository") + ", or have the policy owner set \"warn\"."
                            : string.Empty),
                        warningOnly: !blocking, subject: p.Subject));
                }

                foreach (FootprintContent c in contents)
                {
                    if (c.Problem == null)
                    {
                        continue;
                    }

                    // A file padded past the size limit hides its MCP servers and permission modes from the check while the
                    // assistant reads it whole (adversary round 3 #15): like a discovery stopped at its limit, an error under
                    // a policy that does not say how to treat what could not be read.
                    bool hidden = (c.Problem.TooLarge || c.Problem.LfsPointer) && _policy != null && !_policy.Defaults.UnreadableFootprintSet;
                    string message = "The " + Describe(c.Hit) + " " + c.Problem.Message + ", so the servers, models, permissions and credentials it configures could not be checked. " +
                        (asUnknown
                            ? "The policy counts an unreadable assistant file as unknown (defaults.unreadableFootprint: \"deny\"): fix the file so it can be read."
                            : hidden && c.Problem.LfsPointer
                            ? "The policy does not say how to treat assistant files that could not be read (defaults.unreadableFootprint), so this fails the build: everyone who fetches Git LFS gets the real file and their assistant reads it. Fetch it for the build (git lfs pull, actions/checkout with lfs: true), or better take the assistant file out of LFS (.gitattributes), or have the policy owner set \"warn\"."
                            : hidden
                            ? "The policy does not say how to treat assistant files that could not be read (defaults.unreadableFootprint), so a file over the size limit fails the build: an assistant reads it whole. Remove the padding, or have the policy owner set \"warn\"."
                            : c.Problem.LfsPointer
                            ? "Fetch it (git lfs pull) or take the assistant file out of Git LFS (.gitattributes)."
                            : "Fix the file so it can be read.");
                    _findings.Add(new Finding(RuleCatalog.UnreadableAssistantFile, c.Hit.FullPath, c.Problem.Line, c.Problem.Column, message, warningOnly: !asUnknown && !hidden, subject: "footprint:" + c.Hit.RelativePath));
                }
            }

            public void ReportCredentials(List<FootprintContent> contents)
            {
                foreach (FootprintContent c in contents)
                {
                    if (c.Hit.NamedInContent)
                    {
                        continue; // a workflow or editor file: its keys are the key scan's (GRD002), which reads it
                    }

                    foreach (CredentialUse cred in c.Credentials)
                    {
                        string what = cred.Provider != null ? "a " + cred.Provider + " key" : "a credential";
                        string where = cred.Setting == "(text)" ? string.Empty : " in '" + cred.Setting + "'";
                        _findings.Add(new Finding(RuleCatalog.CredentialInAssistantFile, c.Hit.FullPath, cred.Line, cred.Column,
                            "The " + Describe(c.Hit) + " holds " + what + " as a literal value (" + cred.Redacted + ")" + where + ". Assistant files are committed and read by tools; " +
                            "replace it with a reference (${env:NAME}, ${input:id}, ${{ secrets.NAME }}, env_vars or bearer_token_env_var) and rotate the key: it has been exposed."));
                    }
                }
            }

            public void ReportPersonalFiles()
            {
                HashSet<string>? tracked = null;
                bool indexRead = false;
                foreach (FootprintHit hit in _discovery.Hits)
                {
                    if (hit.Kind != FootprintKind.PersonalFile || IsInsidePersonalFolder(hit))
                    {
                        continue;
                    }

                    if (_discovery.RepositoryRoot == null)
                    {
                        continue; // not in a git repository: nothing is committed
                    }

                    if (!indexRead)
                    {
                        tracked = GitIndex.TryReadTrackedPaths(_discovery.RepositoryRoot);
                        indexRead = true;
                    }

                    string repoRelative = RepoRelative(hit.FullPath);
                    bool committed = tracked == null || tracked.Contains(repoRelative) || (hit.IsDirectory && ContainsPrefix(tracked, repoRelative + "/"));
                    if (!committed)
                    {
                        continue;
                    }

                    _findings.Add(new Finding(RuleCatalog.PersonalFileCommitted, hit.FullPath, hit.IsDirectory ? 0 : 1, hit.IsDirectory ? 0 : 1,
                        "'" + repoRelative + "' is a personal " + string.Join("/", hit.Assistants) + " file (settings, history or cache of one developer) and is " +
                        (tracked == null ? "in the repository (its git index could not be read to tell whether it is committed)" : "committed") +
                        ". Remove it from git ('git rm --cached " + repoRelative + "') and add it to .gitignore.",
                        subject: "footprint:" + hit.RelativePath));
                }
            }

            public void ReportUndeclared()
            {
                UnknownHandling handling = _policy!.Defaults.UnknownFootprint;
                if (handling == UnknownHandling.Allow)
                {
                    return;
                }

                var reported = new HashSet<string>(StringComparer.Ordinal);
                foreach (FootprintHit hit in _discovery.Hits)
                {
                    if (hit.NamedInContent)
                    {
                        // A workflow, devcontainer.json or extensions.json names each assistant it runs, installs or
                        // recommends: every one of them is in use, so each must be declared (not "any one", as for a file
                        // several assistants read).
                        foreach (string assistant in hit.Assistants)
                        {
                            if (IsDeclaredAny(new List<string> { assistant }) || !reported.Add(hit.Level + "|" + hit.RootRelativePath + "|" + assistant))
                            {
                                continue;
                            }

                            (string Assistant, string Setting, int Line, int Column) launch = hit.Launches?.FirstOrDefault(l => l.Assistant == assistant) ?? (assistant, string.Empty, 1, 1);
                            _findings.Add(new Finding(RuleCatalog.UndeclaredFootprint, hit.FullPath, launch.Line, launch.Column,
                                "'" + RepoRelative(Path.Combine(hit.Level, hit.RootRelativePath)) + "' " + (hit.Kind == FootprintKind.Launcher ? (Launchers.IsDependency(launch.Setting) ? "installs" : "runs") : "names") + " '" + assistant + "' (" + (hit.Kind == FootprintKind.Workflow
                                    ? "a CI workflow that runs it, with the workflow's secrets and permissions"
                                    : hit.Kind == FootprintKind.Launcher
                                    ? Launchers.HowItRuns(launch.Setting)
                                    : hit.Kind == FootprintKind.McpConfig
                                    ? "its " + launch.Setting + " configures the assistant: the MCP servers it starts, or what it may do without asking"
                                    : "installed into the dev container or recommended as an editor extension") + "), but " +
                                (_manifest == null ? "no ai-assistants.json declares it (none was found)" : Path.GetFileName(_manifest.File) + " does not declare it") +
                                ApprovalNote(new List<string> { assistant }) + ". Declare the assistant in the manifest, or remove it from '" + hit.RootRelativePath + "'.",
                                warningOnly: handling == UnknownHandling.Warn, subject: assistant));
                        }

                        continue;
                    }

                    if (IsDeclaredAny(hit.Assistants))
                    {
                        continue;
                    }

                    string key = hit.Level + "|" + hit.RootRelativePath;
                    if (!reported.Add(key))
                    {
                        continue;
                    }

                    FootprintHit at = FirstFileOf(hit);
                    string assistants = string.Join("' or '", hit.Assistants);
                    string root = hit.RootRelativePath + (IsFolderRoot(hit) ? "/" : string.Empty);
                    string approved = ApprovalNote(hit.Assistants);
                    _findings.Add(new Finding(RuleCatalog.UndeclaredFootprint, at.FullPath, at.IsDirectory ? 0 : 1, at.IsDirectory ? 0 : 1,
                        "'" + RepoRelative(Path.Combine(hit.Level, hit.RootRelativePath)) + (IsFolderRoot(hit) ? "/" : string.Empty) + "' shows that '" + assistants + "' is used in this repository, " +
                        "but " + (_manifest == null ? "no ai-assistants.json declares it (none was found)" : Path.GetFileName(_manifest.File) + " does not declare it") + approved +
                        ". Declare the assistant in the manifest (with the models and MCP servers it uses), or remove '" + root + "'.",
                        warningOnly: handling == UnknownHandling.Warn, subject: hit.Assistants[0]));
                }
            }

            public void ReportDeclaredWithoutFootprint()
            {
                foreach (ManifestAssistant a in _manifest!.Assistants)
                {
                    if (a.Footprints.Count > 0)
                    {
                        foreach (Located<string> declared in a.Footprints)
                        {
                            if (!DeclaredFootprintExists(declared.Value))
                            {
                                _findings.Add(new Finding(RuleCatalog.DeclaredWithoutFootprint, _manifest.File, declared.Node.Start.Line, declared.Node.Start.Column,
                                    "Footprint '" + declared.Value + "' declared for '" + a.Id.Value + "' was not found between the project folder and the repository root. Correct the path, or remove it from the manifest if the assistant no longer uses it.",
                                    warningOnly: true, subject: a.Id.Value));
                            }
                        }

                        continue;
                    }

                    if (!_discovery.Hits.Exists(h => Contains(h.Assistants, a.Id.Value)) && IsKnownAssistant(a.Id.Value))
                    {
                        _findings.Add(new Finding(RuleCatalog.DeclaredWithoutFootprint, _manifest.File, a.Id.Node.Start.Line, a.Id.Node.Start.Column,
                            "Assistant '" + a.Id.Value + "' is declared, but none of its files were found between the project folder and the repository root. " +
                            "If it is configured only on developers' machines that is fine; if the team stopped using it, remove it from the manifest so the inventory stays true.",
                            warningOnly: true, subject: a.Id.Value));
                    }
                }
            }

            public void ReportContent(List<FootprintContent> contents)
            {
                foreach (FootprintContent c in contents)
                {
                    foreach (McpServerUse server in c.Servers)
                    {
                        CheckServer(c.Hit, server);
                    }

                    foreach (EndpointUse endpoint in c.Endpoints)
                    {
                        CheckEndpoint(c.Hit, endpoint);
                    }

                    List<AssistantRule> rules = RulesFor(c.Hit);
                    if (rules.Count == 0)
                    {
                        continue; // the assistant itself is unknown or undeclared: reported by GRD130 / GRD111
                    }

                    foreach (ModelUse model in c.Models)
                    {
                        CheckModel(c.Hit, rules, model);
                    }

                    foreach (PermissionUse permission in c.Permissions)
                    {
                        CheckPermission(c.Hit, rules, permission);
                    }
                }
            }

            private void CheckServer(FootprintHit hit, McpServerUse server)
            {
                string shown = server.What + " '" + server.Name + "' (" + Text.Show(server.Describe(), 160) + ")";
                string subject = "mcp:" + server.Describe();
                if (server.HasUnresolvedVariable)
                {
                    Add(RuleCatalog.FootprintMcpServerNotApproved, hit, server,
                        shown + " in the " + Describe(hit) + " takes its URL, command or package from a variable, so it cannot be identified before it runs, and the policy can only approve servers it can identify. Write the URL or the package and version out in full.", subject);
                    return;
                }

                if (server.Url == null && server.Command == null && server.Package == null)
                {
                    return; // e.g. a Zed extension server or a disabled stub: nothing runs from this file
                }

                if (server.RunsHelper != null)
                {
                    Add(RuleCatalog.FootprintMcpServerNotApproved, hit, server,
                        shown + " in the " + Describe(hit) + " has '" + server.RunsHelper + "', a command the assistant runs on every connection to it, so it is not only the server its URL names, and the policy can only approve servers it can identify. Remove that member (put the headers in 'headers' with variables).", subject);
                    return;
                }

                if (server.AlteredBy != null && server.Command != null)
                {
                    Add(RuleCatalog.FootprintMcpServerNotApproved, hit, server,
                        shown + " in the " + Describe(hit) + " sets '" + Text.Show(server.AlteredBy, 80) + "' in its " + Text.Show(server.AlteredIn ?? "env", 160) + ", which changes what its command fetches or loads (another registry, a preloaded script), so it is not the server its command line or package names, and the policy can only approve servers it can identify. Remove that variable.", subject);
                    return;
                }

                if (server.Package != null && server.NotIdentifiedBecause == null && server.Package.StartsWith("pkg:npm/", StringComparison.Ordinal) && server.Command != null &&
                    (_npmConfig ??= new NpmConfig()).Redirecting(server.Package, NpmConfig.Runner(server.Command), StartFolder(hit, server), _discovery.RepositoryRoot) is { } npmrc)
                {
                    string runner = NpmConfig.Runner(server.Command);
                    // A committed .npmrc beside the server (adversary round 6 #4): npx fetches the approved name from another
                    // registry, or preloads a script, so the package the policy approved is not what runs.
                    string file = RepoRelative(npmrc.File);
                    _findings.Add(new Finding(RuleCatalog.FootprintMcpServerNotApproved, npmrc.File, npmrc.Line, npmrc.Column,
                        "'" + npmrc.Key + "=" + Text.Show(npmrc.Value, 120) + "' in '" + file + "' changes what " + runner + " runs for " + shown + " of the " + Describe(hit) + " (" +
                        (npmrc.Key.StartsWith("node", StringComparison.OrdinalIgnoreCase) ? "a script preloaded before the server's code" : "the package is fetched from that registry, not npm's") +
                        "), so the approved package name no longer names the approved code. Remove the setting from '" + file + "' (a registry for another scope passes); if it is the organisation's own mirror, ask " + (_policy!.Owner.Describe()) + " for a waiver.",
                        subject: subject));
                    return;
                }

                var identity = new McpServerIdentity { Url = server.Url, Command = server.Command, Package = server.Package, Version = server.Version };
                McpServerRule? denied = PolicyEvaluator.DenyingMcpEntry(_policy!, null, identity);
                if (denied != null)
                {
                    Add(RuleCatalog.FootprintMcpServerNotApproved, hit, server,
                        shown + " in the " + Describe(hit) + " is denied by the policy entry '" + denied.Label + "'" + (denied.Reason != null ? ": " + Text.Show(denied.Reason.Value, 200) : string.Empty) + ". Remove it from the file.", subject);
                    return;
                }

                if (server.NotIdentifiedBecause != null)
                {
                    // The command names a package but does not run it as the package's launcher would (adversary round 8
                    // route 3): a deny entry for the package still holds (above); approval is by the exact command line only.
                    if (PolicyEvaluator.ApprovingMcpEntries(_policy!, new McpServerIdentity { Url = server.Url, Command = server.Command }) != null)
                    {
                        return;
                    }

                    Add(RuleCatalog.FootprintMcpServerNotApproved, hit, server,
                        shown + " in the " + Describe(hit) + (server.Package != null ? " names " + server.Package + " but is not identified as it: " : " is not identified: ") + server.NotIdentifiedBecause +
                        ". The policy can only approve servers it can identify: call the launcher by its bare name without that option, or ask " + _policy!.Owner.Describe() + " to approve this exact command line (mcpServers.allow \"command\").", subject);
                    return;
                }

                if (PolicyEvaluator.ApprovingMcpEntries(_policy!, identity) != null)
                {
                    return;
                }

                Add(RuleCatalog.FootprintMcpServerNotApproved, hit, server,
                    shown + " in the " + Describe(hit) + " matches no approved entry in the policy's mcpServers.allow (servers are matched by URL, command line or package and version, never by name)." +
                    Ask + " to approve it, or remove it from the file.", subject);
            }

            /// <summary>
            /// The folder npx starts in for <paramref name="server"/>: its <c>cwd</c> when that is inside the repository (adversary
            /// round 8 route 9: a <c>tools/.npmrc</c> there swaps the registry), else the footprint's folder.
            /// </summary>
            private string StartFolder(FootprintHit hit, McpServerUse server)
            {
                string root = _discovery.RepositoryRoot ?? hit.Level;
                string? cwd = server.Cwd == null ? null : AssistantFileReader.ResolveInWorkspace(server.Cwd, hit.Level);
                string rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                return cwd != null && (cwd + Path.DirectorySeparatorChar).StartsWith(rootFull, StringComparison.Ordinal) && Directory.Exists(cwd) ? cwd.TrimEnd(Path.DirectorySeparatorChar) : hit.Level;
            }

            /// <summary>
            /// GRD138: a setting that sends the assistant's traffic (prompts, code, the organisation's key) to a host. The
            /// host is judged by Core's one evaluator (<see cref="PolicyVerdicts.Host"/>, as GRD004 judges code): denied
            /// by endpoints.denied fails; approved (endpoints.approved, a route, an approved SDK's host) passes; a known
            /// AI provider's endpoint passes (the assistant's own service, e.g. api.anthropic.com or Bedrock); any other
            /// host — a proxy or a look-alike gateway — fails: the policy has not approved it to receive that traffic.
            /// </summary>
            private void CheckEndpoint(FootprintHit hit, EndpointUse endpoint)
            {
                if (endpoint.LocalPort is int port)
                {
                    // Adversary round 12 route 5: this machine is left alone only while nothing the repository serves listens
                    // on the port; a committed relay is judged by where it sends the traffic.
                    Relay? relay = null;
                    if (Relays == null || !(Relays.TryGetValue(port, out relay) || Relays.TryGetValue(Guardrails.BuildTasks.Footprints.Relays.AnyPort, out relay)))
                    {
                        if (endpoint.IsLoopback)
                        {
                            return;
                        }
                    }
                    else
                    {
                        CheckRelayed(hit, endpoint, port, relay);
                        return;
                    }
                }

                if (_verdicts == null)
                {
                    var effective = new EffectivePolicy();
                    EffectiveFacts.Write(_policy!, effective);
                    _verdicts = new PolicyVerdicts(effective);
                }

                Decision d = _verdicts.Host(endpoint.Host);
                string assistant = hit.Assistants.Count > 0 ? hit.Assistants[0] : "assistant";
                string what = endpoint.Setting.IndexOf("OTEL_", StringComparison.OrdinalIgnoreCase) >= 0
                    ? "the assistant's telemetry (with OTEL_LOG_USER_PROMPTS, the prompts themselves)"
                    : "the assistant's traffic (prompts, code and its key)";
                string shown = "'" + endpoint.Setting + "' in the " + Describe(hit) + " sends " + what + " to '" + Text.Show(endpoint.Host, 120) + "'";
                if (d.Verdict == Verdict.Denied)
                {
                    Add(RuleCatalog.AssistantEndpointNotApproved, hit, endpoint, shown + ", which the policy denies (" + d.Reason + "). Remove the setting.", assistant + "/" + endpoint.Host);
                }
                else if (d.Verdict == Verdict.NotGoverned)
                {
                    Add(RuleCatalog.AssistantEndpointNotApproved, hit, endpoint,
                        shown + ", which is neither an endpoint the policy approves (endpoints.approved, a route, an approved SDK) nor a known AI provider's." + Ask + " to add it to endpoints.approved, or remove the setting.",
                        assistant + "/" + endpoint.Host);
                }
                else if (d.Verdict == Verdict.NotApproved && !hit.Assistants.Any(a => AssistantProviders.IsOwnHost(a, endpoint.Host)))
                {
                    // Adversary round 11 route 14: a known AI host passed as "the assistant's own service" whichever
                    // provider it belonged to (Copilot's custom models at xAI, Claude Code at DeepSeek's Anthropic API).
                    IReadOnlyList<string> own = AssistantProviders.Of(assistant);
                    Add(RuleCatalog.AssistantEndpointNotApproved, hit, endpoint,
                        shown + ", an endpoint of " + (d.Provider ?? "an AI provider") + ", which is not " + assistant + "'s own provider" +
                        (own.Count > 0 ? " (" + string.Join(", ", own) + ")" : " (it has none: every provider it is pointed at needs the policy's approval)") +
                        " and which the policy does not approve (endpoints.approved, a route, an approved SDK)." + Ask + " to approve that provider, or remove the setting.",
                        assistant + "/" + endpoint.Host);
                }
            }

            /// <summary>
            /// GRD138 for an endpoint on this machine that a committed relay serves: each host the relay sends the traffic to
            /// (its models' providers), and the endpoint's own host when the relay's upstream is not in the committed files.
            /// </summary>
            private void CheckRelayed(FootprintHit hit, EndpointUse endpoint, int port, Relay relay)
            {
                var judged = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (RelayUpstream upstream in relay.Upstreams)
                {
                    if (judged.Add(upstream.Host))
                    {
                        CheckEndpoint(hit, new EndpointUse(endpoint.Setting + " (port " + port + ": " + relay.Describe() + ", which relays " + upstream.What + ")", upstream.Host, endpoint.Line, endpoint.Column));
                    }
                }

                if (relay.UpstreamUnknown)
                {
                    string why = relay.UnknownModels.Count > 0 ? "which relays " + relay.UnknownModels[0] + " to a provider the endpoint catalog does not know"
                        : "which relays to hosts its committed files do not name";
                    CheckEndpoint(hit, new EndpointUse(endpoint.Setting + " (port " + port + ": " + relay.Describe() + ", " + why + ")", endpoint.Host.Trim('[', ']'), endpoint.Line, endpoint.Column));
                }
            }

            private void CheckModel(FootprintHit hit, List<AssistantRule> rules, ModelUse model)
            {
                Located<string>? deniedBy = null;
                foreach (AssistantRule rule in rules)
                {
                    if (rule.Models.IsAllowed(model.Model, out Located<string>? d))
                    {
                        return;
                    }

                    deniedBy ??= d;
                }

                AssistantRule first = rules[0];
                Add(RuleCatalog.FootprintModelNotApproved, hit, model,
                    "Model '" + Text.Show(model.Model) + "'" + Text.Show(ModelNames.Explain(model.Model), 200) + " set in '" + model.Setting + "' of the " + Describe(hit) + " is not approved for '" + first.Id + "'" +
                    (deniedBy != null ? ": the policy denies '" + deniedBy.Value + "'" : first.Models.NotAllowedBecause(model.Model)) +
                    ". Switch to an approved model, or ask " + _policy!.Owner.Describe() + " to approve it.", first.Id + "/" + model.Model);
            }

            private void CheckPermission(FootprintHit hit, List<AssistantRule> rules, PermissionUse permission)
            {
                foreach (AssistantRule rule in rules)
                {
                    foreach (string ceiling in PermissionCeilings.HeldAgainst(permission.Ceiling))
                    {
                        if ((permission.Ceiling == PermissionCeilings.Hooks || permission.Ceiling == PermissionCeilings.OutsideRepository) && ceiling != permission.Ceiling && rule.Permissions.ContainsKey(permission.Ceiling))
                        {
                            continue; // a policy that sets "hooks" ("outsideRepository") itself decides them; left unset, autoApprove does
                        }

                        if (rule.Forbids(ceiling))
                        {
                            Add(RuleCatalog.FootprintPermissionAboveCeiling, hit, permission,
                                "'" + permission.Setting + "': " + permission.Value + " in the " + Describe(hit) + " turns on '" + permission.Ceiling + "'" + (ceiling != permission.Ceiling ? " (a kind of '" + ceiling + "')" : string.Empty) +
                                ", which the policy forbids for '" + rule.Id + "'. Remove the setting; the assistant must ask before it acts.", rule.Id + "/" + ceiling);
                            return;
                        }
                    }
                }
            }

            private void Add(RuleInfo rule, FootprintHit hit, PositionedItem at, string message, string subject) =>
                _findings.Add(new Finding(rule, hit.FullPath, at.Line, at.Column, message, subject: subject));

            /// <summary>The policy rules of the hit's assistants that the manifest declares (all of them when there is no manifest).</summary>
            private List<AssistantRule> RulesFor(FootprintHit hit)
            {
                var rules = new List<AssistantRule>();
                foreach (string id in hit.Assistants)
                {
                    AssistantRule? rule = _policy!.FindAssistant(id);
                    if (rule != null && !rule.Denied && (_manifest == null || IsDeclared(id)))
                    {
                        rules.Add(rule);
                    }
                }

                return rules;
            }

            private string ApprovalNote(IReadOnlyList<string> assistants)
            {
                foreach (string id in assistants)
                {
                    AssistantRule? rule = _policy!.FindAssistant(id);
                    if (rule != null && !rule.Denied)
                    {
                        return " (the policy approves '" + id + "')";
                    }

                    if (rule != null && rule.Denied)
                    {
                        return " (and the policy denies '" + id + "')";
                    }
                }

                return " (nor does the policy approve it)";
            }

            private bool IsDeclaredAny(IReadOnlyList<string> assistants)
            {
                foreach (string id in assistants)
                {
                    if (IsDeclared(id))
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool IsDeclared(string id) => _manifest != null && _manifest.Assistants.Exists(a => string.Equals(a.Id.Value, id, StringComparison.OrdinalIgnoreCase));

            private static bool IsKnownAssistant(string id) => Contains(FootprintCatalog.Assistants, id);

            private bool DeclaredFootprintExists(string path)
            {
                string relative = path.Replace('\\', '/').TrimEnd('/');
                foreach (FootprintHit h in _discovery.Hits)
                {
                    if (string.Equals(h.RelativePath, relative, StringComparison.OrdinalIgnoreCase) || h.RelativePath.StartsWith(relative + "/", StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                foreach (string level in _discovery.Levels)
                {
                    string full = Path.Combine(level, relative);
                    if (File.Exists(full) || Directory.Exists(full))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The hit itself for a file; for a footprint folder, its first file (sorted) so the message opens in an editor.</summary>
            private FootprintHit FirstFileOf(FootprintHit hit)
            {
                FootprintHit? best = hit.IsDirectory ? null : hit;
                foreach (FootprintHit h in _discovery.Hits)
                {
                    if (h.Level == hit.Level && h.RootRelativePath == hit.RootRelativePath && !h.IsDirectory &&
                        (best == null || best.IsDirectory || string.CompareOrdinal(h.RelativePath, best.RelativePath) < 0))
                    {
                        best = h;
                    }
                }

                return best ?? hit;
            }

            private bool IsFolderRoot(FootprintHit hit) => hit.RootRelativePath != hit.RelativePath || hit.IsDirectory;

            private bool IsInsidePersonalFolder(FootprintHit hit) =>
                !hit.IsDirectory && _discovery.Hits.Exists(h => h.IsDirectory && h.Kind == FootprintKind.PersonalFile && h.Level == hit.Level && hit.RelativePath.StartsWith(h.RelativePath + "/", StringComparison.Ordinal));

            private string RepoRelative(string fullPath)
            {
                string root = _discovery.RepositoryRoot ?? _discovery.Levels[0];
                string relative = fullPath.StartsWith(root, StringComparison.Ordinal) ? fullPath.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : fullPath;
                return relative.Replace('\\', '/');
            }

            private string Describe(FootprintHit hit) => (hit.Assistants.Count == 0 ? "launcher" : string.Join("/", hit.Assistants)) + " file '" + RepoRelative(hit.FullPath) + "'";

            private static bool ContainsPrefix(HashSet<string> paths, string prefix)
            {
                foreach (string p in paths)
                {
                    if (p.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool Contains(IReadOnlyList<string> list, string value)
            {
                foreach (string s in list)
                {
                    if (string.Equals(s, value, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
