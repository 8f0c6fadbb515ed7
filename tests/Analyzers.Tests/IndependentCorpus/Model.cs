using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers.Tests.IndependentCorpus;

/// <summary>What a case expects of the analyzers.</summary>
internal enum Expect
{
    /// <summary>A provider key: GRD001 (C#) or GRD002 (file) at one of the marked lines.</summary>
    ProviderKey,

    /// <summary>A secret under a generic name: GRD001/GRD002 or GRD006 at one of the marked lines.</summary>
    AnySecret,

    /// <summary>A trap: no GRD001, GRD002 or GRD006 of warning or error severity anywhere.</summary>
    Silence,
}

/// <summary>
/// One generated case. Source texts mark the lines where a report is correct with <see cref="Mark"/> (stripped
/// before compiling). Classes name the case along each dimension (provider, construct, context, file kind).
/// </summary>
internal sealed class CorpusCase
{
    public const char Mark = '\u0001';

    public required string Id { get; init; }

    public required Expect Expect { get; init; }

    /// <summary>Dimension → class, e.g. "provider" → "OpenAI/project 74", "construct" → "verbatim".</summary>
    public required IReadOnlyDictionary<string, string> Classes { get; init; }

    public IReadOnlyList<(string Path, string Text)> Sources { get; init; } = Array.Empty<(string, string)>();

    public IReadOnlyList<(string Path, string Text)> Files { get; init; } = Array.Empty<(string, string)>();

    public OutputKind OutputKind { get; init; } = OutputKind.DynamicallyLinkedLibrary;

    /// <summary>Null when the case must pass; otherwise why this form is measured but not required.</summary>
    public string? NotRequired { get; init; }

    /// <summary>A form the detector should find but does not yet (issue 16 open): measured, listed, not asserted.</summary>
    public string? Open { get; init; }

    public string Key { get; init; } = string.Empty;
}

/// <summary>Helpers for writing C# that holds a value.</summary>
internal static class Cs
{
    public const string A = "\u0001";

    public static string Reg(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public static string Verb(string s) => "@\"" + s.Replace("\"", "\"\"") + "\"";

    public static string Raw(string s) => "\"\"\"" + s + "\"\"\"";

    public static string Pascal(string ident) => char.ToUpperInvariant(ident[0]) + ident.Substring(1);

    public const string Usings =
        "using System;\nusing System.Collections.Generic;\nusing System.ComponentModel;\nusing System.Globalization;\nusing System.Linq;\nusing System.Text;\n";

    /// <summary>A file with one static class around <paramref name="members"/>.</summary>
    public static string Holder(string members, string cls = "Holder") =>
        Usings + "namespace Corpus;\n\npublic static class " + cls + "\n{\n" + members + "\n}\n";

    public static string Method(string body, string ret = "string") =>
        "    public static " + ret + " Get()\n    {\n" + body + "\n    }\n";

    public static string UEscape(char c) => "\\u" + ((int)c).ToString("x4");

    public static string XEscape(char c) => "\\x" + ((int)c).ToString("X4");

    public static string BigUEscape(char c) => "\\U" + ((int)c).ToString("x8");

    /// <summary>Splits <paramref name="s"/> into chunks of at most <paramref name="size"/> characters.</summary>
    public static IEnumerable<string> Chunks(string s, int size)
    {
        for (int i = 0; i < s.Length; i += size)
        {
            yield return s.Substring(i, Math.Min(size, s.Length - i));
        }
    }

    /// <summary>Strips the marks; returns the clean text and the 1-based marked lines.</summary>
    public static (string Text, HashSet<int> Lines) Strip(string marked)
    {
        var lines = new HashSet<int>();
        string[] split = marked.Split('\n');
        for (int i = 0; i < split.Length; i++)
        {
            if (split[i].IndexOf(CorpusCase.Mark) >= 0)
            {
                lines.Add(i + 1);
                split[i] = split[i].Replace(CorpusCase.Mark.ToString(), string.Empty);
            }
        }

        return (string.Join("\n", split), lines);
    }
}
