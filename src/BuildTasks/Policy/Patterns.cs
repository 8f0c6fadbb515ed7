using System;
using System.Collections.Generic;
using Guardrails.Core.Sdks;
using Guardrails.Core.Text;
using NuGet.Versioning;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>How a model pattern without wildcards matches: exactly, or as a prefix ("claude-sonnet-4" matches "claude-sonnet-4-5").</summary>
    public enum ModelMatch
    {
        Exact,
        Prefix,
    }

    public static class ModelMatcher
    {
        /// <summary>A pattern with '*' or '?' is a glob; otherwise exact or prefix per <paramref name="mode"/>.</summary>
        public static bool Matches(string pattern, string model, ModelMatch mode)
        {
            if (Glob.IsPattern(pattern))
            {
                return Glob.Match(pattern, model);
            }

            return mode == ModelMatch.Prefix
                ? model.StartsWith(pattern, StringComparison.OrdinalIgnoreCase)
                : string.Equals(pattern, model, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// The names an assistant accepts for a model, read as the policy's model ids (adversary round 8 route 4): a cloud
    /// qualified id is the model's own id (Bedrock <c>us.anthropic.claude-opus-4-1-20250805-v1:0</c> and its ARNs, Vertex
    /// <c>claude-opus-4-1@20250805</c>, <c>anthropic/claude-opus-4-1</c>, a <c>[1m]</c> context suffix), and an alias
    /// (Claude Code's <c>opus</c>, <c>sonnet</c>, <c>haiku</c>, <c>opusplan</c>, <c>default</c>, <c>best</c>) stands for
    /// a family whose current member changes: it is denied by any deny pattern that could name a member of its families,
    /// and allowed only by an allow pattern that covers whole families (<c>claude-opus-*</c>, <c>claude-*</c>).
    /// </summary>
    public static class ModelNames
    {
        private static readonly string[] Opus = { "claude-opus-" };
        private static readonly string[] Sonnet = { "claude-sonnet-" };
        private static readonly string[] Haiku = { "claude-haiku-" };
        private static readonly string[] AnyClaude = { "claude-opus-", "claude-sonnet-", "claude-haiku-" };

        /// <summary>The families an alias stands for; null for a model id.</summary>
        public static string[]? AliasFamilies(string model)
        {
            switch (Canonical(model).ToLowerInvariant())
            {
                case "opus":
                    return Opus;
                case "sonnet":
                    return Sonnet;
                case "haiku":
                    return Haiku;
                case "opusplan":
                    return new[] { "claude-opus-", "claude-sonnet-" };
                case "default":
                case "best":
                    return AnyClaude;
                default:
                    return null;
            }
        }

        /// <summary>
        /// How a model name was read, for a message: " ('opus' stands for whichever claude-opus-* model is current)" for an
        /// alias, " (read as 'claude-opus-4-1-20250805')" for a cloud-qualified id, empty for a plain id.
        /// </summary>
        public static string Explain(string model)
        {
            if (AliasFamilies(model) is string[] families)
            {
                return " ('" + model.Trim() + "' stands for whichever " + string.Join(" or ", Array.ConvertAll(families, f => f + "*")) + " model is current, so a deny of any of them covers it)";
            }

            if (IsUnresolved(model))
            {
                return " (taken from a variable the file does not set — a CI secret or setting, a script's argument — so Guardrails cannot tell which model runs, and only an allow entry naming it as written approves it)";
            }

            if (IsOpaque(model))
            {
                return " (an alias its account defines, e.g. a Bedrock application inference profile: Guardrails cannot tell which model it runs, so only an allow entry naming it approves it)";
            }

            string id = Canonical(model);
            return string.Equals(id, model.Trim(), StringComparison.Ordinal) ? string.Empty : " (read as '" + id + "')";
        }

        /// <summary>
        /// A name that stands for a model its owner chose and no policy can read (adversary round 9 route 4): an AWS ARN of
        /// anything but a foundation model or a system-defined inference profile (an application inference profile, a
        /// provisioned, custom or imported model, a prompt router: each copies or routes to whatever model its account
        /// picked), or a Vertex AI endpoint (<c>projects/…/endpoints/…</c>, a deployment of any model). A deny list cannot
        /// judge it; only an allow entry that names it lets it pass.
        /// </summary>
        public static bool IsOpaque(string model)
        {
            string m = model.Trim();
            if (m.StartsWith("arn:", StringComparison.OrdinalIgnoreCase))
            {
                // arn:partition:service:region:account:resource-type/resource-id
                string[] parts = m.Split(new[] { ':' }, 6);
                if (parts.Length < 6)
                {
                    return true;
                }

                string resource = parts[5];
                int slash = resource.IndexOf('/');
                string type = slash > 0 ? resource.Substring(0, slash) : resource;
                return !(string.Equals(type, "foundation-model", StringComparison.OrdinalIgnoreCase) || string.Equals(type, "inference-profile", StringComparison.OrdinalIgnoreCase));
            }

            return m.StartsWith("projects/", StringComparison.OrdinalIgnoreCase) && m.IndexOf("/endpoints/", StringComparison.OrdinalIgnoreCase) > 0;
        }

        /// <summary>
        /// A model a launcher takes from a variable its file does not set (<c>claude --model "$MODEL"</c>, <c>${{ vars.M }}</c>;
        /// adversary round 10 route 4): like an opaque name, a deny list cannot judge it, and it passes only an allow entry that
        /// names it as written (or a policy without a model list for the assistant).
        /// </summary>
        public static bool IsUnresolved(string model) => model.IndexOf('$') >= 0 || Guardrails.Core.Secrets.CredentialReference.HasVariable(model); // also "$1", "$@": a script's arguments

        /// <summary>The model id inside a cloud-qualified, suffixed or display name; the name itself when there is none.</summary>
        public static string Canonical(string model)
        {
            string m = CopilotDisplayId(model.Trim());
            int slash = m.LastIndexOf('/');
            if (slash >= 0 && slash < m.Length - 1 && (m.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) ||
                m.StartsWith("publishers/", StringComparison.OrdinalIgnoreCase) || m.StartsWith("models/", StringComparison.OrdinalIgnoreCase) ||
                (m.IndexOf('/') == slash && IsProvider(m.Substring(0, slash)))))
            {
                // arn:aws:bedrock:…:inference-profile/<id>, …:foundation-model/<id>, publishers/anthropic/models/<id>,
                // models/<id> (Gemini), anthropic/<id> (a router's provider prefix). Another owner's path ("someone/llama")
                // stays whole: an allow entry for "llama" does not approve it.
                m = m.Substring(slash + 1);
            }

            int bracket = m.IndexOf('[');
            if (bracket > 0 && m.EndsWith("]", StringComparison.Ordinal))
            {
                m = m.Substring(0, bracket); // claude-sonnet-4-5[1m]
            }

            foreach (string region in new[] { "us.", "eu.", "apac.", "global.", "us-gov.", "jp.", "au.", "ca." })
            {
                int next = m.StartsWith(region, StringComparison.OrdinalIgnoreCase) ? m.IndexOf('.', region.Length) : -1;
                if (next > region.Length && IsProvider(m.Substring(region.Length, next - region.Length)))
                {
                    m = m.Substring(region.Length); // a Bedrock cross-region inference profile
                    break;
                }
            }

            int dot = m.IndexOf('.');
            if (dot > 0 && IsProvider(m.Substring(0, dot)))
            {
                m = m.Substring(dot + 1); // anthropic.claude-… (a Bedrock provider prefix)
            }

            int version = m.LastIndexOf("-v", StringComparison.OrdinalIgnoreCase);
            if (version > 0 && IsBedrockVersion(m, version + 2))
            {
                m = m.Substring(0, version); // …-v1:0
            }

            return m;
        }

        /// <summary>
        /// The model id a Copilot display name stands for (adversary round 13, side observation): VS Code writes the model of a
        /// prompt or chat-mode file as the picker shows it, <c>GPT-4.1 (copilot)</c>, <c>Claude Sonnet 4 (copilot)</c>, <c>GPT-5
        /// mini (Preview) (copilot)</c>: lower case, blanks as '-', the vendor qualifier dropped and <c>(Preview)</c> kept as
        /// <c>-preview</c> (so a <c>*-preview</c> deny still names it). Any other name is returned as it is.
        /// </summary>
        private static string CopilotDisplayId(string m)
        {
            const string Copilot = "(copilot)";
            if (!m.EndsWith(Copilot, StringComparison.OrdinalIgnoreCase))
            {
                return m;
            }

            string name = m.Substring(0, m.Length - Copilot.Length).Trim();
            const string Preview = "(preview)";
            bool preview = name.EndsWith(Preview, StringComparison.OrdinalIgnoreCase);
            if (preview)
            {
                name = name.Substring(0, name.Length - Preview.Length).Trim();
            }

            var id = new System.Text.StringBuilder(name.Length + 8);
            foreach (string part in name.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
            {
                id.Append(id.Length == 0 ? string.Empty : "-").Append(part.ToLowerInvariant());
            }

            return id.Length == 0 ? m : id.Append(preview ? "-preview" : string.Empty).ToString();
        }

        private static bool IsProvider(string name)
        {
            foreach (string p in new[] { "anthropic", "openai", "google", "meta", "amazon", "mistral", "mistralai", "cohere", "ai21", "deepseek", "qwen", "writer", "x-ai", "xai" })
            {
                if (string.Equals(name, p, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The id without a trailing snapshot date (<c>-20250805</c>, <c>@20250805</c>) or the moving alias of the latest snapshot
        /// (<c>-latest</c>, <c>:latest</c>, <c>@latest</c>: Anthropic's aliases end so; adversary round 13, side observation:
        /// <c>claude-opus-4-1-preview-latest</c> passed a <c>*-preview</c> deny), or null when it has neither.
        /// </summary>
        public static string? WithoutDate(string id)
        {
            foreach (string latest in new[] { "-latest", ":latest", "@latest" })
            {
                if (id.Length > latest.Length && id.EndsWith(latest, StringComparison.OrdinalIgnoreCase))
                {
                    return WithoutDate(id.Substring(0, id.Length - latest.Length)) ?? id.Substring(0, id.Length - latest.Length);
                }
            }

            int at = id.Length - 9;
            if (at > 0 && (id[at] == '-' || id[at] == '@'))
            {
                for (int i = at + 1; i < id.Length; i++)
                {
                    if (id[i] < '0' || id[i] > '9')
                    {
                        return null;
                    }
                }

                return id.Substring(0, at);
            }

            return null;
        }

        /// <summary>
        /// True when <paramref name="pattern"/> could name some member of the family starting with <paramref name="family"/>:
        /// its literal head and the family's prefix agree. A pattern that starts with a wildcard (<c>*-preview</c>) names a
        /// kind of release, not a family, and an alias stands for the family's current release: it does not match.
        /// </summary>
        public static bool CouldName(string pattern, string family)
        {
            string head = LiteralHead(pattern);
            return head.Length > 0 && (head.StartsWith(family, StringComparison.OrdinalIgnoreCase) || family.StartsWith(head, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>True when <paramref name="pattern"/> names every member of the family (a glob "<c>&lt;prefix&gt;*</c>" whose prefix the family starts with).</summary>
        public static bool Covers(string pattern, string family)
        {
            string p = pattern.Trim();
            return p.EndsWith("*", StringComparison.Ordinal) && LiteralHead(p).Length == p.Length - 1 &&
                   family.StartsWith(p.Substring(0, p.Length - 1), StringComparison.OrdinalIgnoreCase);
        }

        private static string LiteralHead(string pattern)
        {
            string p = pattern.Trim();
            int wild = p.IndexOfAny(new[] { '*', '?', '[' });
            return wild < 0 ? p : p.Substring(0, wild);
        }

        private static bool IsBedrockVersion(string m, int i)
        {
            int digits = 0;
            while (i < m.Length && m[i] >= '0' && m[i] <= '9')
            {
                i++;
                digits++;
            }

            if (digits == 0)
            {
                return false;
            }

            if (i < m.Length && m[i] == ':')
            {
                i++;
                while (i < m.Length && m[i] >= '0' && m[i] <= '9')
                {
                    i++;
                }
            }

            return i == m.Length;
        }
    }

    /// <summary>
    /// Remote MCP server URLs matched by identity, host-aware: "https://*.contoso.example/mcp/*" matches the scheme
    /// exactly, the host label by label (<see cref="HostPattern.Matches"/>: '*' is one or more whole labels on the left,
    /// never a different domain: "https://evil.example/?x=.contoso.example" does not match), and the path as a glob.
    /// A URL from a file is read the way the WHATWG URL parser of the Node-based assistants reads it (adversary round 7
    /// route 5): leading and trailing spaces and control characters dropped, tabs and newlines removed anywhere, '\' a
    /// path separator in an http(s)/ws(s) URL ("https://evil.example\.mcp.contoso.example/docs" is evil.example), any
    /// run of slashes after the scheme skipped; and its host must be the host <see cref="HostPattern.TryExtractHost(string, out string)"/>
    /// (the one host grammar of GRD004/GRD138) reads from it, character for character: a host with '%', user-info,
    /// letters outside ASCII or anything else two parsers could read differently matches nothing.
    /// </summary>
    public static class UrlPattern
    {
        public static bool IsValid(string pattern) => Split(pattern, isPattern: true, out _, out _, out _, out _);

        public static bool Matches(string pattern, string url)
        {
            if (!Split(pattern, isPattern: true, out string ps, out string ph, out string pport, out string ppath) ||
                !Split(url, isPattern: false, out string us, out string uh, out string uport, out string upath))
            {
                return false;
            }

            if (!string.Equals(ps, us, StringComparison.OrdinalIgnoreCase) || !HostPattern.Matches(ph, uh))
            {
                return false;
            }

            if (!(pport == "*" || string.Equals(pport, uport, StringComparison.Ordinal)))
            {
                return false;
            }

            return Glob.Match(ppath.Length == 0 ? "/**" : ppath, upath.Length == 0 ? "/" : upath, starCrossesSlash: true);
        }

        /// <summary>
        /// scheme://host[:port][/path] as the WHATWG parser splits a special-scheme URL; query and fragment are ignored;
        /// user-info is refused. For a URL (not a pattern) the host must also be the one <see cref="HostPattern"/> reads.
        /// </summary>
        private static bool Split(string value, bool isPattern, out string scheme, out string host, out string port, out string path)
        {
            scheme = host = port = path = string.Empty;
            string v = WhatwgClean(value);
            int colon0 = v.IndexOf(':');
            if (colon0 <= 0)
            {
                return false;
            }

            scheme = v.Substring(0, colon0).ToLowerInvariant();
            if (scheme != "https" && scheme != "http" && scheme != "wss" && scheme != "ws")
            {
                return false;
            }

            string rest = v.Substring(colon0 + 1);
            int cut = rest.IndexOfAny(new[] { '?', '#' });
            if (cut >= 0)
            {
                rest = rest.Substring(0, cut);
            }

            // Special schemes: '\' is '/', and any run of slashes before the authority is skipped. A pattern must
            // still be written "scheme://".
            rest = rest.Replace('\\', '/');
            int skip = 0;
            while (skip < rest.Length && rest[skip] == '/')
            {
                skip++;
            }

            if (isPattern && (skip != 2 || v.IndexOf("://", StringComparison.Ordinal) != colon0))
            {
                return false;
            }

            rest = rest.Substring(skip);
            int slash = rest.IndexOf('/');
            string authority = slash >= 0 ? rest.Substring(0, slash) : rest;
            path = slash >= 0 ? rest.Substring(slash) : string.Empty;
            if (authority.IndexOf('@') >= 0 || authority.Length == 0)
            {
                return false;
            }

            int colon = authority.LastIndexOf(':');
            if (colon >= 0)
            {
                host = authority.Substring(0, colon);
                port = authority.Substring(colon + 1);
            }
            else
            {
                host = authority;
                port = scheme == "https" || scheme == "wss" ? "443" : "80";
            }

            if (host.Length == 0 || (host.IndexOf('*') >= 0 && !(isPattern && host.StartsWith("*.", StringComparison.Ordinal) && host.IndexOf('*', 1) < 0)))
            {
                return false;
            }

            if (!isPattern && !(host.IndexOf('.') < 0 ? IsSingleLabel(host) :
                    HostPattern.TryExtractHost("https://" + host + "/", out string read) && string.Equals(read, host, StringComparison.OrdinalIgnoreCase)))
            {
                return false; // '%', letters outside ASCII, a trailing dot: read differently by different parsers
            }

            return true;
        }

        /// <summary>"localhost", "mcp-gateway": one label of ASCII letters, digits, '-' and '_' (HostPattern reads only dotted hosts).</summary>
        private static bool IsSingleLabel(string host)
        {
            foreach (char c in host)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>What the WHATWG parser does first: leading and trailing C0 controls and spaces dropped, ASCII tab and newlines removed.</summary>
        private static string WhatwgClean(string value)
        {
            int a = 0;
            int b = value.Length;
            while (a < b && value[a] <= ' ')
            {
                a++;
            }

            while (b > a && value[b - 1] <= ' ')
            {
                b--;
            }

            string v = value.Substring(a, b - a);
            return v.IndexOfAny(new[] { '\t', '\n', '\r' }) < 0 ? v : v.Replace("\t", string.Empty).Replace("\n", string.Empty).Replace("\r", string.Empty);
        }
    }

    /// <summary>
    /// NuGet version ranges with NuGet's own semantics (NuGet.Versioning, which the .NET SDK's MSBuild already
    /// carries): "1.0" (>= 1.0), "[1.0,2.0)", "(,1.0]", "[1.0]", "(1.0,)", floating "1.*". Bounds follow
    /// VersionRange.Satisfies, so a prerelease between the bounds satisfies ("2.0.0-beta" is inside "[1.0,2.0)").
    /// A floating range is decided by its float pattern: "1.*" is 1.x stable only, "1.*-*" adds prereleases.
    /// </summary>
    public static class VersionRanges
    {
        /// <summary>The version of the running Guardrails (the package's task assembly, the tool that carries it): the audit record's tool.version.</summary>
        public static string GuardrailsVersion()
        {
            var attribute = (System.Reflection.AssemblyInformationalVersionAttribute?)Attribute.GetCustomAttribute(
                typeof(VersionRanges).Assembly, typeof(System.Reflection.AssemblyInformationalVersionAttribute));
            string version = attribute?.InformationalVersion ?? typeof(VersionRanges).Assembly.GetName().Version?.ToString() ?? "0.0.0";
            int plus = version.IndexOf('+');
            return plus > 0 ? version.Substring(0, plus) : version;
        }

        public static bool TryParse(string text, out VersionRange? range)
        {
            range = null;
            if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
            {
                return false;
            }

            return VersionRange.TryParse(text.Trim(), allowFloating: true, out range);
        }

        public static bool TryParseVersion(string text, out NuGetVersion? version)
        {
            version = null;
            return !string.IsNullOrWhiteSpace(text) && text.Length <= 200 && NuGetVersion.TryParse(text.Trim(), out version);
        }

        public static bool Satisfies(VersionRange range, NuGetVersion version)
        {
            if (range.IsFloating)
            {
                // "1.*" allows 1.x only (not 2.0, which a plain lower bound would): the float pattern decides.
                return range.Float.Satisfies(version);
            }

            return range.Satisfies(version);
        }
    }
}
