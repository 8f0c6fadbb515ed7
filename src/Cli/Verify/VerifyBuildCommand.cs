using System.CommandLine;
using Guardrails.Cli.Verify;

namespace Guardrails.Cli;

/// <summary><c>guardrails verify-build</c>: the CI gate after <c>dotnet build</c> (see <see cref="BuildGate"/>).</summary>
internal static class VerifyBuildCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Repository folders (or obj/<configuration>/<tfm> folders) to check after the build.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("verify-build", "The CI gate after dotnet build: every assembly compiled in obj/ must have a Guardrails audit record beside it saying the check and the analyzers ran and the verification after the compiler passed, for exactly those assembly bytes. Catches builds in which Guardrails never ran (ExcludeAssets=\"build\", replaced targets), which no check inside the build can see. A record whose check reported errors fails (GRDCL29); every project of the repository must be named by a verified record and every managed assembly in a bin/ folder must be one a verified record describes or a file of a package a verified project restored (GRDCL30); a text file in bin/ holding an AI-provider key fails (GRDCL31); zips in bin/ and the resources of verified assemblies are opened and judged the same way. Exit 0 all verified, 1 an assembly not verified, 2 nothing compiled found.")
        {
            paths,
        };
        var pins = new Option<string[]>("--policy-sha256")
        {
            Description = "The SHA-256 of the published central policy, given by CI (not read from the repository); repeat it while a new revision rolls out. Every record must name a policy with one of these hashes (GRDCL26): a downgraded or forged policy package fails here.",
            AllowMultipleArgumentsPerToken = false,
        };
        var minRevision = new Option<long?>("--min-revision") { Description = "The lowest policy revision CI accepts (GRDCL27)." };
        var minToolVersion = new Option<string?>("--min-tool-version")
        {
            Description = "The lowest Guardrails version CI accepts (e.g. 0.3.0): every record's tool.version must be this or later (GRDCL43), so a repository that pins an older Guardrails package, with holes later releases closed, fails here.",
        };
        var rescan = new Option<string?>("--rescan-with-policy")
        {
            Description = "Scan the given folders again, independently of the build, with this policy file (CI's copy of the published policy, not the repository's; it must match --policy-sha256 when given), and fail every output whose record passed while the scan finds an error in that project's folder the record does not name (GRDCL28): catches a forged audit record.",
        };
        var packagePins = new Option<string[]>("--policy-package-sha512")
        {
            Description = "The SHA-512 of the published policy package's .nupkg, given by CI (NuGet's base64 contentHash as packages.lock.json records it, or 128 hexadecimal digits); repeat it while a new version rolls out. The package folder every record's policy file lies in must be restore's record of a .nupkg with one of these hashes, every file in it that .nupkg's bytes (GRDCL32): a look-alike policy package from another feed (the published policy file, other props) fails here.",
            AllowMultipleArgumentsPerToken = false,
        };
        var trustedSources = new Option<string[]>("--trusted-package-source")
        {
            Description = "A package source CI trusts (its URL or folder as nuget.config names it, e.g. the organisation's feed and nuget.org); repeat it for each. A restored package whose .nupkg.metadata names another source is the repository's own: its files in bin/ are opened and read for keys and SDKs like any file (GRDCL30, GRDCL31), as one from a feed inside the repository always is.",
            AllowMultipleArgumentsPerToken = false,
        };
        command.Options.Add(pins);
        command.Options.Add(packagePins);
        command.Options.Add(trustedSources);
        command.Options.Add(minRevision);
        command.Options.Add(minToolVersion);
        command.Options.Add(rescan);
        command.SetAction(parse =>
        {
            string[] given = parse.GetValue(pins) ?? Array.Empty<string>();
            foreach (string pin in given)
            {
                if (pin.Trim().Length != 64 || !pin.Trim().All(Uri.IsHexDigit))
                {
                    context.Problem("GRDCL26", "--policy-sha256 must be 64 hexadecimal characters (the SHA-256 of the policy file's bytes).");
                    return Program.Failed;
                }
            }

            var packageHashes = new List<string>();
            foreach (string pin in parse.GetValue(packagePins) ?? Array.Empty<string>())
            {
                if (RestoredPackage.NormalizePin(pin) is not { } normalized)
                {
                    context.Problem(BuildGate.PackageCode, "--policy-package-sha512 must be the SHA-512 of the policy package's .nupkg: 88 base64 characters (NuGet's contentHash) or 128 hexadecimal digits.");
                    return Program.Failed;
                }

                packageHashes.Add(normalized);
            }

            NuGet.Versioning.NuGetVersion? minTool = null;
            if (parse.GetValue(minToolVersion) is { } toolText &&
                (!BuildTasks.Policy.VersionRanges.TryParseVersion(toolText, out minTool) || minTool == null))
            {
                context.Problem(BuildGate.ToolVersionCode, "--min-tool-version must be a version (e.g. 0.3.0), not '" + toolText + "'.");
                return Program.Failed;
            }

            var expect = new GateExpectations(given.Select(p => p.Trim()).ToArray(), parse.GetValue(minRevision)) { PolicyPackagePins = packageHashes, MinToolVersion = minTool };
            var results = new List<GateResult>();
            foreach (string path in parse.GetValue(paths)!)
            {
                string full = Path.GetFullPath(path);
                if (!Directory.Exists(full))
                {
                    context.Problem("GRDCL02", "'" + path + "' is not a folder.");
                    return Program.Failed;
                }

                if (File.Exists(Path.Combine(full, BuildGate.RecordRelative)))
                {
                    results.Add(BuildGate.Check(full, expect));
                    continue;
                }

                // A repository folder: every compiled output with a record (wherever the project put its intermediate
                // folder) and every obj/<configuration>/<tfm>/ with an assembly, then what the repository builds and
                // ships against the verified records (every project, every assembly in bin/).
                OutputTree tree = OutputTree.Of(full);
                List<GateResult> outputs = tree.CompiledOutputs.Concat(tree.RecordDirectories)
                    .Distinct(StringComparer.Ordinal).Select(o => BuildGate.Check(o, expect)).ToList();
                results.AddRange(outputs);
                if (outputs.Count > 0)
                {
                    results.AddRange(ShippedOutputs.Check(tree, outputs, parse.GetValue(trustedSources) ?? Array.Empty<string>()));
                }
            }

            if (results.Count == 0)
            {
                context.Problem("GRDCL25", "no compiled assembly was found under obj/ in " + string.Join(", ", parse.GetValue(paths)!) + ": run the gate after dotnet build.");
                return Program.Failed;
            }

            string? rescanPolicy = parse.GetValue(rescan);
            if (rescanPolicy != null)
            {
                if (!File.Exists(rescanPolicy))
                {
                    context.Problem("GRDCL02", "The policy file '" + rescanPolicy + "' does not exist.");
                    return Program.Failed;
                }

                string policySha = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(rescanPolicy)));
                if (given.Length > 0 && !given.Any(p => string.Equals(p.Trim(), policySha, StringComparison.OrdinalIgnoreCase)))
                {
                    context.Problem("GRDCL26", "--rescan-with-policy names a file whose SHA-256 (" + policySha + ") is none of the --policy-sha256 pins.");
                    return Program.Failed;
                }

                var errors = new List<BuildTasks.Foundation.Finding>();
                foreach (string path in parse.GetValue(paths)!)
                {
                    Scan.ScanReport report;
                    try
                    {
                        report = Scan.RepositoryScan.Run(new Scan.ScanOptions { Root = Path.GetFullPath(path), PolicyPath = Path.GetFullPath(rescanPolicy), PolicySha256 = policySha }, Scan.ScanProgress.None);
                    }
                    catch (Scan.ScanException e)
                    {
                        context.Problem("GRDCL03", e.Message);
                        return Program.Failed;
                    }

                    errors.AddRange(report.Findings.Where(f => f.IsError(report.Enforce)));
                }

                results = BuildGate.CrossCheck(results, errors).ToList();
            }

            foreach (GateResult r in results)
            {
                context.Output.WriteLine(Scan.SafeOutput.Clean((r.Passed ? "ok    " : "FAIL  " + r.Code + " ") + r.OutputDirectory + ": " + r.Message));
            }

            int failed = results.Count(r => !r.Passed);
            context.Output.WriteLine(failed == 0 ? results.Count + " compiled output(s) verified by Guardrails." : failed + " of " + results.Count + " compiled output(s) not verified by Guardrails.");
            return failed == 0 ? Program.Ok : Program.Findings;
        });
        return command;
    }
}
