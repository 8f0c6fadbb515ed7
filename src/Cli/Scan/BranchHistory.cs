using System.Text;
using Guardrails.BuildTasks.Footprints;
using Guardrails.BuildTasks.Foundation;

namespace Guardrails.Cli.Scan;

/// <summary>
/// <c>guardrails scan --since &lt;base&gt;</c> (adversary round 9 route 7): the blobs a branch added or changed in any of its
/// commits — the commits reachable from HEAD and not from the base (so from the merge base on) — including those a later
/// commit deleted: a key committed and removed again is still pushed and merged with the branch. Read from .git/objects by
/// <see cref="GitObjects"/> (the reader of <c>--staged</c>). A base or a commit of the branch that is not in the clone (a
/// shallow clone) is <see cref="Code"/>, and a folder or file version of the branch a partial clone does not hold is
/// <see cref="PartialCloneCode"/> (adversary round 12 route 9): never a silent pass.
/// </summary>
internal static class BranchHistory
{
    public const string Code = "GRDCL36";

    /// <summary>A tree or blob the branch's commits wrote is not in the clone (a partial clone: <c>--filter=blob:none</c> or
    /// <c>tree:0</c>), or cannot be read from it: exit 2. git is not run to fetch it (the scan runs no git).</summary>
    public const string PartialCloneCode = "GRDCL50";

    /// <summary>Commits of the base's history read at most (a larger history is walked only this far back).</summary>
    private const int MaxBaseCommits = 200_000;

    /// <summary>Commits of the branch read at most: a longer branch is a coded failure, not a partial pass.</summary>
    private const int MaxBranchCommits = 20_000;

    /// <summary>A file version a commit of the branch wrote; <paramref name="Link"/>: a symbolic link, whose blob is its target text.</summary>
    internal sealed record Change(string Path, string Blob, string Commit, bool Link = false);

    /// <summary>A path a commit of the branch wrote (a file, folder, symbolic link or submodule) whose own name holds a key
    /// (adversary round 12 route 7), <paramref name="Key"/> redacted; <paramref name="Kind"/> says what the path is.</summary>
    internal sealed record KeyName(string Path, string Kind, string Key, string Commit);

    /// <summary>
    /// A commit or an annotated tag as git stores and pushes it (adversary round 11 route 12, round 12 route 8): its headers
    /// (author, committer, tagger, tag name, mergetag, any extra header) and its message. <paramref name="Name"/> is
    /// <c>commit &lt;id&gt;</c> or <c>tag &lt;name&gt; &lt;id&gt;</c>; <paramref name="Parts"/> are the headers' and the
    /// message's starts in <paramref name="Text"/>, in order. Object ids (tree, parent, object) are blanked to spaces:
    /// offsets stay those of the object.
    /// </summary>
    internal sealed record ObjectText(string Name, string Text, IReadOnlyList<(string Part, int Start)> Parts)
    {
        /// <summary>The part an offset of <see cref="Text"/> is in, and the offset of that part's start.</summary>
        public (string Part, int Start) PartAt(int offset)
        {
            (string, int) found = Parts[0];
            foreach ((string part, int start) in Parts)
            {
                if (start > offset)
                {
                    break;
                }

                found = (part, start);
            }

            return found;
        }
    }

    /// <summary>What <c>--since</c> reads of the branch: the file versions, the names holding keys and the commit and tag objects.</summary>
    internal sealed record Branch(List<Change> Changes, List<KeyName> Names, List<ObjectText> Objects, int Commits);

    internal sealed class HistoryException : Exception
    {
        public HistoryException(string message, string code = Code)
            : base(message)
        {
            ErrorCode = code;
        }

        public string ErrorCode { get; }
    }

    /// <summary>
    /// Every (path, blob) a commit of the branch wrote that none of that commit's parents had at that path, once each — blobs
    /// HEAD's own tree holds at the same path are left out (the scan of the checkout reads them); every path it wrote whose
    /// name holds a key (not one HEAD still holds: the checkout's check names it); and the branch's commits and the annotated
    /// tags that point at one of them (a merge that keeps the commits publishes them; a pushed tag publishes itself).
    /// </summary>
    public static Branch Read(string repositoryRoot, string baseRevision)
    {
        string gitDir = GitIndex.TryGitDirectory(repositoryRoot) ?? throw new HistoryException("no git repository at '" + repositoryRoot + "': --since needs the clone's .git folder.");
        GitObjects git = GitObjects.Of(gitDir);
        string head = Resolve(git, "HEAD") ?? throw new HistoryException("HEAD of '" + repositoryRoot + "' could not be read.");
        string start = Resolve(git, baseRevision.Trim()) ?? throw new HistoryException("the base '" + baseRevision + "' is not a commit of this clone (a full 40-digit commit id, a branch, a tag or a remote branch such as origin/main). " +
            "A shallow clone has only the last commits: fetch the whole history (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab: GIT_DEPTH: 0; Azure Pipelines: fetchDepth: 0) so the base and every commit of the branch are in it.");
        if (BranchHistory.Commit(git, start) == null)
        {
            throw new HistoryException("the base '" + baseRevision + "' (" + start + ") is not in this clone: fetch the whole history (fetch-depth: 0) so the base and every commit of the branch are in it.");
        }

        var commitCache = new Dictionary<string, CommitInfo?>(StringComparer.Ordinal);
        CommitInfo? Commit(string sha)
        {
            if (!commitCache.TryGetValue(sha, out CommitInfo? info))
            {
                commitCache[sha] = info = BranchHistory.Commit(git, sha);
            }

            return info;
        }

        var onBase = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(start);
        while (pending.Count > 0 && onBase.Count < MaxBaseCommits)
        {
            string c = pending.Pop();
            if (!onBase.Add(c) || BranchHistory.Commit(git, c) is not { } info)
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

            if (Commit(c) is not { } info)
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

        var objects = branch.Select(b => Headed("commit " + b.Sha[..12], b.Info.Text)).ToList();
        objects.AddRange(Tags(git, seen.Where(c => !onBase.Contains(c)).ToHashSet(StringComparer.Ordinal)));
        var trees = new Trees(git);
        var atHead = new Dictionary<string, string>(StringComparer.Ordinal); // path -> object id: files, links, submodules and folders
        if (Commit(head) is { } headInfo)
        {
            // Its own cache: the whole head tree is walked once, and only the trees the branch wrote are kept.
            Written(new Trees(git), headInfo.Tree, Array.Empty<string?>(), string.Empty, (_, path, sha) => atHead[path] = sha);
        }

        var changes = new List<Change>();
        var names = new List<KeyName>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string sha, CommitInfo info) in branch)
        {
            string?[] parentTrees = info.Parents.Select(p => Commit(p) is { } parent ? parent.Tree : null).ToArray();
            Written(trees, info.Tree, parentTrees, string.Empty, (mode, path, id) =>
            {
                // Route 7 (round 12): the name itself, whatever the entry is and whether its content is read below.
                if (!atHead.ContainsKey(path) && SafeText.KeyInName(path[(path.LastIndexOf('/') + 1)..]) is { } key && named.Add(path))
                {
                    names.Add(new KeyName(path, mode switch { "40000" => "folder", "160000" => "submodule", "120000" => "symbolic link", _ => "file" }, key, sha));
                }

                bool link = mode == "120000";
                if ((link || mode is "100644" or "100755" or "100664") && !(atHead.TryGetValue(path, out string? h) && h == id) && taken.Add(path + "\n" + id))
                {
                    changes.Add(new Change(path, id, sha, link));
                }
            });
        }

        return new Branch(changes, names, objects, branch.Count);
    }

    /// <summary>A commit: its tree, parents and whole object text (headers and message).</summary>
    private sealed record CommitInfo(string Tree, List<string> Parents, string Text);

    private static readonly HashSet<string> IdHeaders = new(StringComparer.Ordinal) { "tree", "parent", "object", "type" };

    /// <summary>
    /// A commit's or tag's object text as <see cref="ObjectText"/>: one part per header (a continuation line, which starts
    /// with a space, belongs to the header above it) and one for the message after the first empty line. The values of
    /// <see cref="IdHeaders"/> that are object ids are blanked; everything else is read, a <c>gpgsig</c> signature block
    /// too: its base64 lines are where a key of letters and digits only (Google's <c>AIza…</c>) would hide if they were
    /// skipped, and a genuine signature's random base64 holds no self-identifying key (most have a <c>-</c> or <c>_</c>).
    /// </summary>
    internal static ObjectText Headed(string name, string text)
    {
        var parts = new List<(string, int)>();
        char[] chars = text.ToCharArray();
        int at = 0;
        string? header = null;
        while (at < text.Length)
        {
            int end = text.IndexOf('\n', at);
            if (end < 0)
            {
                end = text.Length;
            }

            if (end == at)
            {
                if (end + 1 < text.Length)
                {
                    parts.Add(("message", end + 1));
                }

                break; // the message follows the headers
            }

            if (text[at] != ' ' || header == null)
            {
                int space = text.IndexOf(' ', at, end - at);
                header = space < 0 ? text[at..end] : text[at..space];
                parts.Add((header, at));
                if (space > 0 && IdHeaders.Contains(header) && GitObjects.IsSha(text[(space + 1)..end]))
                {
                    Array.Fill(chars, ' ', space + 1, end - space - 1);
                }
            }

            at = end + 1;
        }

        if (parts.Count == 0)
        {
            parts.Add(("message", 0));
        }

        return new ObjectText(name, new string(chars), parts);
    }

    /// <summary>The annotated tags (loose refs/tags and packed-refs) whose commit is one of <paramref name="branch"/>, as <see cref="Headed"/> objects.</summary>
    private static IEnumerable<ObjectText> Tags(GitObjects git, HashSet<string> branch)
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
            // A tag of a tag is followed (at most 8 deep); every annotated tag on the way is read.
            string id = sha;
            var found = new List<ObjectText>();
            for (int i = 0; i < 8 && git.Read(id) is { Type: "tag" } tag; i++)
            {
                string text = Encoding.UTF8.GetString(tag.Data);
                found.Add(Headed("tag " + name + " " + id[..12], text));

                string? target = text.Split('\n').FirstOrDefault(l => l.StartsWith("object ", StringComparison.Ordinal))?[7..].Trim();
                if (target == null || !GitObjects.IsSha(target))
                {
                    break;
                }

                id = target.ToLowerInvariant();
            }

            if (branch.Contains(id))
            {
                foreach (ObjectText m in found)
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

        return tree == null ? null : new CommitInfo(tree, parents, all);
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
    /// The entries of <paramref name="tree"/> (mode, path, object id) — files, symbolic links, submodules (gitlinks) and
    /// folders — where no parent tree holds the same object at that name; a subtree equal to a parent's is skipped whole.
    /// A tree the clone does not hold (a partial clone, <c>--filter=tree:0</c>) or cannot read is <see cref="PartialCloneCode"/>.
    /// </summary>
    private static void Written(Trees trees, string tree, string?[] parents, string prefix, Action<string, string, string> found)
    {
        TreeEntries entries = trees.Get(tree, prefix);
        TreeEntries?[] parentEntries = new TreeEntries?[parents.Length];
        for (int i = 0; i < parents.Length; i++)
        {
            parentEntries[i] = parents[i] == null ? null : trees.Get(parents[i]!, prefix);
        }

        foreach ((string mode, string name, string sha) in entries.List)
        {
            string?[] before = new string?[parentEntries.Length];
            bool same = false;
            for (int i = 0; i < parentEntries.Length; i++)
            {
                before[i] = parentEntries[i]?.Sha(name);
                same |= before[i] == sha;
            }

            if (same)
            {
                continue; // the same blob or subtree as a parent's: nothing this commit wrote
            }

            string path = prefix + name;
            found(mode, path, sha);
            if (mode == "40000")
            {
                Written(trees, sha, before, path + "/", found);
            }
        }
    }

    /// <summary>A tree's entries in order, and by name (a folder of thousands of files is compared with its parents' in one pass).</summary>
    private sealed class TreeEntries
    {
        private Dictionary<string, string>? _byName;

        public TreeEntries(List<(string Mode, string Name, string Sha)> list) => List = list;

        public List<(string Mode, string Name, string Sha)> List { get; }

        public string? Sha(string name)
        {
            if (_byName == null)
            {
                _byName = new Dictionary<string, string>(List.Count, StringComparer.Ordinal);
                foreach ((_, string n, string sha) in List)
                {
                    _byName.TryAdd(n, sha);
                }
            }

            return _byName.TryGetValue(name, out string? found) ? found : null;
        }
    }

    /// <summary>The trees read while walking a branch, each parsed once (a commit's trees are its child's parent trees).</summary>
    private sealed class Trees
    {
        private readonly Dictionary<string, TreeEntries> _read = new(StringComparer.Ordinal);

        public Trees(GitObjects git) => Git = git;

        public GitObjects Git { get; }

        public TreeEntries Get(string sha, string prefix)
        {
            if (!_read.TryGetValue(sha, out TreeEntries? entries))
            {
                _read[sha] = entries = new TreeEntries(TreeOrFail(Git, sha, prefix));
            }

            return entries;
        }
    }

    private static List<(string Mode, string Name, string Sha)> TreeOrFail(GitObjects git, string sha, string prefix)
    {
        if (Tree(git, sha) is { } entries)
        {
            return entries;
        }

        string where = prefix.Length == 0 ? "the root folder" : "the folder '" + SafeText.Clean(prefix.TrimEnd('/')) + "'";
        throw new HistoryException(git.Has(sha)
            ? "the tree " + sha + " (" + where + " of a commit of the branch) could not be read from the clone's objects, so the branch's files cannot be listed and read for keys."
            : MissingMessage("the tree " + sha + " (" + where + " of a commit of the branch)", git), PartialCloneCode);
    }

    /// <summary>The message of <see cref="PartialCloneCode"/> for an object the clone does not hold.</summary>
    internal static string MissingMessage(string what, GitObjects git) =>
        what + " is not in this clone" + (git.IsPartialClone ? ", a partial clone (a checkout with a filter such as blob:none or tree:0: the promisor remote holds the rest)" : string.Empty) +
        ", so it cannot be read for keys; the scan does not run git to fetch it. Clone the whole history without a filter " +
        "(GitHub Actions: actions/checkout with fetch-depth: 0 and no filter or sparse-checkout; Azure Pipelines: fetchDepth: 0 and no fetchFilter; GitLab: GIT_DEPTH: 0 and no --filter in GIT_FETCH_EXTRA_FLAGS).";

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
