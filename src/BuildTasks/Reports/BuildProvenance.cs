using System;
using System.IO;
using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Reports
{
    /// <summary>
    /// Where a build ran, for the audit record (format 1.1): repository, commit, branch and CI system, from the CI
    /// system's variables (GitHub Actions, Azure Pipelines, GitLab CI, Jenkins, CircleCI, Buildkite, Bitbucket Pipelines,
    /// Drone, AWS CodeBuild, Travis CI, AppVeyor; TeamCity and Google Cloud Build name no repository in the environment)
    /// or else from the repository's .git folder. Unknown values stay null. A remote URL never keeps its user-info part
    /// (it may hold a token). <see cref="Remotes"/> and <see cref="CiRepository"/> are what GRD127 compares the
    /// manifest's "repository" with (adversary round 7 route 12).
    /// </summary>
    public sealed class BuildProvenance
    {
        /// <summary>HEAD, refs and config are tiny; packed-refs of a large monorepo stays well under this.</summary>
        private const long MaxGitFileBytes = 16L * 1024 * 1024;

        public string? Repository { get; set; }

        public string? Commit { get; set; }

        public string? Branch { get; set; }

        public string? CiSystem { get; set; }

        /// <summary>The repository the CI system's own variables name (null outside CI or on a CI system that names none).</summary>
        public string? CiRepository { get; set; }

        /// <summary>Every remote URL of the .git folder's config, cleaned (origin first); empty when not read or none.</summary>
        public System.Collections.Generic.List<string> Remotes { get; } = new System.Collections.Generic.List<string>();

        /// <summary>The build runs on a CI system: a known one, or <c>CI</c> set to anything but false/0 (most systems set it).</summary>
        public bool InCi => CiSystem != null;

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
            else if (Is(env("CIRCLECI")))
            {
                p.CiSystem = "circleci";
                p.Repository = CleanUrl(env("CIRCLE_REPOSITORY_URL"));
                p.Commit = env("CIRCLE_SHA1");
                p.Branch = env("CIRCLE_BRANCH");
            }
            else if (Is(env("BUILDKITE")))
            {
                p.CiSystem = "buildkite";
                p.Repository = CleanUrl(env("BUILDKITE_REPO"));
                p.Commit = env("BUILDKITE_COMMIT");
                p.Branch = env("BUILDKITE_BRANCH");
            }
            else if (!string.IsNullOrEmpty(env("BITBUCKET_BUILD_NUMBER")))
            {
                p.CiSystem = "bitbucket-pipelines";
                p.Repository = CleanUrl(Empty(env("BITBUCKET_GIT_HTTP_ORIGIN")) ?? env("BITBUCKET_GIT_SSH_ORIGIN"));
                p.Commit = env("BITBUCKET_COMMIT");
                p.Branch = env("BITBUCKET_BRANCH");
            }
            else if (Is(env("DRONE")))
            {
                p.CiSystem = "drone";
                p.Repository = CleanUrl(Empty(env("DRONE_GIT_HTTP_URL")) ?? Empty(env("DRONE_REMOTE_URL")) ?? env("DRONE_REPO_LINK"));
                p.Commit = Empty(env("DRONE_COMMIT_SHA")) ?? env("DRONE_COMMIT");
                p.Branch = env("DRONE_BRANCH");
            }
            else if (!string.IsNullOrEmpty(env("CODEBUILD_BUILD_ID")))
            {
                p.CiSystem = "aws-codebuild";
                p.Repository = CleanUrl(env("CODEBUILD_SOURCE_REPO_URL"));
                p.Commit = env("CODEBUILD_RESOLVED_SOURCE_VERSION");
            }
            else if (Is(env("TRAVIS")))
            {
                // TRAVIS_REPO_SLUG is owner/name without the host; RepositoryUrl.Same compares a host-less name by its owner/name.
                p.CiSystem = "travis";
                p.Repository = Empty(env("TRAVIS_REPO_SLUG"));
                p.Commit = env("TRAVIS_COMMIT");
                p.Branch = env("TRAVIS_BRANCH");
            }
            else if (Is(env("APPVEYOR")))
            {
                p.CiSystem = "appveyor";
                string? name = Empty(env("APPVEYOR_REPO_NAME"));
                string? host = (env("APPVEYOR_REPO_PROVIDER") ?? string.Empty).Trim().ToLowerInvariant() switch
                {
                    "github" => "github.com",
                    "gitlab" => "gitlab.com",
                    "bitbucket" => "bitbucket.org",
                    _ => null,
                };
                p.Repository = name == null ? null : host == null ? name : host + "/" + name;
                p.Commit = env("APPVEYOR_REPO_COMMIT");
                p.Branch = env("APPVEYOR_REPO_BRANCH");
            }
            else if (!string.IsNullOrEmpty(env("TEAMCITY_VERSION")))
            {
                p.CiSystem = "teamcity"; // the VCS root URL is a configuration parameter, not in the environment: the git remotes stand in
            }
            else if (IsSet(env("CI")))
            {
                p.CiSystem = "ci";
            }

            p.CiRepository = p.Repository;
            if ((p.Commit == null || p.Branch == null || p.Repository == null || p.Remotes.Count == 0) && !string.IsNullOrEmpty(projectDirectory))
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

                p.Remotes.AddRange(p.RemoteUrls(git));
                p.Repository ??= p.Remotes.Count > 0 && p.OriginFirst ? p.Remotes[0] : null;
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

        /// <summary>
        /// What GRD127 compares the manifest's "repository" with, for a check of the project in <paramref name="projectDirectory"/>:
        /// the CI system's repository variable, the git remotes, and whether this is CI. The build and <c>guardrails scan</c> both use it.
        /// </summary>
        public static void Identify(CheckRequest request, string? projectDirectory, Func<string, string?> env)
        {
            BuildProvenance p = Detect(projectDirectory, env);
            request.BuildRepository = p.CiRepository;
            request.BuildRemotes = p.Remotes;
            request.InCi = p.InCi;
        }

        /// <summary>Whether the first of <see cref="Remotes"/> is the remote named origin.</summary>
        private bool OriginFirst { get; set; }

        /// <summary>The url of every [remote "name"] section, cleaned: origin first, then the others in file order.</summary>
        private System.Collections.Generic.List<string> RemoteUrls(string git)
        {
            var urls = new System.Collections.Generic.List<string>();
            string? config = GitText(Path.Combine(git, "config"));
            if (config == null)
            {
                return urls;
            }

            string? remote = null;
            foreach (string raw in config.Split('\n'))
            {
                string line = raw.Trim();
                if (line.StartsWith("[", StringComparison.Ordinal))
                {
                    string section = line.Replace(" ", string.Empty).Replace("\t", string.Empty);
                    remote = section.StartsWith("[remote\"", StringComparison.OrdinalIgnoreCase) && section.EndsWith("\"]", StringComparison.Ordinal)
                        ? section.Substring(8, section.Length - 10)
                        : null;
                }
                else if (remote != null && line.StartsWith("url", StringComparison.OrdinalIgnoreCase) && line.IndexOf('=') > 0 &&
                         line.Substring(0, line.IndexOf('=')).Trim().Equals("url", StringComparison.OrdinalIgnoreCase) &&
                         CleanUrl(line.Substring(line.IndexOf('=') + 1).Trim()) is { Length: > 0 } url)
                {
                    if (remote == "origin" && !OriginFirst)
                    {
                        urls.Insert(0, url);
                        OriginFirst = true;
                    }
                    else
                    {
                        urls.Add(url);
                    }
                }
            }

            return urls;
        }

        /// <summary>The one normaliser, <see cref="RepositoryUrl.Clean"/>.</summary>
        public static string? CleanUrl(string? url) => RepositoryUrl.Clean(url);

        private static string HostOf(string url) => CleanUrl(url) ?? "github.com";

        private static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value) && !string.Equals(value!.Trim(), "false", StringComparison.OrdinalIgnoreCase) && value.Trim() != "0";

        private static bool Is(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
