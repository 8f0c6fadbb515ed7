using System;
using Guardrails.Core.Text;

namespace Guardrails.Core.Sdks
{
    /// <summary>
    /// Where an npm or PyPI package is taken from when it is not its registry (adversary round 13 route 19): a git repository
    /// (<c>github:acme/llm-client#v2</c>, <c>git+https://…</c>), a tarball or wheel URL, a local path, or another index
    /// (<c>--index-url</c>). An approval of <c>pkg:npm/@azure/openai</c> is of the registry's package: the same name from
    /// another source is another package, approved only when <c>packages.sources</c> names that source.
    /// </summary>
    public static class PackageSources
    {
        /// <summary>The public registries' own hosts: a source there is the registry (a registry tarball, the index itself).</summary>
        private static readonly string[] RegistryHosts =
        {
            "registry.npmjs.org", "registry.yarnpkg.com", "registry.npmjs.com",
            "pypi.org", "pypi.python.org", "files.pythonhosted.org", "upload.pypi.org",
        };

        /// <summary>
        /// The source as a URL without what changes per reference: <c>github:acme/x#v2</c>, <c>acme/x</c> (npm's GitHub
        /// shorthand), <c>git+ssh://git@github.com/acme/x.git</c> and <c>git+https://github.com/acme/x@v1</c> are all
        /// <c>https://github.com/acme/x</c>; an index URL loses its trailing '/'; a path stays as written.
        /// </summary>
        public static string Normalize(string source)
        {
            string s = (source ?? string.Empty).Trim();
            int hash = s.IndexOf('#');
            if (hash >= 0)
            {
                s = s.Substring(0, hash);
            }

            foreach ((string prefix, string host) in new[] { ("github:", "github.com"), ("gitlab:", "gitlab.com"), ("bitbucket:", "bitbucket.org"), ("gist:", "gist.github.com") })
            {
                if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return "https://" + host + "/" + TrimGit(s.Substring(prefix.Length));
                }
            }

            if (s.StartsWith("git+", StringComparison.OrdinalIgnoreCase))
            {
                s = s.Substring(4);
            }

            int scheme = s.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0 && s.StartsWith("git@", StringComparison.OrdinalIgnoreCase) && s.IndexOf(':') > 4)
            {
                int colon = s.IndexOf(':');
                return "https://" + s.Substring(4, colon - 4) + "/" + TrimGit(StripRef(s.Substring(colon + 1)));
            }

            if (scheme < 0)
            {
                // npm's "owner/repo" GitHub shorthand; anything else (a path, file:, link:) as written.
                bool shorthand = s.IndexOf('/') > 0 && s.IndexOf('/') == s.LastIndexOf('/') && s.IndexOf(':') < 0 && !s.StartsWith(".", StringComparison.Ordinal) && !s.StartsWith("@", StringComparison.Ordinal);
                return shorthand ? "https://github.com/" + TrimGit(s) : s;
            }

            string rest = s.Substring(scheme + 3);
            int at = rest.IndexOf('@');
            int slash = rest.IndexOf('/');
            if (at >= 0 && (slash < 0 || at < slash))
            {
                rest = rest.Substring(at + 1); // a user (git@, token@)
            }

            string schemeName = s.Substring(0, scheme).ToLowerInvariant();
            bool git = schemeName == "ssh" || schemeName == "git" || source!.TrimStart().StartsWith("git+", StringComparison.OrdinalIgnoreCase);
            string path = git ? TrimGit(StripRef(rest)) : rest.TrimEnd('/');
            return (schemeName == "http" ? "http" : "https") + "://" + path;
        }

        /// <summary>Whether <paramref name="source"/> (as a reader gave it) is the public registry itself.</summary>
        public static bool IsRegistry(string source)
        {
            string n = Normalize(source);
            if (!n.StartsWith("https://", StringComparison.Ordinal) && !n.StartsWith("http://", StringComparison.Ordinal))
            {
                return false;
            }

            string host = n.Substring(n.IndexOf("://", StringComparison.Ordinal) + 3);
            int slash = host.IndexOf('/');
            host = (slash >= 0 ? host.Substring(0, slash) : host).ToLowerInvariant();
            return Array.IndexOf(RegistryHosts, host) >= 0;
        }

        /// <summary>
        /// Whether the policy's <c>packages.sources</c> entry <paramref name="pattern"/> names <paramref name="source"/>: a glob
        /// held against the source as written and as <see cref="Normalize"/> writes it (<c>https://pypi.contoso.example/*</c>,
        /// <c>https://github.com/contoso/*</c>).
        /// </summary>
        public static bool Matches(string pattern, string source)
        {
            string p = (pattern ?? string.Empty).Trim();
            if (p.Length == 0)
            {
                return false;
            }

            string n = Normalize(source);
            string np = p.IndexOf('*') >= 0 || p.IndexOf('?') >= 0 ? p.TrimEnd('/') : Normalize(p);
            return Glob.Match(p, source.Trim()) || Glob.Match(np, n) || (np.EndsWith("*", StringComparison.Ordinal) && Glob.Match(np, n + "/"));
        }

        private static string StripRef(string path)
        {
            // pip's git+https://host/owner/repo@v1.0.0: the ref after the last segment's '@'.
            int lastSlash = path.LastIndexOf('/');
            int at = path.IndexOf('@', lastSlash + 1);
            return at > 0 ? path.Substring(0, at) : path;
        }

        private static string TrimGit(string path)
        {
            string p = path.TrimEnd('/');
            return p.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? p.Substring(0, p.Length - 4) : p;
        }
    }
}
