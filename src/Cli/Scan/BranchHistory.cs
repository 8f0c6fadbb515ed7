using System.Text;
using Guardrails.BuildTasks.Footprints;

namespace Guardrails.Cli.Scan;

/// <summary>
/// <c>guardrails scan --since &lt;base&gt;</c> (adversary round 9 route 7): the blobs a branch added or changed in any of its
/// commits — the commits reachable from HEAD and not from the base (so from the merge base on) — including those a later
/// commit deleted: a key committed and removed again is still pushed and merged with the branch. Read from .git/objects by
/// <see cref="GitObjects"/> (the reader of <c>--staged</c>). A base or a commit of the branch that is not in the clone (a
/// shallow clone) is <see cref="Code"/>, never a silent pass.
/// </summary>
internal static class BranchHistory
{
    public const string Code = "GRDCL36";

    /// <summary>Commits of the base's history read at most (a larger history is walked only this far back).</summary>
    private const int MaxBaseCommits = 200_000;

    /// <summary>Commits of the branch read at most: a longer branch is a coded failure, not a partial pass.</summary>
    private const int MaxBranchCommits = 20_000;

    internal sealed record Change(string Path, string Blob, string Commit);

    /// <summary>A commit's or an annotated tag's message (adversary round 11 route 12): <paramref name="Location"/> names it,
    /// <c>commit &lt;id&gt; (message)</c> or <c>tag &lt;name&gt; &lt;id&gt; (message)</c>.</summary>
    internal sealed record Message(string Location, string Text);

    internal sealed class HistoryException : Exception
    {
        public HistoryException(string message)
            : base(message)
        {
        }
    }

    /// <summary>Every (path, blob) a commit of the branch wrote that none of that commit's parents had at that path, once each;
    /// blobs HEAD's own tree holds at the same path are left out (the scan of the checkout reads them).</summary>
    public static List<Change> Changes(string repositoryRoot, string baseRevision, out int commits) =>
        Changes(repositoryRoot, baseRevision, out commits, out _);

    /// <summary>
    /// As <see cref="Changes(string, string, out int)"/>, and the messages of the branch's commits and of the annotated tags
    /// that point at one of them (a merge that keeps the commits publishes their messages; a pushed tag publishes its own).
    /// </summary>
    public static List<Change> Changes(string repositoryRoot, string baseRevision, out int commits, out List<Message> messages)
    {
        string gitDir = GitIndex.TryGitDirectory(repositoryRoot) ?? throw new HistoryException("no git repository at '" + repositoryRoot + "': --since needs the clone's .git folder.");
        GitObjects git = GitObjects.Of(gitDir);
        string head = Resolve(git, "HEAD") ?? throw new HistoryException("HEAD of '" + repositoryRoot + "' could not be read.");
        string start = Resolve(git, baseRevision.Trim()) ?? throw new HistoryException("the base '" + baseRevision + "' is not a commit of this clone (a full 40-digit commit id, a branch, a tag or a remote branch such as origin/main). " +
            "A shallow clone has only the last commits: fetch the whole history (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab: GIT_DEPTH: 0; Azure Pipelines: fetchDepth: 0) so the base and every commit of the branch are in it.");
        if (Commit(git, start) == null)
        {
            throw new HistoryException("the base '" + baseRevision + "' (" + start + ") is not in this clone: fetch the whole history (fetch-depth: 0) so the base and every commit of the branch are in it.");
        }

        var onBase = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(start);
        while (pending.Count > 0 && onBase.Count < MaxBaseCommits)
        {
            string c = pending.Pop();
            if (!onBase.Add(c) || Commit(git, c) is not { } info)
            {
                continue; // beyond a shallow base's boundary: nothing of the branch is there
            }

            foreach (string p in info.Parents)
            {
                pending.Push(p);
            }
        }

        var branch = new List<(string Sha, CommitInfo Info)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        pending.Push(head);
        while (pending.Count > 0)
        {
            string c = pending.Pop();
            if (onBase.Contains(c) || !seen.Add(c))
            {
                continue;
            }

            if (Commit(git, c) is not { } info)
            {
                throw new HistoryException("the commit " + c + " of the branch (between the base and HEAD) is not in this clone: it is shallow. Fetch the whole history (fetch-depth: 0).");
            }

            if (branch.Count >= MaxBranchCommits)
            {
                throw new HistoryException("the branch has more than " + MaxBranchCommits + " commits since the base '" + baseRevision + "': give the merge base of the pull request.");
            }

            branch.Add((c, info));
            foreach (string p in info.Parents)
            {
                pending.Push(p);
            }
        }

        commits = branch.Count;
        messages = branch.Where(b => b.Info.Message.Length > 0).Select(b => new Message("commit " + b.Sha[..12] + " (message)", b.Info.Message)).ToList();
        messages.AddRange(TagMessages(git, seen.Where(c => !onBase.Contains(c)).ToHashSet(StringComparer.Ordinal)));
        var atHead = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Commit(git, head) is { } headInfo)
        {
            Blobs(git, headInfo.Tree, Array.Empty<string?>(), string.Empty, (path, blob) => atHead[path] = blob);
        }

        var changes = new List<Change>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string sha, CommitInfo info) in branch)
        {
            string?[] parentTrees = info.Parents.Select(p => Commit(git, p)?.Tree).ToArray();
            Blobs(git, info.Tree, parentTrees, string.Empty, (path, blob) =>
            {
                if (!(atHead.TryGetValue(path, out string? h) && h == blob) && taken.Add(path + "\n" + blob))
                {
                    changes.Add(new Change(path, blob, sha));
                }
            });
        }

        return changes;
    }

    private sealed record CommitInfo(string Tree, List<string> Parents, string Message);

    /// <summary>The messages of the annotated tags (loose refs/tags and packed-refs) whose commit is one of <paramref name="branch"/>.</summary>
    private static IEnumerable<Message> TagMessages(GitObjects git, HashSet<string> branch)
    {
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal); // tag name -> object id
        try
        {
            string tags = Path.Combine(git.CommonDir, "refs", "tags");
            if (Directory.Exists(tags))
            {
                foreach (string file in Directory.EnumerateFiles(tags, "*", SearchOption.AllDirectories))
                {
                    string text = File.ReadAllText(file).Trim();
                    if (GitObjects.IsSha(text))
                    {
                        names[Path.GetRelativePath(tags, file).Replace('\\', '/')] = text.ToLowerInvariant();
                    }
                }
            }

            string packed = Path.Combine(git.CommonDir, "packed-refs");
            if (File.Exists(packed))
            {
                foreach (string line in File.ReadLines(packed))
                {
                    if (line.Length > 41 && line[40] == ' ' && GitObjects.IsSha(line[..40]) && line[41..].StartsWith("refs/tags/", StringComparison.Ordinal))
                    {
                        names.TryAdd(line[(41 + "refs/tags/".Length)..].Trim(), line[..40].ToLowerInvariant());
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
        }

        foreach ((string name, string sha) in names)
        {
            // A tag of a tag is followed (at most 8 deep); every annotated tag on the way has its message read.
            string id = sha;
            var found = new List<Message>();
            for (int i = 0; i < 8 && git.Read(id) is { Type: "tag" } tag; i++)
            {
                string text = Encoding.UTF8.GetString(tag.Data);
                int blank = text.IndexOf("\n\n", StringComparison.Ordinal);
                if (blank >= 0 && blank + 2 < text.Length)
                {
                    found.Add(new Message("tag " + name + " " + id[..12] + " (message)", text[(blank + 2)..]));
                }

                string? target = text.Split('\n').FirstOrDefault(l => l.StartsWith("object ", StringComparison.Ordinal))?[7..].Trim();
                if (target == null || !GitObjects.IsSha(target))
                {
                    break;
                }

                id = target.ToLowerInvariant();
            }

            if (branch.Contains(id))
            {
                foreach (Message m in found)
                {
                    yield return m;
                }
            }
        }
    }

    private static CommitInfo? Commit(GitObjects git, string sha)
    {
        if (git.Read(sha) is not { Type: "commit" } o)
        {
            return null;
        }

        string? tree = null;
        var parents = new List<string>();
        string all = Encoding.UTF8.GetString(o.Data);
        foreach (string line in all.Split('\n'))
        {
            if (line.Length == 0)
            {
                break; // the message follows the headers
            }

            if (line.StartsWith("tree ", StringComparison.Ordinal))
            {
                tree = line[5..].Trim();
            }
            else if (line.StartsWith("parent ", StringComparison.Ordinal))
            {
                parents.Add(line[7..].Trim());
            }
        }

        int blank = all.IndexOf("\n\n", StringComparison.Ordinal);
        return tree == null ? null : new CommitInfo(tree, parents, blank < 0 ? string.Empty : all[(blank + 2)..]);
    }

    /// <summary>A commit's id for a revision: a full id, HEAD, a ref (refs/…, a branch, a tag, a remote branch), loose or packed;
    /// an annotated tag is followed to its commit.</summary>
    internal static string? Resolve(GitObjects git, string revision)
    {
        string? sha = null;
        if (GitObjects.IsSha(revision))
        {
            sha = revision.ToLowerInvariant();
        }
        else if (revision == "HEAD")
        {
            sha = Ref(git, git.GitDir, "HEAD", 0);
        }
        else if (!revision.Contains("..", StringComparison.Ordinal))
        {
            foreach (string name in new[] { revision, "refs/" + revision, "refs/heads/" + revision, "refs/tags/" + revision, "refs/remotes/" + revision, "refs/remotes/origin/" + revision,
                         revision.StartsWith("refs/heads/", StringComparison.Ordinal) ? "refs/remotes/origin/" + revision["refs/heads/".Length..] : string.Empty })
            {
                if (name.Length > 0 && (sha = Ref(git, git.CommonDir, name, 0)) != null)
                {
                    break;
                }
            }
        }

        for (int i = 0; sha != null && i < 8 && git.Read(sha) is { Type: "tag" } tag; i++)
        {
            string? line = Encoding.UTF8.GetString(tag.Data).Split('\n').FirstOrDefault(l => l.StartsWith("object ", StringComparison.Ordinal));
            sha = line?[7..].Trim();
        }

        return sha;
    }

    private static string? Ref(GitObjects git, string folder, string name, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        try
        {
            string file = Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(file))
            {
                string text = File.ReadAllText(file).Trim();
                if (text.StartsWith("ref:", StringComparison.Ordinal))
                {
                    return Ref(git, git.CommonDir, text[4..].Trim(), depth + 1);
                }

                return GitObjects.IsSha(text) ? text.ToLowerInvariant() : null;
            }

            string packed = Path.Combine(git.CommonDir, "packed-refs");
            if (name.StartsWith("refs/", StringComparison.Ordinal) && File.Exists(packed))
            {
                foreach (string line in File.ReadLines(packed))
                {
                    int space = line.IndexOf(' ');
                    if (space == 40 && string.Equals(line[(space + 1)..].Trim(), name, StringComparison.Ordinal) && GitObjects.IsSha(line[..40]))
                    {
                        return line[..40].ToLowerInvariant();
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
        }

        return null;
    }

    /// <summary>
    /// The blobs of <paramref name="tree"/> at paths where no parent tree holds the same blob; a subtree equal to a parent's is
    /// skipped whole. Submodules (gitlinks) and symbolic links are not blobs of the repository's content.
    /// </summary>
    private static void Blobs(GitObjects git, string tree, string?[] parents, string prefix, Action<string, string> found)
    {
        List<(string Mode, string Name, string Sha)>? entries = Tree(git, tree);
        if (entries == null)
        {
            return;
        }

        List<(string Mode, string Name, string Sha)>?[] parentEntries = parents.Select(p => p == null ? null : Tree(git, p)).ToArray();
        foreach ((string mode, string name, string sha) in entries)
        {
            string path = prefix + name;
            string?[] before = parentEntries.Select(p => p?.FirstOrDefault(e => e.Name == name).Sha).ToArray();
            if (before.Contains(sha))
            {
                continue; // the same blob or subtree as a parent's: nothing this commit wrote
            }

            if (mode == "40000")
            {
                Blobs(git, sha, before, path + "/", found);
            }
            else if (mode is "100644" or "100755" or "100664")
            {
                found(path, sha);
            }
        }
    }

    private static List<(string Mode, string Name, string Sha)>? Tree(GitObjects git, string sha)
    {
        if (git.Read(sha) is not { Type: "tree" } o)
        {
            return null;
        }

        var entries = new List<(string, string, string)>();
        byte[] d = o.Data;
        int at = 0;
        while (at < d.Length)
        {
            int space = Array.IndexOf(d, (byte)' ', at);
            int nul = space < 0 ? -1 : Array.IndexOf(d, (byte)0, space);
            if (space < 0 || nul < 0 || nul + 21 > d.Length)
            {
                break;
            }

            string name = Encoding.UTF8.GetString(d, space + 1, nul - space - 1);
            if (name.Length > 0 && name is not ("." or "..") && name.IndexOfAny(new[] { '/', '\\' }) < 0)
            {
                // git writes no other names; a crafted tree's are not followed out of the copy's folder
                entries.Add((Encoding.ASCII.GetString(d, at, space - at), name, Convert.ToHexString(d, nul + 1, 20).ToLowerInvariant()));
            }

            at = nul + 21;
        }

        return entries;
    }
}
