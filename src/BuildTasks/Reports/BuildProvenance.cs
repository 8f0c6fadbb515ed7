using System;
using System.IO;
using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Reports
{
    /// <summary>
    /// Where a build ran, for the audit record (format 1.1): repository, commit, branch and CI system, from the CI
    /// system's variables (GitHub Actions, Azure Pipelines, GitLab CI, Jenkins) or else from the repository's .git
    /// folder. Unknown values stay null. A remote URL never keeps its user-info part (it may hold a token).
    /// </summary>
    public sealed class BuildProvenance
    {
        /// <summary>HEAD, refs and config are tiny; packed-refs of a large monorepo stays well under this.</summary>
        private const long MaxGitFileBytes = 16L * 1024 * 1024;

        public string? Repository { get; set; }

        public string? Commit { get; set; }

        public string? Branch { get; set; }

        public string? CiSystem { get; set; }

        public static BuildProvenance Detect(string? projectDirectory, Func<string, string?> env)
        {
            var p = new BuildProvenance();
            if (Is(env("GITHUB_ACTIONS")))
            {
                p.CiSystem = "github-actions";
                string? repo = env("GITHUB_REPOSITORY");
                p.Repository = repo == null ? null : HostOf(env("GITHUB_SERVER_URL") ?? "https://github.com") + "/" + repo;
                p.Commit = env("GITHUB_SHA");
                p.Branch = Empty(env("GITHUB_HEAD_REF")) ?? env("GITHUB_REF_NAME");
            }
            else if (Is(env("TF_BUILD")))
            {
                p.CiSystem = "azure-pipelines";
                p.Repository = CleanUrl(env("BUILD_REPOSITORY_URI"));
                p.Commit = env("BUILD_SOURCEVERSION");
                p.Branch = env("BUILD_SOURCEBRANCHNAME");
            }
            else if (Is(env("GITLAB_CI")))
            {
                p.CiSystem = "gitlab-ci";
                p.Repository = CleanUrl(env("CI_PROJECT_URL"));
                p.Commit = env("CI_COMMIT_SHA");
                p.Branch = env("CI_COMMIT_REF_NAME");
            }
            else if (!string.IsNullOrEmpty(env("JENKINS_URL")))
            {
                p.CiSystem = "jenkins";
                p.Repository = CleanUrl(env("GIT_URL"));
                p.Commit = env("GIT_COMMIT");
                p.Branch = env("GIT_BRANCH");
            }
            else if (Is(env("CI")))
            {
                p.CiSystem = "ci";
            }

            if ((p.Commit == null || p.Branch == null || p.Repository == null) && !string.IsNullOrEmpty(projectDirectory))
            {
                FromGit(projectDirectory!, p);
            }

            return p;
        }

        private static void FromGit(string projectDirectory, BuildProvenance p)
        {
            try
            {
                string? root = FootprintDiscovery.FindRepositoryRoot(projectDirectory, null);
                if (root == null)
                {
                    return;
                }

                string? git = GitIndex.TryGitDirectory(root);
                string? text = git == null ? null : GitText(Path.Combine(git, "HEAD"))?.Trim();
                if (git == null || text == null)
                {
                    return;
                }

                if (text.StartsWith("ref: ", StringComparison.Ordinal))
                {
                    string reference = text.Substring(5).Trim();
                    p.Branch ??= reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference.Substring("refs/heads/".Length) : reference;
                    p.Commit ??= ResolveRef(git, reference);
                }
                else if (text.Length >= 40)
                {
                    p.Commit ??= text.Substring(0, 40);
                }

                p.Repository ??= OriginUrl(git);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
            }
        }

        /// <summary>A small git metadata file (HEAD, a ref, packed-refs, config) through the one loader; null when absent or unreadable.</summary>
        private static string? GitText(string path)
        {
            LoadedFile? file = SourceFile.TryLoad(path, MaxGitFileBytes, out _, out _);
            return file == null ? null : SourceFile.TryDecode(file, out _, out _);
        }

        private static string? ResolveRef(string git, string reference)
        {
            string? loose = GitText(Path.Combine(git, reference.Replace('/', Path.DirectorySeparatorChar)));
            if (loose != null)
            {
                return loose.Trim();
            }

            string? packed = GitText(Path.Combine(git, "packed-refs"));
            if (packed != null)
            {
                foreach (string raw in packed.Split('\n'))
                {
                    string line = raw.TrimEnd('\r');
                    if (line.Length > 41 && line.EndsWith(" " + reference, StringComparison.Ordinal))
                    {
                        return line.Substring(0, 40);
                    }
                }
            }

            return null;
        }

        private static string? OriginUrl(string git)
        {
            string? config = GitText(Path.Combine(git, "config"));
            if (config == null)
            {
                return null;
            }

            bool inOrigin = false;
            foreach (string raw in config.Split('\n'))
            {
                string line = raw.Trim();
                if (line.StartsWith("[", StringComparison.Ordinal))
                {
                    inOrigin = line.Replace(" ", string.Empty) == "[remote\"origin\"]";
                }
                else if (inOrigin && line.StartsWith("url", StringComparison.Ordinal) && line.IndexOf('=') > 0)
                {
                    return CleanUrl(line.Substring(line.IndexOf('=') + 1).Trim());
                }
            }

            return null;
        }

        /// <summary>The one normaliser, <see cref="RepositoryUrl.Clean"/>.</summary>
        public static string? CleanUrl(string? url) => RepositoryUrl.Clean(url);

        private static string HostOf(string url) => CleanUrl(url) ?? "github.com";

        private static bool Is(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
