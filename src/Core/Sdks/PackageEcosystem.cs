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
                : name.Trim());

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
