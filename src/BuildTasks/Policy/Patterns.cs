using System;
using System.Collections.Generic;
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
    /// Remote MCP server URLs matched by identity, host-aware: "https://*.contoso.example/mcp/*" matches the scheme
    /// exactly, the host label by label ('*' is one or more whole labels on the left, never a different domain:
    /// "https://evil.example/?x=.contoso.example" does not match), and the path as a glob.
    /// </summary>
    public static class UrlPattern
    {
        public static bool IsValid(string pattern) => Split(pattern, out _, out _, out _, out _);

        public static bool Matches(string pattern, string url)
        {
            if (!Split(pattern, out string ps, out string ph, out string pport, out string ppath) ||
                !Split(url, out string us, out string uh, out string uport, out string upath))
            {
                return false;
            }

            if (!string.Equals(ps, us, StringComparison.OrdinalIgnoreCase) || !HostMatches(ph, uh))
            {
                return false;
            }

            if (!(pport == "*" || string.Equals(pport, uport, StringComparison.Ordinal)))
            {
                return false;
            }

            return Glob.Match(ppath.Length == 0 ? "/**" : ppath, upath.Length == 0 ? "/" : upath, starCrossesSlash: true);
        }

        private static bool HostMatches(string pattern, string host)
        {
            if (pattern.StartsWith("*.", StringComparison.Ordinal))
            {
                string suffix = pattern.Substring(1); // ".contoso.example"
                return host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
            }

            return pattern.IndexOf('*') < 0 && string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>scheme://host[:port][/path]; query and fragment are ignored; user-info is refused.</summary>
        private static bool Split(string value, out string scheme, out string host, out string port, out string path)
        {
            scheme = host = port = path = string.Empty;
            int sep = value.IndexOf("://", StringComparison.Ordinal);
            if (sep <= 0)
            {
                return false;
            }

            scheme = value.Substring(0, sep).ToLowerInvariant();
            if (scheme != "https" && scheme != "http" && scheme != "wss" && scheme != "ws")
            {
                return false;
            }

            string rest = value.Substring(sep + 3);
            int cut = rest.IndexOfAny(new[] { '?', '#' });
            if (cut >= 0)
            {
                rest = rest.Substring(0, cut);
            }

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

            if (host.Length == 0 || (host.IndexOf('*') >= 0 && !(host.StartsWith("*.", StringComparison.Ordinal) && host.IndexOf('*', 1) < 0)))
            {
                return false;
            }

            return true;
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
