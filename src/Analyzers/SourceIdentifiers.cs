using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Guardrails.Core.Secrets;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// Whether any source file of a compilation contains one of a set of identifiers, read off the raw text with one pass
    /// per file and no allocation per token (a hash of each identifier-like run, then an ordinal compare on a hit).
    /// Comments and strings count too: a false "yes" only costs the work the caller would have done anyway.
    /// </summary>
    internal sealed class SourceIdentifiers
    {
        private readonly Dictionary<int, List<string>> _byHash = new Dictionary<int, List<string>>();

        public SourceIdentifiers(IEnumerable<string> names)
        {
            foreach (string name in names)
            {
                if (name.Length == 0)
                {
                    continue;
                }

                int hash = Hash(name, 0, name.Length);
                if (!_byHash.TryGetValue(hash, out List<string>? list))
                {
                    list = new List<string>(1);
                    _byHash.Add(hash, list);
                }

                list.Add(name);
            }
        }

        /// <summary>True when some source file holds one of the names and <paramref name="accept"/> agrees for it.</summary>
        public bool AnyIn(Compilation compilation, Func<string, bool> accept, CancellationToken cancellationToken)
        {
            if (_byHash.Count == 0)
            {
                return false;
            }

            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (AnyIn(TreeText.Of(tree, cancellationToken), accept))
                {
                    return true;
                }
            }

            return false;
        }

        public bool AnyIn(string text) => AnyIn(text, _ => true);

        public bool AnyIn(string text, Func<string, bool> accept) => FirstIn(text, accept) >= 0;

        /// <summary>Every occurrence of one of the names as a whole identifier-like run: its start and the name.</summary>
        public List<KeyValuePair<int, string>> AllIn(string text)
        {
            var found = new List<KeyValuePair<int, string>>();
            FirstIn(text, null, found);
            return found;
        }

        /// <summary>The same into <paramref name="found"/> (cleared first), so that a caller going over many files keeps one list.</summary>
        public void AllIn(string text, List<KeyValuePair<int, string>> found)
        {
            found.Clear();
            FirstIn(text, null, found);
        }

        [MethodImpl(HotPath.Optimized)]
        private int FirstIn(string text, Func<string, bool>? accept, List<KeyValuePair<int, string>>? all = null)
        {
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (!IsStart(c))
                {
                    i++;
                    continue;
                }

                int start = i;
                uint hash = Seed;
                while (i < text.Length && IsPart(text[i]))
                {
                    hash = (hash ^ text[i]) * Prime;
                    i++;
                }

                if (_byHash.TryGetValue((int)hash, out List<string>? candidates))
                {
                    foreach (string candidate in candidates)
                    {
                        if (candidate.Length == i - start && string.CompareOrdinal(text, start, candidate, 0, candidate.Length) == 0)
                        {
                            if (all != null)
                            {
                                all.Add(new KeyValuePair<int, string>(start, candidate));
                            }
                            else if (accept!(candidate))
                            {
                                return start;
                            }
                        }
                    }
                }
            }

            return -1;
        }

        private const uint Seed = 2166136261;
        private const uint Prime = 16777619;

        private static int Hash(string text, int start, int length)
        {
            uint hash = Seed;
            for (int i = start; i < start + length; i++)
            {
                hash = (hash ^ text[i]) * Prime;
            }

            return (int)hash;
        }

        /// <summary>For each ASCII character: <see cref="Start"/> (a letter or <c>_</c>), <see cref="Part"/> (a digit) or 0.</summary>
        private static readonly byte[] s_ascii = AsciiKinds();

        private const byte Start = 1;
        private const byte Part = 2;

        private static byte[] AsciiKinds()
        {
            var kinds = new byte[128];
            for (char c = 'a'; c <= 'z'; c++)
            {
                kinds[c] = Start;
                kinds[char.ToUpperInvariant(c)] = Start;
            }

            kinds['_'] = Start;
            for (char c = '0'; c <= '9'; c++)
            {
                kinds[c] = Part;
            }

            return kinds;
        }

        // Read for every character of every file: one table look-up for ASCII, inlined into the scan (as two calls with
        // range tests, they were 5 % of GRD003's samples on the AI-SDK benchmark).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool IsStart(char c) => c < 128 ? s_ascii[c] == Start : char.IsLetter(c);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool IsPart(char c) => c < 128 ? s_ascii[c] != 0 : char.IsLetterOrDigit(c);
    }
}
