using System.Collections;

namespace Guardrails.Cli;

/// <summary>
/// The gate's own process environment (adversary round 9 route 12): a build step can hand the next CI steps environment
/// variables (GitHub's <c>$GITHUB_ENV</c>, Azure's <c>##vso[task.setvariable]</c>, GitLab's dotenv reports), and some of
/// them make the .NET host, the runtime or the dynamic loader run code the build chose inside the genuine tool, before or
/// beside its checks. The tool refuses to run in such an environment (GRDCL34, exit 2) and names the variable. Startup
/// hooks are also switched off in the tool's runtimeconfig (<c>StartupHookSupport</c>), so the hook is not run even
/// where this check is reached through it.
/// </summary>
internal static class GateEnvironment
{
    public const string Code = "GRDCL34";

    /// <summary>Read by the .NET host (hostfxr/hostpolicy): code the host adds to the process.</summary>
    private static readonly string[] HostVariables = { "DOTNET_STARTUP_HOOKS", "DOTNET_ADDITIONAL_DEPS", "DOTNET_SHARED_STORE" };

    /// <summary>
    /// Runtime settings (read with the <c>DOTNET_</c> or the older <c>COMPlus_</c> prefix) that load a library of the
    /// environment's choosing: a diagnostic port a listener can use to load a startup profiler, a standalone GC, another JIT.
    /// </summary>
    private static readonly string[] RuntimeSettings = { "DiagnosticPorts", "GCName", "GCPath", "JitPath", "AltJit", "AltJitName" };

    /// <summary>Read by the dynamic loader (glibc, macOS dyld): a library loaded into every process, or looked up first.</summary>
    private static readonly string[] LoaderVariables = { "LD_PRELOAD", "LD_AUDIT", "LD_LIBRARY_PATH", "DYLD_INSERT_LIBRARIES", "DYLD_LIBRARY_PATH" };

    /// <summary>The variables of <paramref name="environment"/> (non-empty) that can run code in this process, sorted by name.</summary>
    public static IReadOnlyList<string> CodeInjection(IDictionary environment)
    {
        var found = new List<string>();
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && entry.Value is string value && value.Trim().Length > 0 && Injects(name))
            {
                found.Add(name);
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static bool Injects(string name)
    {
        if (HostVariables.Contains(name, StringComparer.OrdinalIgnoreCase) || LoaderVariables.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        // CORECLR_ENABLE_PROFILING, CORECLR_PROFILER, CORECLR_PROFILER_PATH(_32|_64|_ARM32|_ARM64), CORECLR_ENABLE_NOTIFICATION_PROFILERS,
        // CORECLR_NOTIFICATION_PROFILERS(_32|_64|…): the runtime loads the named profiler library at start.
        if (name.StartsWith("CORECLR_", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (string prefix in new[] { "DOTNET_", "COMPlus_" })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) &&
                RuntimeSettings.Contains(name[prefix.Length..], StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The GRDCL34 message for <paramref name="names"/>.</summary>
    public static string Message(IReadOnlyList<string> names) =>
        "refusing to run: the environment sets " + string.Join(", ", names) + (names.Count == 1 ? ", which makes" : ", which make") +
        " the .NET host, the runtime or the loader run code of the environment's choosing inside this process (a build step can set it " +
        "for the next CI steps through $GITHUB_ENV, ##vso[task.setvariable] or a dotenv report). Run the gate in a job of its own, " +
        "or with a clean environment (env -i PATH=/usr/bin:/bin HOME=\"$HOME\" <tool path>/guardrails …); see docs/ci.md, \"Installing the gate\".";
}
