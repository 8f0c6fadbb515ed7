using System.Text;

namespace Guardrails.Core.Sdks
{
    /// <summary>
    /// The package registries whose AI SDKs the policy governs, and how a package of npm or PyPI is named wherever a NuGet
    /// package id stands (the catalog, <c>packages.approved</c>/<c>denied</c>, routes, waivers, findings): a package URL
    /// (purl) <c>pkg:npm/&lt;name&gt;</c> or <c>pkg:pypi/&lt;normalized name&gt;</c>. A NuGet id never contains ':' so
    /// the two cannot collide, and a policy glob such as <c>OpenAI*</c> stays within NuGet.
    /// </summary>
    public static class PackageEcosystem
    {
        public const string NuGet = "nuget";

        public const string Npm = "npm";

        public const string PyPI = "pypi";

        /// <summary>
        /// The package URL of <paramref name="name"/> in <paramref name="ecosystem"/>: npm names as written (scoped ones keep
        /// their '@scope/'; the registry lower-cases new names, and ids compare ignoring case anyway), PyPI names normalized as
        /// PEP 503 does (lower case, every run of '-', '_', '.' one '-': <c>Google_GenerativeAI</c> is <c>google-generativeai</c>).
        /// </summary>
        public static string PackageUrl(string ecosystem, string name) =>
            "pkg:" + ecosystem + "/" + (ecosystem == PyPI ? NormalizePyPI(name) : name.Trim());

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
