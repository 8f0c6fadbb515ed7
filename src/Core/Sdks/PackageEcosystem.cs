using System.Text;

namespace Guardrails.Core.Sdks
{
    /// <summary>
    /// The package registries whose AI SDKs the policy governs, and how a package of npm, PyPI, Go, Cargo, Maven, RubyGems or
    /// Composer is named wherever a NuGet
    /// package id stands (the catalog, <c>packages.approved</c>/<c>denied</c>, routes, waivers, findings): a package URL
    /// (purl) <c>pkg:npm/&lt;name&gt;</c> or <c>pkg:pypi/&lt;normalized name&gt;</c>. A NuGet id never contains ':' so
    /// the two cannot collide, and a policy glob such as <c>OpenAI*</c> stays within NuGet.
    /// </summary>
    public static class PackageEcosystem
    {
        public const string NuGet = "nuget";

        public const string Npm = "npm";

        public const string PyPI = "pypi";

        /// <summary>Go modules (<c>go.mod</c>, <c>go.sum</c>): <c>pkg:golang/github.com/openai/openai-go</c>.</summary>
        public const string Golang = "golang";

        /// <summary>Rust crates (<c>Cargo.toml</c>, <c>Cargo.lock</c>): <c>pkg:cargo/async-openai</c>.</summary>
        public const string Cargo = "cargo";

        /// <summary>Maven artifacts (<c>pom.xml</c>, Gradle): <c>pkg:maven/com.openai/openai-java</c> (group/artifact).</summary>
        public const string Maven = "maven";

        /// <summary>Ruby gems (<c>Gemfile</c>, <c>*.gemspec</c>, <c>Gemfile.lock</c>): <c>pkg:gem/ruby-openai</c>.</summary>
        public const string Gem = "gem";

        /// <summary>PHP Composer packages (<c>composer.json</c>, <c>composer.lock</c>): <c>pkg:composer/openai-php/client</c>.</summary>
        public const string Composer = "composer";

        /// <summary>
        /// PowerShell Gallery modules (<c>Install-Module</c>, <c>Install-PSResource</c>, <c>#Requires -Modules</c>):
        /// <c>pkg:powershell/PSOpenAI</c> (the Gallery compares names ignoring case, as the catalog and the policy do).
        /// </summary>
        public const string PowerShell = "powershell";

        /// <summary>Dart and Flutter packages of pub.dev (<c>pubspec.yaml</c>, <c>pubspec.lock</c>): <c>pkg:pub/dart_openai</c>.</summary>
        public const string Pub = "pub";

        /// <summary>Elixir and Erlang packages of hex.pm (<c>mix.exs</c>, <c>mix.lock</c>): <c>pkg:hex/openai_ex</c>.</summary>
        public const string Hex = "hex";

        /// <summary>
        /// Swift packages (<c>Package.swift</c>, <c>Package.resolved</c>), named by their repository as the purl spec does:
        /// <c>pkg:swift/github.com/MacPaw/OpenAI</c> (no scheme, no <c>.git</c>).
        /// </summary>
        public const string Swift = "swift";

        /// <summary>
        /// The package URL of <paramref name="name"/> in <paramref name="ecosystem"/>: npm names as written (scoped ones keep
        /// their '@scope/'; the registry lower-cases new names, and ids compare ignoring case anyway), PyPI names normalized as
        /// PEP 503 does (lower case, every run of '-', '_', '.' one '-': <c>Google_GenerativeAI</c> is <c>google-generativeai</c>).
        /// </summary>
        public static string PackageUrl(string ecosystem, string name) =>
            "pkg:" + ecosystem + "/" + (ecosystem == PyPI ? NormalizePyPI(name)
                : ecosystem == Cargo ? name.Trim().Replace('_', '-').ToLowerInvariant() // crates.io treats '-' and '_' as one name
                : ecosystem == Composer ? name.Trim().ToLowerInvariant() // Packagist names are lower case
                : ecosystem == Maven ? name.Trim().Replace(':', '/') // group:artifact is group/artifact
                : ecosystem == Pub || ecosystem == Hex ? name.Trim().ToLowerInvariant() // pub.dev and hex.pm names are lower case
                : ecosystem == Swift ? SwiftName(name)
                : name.Trim());

        /// <summary>
        /// <paramref name="id"/> as <see cref="PackageUrl"/> writes it when it is a package URL of a known ecosystem (a policy
        /// may write <c>pkg:pypi/MCP_Server_Fetch</c> for what a reader names <c>pkg:pypi/mcp-server-fetch</c>); anything
        /// else (a NuGet id, a pattern starting with '*', an unknown type) as it is. Globs keep their '*' and '?'.
        /// </summary>
        public static string Canonical(string id)
        {
            if (id == null || !id.StartsWith("pkg:", System.StringComparison.OrdinalIgnoreCase))
            {
                return id!;
            }

            int slash = id.IndexOf('/');
            if (slash < 5)
            {
                return id;
            }

            string type = id.Substring(4, slash - 4).ToLowerInvariant();
            switch (type)
            {
                case PyPI:
                case Cargo:
                case Composer:
                case Pub:
                case Hex:
                case Swift:
                case Maven:
                    return PackageUrl(type, id.Substring(slash + 1));
                default:
                    return "pkg:" + type + id.Substring(slash);
            }
        }

        /// <summary>A Swift package's repository as its package URL names it: host and path, no scheme, user or <c>.git</c>.</summary>
        private static string SwiftName(string url)
        {
            string s = url.Trim();
            int scheme = s.IndexOf("://", System.StringComparison.Ordinal);
            if (scheme >= 0)
            {
                s = s.Substring(scheme + 3);
            }
            else if (s.StartsWith("git@", System.StringComparison.OrdinalIgnoreCase) && s.IndexOf(':') > 4)
            {
                int colon = s.IndexOf(':');
                s = s.Substring(0, colon) + "/" + s.Substring(colon + 1); // git@github.com:MacPaw/OpenAI.git
            }

            int at = s.IndexOf('@');
            if (at >= 0 && at < s.IndexOf('/'))
            {
                s = s.Substring(at + 1);
            }

            s = s.TrimEnd('/');
            return s.EndsWith(".git", System.StringComparison.OrdinalIgnoreCase) ? s.Substring(0, s.Length - 4) : s;
        }

        /// <summary>PEP 503 normalization of a PyPI project name.</summary>
        public static string NormalizePyPI(string name)
        {
            var sb = new StringBuilder(name.Length);
            bool separator = false;
            foreach (char c in name.Trim())
            {
                if (c == '-' || c == '_' || c == '.')
                {
                    separator = true;
                    continue;
                }

                if (separator && sb.Length > 0)
                {
                    sb.Append('-');
                }

                separator = false;
                sb.Append(char.ToLowerInvariant(c));
            }

            return sb.ToString();
        }
    }
}
