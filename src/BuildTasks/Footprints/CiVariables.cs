using System;
using System.Collections.Generic;
using System.Text;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// The variables a CI file sets for the commands below a node (adversary round 10 route 4): GitHub's <c>env</c> of the
    /// workflow, the job and the step; GitLab's <c>variables</c> (global and the job's, a value or <c>{ value: … }</c>) and a
    /// <c>&lt;&lt;: *base</c> merge's; Azure Pipelines' <c>variables</c> (a mapping or a list of <c>{ name, value }</c>). A command
    /// line is read with the variables it uses put in (<c>$M</c>, <c>${M}</c>, <c>${{ env.M }}</c>, and in Azure files the
    /// <c>$(M)</c> macro), and the variables an assistant reads (<see cref="AssistantEnvironment.OwnerOf"/>:
    /// <c>ANTHROPIC_MODEL</c>, <c>ANTHROPIC_BASE_URL</c>, …) are that assistant's environment where it runs. Only the file's
    /// own values are known: a variable set outside it (CI secrets, repository or project variables, the runner) stays a
    /// variable, and a model taken from one is not identified (GRD133 under a policy with a model list).
    /// </summary>
    internal sealed class CiVariables
    {
        public static readonly CiVariables None = new CiVariables(null, new List<JsonProperty>(), azure: false);

        private readonly CiVariables? _outer;
        private readonly List<JsonProperty> _own;

        private CiVariables(CiVariables? outer, List<JsonProperty> own, bool azure)
        {
            _outer = outer;
            _own = own;
            Azure = azure;
        }

        /// <summary>An Azure Pipelines file: <c>$(NAME)</c> is a variable, not a command substitution.</summary>
        public bool Azure { get; }

        public static CiVariables For(string relativePath) =>
            new CiVariables(null, new List<JsonProperty>(), relativePath.StartsWith("azure-pipelines", StringComparison.Ordinal));

        /// <summary>These variables with those <paramref name="node"/> (a workflow, job, step, or a merged base) sets added.</summary>
        public CiVariables With(JsonNode node)
        {
            if (node.Kind != JsonKind.Object)
            {
                return this;
            }

            var own = new List<JsonProperty>();
            Collect(node, own, 0);
            return own.Count == 0 ? this : new CiVariables(this, own, Azure);
        }

        /// <summary>These variables with <paramref name="own"/> (a script's or a command line's own assignments) added over them.</summary>
        public CiVariables With(List<JsonProperty> own) => own.Count == 0 ? this : new CiVariables(this, own, Azure);

        private static void Collect(JsonNode node, List<JsonProperty> own, int depth)
        {
            if (depth > 4 || node.Kind != JsonKind.Object)
            {
                return;
            }

            // A merge first: the node's own members override what it merges.
            if (node["<<"] is JsonNode merged)
            {
                foreach (JsonNode m in merged.Kind == JsonKind.Array ? merged.Items : new[] { merged })
                {
                    Collect(m, own, depth + 1);
                }
            }

            foreach (string section in new[] { "env", "variables" })
            {
                JsonNode? bag = node[section];
                if (bag == null)
                {
                    continue;
                }

                if (bag.Kind == JsonKind.Object)
                {
                    foreach (JsonProperty p in bag.Properties)
                    {
                        JsonNode? value = p.Value.Kind == JsonKind.Object ? p.Value["value"] : p.Value; // GitLab { value, description }
                        if (value != null && value.Kind != JsonKind.Object && value.Kind != JsonKind.Array)
                        {
                            own.Add(new JsonProperty(p.Name, p.NameStart, value));
                        }
                    }
                }
                else if (bag.Kind == JsonKind.Array)
                {
                    foreach (JsonNode item in bag.Items)
                    {
                        // Azure: - name: M / value: x (a "group:" or "template:" item sets what the file does not show).
                        if (item.Kind == JsonKind.Object && item["name"] is JsonNode name && name.Kind == JsonKind.String && item["value"] is JsonNode value &&
                            value.Kind != JsonKind.Object && value.Kind != JsonKind.Array)
                        {
                            own.Add(new JsonProperty(name.Text ?? string.Empty, name.Start, value));
                        }
                    }
                }
            }
        }

        /// <summary>The value the innermost scope sets for <paramref name="name"/>, or null.</summary>
        public JsonProperty? Find(string name)
        {
            for (CiVariables? s = this; s != null; s = s._outer)
            {
                for (int i = s._own.Count - 1; i >= 0; i--)
                {
                    if (string.Equals(s._own[i].Name, name, StringComparison.Ordinal))
                    {
                        return s._own[i];
                    }
                }
            }

            return null;
        }

        private static string ValueText(JsonProperty p) =>
            p.Value.Kind == JsonKind.String ? p.Value.Text ?? string.Empty
            : p.Value.Kind == JsonKind.True ? "true" : p.Value.Kind == JsonKind.False ? "false" : p.Value.Kind == JsonKind.Null ? string.Empty : p.Value.Text ?? string.Empty;

        /// <summary>
        /// <paramref name="line"/> with the variables this scope sets put in (values that use variables put in too, three
        /// levels deep); a variable it does not set stays as written.
        /// </summary>
        public string Expand(string line) => Expand(line, 0);

        private string Expand(string line, int depth)
        {
            if (depth > 3 || line.IndexOf('$') < 0 || (_own.Count == 0 && _outer == null))
            {
                return line;
            }

            var sb = new StringBuilder(line.Length);
            int i = 0;
            while (i < line.Length)
            {
                if (line[i] == '$' && TryReference(line, i, out int length, out string name) && Find(name) is JsonProperty p)
                {
                    sb.Append(Expand(ValueText(p), depth + 1));
                    i += length;
                    continue;
                }

                sb.Append(line[i]);
                i++;
            }

            return sb.ToString();
        }

        /// <summary><c>$NAME</c>, <c>${NAME}</c>, <c>${{ env.NAME }}</c>, and in Azure files <c>$(NAME)</c>, at <paramref name="at"/>.</summary>
        private bool TryReference(string line, int at, out int length, out string name)
        {
            length = 0;
            name = string.Empty;
            int i = at + 1;
            if (i >= line.Length)
            {
                return false;
            }

            if (line[i] == '{' && i + 1 < line.Length && line[i + 1] == '{')
            {
                int close = line.IndexOf("}}", i + 2, StringComparison.Ordinal);
                string inner = close < 0 ? string.Empty : line.Substring(i + 2, close - i - 2).Trim();
                if (inner.StartsWith("env.", StringComparison.Ordinal) && IsName(inner, 4, inner.Length))
                {
                    name = inner.Substring(4);
                    length = close + 2 - at;
                    return true;
                }

                return false;
            }

            char open = line[i];
            if (open == '{' || (open == '(' && Azure))
            {
                int close = line.IndexOf(open == '{' ? '}' : ')', i + 1);
                if (close > i + 1 && IsName(line, i + 1, close))
                {
                    name = line.Substring(i + 1, close - i - 1);
                    length = close + 1 - at;
                    return true;
                }

                return false;
            }

            int end = i;
            while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] == '_'))
            {
                end++;
            }

            if (end == i || char.IsDigit(line[i]))
            {
                return false;
            }

            name = line.Substring(i, end - i);
            length = end - at;
            return true;
        }

        private static bool IsName(string text, int from, int to)
        {
            if (to <= from)
            {
                return false;
            }

            for (int i = from; i < to; i++)
            {
                char c = text[i];
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The variables of this scope <paramref name="assistant"/> reads (the innermost value of each name), each with its
        /// value's variables put in, for the interpreter of the assistant's settings' <c>env</c>.
        /// </summary>
        public List<JsonProperty> AssistantVariables(string assistant)
        {
            var found = new List<JsonProperty>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (CiVariables? s = this; s != null; s = s._outer)
            {
                for (int i = s._own.Count - 1; i >= 0; i--)
                {
                    JsonProperty p = s._own[i];
                    if (!seen.Add(p.Name) || !string.Equals(AssistantEnvironment.OwnerOf(p.Name), assistant, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    string value = Expand(ValueText(p));
                    found.Add(new JsonProperty(p.Name, p.NameStart, new JsonNode(JsonKind.String, p.Value.Start, p.Value.End, value, null, null)));
                }
            }

            return found;
        }
    }
}
