using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// Whether a piece of text occurs, ignoring case, anywhere a name in one compilation can come from: its source files
    /// (identifiers, string keys, parameter names) and the names of the assemblies it references (the SDK types and
    /// parameters behind a call). GRD001 binds a call to learn which parameter a key-shaped argument fills only when a name
    /// that could make the value a key could exist at all: a GUID is only a (legacy Pinecone) key under a name with
    /// "pinecone" in it, so in a compilation that never says "pinecone", <c>Guid.Parse("…")</c> is not bound. One ordinal
    /// search per hint and compilation, remembered; what one syntax tree says is remembered with the tree, so a new
    /// compilation that shares most trees with the last (the IDE, after each edit) searches only the trees that changed.
    /// </summary>
    internal sealed class CompilationMentions
    {
        /// <summary>Per syntax tree (trees are immutable, and a new compilation reuses the unchanged ones): hint → occurs.</summary>
        private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<string, bool>> TreeHints = new ConditionalWeakTable<SyntaxTree, Dictionary<string, bool>>();

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, bool> _found = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        public CompilationMentions(Compilation compilation) => _compilation = compilation;

        /// <summary>True when <paramref name="hints"/> is null (anything goes) or one of them occurs.</summary>
        public bool AnyOf(IReadOnlyList<string>? hints, CancellationToken cancellationToken)
        {
            if (hints == null)
            {
                return true;
            }

            foreach (string hint in hints)
            {
                if (!_found.TryGetValue(hint, out bool found))
                {
                    found = _found.GetOrAdd(hint, Search(hint, cancellationToken));
                }

                if (found)
                {
                    return true;
                }
            }

            return false;
        }

        private bool Search(string hint, CancellationToken cancellationToken)
        {
            foreach (AssemblyIdentity reference in _compilation.ReferencedAssemblyNames)
            {
                if (reference.Name.IndexOf(hint, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            foreach (SyntaxTree tree in _compilation.SyntaxTrees)
            {
                if (TreeMentions(tree, hint, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TreeMentions(SyntaxTree tree, string hint, CancellationToken cancellationToken)
        {
            // A small dictionary under a lock: one per tree, and a build asks each tree once per hint.
            Dictionary<string, bool> hints = TreeHints.GetValue(tree, _ => new Dictionary<string, bool>(StringComparer.Ordinal));
            bool found;
            lock (hints)
            {
                if (hints.TryGetValue(hint, out found))
                {
                    return found;
                }
            }

            found = TreeText.Of(tree, cancellationToken).IndexOf(hint, StringComparison.OrdinalIgnoreCase) >= 0;
            lock (hints)
            {
                hints[hint] = found;
            }

            return found;
        }
    }
}
