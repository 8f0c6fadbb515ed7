using System.Reflection;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>The guardrails tool built beside the tests, run on built projects as CI would.</summary>
internal static class GuardrailsTool
{
    /// <summary>The CI gate: <c>guardrails verify-build FOLDER OPTIONS</c>, run in <paramref name="folder"/>.</summary>
    public static DotNet.Result VerifyBuild(string folder, params string[] options) => Run("verify-build", folder, options);

    /// <summary><c>guardrails scan FOLDER OPTIONS</c>, run in <paramref name="folder"/>.</summary>
    public static DotNet.Result Scan(string folder, params string[] options) => Run("scan", folder, options);

    private static DotNet.Result Run(string command, string folder, string[] options)
    {
        string configuration = typeof(GuardrailsTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        string tool = Path.Combine(RepoPaths.Root, "src", "Cli", "bin", configuration, "net8.0", "guardrails.dll");
        return DotNet.Run(folder, null, new[] { tool, command, folder }.Concat(options).ToArray());
    }
}
