using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// For one compilation: the names of the constants that may carry a piece of something a rule looks for (a key for
    /// GRD001, an AI endpoint for GRD004) into a concatenation, an interpolation or a use elsewhere. A constant qualifies
    /// when its own initializer holds such a piece (the seeds, found by the rule on the raw text of each tree), or names a
    /// constant that qualifies (<c>const string K = Prefix + Body;</c>), across files. The rules ask the compiler about an
    /// expression that mixes names and strings only when a name is on this list or one of its strings is a seed spot.
    /// <para>
    /// Matching is by identifier text, not symbol: a name shared with an unrelated member only costs an extra fold. Past
    /// <see cref="MaximumNames"/> names (a file full of key constants, such as a test corpus) every name counts, which is
    /// exactly the behaviour without this list.
    /// </para>
    /// </summary>
    internal sealed class ConstantChain
    {
        private const int MaximumNames = 64;

        private static readonly ConstantChain None = new ConstantChain(new HashSet<string>(), all: false);

        /// <summary>
        /// Per syntax tree: a name → its uses as an identifier name and the constants (and, with fields, the readonly and
        /// static fields) whose initializer names it.
        /// </summary>
        private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<string, NameInTree>> Folders = new ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<string, NameInTree>>();

        private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<string, NameInTree>> FoldersWithFields = new ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<string, NameInTree>>();

        private readonly HashSet<string> _names;
        private readonly bool _includeFields;

        private ConstantChain(HashSet<string> names, bool all, bool includeFields = false)
        {
            _names = names;
            All = all;
            _includeFields = includeFields;
        }

        /// <summary>Too many names to search for: treat every name as one.</summary>
        public bool All { get; }

        public bool IsEmpty => !All && _names.Count == 0;

        public bool Contains(string name) => All || _names.Contains(name);

        /// <param name="seeds">The constants of one tree whose own initializer holds a piece.</param>
        /// <param name="includeFields">A <c>readonly</c> or <c>static</c> field that folds a qualifying name qualifies too (GRD001).</param>
        public static ConstantChain Compute(Compilation compilation, Func<SyntaxTree, IReadOnlyList<string>> seeds, CancellationToken cancellationToken, bool includeFields = false)
        {
            var names = new HashSet<string>();
            var round = new List<string>();
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                foreach (string name in seeds(tree))
                {
                    if (names.Add(name))
                    {
                        round.Add(name);
                    }
                }
            }

            if (names.Count == 0)
            {
                return None;
            }

            // Constants that fold a qualifying constant qualify too; a few rounds at most in practice.
            while (round.Count > 0 && names.Count <= MaximumNames)
            {
                var next = new List<string>();
                foreach (SyntaxTree tree in compilation.SyntaxTrees)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (string name in round)
                    {
                        foreach (string folding in FoldersIn(tree, name, includeFields, cancellationToken))
                        {
                            if (names.Add(folding))
                            {
                                next.Add(folding);
                            }
                        }
                    }
                }

                round = next;
            }

            return new ConstantChain(names, all: names.Count > MaximumNames, includeFields);
        }

        /// <summary>
        /// The constants of <paramref name="tree"/> whose initializer names <paramref name="name"/>; remembered with the tree,
        /// so a new compilation that shares most trees with the last (the IDE, after each edit) searches only the new ones.
        /// </summary>
        private static string[] FoldersIn(SyntaxTree tree, string name, bool includeFields, CancellationToken cancellationToken) =>
            In(tree, name, includeFields, cancellationToken).Folders;

        /// <summary>
        /// What <paramref name="tree"/> does with <paramref name="name"/>, found once and remembered with the tree: the search
        /// for the constants that fold it (every name of the chain in every tree, at compilation start) finds exactly the uses
        /// that <see cref="UsesIn"/> gives each tree's analysis afterwards, so the text is searched once per name, not twice.
        /// </summary>
        private static NameInTree In(SyntaxTree tree, string name, bool includeFields, CancellationToken cancellationToken)
        {
            ConcurrentDictionary<string, NameInTree> known = (includeFields ? FoldersWithFields : Folders).GetValue(tree, _ => new ConcurrentDictionary<string, NameInTree>(StringComparer.Ordinal));
            if (known.TryGetValue(name, out NameInTree? found))
            {
                return found;
            }

            List<SyntaxNode>? uses = null;
            List<string>? folders = null;
            foreach (SyntaxNode use in IdentifiersNamed(tree.GetRoot(cancellationToken), TreeText.Of(tree, cancellationToken), name))
            {
                (uses ??= new List<SyntaxNode>()).Add(use);
                if (SourceSpots.ConstantDeclaredBy(use, includeFields) is string folding)
                {
                    (folders ??= new List<string>()).Add(folding);
                }
            }

            found = uses == null ? NameInTree.Unused : new NameInTree(folders == null ? Array.Empty<string>() : folders.ToArray(), uses.ToArray());
            known.TryAdd(name, found);
            return found;
        }

        /// <summary>A name's uses in one tree, and the constants there that fold it.</summary>
        private sealed class NameInTree
        {
            public static readonly NameInTree Unused = new NameInTree(Array.Empty<string>(), Array.Empty<SyntaxNode>());

            public NameInTree(string[] folders, SyntaxNode[] uses)
            {
                Folders = folders;
                Uses = uses;
            }

            public string[] Folders { get; }

            public SyntaxNode[] Uses { get; }
        }

        /// <summary>
        /// Where the chain's constants are used in <paramref name="tree"/>: the identifier names spelling one of them, found
        /// by ordinal search of the text; every identifier name of the tree when the chain is <see cref="All"/>.
        /// </summary>
        public IEnumerable<SyntaxNode> UsesIn(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (IsEmpty)
            {
                yield break;
            }

            SyntaxNode root = tree.GetRoot(cancellationToken);
            if (All)
            {
                foreach (SyntaxNode node in root.DescendantNodes())
                {
                    if (node.IsKind(SyntaxKind.IdentifierName))
                    {
                        yield return node;
                    }
                }

                yield break;
            }

            foreach (string name in _names)
            {
                foreach (SyntaxNode use in In(tree, name, _includeFields, cancellationToken).Uses)
                {
                    yield return use;
                }
            }
        }

        /// <summary>The identifier names spelling <paramref name="name"/> in the tree whose text is <paramref name="text"/>.</summary>
        private static IEnumerable<SyntaxNode> IdentifiersNamed(SyntaxNode root, string text, string name)
        {
            foreach (int position in Occurrences(text, name))
            {
                SyntaxToken token = root.FindToken(position);
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.SpanStart == position && token.Parent != null)
                {
                    yield return token.Parent;
                }
            }
        }

        /// <summary>Where <paramref name="name"/> occurs in <paramref name="text"/> as a whole identifier.</summary>
        private static IEnumerable<int> Occurrences(string text, string name)
        {
            for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                int end = at + name.Length;
                if ((at == 0 || !IsIdentifierPart(text[at - 1])) && (end == text.Length || !IsIdentifierPart(text[end])))
                {
                    yield return at;
                }
            }
        }

        private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
