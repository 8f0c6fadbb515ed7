using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// The C# of the inline tasks of an MSBuild file (adversary round 12 route 10): a <c>UsingTask</c> whose
    /// <c>&lt;Task&gt;&lt;Code&gt;</c> (<c>RoslynCodeTaskFactory</c>, <c>CodeTaskFactory</c>; <c>Type</c> Fragment, Method or
    /// Class; <c>Language</c> cs, the default) MSBuild compiles and runs during the build. No analyzer compiles that code,
    /// so its text is parsed here with the compiler's C# parser (Fragment in a method, Method in a class, Class as written)
    /// into a compilation of its own with the project's references, and every string the code joins from pieces
    /// (<c>+</c>, <c>const</c> pieces, <c>string.Concat/Join/Format</c>, interpolation, …) is folded by the analyzers' one
    /// folder (<see cref="StringFold"/>), as GRD001 and GRD004 fold C#. Each value comes with the span, in the MSBuild
    /// file, of the expression that built it. A single literal is not listed: the raw text readers of the file find it.
    /// The code of a <c>Code Source="file.cs"</c> is not here (that file is not in the compilation; docs/rollout.md Limits).
    /// </summary>
    internal static class InlineTaskCode
    {
        private static readonly Regex CodeElement = new Regex(
            "<Code\\b([^>]*?)(/?)>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        private static readonly Regex XmlComment = new Regex("<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        private const string FragmentHead = "using System;\nclass GuardrailsInlineTask\n{\nvoid GuardrailsExecute()\n{\n";
        private const string FragmentTail = "\n}\n}\n";
        private const string MethodHead = "using System;\nclass GuardrailsInlineTask\n{\n";
        private const string MethodTail = "\n}\n";
        private const string ClassHead = "using System;\n";

        /// <summary>Whether <paramref name="text"/> (an MSBuild file's) may hold inline task code: the cheap test before <see cref="JoinedStrings"/>.</summary>
        public static bool MayHold(string path, string text) =>
            IsMsBuildFile(path) && text.IndexOf("UsingTask", StringComparison.OrdinalIgnoreCase) >= 0 && text.IndexOf("<Code", StringComparison.Ordinal) >= 0;

        private static bool IsMsBuildFile(string path) => Guardrails.Core.Files.SourceLanguages.Of(path) == Guardrails.Core.Files.SourceLanguage.MsBuild;

        /// <summary>The strings the inline tasks' C# in <paramref name="text"/> joins, folded, with the span in <paramref name="text"/> of the expression that joins each; never throws on bad input.</summary>
        public static List<(TextSpan Span, string Value)> JoinedStrings(string text, Compilation compilation, CancellationToken cancellationToken)
        {
            var found = new List<(TextSpan Span, string Value)>();
            List<(string Type, string Code, int[] Map)> bodies;
            try
            {
                bodies = Bodies(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return found;
            }

            var parseOptions = compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? CSharpParseOptions.Default;
            foreach ((string type, string code, int[] map) in bodies)
            {
                string head = type.Equals("Class", StringComparison.OrdinalIgnoreCase) ? ClassHead
                    : type.Equals("Method", StringComparison.OrdinalIgnoreCase) ? MethodHead : FragmentHead;
                string tail = ReferenceEquals(head, ClassHead) ? string.Empty : ReferenceEquals(head, MethodHead) ? MethodTail : FragmentTail;
                SyntaxTree tree = CSharpSyntaxTree.ParseText(head + code + tail, parseOptions.WithKind(SourceCodeKind.Regular), cancellationToken: cancellationToken);
                var own = CSharpCompilation.Create("GuardrailsInlineTask", new[] { tree }, compilation.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                SemanticModel model = own.GetSemanticModel(tree);
                var fold = new StringFold(model, cancellationToken);
                foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (!(node is ExpressionSyntax expression) || !IsJoin(expression) || InsideJoin(expression))
                    {
                        continue;
                    }

                    string? value = fold.Fold(expression);
                    int start = expression.SpanStart - head.Length;
                    int end = expression.Span.End - head.Length;
                    if (value == null || start < 0 || end > code.Length || end <= start)
                    {
                        continue;
                    }

                    found.Add((TextSpan.FromBounds(map[start], map[end - 1] + 1), value));
                }
            }

            return found;
        }

        /// <summary>An expression that builds one string from pieces: <c>+</c>, an interpolation, a call of <c>Concat</c>, <c>Join</c>, <c>Format</c>.</summary>
        private static bool IsJoin(ExpressionSyntax expression) =>
            expression.IsKind(SyntaxKind.AddExpression) || expression is InterpolatedStringExpressionSyntax ||
            (expression is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax member &&
             (member.Name.Identifier.ValueText == "Concat" || member.Name.Identifier.ValueText == "Join" || member.Name.Identifier.ValueText == "Format"));

        /// <summary>Part of a larger join (folded with it): under a <c>+</c> or an interpolation, through parentheses and casts.</summary>
        private static bool InsideJoin(ExpressionSyntax expression)
        {
            SyntaxNode? parent = expression.Parent;
            while (parent is ParenthesizedExpressionSyntax || parent is CastExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent != null && (parent.IsKind(SyntaxKind.AddExpression) || parent is InterpolationSyntax);
        }

        /// <summary>
        /// The <c>&lt;Code&gt;</c> bodies in C# of the file's <c>UsingTask</c>s, CDATA unwrapped and entities decoded, each with its
        /// <c>Type</c> and, for each character of the code, its offset in the file (plus one past the end). XML comments do not count.
        /// </summary>
        private static List<(string Type, string Code, int[] Map)> Bodies(string text)
        {
            var bodies = new List<(string Type, string Code, int[] Map)>();
            string live = XmlComment.Replace(text, c => new string(' ', c.Length));
            foreach (Match m in CodeElement.Matches(live))
            {
                if (m.Groups[2].Value == "/" || live.LastIndexOf("<UsingTask", m.Index, StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }

                string attributes = m.Groups[1].Value;
                string language = Attribute(attributes, "Language") ?? "cs";
                if (!(language.Equals("cs", StringComparison.OrdinalIgnoreCase) || language.Equals("c#", StringComparison.OrdinalIgnoreCase) ||
                      language.Equals("csharp", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                int start = m.Index + m.Length;
                int end = live.IndexOf("</Code", start, StringComparison.Ordinal);
                if (end < 0)
                {
                    continue;
                }

                var code = new StringBuilder(end - start);
                var map = new List<int>(end - start + 1);
                for (int i = start; i < end;)
                {
                    if (string.CompareOrdinal(live, i, "<![CDATA[", 0, 9) == 0)
                    {
                        int close = live.IndexOf("]]>", i + 9, StringComparison.Ordinal);
                        int stop = close < 0 || close > end ? end : close;
                        for (int j = i + 9; j < stop; j++)
                        {
                            code.Append(live[j]);
                            map.Add(j);
                        }

                        i = close < 0 || close > end ? end : close + 3;
                        continue;
                    }

                    if (live[i] == '&' && Entity(live, i, end, out char decoded, out int length))
                    {
                        code.Append(decoded);
                        map.Add(i);
                        i += length;
                        continue;
                    }

                    code.Append(live[i]);
                    map.Add(i);
                    i++;
                }

                map.Add(end);
                bodies.Add((Attribute(attributes, "Type") ?? "Fragment", code.ToString(), map.ToArray()));
            }

            return bodies;
        }

        private static string? Attribute(string attributes, string name)
        {
            Match m = Regex.Match(attributes, "\\b" + name + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return !m.Success ? null : (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Trim();
        }

        /// <summary>An XML entity or character reference at <paramref name="at"/>: its character and length.</summary>
        private static bool Entity(string text, int at, int end, out char decoded, out int length)
        {
            decoded = '\0';
            length = 0;
            int semicolon = text.IndexOf(';', at, Math.Min(12, end - at));
            if (semicolon < 0)
            {
                return false;
            }

            string name = text.Substring(at + 1, semicolon - at - 1);
            length = semicolon + 1 - at;
            switch (name)
            {
                case "lt": decoded = '<'; return true;
                case "gt": decoded = '>'; return true;
                case "amp": decoded = '&'; return true;
                case "quot": decoded = '"'; return true;
                case "apos": decoded = '\''; return true;
            }

            if (name.Length > 1 && name[0] == '#')
            {
                bool hex = name[1] == 'x' || name[1] == 'X';
                if (int.TryParse(hex ? name.Substring(2) : name.Substring(1), hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out int code) &&
                    code > 0 && code <= char.MaxValue)
                {
                    decoded = (char)code;
                    return true;
                }
            }

            return false;
        }
    }
}
