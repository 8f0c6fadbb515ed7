using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Policy;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// The one reader of "the packages this command installs", as package URLs (<see cref="DeclaredPackage.Id"/>
    /// <c>pkg:pypi/…</c> or <c>pkg:npm/…</c>, the version or specifier as written): the SDK check
    /// (<see cref="InstalledSdks"/>) looks them up in the SDK catalog, the assistant check (<c>Launchers.AssistantRun</c>) in
    /// its assistant table. Forms read:
    /// <list type="bullet">
    /// <item>PyPI: <c>pip</c>/<c>pip3</c> <c>install</c> (also <c>python -m pip</c>, <c>python3</c>, <c>py</c>), <c>pipenv install</c>,
    /// <c>pipx install|run</c> (and its <c>--spec</c>), <c>uv pip install</c>, <c>uv add</c>, <c>uv tool install|run</c> (and their
    /// <c>--with</c>), <c>poetry add</c>, <c>pdm add</c>; each word a PEP 508 requirement (<c>openai[datalib]&gt;=1</c>, a wheel, a
    /// catalog SDK's git repository), <c>-e</c>'s value too; <c>-r FILE</c> reads the named file when it is committed beside the
    /// command's file or in a folder above it (up to the repository's root).</item>
    /// <item>conda: <c>conda</c>/<c>mamba</c>/<c>micromamba</c> <c>install|create</c>, each match spec as the PyPI package of its
    /// name (<see cref="PackageManifests.CondaPackage"/>; <c>-c conda-forge</c>, <c>-n env</c> are option values).</item>
    /// <item>npm: <c>npm</c>/<c>pnpm</c>/<c>yarn</c>/<c>bun</c> <c>install|i|add</c> (<c>yarn global add</c>), <c>pnpm</c>/<c>yarn</c>
    /// <c>dlx</c> (the package it runs), <c>npx</c>/<c>pnpx</c>/<c>bunx</c>/<c>npm exec</c> <c>-p|--package</c>; <c>@scope/pkg@1.2</c>,
    /// npm aliases (<c>llm@npm:openai@4</c>), tarballs (a registry's scoped <c>…/@anthropic-ai/sdk/-/sdk-0.30.0.tgz</c>) and a catalog
    /// SDK's repository.</item>
    /// <item>PyPI also: <c>pipx inject APP pkg…</c> (the packages after the environment), <c>-c</c>/<c>--constraint FILE</c> read as
    /// <c>-r</c> is, <c>-e git+…#egg=name</c>.</item>
    /// <item>The other ecosystems the manifest readers know: <c>go get|install MODULE@v</c>, <c>cargo add|install CRATE[@v]</c>,
    /// <c>gem install GEM [-v V]</c>, <c>bundle add GEM</c>, <c>composer [global] require VENDOR/PKG[:v]</c>.</item>
    /// </list>
    /// The values of options that take one (<c>-i URL</c>, <c>--index-url</c>, <c>-c constraints.txt</c>, <c>-t DIR</c>,
    /// <c>--registry</c>, …) are no package. Read as data, never run.
    /// </summary>
    public static class InstallCommand
    {
        private enum Registry
        {
            PyPI,
            Conda,
            Npm,
            Go,
            Cargo,
            Gem,
            Composer,
        }

        /// <summary>
        /// The packages one simple command (<paramref name="words"/>, as <c>Launchers.SimpleCommands</c> splits a line)
        /// installs, at <paramref name="file"/>'s <paramref name="line"/> and <paramref name="column"/> (a package of a file named
        /// by <c>-r</c> at its own file and line; none when <paramref name="file"/> is empty). Empty for any other command.
        /// </summary>
        public static IReadOnlyList<DeclaredPackage> Packages(IReadOnlyList<string> words, string file, int line, int column)
        {
            if (words.Count < 2)
            {
                return Array.Empty<DeclaredPackage>();
            }

            int i = 0;
            string exe = ServerCommand.ExecutableName(words[0]).ToLowerInvariant();
            if (exe == "install-module" || exe == "install-psresource" || exe == "save-module" || exe == "save-psresource")
            {
                return PowerShellModules(words, file, line, column);
            }

            if ((exe == "python" || exe == "python3" || exe == "py" || exe.StartsWith("python3.", StringComparison.Ordinal)) && words.Count > 3 && words[1] == "-m")
            {
                i = 2; // python -m pip install …
                exe = words[2].ToLowerInvariant();
            }

            int v = i + 1;
            bool runner = exe == "npx" || exe == "pnpx" || exe == "bunx"; // no verb: its options are read below
            while (!runner && v < words.Count - 1 && words[v].StartsWith("-", StringComparison.Ordinal))
            {
                v += words[v].IndexOf('=') < 0 && LeadingTakesValue(words[v]) ? 2 : 1; // npm -g install, pip --quiet install, pnpm -C web add
            }

            if (v >= words.Count)
            {
                return Array.Empty<DeclaredPackage>();
            }

            i = v - 1; // the verb is words[i + 1] from here on
            string verb = words[i + 1];
            string next = words.Count > i + 2 ? words[i + 2] : string.Empty;
            Registry registry;
            int start;
            bool first = false; // the command runs one package: the words after it are its own arguments
            bool packageOption = false; // npx -p: only the values of -p/--package are packages
            bool skipFirst = false; // pipx inject APP pkg…: the first word is the environment, not a package
            switch (exe)
            {
                case "pip":
                case "pip3":
                case "pipenv":
                    registry = Registry.PyPI;
                    start = verb == "install" ? i + 2 : -1;
                    break;
                case "pipx":
                    registry = Registry.PyPI;
                    start = verb == "install" || verb == "run" || verb == "inject" ? i + 2 : -1;
                    first = verb == "run";
                    skipFirst = verb == "inject";
                    break;
                case "go":
                    registry = Registry.Go;
                    start = verb == "get" || verb == "install" ? i + 2 : -1;
                    break;
                case "cargo":
                    registry = Registry.Cargo;
                    start = verb == "add" || verb == "install" ? i + 2 : -1;
                    break;
                case "gem":
                    registry = Registry.Gem;
                    start = verb == "install" ? i + 2 : -1;
                    break;
                case "bundle":
                case "bundler":
                    registry = Registry.Gem;
                    start = verb == "add" ? i + 2 : -1;
                    break;
                case "composer":
                    registry = Registry.Composer;
                    start = verb == "require" ? i + 2 : verb == "global" && next == "require" ? i + 3 : -1;
                    break;
                case "uv":
                    registry = Registry.PyPI;
                    start = verb == "add" ? i + 2 : (verb == "pip" && next == "install") || (verb == "tool" && (next == "install" || next == "run")) ? i + 3 : -1;
                    first = verb == "tool" && next == "run";
                    break;
                case "poetry":
                case "pdm":
                    registry = Registry.PyPI;
                    start = verb == "add" ? i + 2 : -1;
                    break;
                case "conda":
                case "mamba":
                case "micromamba":
                    registry = Registry.Conda;
                    start = verb == "install" || verb == "create" ? i + 2 : -1;
                    break;
                case "npm":
                case "pnpm":
                case "yarn":
                case "bun":
                    registry = Registry.Npm;
                    start = verb == "install" || verb == "i" || verb == "add" ? i + 2
                        : verb == "global" && next == "add" ? i + 3 // yarn global add
                        : verb == "dlx" || verb == "x" ? i + 2 // pnpm dlx, yarn dlx, bun x
                        : verb == "exec" ? i + 2 // npm exec -p/--package
                        : -1;
                    first = verb == "dlx" || verb == "x";
                    packageOption = verb == "exec";
                    break;
                case "npx":
                case "pnpx":
                case "bunx":
                    registry = Registry.Npm;
                    start = i + 1;
                    packageOption = true;
                    break;
                default:
                    return Array.Empty<DeclaredPackage>();
            }

            if (start < 0)
            {
                return Array.Empty<DeclaredPackage>();
            }

            var found = new List<DeclaredPackage>();
            string? index = null; // adversary round 13 route 19: pip -i/--index-url/--extra-index-url/-f, npm --registry
            for (int w = start; w < words.Count; w++)
            {
                string word = words[w];
                if (word == "--")
                {
                    break; // npm exec -- cmd, uv tool run -- cmd: what follows is the command's own
                }

                if (word.StartsWith("-", StringComparison.Ordinal) && word.Length > 1)
                {
                    int eq = word.IndexOf('=');
                    string name = eq > 0 ? word.Substring(0, eq) : word;
                    string? value = eq > 0 ? word.Substring(eq + 1) : null;
                    bool valued = value == null && TakesValue(name, registry, packageOption) && w + 1 < words.Count;
                    if (valued)
                    {
                        value = words[++w];
                    }

                    if (value == null)
                    {
                        if (registry == Registry.PyPI && (name.StartsWith("-r", StringComparison.Ordinal) || name.StartsWith("-c", StringComparison.Ordinal)) && name.Length > 2)
                        {
                            Included(file, name.Substring(2), found); // -rrequirements.txt, -cconstraints.txt
                        }

                        continue;
                    }

                    if ((registry == Registry.PyPI && (name == "-i" || name == "--index-url" || name == "--extra-index-url" || name == "-f" || name == "--find-links")) ||
                        (registry == Registry.Npm && name == "--registry"))
                    {
                        index ??= value;
                    }

                    if (registry == Registry.PyPI && (name == "-r" || name == "--requirement" || name == "-c" || name == "--constraint"))
                    {
                        Included(file, value, found);
                    }
                    else if (IsPackageOption(name, registry, packageOption))
                    {
                        Add(registry, value, file, line, column, found);
                    }

                    continue;
                }

                if (packageOption)
                {
                    break; // npx -p openai node run.js: the first word not an option is the command run
                }

                if (skipFirst)
                {
                    skipFirst = false;
                    continue;
                }

                Add(registry, word, file, line, column, found);
                if (first)
                {
                    break;
                }
            }

            foreach (DeclaredPackage p in index == null ? new List<DeclaredPackage>() : found)
            {
                p.Source ??= index; // every package of the command comes from that index, not the registry an approval is of
            }

            return found;
        }

        /// <summary>
        /// PowerShellGet's <c>Install-Module</c>/<c>Save-Module</c> and PSResourceGet's <c>Install-PSResource</c>/<c>Save-PSResource</c>:
        /// the modules of <c>-Name</c> (or the first positional word; a comma list names several), with <c>-RequiredVersion</c> or
        /// <c>-Version</c>, as <c>pkg:powershell/…</c>. Parameter names ignore case, as PowerShell's do.
        /// </summary>
        private static IReadOnlyList<DeclaredPackage> PowerShellModules(IReadOnlyList<string> words, string file, int line, int column)
        {
            string? names = null;
            string version = string.Empty;
            for (int w = 1; w < words.Count; w++)
            {
                string word = words[w];
                if (!word.StartsWith("-", StringComparison.Ordinal))
                {
                    names ??= word;
                    continue;
                }

                int colon = word.IndexOf(':');
                string name = (colon > 0 ? word.Substring(0, colon) : word).ToLowerInvariant();
                if (colon > 0 || w + 1 >= words.Count || words[w + 1].StartsWith("-", StringComparison.Ordinal))
                {
                    continue; // a switch (-Force, -AllowClobber, -Confirm:$false)
                }

                string value = words[++w];
                if (name == "-name")
                {
                    names = value;
                }
                else if (name == "-requiredversion" || name == "-version")
                {
                    version = value.Trim('[', ']');
                }
            }

            var found = new List<DeclaredPackage>();
            foreach (string module in (names ?? string.Empty).Split(','))
            {
                string m = module.Trim().Trim('"', '\'', '@', '(', ')');
                if (m.Length > 0 && m.IndexOfAny(new[] { '$', '*', '/', '\\' }) < 0)
                {
                    PackageManifests.Add(found, PackageEcosystem.PowerShell, m, version, file, line, column);
                }
            }

            return found;
        }

        /// <summary>One word that names a package in <paramref name="registry"/>.</summary>
        private static void Add(Registry registry, string word, string file, int line, int column, List<DeclaredPackage> found)
        {
            if (word.Length == 0)
            {
                return;
            }

            if (registry == Registry.PyPI)
            {
                PackageManifests.Requirement(file, word, line, column, found);
            }
            else if (registry == Registry.Go || registry == Registry.Cargo || registry == Registry.Gem || registry == Registry.Composer)
            {
                // Adversary round 13 route 12: go get MODULE@v, cargo add CRATE@v, gem install GEM[:v], composer require VENDOR/PKG[:v].
                int split = registry == Registry.Go || registry == Registry.Cargo ? word.IndexOf('@') : word.IndexOfAny(new[] { ':', '=', ' ' });
                string name = split > 0 ? word.Substring(0, split) : word;
                string version = split > 0 ? word.Substring(split + 1).Trim() : string.Empty;
                if (name.StartsWith(".", StringComparison.Ordinal) || name.IndexOf("://", StringComparison.Ordinal) >= 0 || (registry != Registry.Go && registry != Registry.Composer && name.IndexOf('/') >= 0))
                {
                    return; // a path or a URL: no registry name
                }

                string ecosystem = registry == Registry.Go ? PackageEcosystem.Golang : registry == Registry.Cargo ? PackageEcosystem.Cargo : registry == Registry.Gem ? PackageEcosystem.Gem : PackageEcosystem.Composer;
                PackageManifests.Add(found, ecosystem, name, registry == Registry.Go ? version.TrimStart('v') : version, file, line, column);
            }
            else if (registry == Registry.Conda)
            {
                if (PackageManifests.CondaPackage(file, word, line, column) is { } conda)
                {
                    found.Add(conda);
                }
            }
            else if (SdkSourceRepositories.PackageOf(PackageEcosystem.Npm, word) is { } fromRepository)
            {
                found.Add(new DeclaredPackage(fromRepository, string.Empty, file, line, column));
            }
            else if (PackageManifests.TarballName(word) is { } packed)
            {
                PackageManifests.Add(found, PackageEcosystem.Npm, packed, string.Empty, file, line, column); // npm i …/@anthropic-ai/sdk/-/sdk-0.30.0.tgz
            }
            else
            {
                int at = word.IndexOf('@', 1);
                string name = at > 0 ? word.Substring(0, at) : word;
                string spec = at > 0 ? word.Substring(at + 1) : string.Empty;
                if (spec.StartsWith("npm:", StringComparison.Ordinal) && spec.Length > 4 && !spec.Substring(4).StartsWith("npm:", StringComparison.Ordinal))
                {
                    Add(registry, spec.Substring(4), file, line, column, found); // llm@npm:openai@4: the alias installs openai
                    return;
                }

                if ((name.IndexOf('/') >= 0 && !name.StartsWith("@", StringComparison.Ordinal)) || name.StartsWith(".", StringComparison.Ordinal) || name.IndexOf(':') >= 0)
                {
                    return; // a path, a tarball, a URL or a git spec of another repository: no registry name
                }

                if (PackageManifests.Add(found, PackageEcosystem.Npm, name, PackageManifests.NpmVersion(spec), file, line, column) is { } package)
                {
                    package.Source = PackageManifests.NpmSource(spec); // npm i @azure/openai@github:acme/llm-client (round 13 route 19)
                }
            }
        }

        /// <summary>
        /// <c>-r FILE</c>: the requirements file beside <paramref name="file"/> or in a folder above it (a CI step or a
        /// Dockerfile runs in the repository's root or the build context), stopping at the repository's root.
        /// </summary>
        private static void Included(string file, string target, List<DeclaredPackage> found)
        {
            if (file.Length == 0 || target.Length == 0 || target.IndexOf("://", StringComparison.Ordinal) >= 0 || CredentialValues.HasVariable(target))
            {
                return;
            }

            try
            {
                string? folder = Path.GetDirectoryName(Path.GetFullPath(file));
                for (int up = 0; folder != null && up < 8; up++)
                {
                    string candidate = Path.GetFullPath(Path.Combine(folder, target.Replace('/', Path.DirectorySeparatorChar)));
                    if (File.Exists(candidate))
                    {
                        found.AddRange(PackageManifests.RequirementsFile(candidate));
                        return;
                    }

                    if (Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git")))
                    {
                        return;
                    }

                    folder = Path.GetDirectoryName(folder);
                }
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is IOException || e is UnauthorizedAccessException)
            {
            }
        }

        /// <summary>The package manager's own options before its verb whose value is the next word (a folder, a file, a project).</summary>
        private static bool LeadingTakesValue(string option) =>
            option == "--prefix" || option == "-C" || option == "--dir" || option == "--cwd" || option == "--directory" || option == "--project" ||
            option == "--workspace" || option == "-w" || option == "--filter" || option == "-F" || option == "--log" || option == "--cache-dir" ||
            option == "--proxy" || option == "--python" || option == "--config-file" || option == "--userconfig";

        /// <summary>Options whose value is a package: uv's and pipx's <c>--with</c>/<c>--spec</c>, npx's <c>-p</c>/<c>--package</c>.</summary>
        private static bool IsPackageOption(string name, Registry registry, bool packageOption) =>
            packageOption ? name == "-p" || name == "--package"
            : registry == Registry.PyPI && (name == "--with" || name == "-w" || name == "--spec" || name == "-e" || name == "--editable");

        private static readonly string[] CargoValued =
        {
            "--version", "--vers", "--git", "--path", "--features", "-F", "--rename", "--branch", "--rev", "--tag", "--bin", "--example",
            "--registry", "--index", "--root", "--target", "-p", "--package", "--manifest-path", "-j", "--jobs", "--profile", "--target-dir", "--config",
        };

        private static readonly string[] GemValued =
        {
            "-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source", "--platform", "-g", "--file", "--group", "--require",
            "--path", "--git", "--branch", "--ref", "--github", "--glob",
        };

        /// <summary>Options whose value is the next word (a package for <see cref="IsPackageOption"/>, else no package).</summary>
        private static bool TakesValue(string name, Registry registry, bool packageOption)
        {
            if (IsPackageOption(name, registry, packageOption))
            {
                return true;
            }

            switch (registry)
            {
                case Registry.Go:
                    return false; // go get -u -t -d: switches
                case Registry.Composer:
                    return name == "-d" || name == "--working-dir"; // composer require -n -W --dev: switches
                case Registry.Cargo:
                    return Array.IndexOf(CargoValued, name) >= 0; // cargo add -n is --dry-run
                case Registry.Gem:
                    return Array.IndexOf(GemValued, name) >= 0; // gem install x -v 7.3.1, bundle add x --version 7
            }

            switch (name)
            {
                case "-r":
                case "--requirement":
                case "-c":
                case "--constraint":
                case "--constraints":
                case "--override":
                case "--overrides":
                case "-i":
                case "--index-url":
                case "--extra-index-url":
                case "--index":
                case "--default-index":
                case "-f":
                case "--find-links":
                case "-t":
                case "--target":
                case "--prefix":
                case "--root":
                case "--python":
                case "--group":
                case "-G":
                case "--source":
                case "-E":
                case "--extras":
                case "--platform":
                case "--python-version":
                case "--implementation":
                case "--abi":
                case "--src":
                case "--trusted-host":
                case "--proxy":
                case "--cache-dir":
                case "--log":
                case "--no-binary":
                case "--only-binary":
                case "--config-settings":
                case "--upgrade-package":
                case "-P":
                case "--pip-args":
                case "--index-strategy":
                case "--registry":
                case "--prefix-dir":
                case "--workspace":
                case "--filter":
                case "--cwd":
                case "--tag":
                case "--channel":
                case "--name":
                case "-n":
                    return true;
                case "-p":
                    return registry != Registry.Npm; // pip's --python, conda's --prefix; npx's -p is a package (above)
                case "-w":
                    return registry == Registry.Npm; // npm --workspace (uv's -w is --with, above)
                default:
                    return false;
            }
        }
    }
}
