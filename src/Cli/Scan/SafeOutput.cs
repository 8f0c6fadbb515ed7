using Guardrails.BuildTasks.Foundation;

namespace Guardrails.Cli.Scan;

/// <summary>The one choke point for text the tool writes that did not come through a report writer: any key in it is
/// replaced by its redacted form (the same <see cref="SafeText"/> the audit record and SARIF use).</summary>
internal static class SafeOutput
{
    public static string Clean(string text) => SafeText.Clean(text);
}
