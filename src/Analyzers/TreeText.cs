using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Guardrails.Core.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// The whole text of a syntax tree as one string, made once per text and shared by every raw-text pass of every
    /// analyzer (GRD001's spots and trivia scan, GRD004's endpoint spots, the constant chain, the name mentions, GRD003's
    /// type-name scans). <see cref="SourceText.ToString()"/> returns the text's own string only for a text that is one
    /// string; for a file of more than ~40 K characters the compiler reads a chunked text (and the IDE edits one made of
    /// changes), and every call copies it. Here the copy is made once.
    /// <para>
    /// Kept through a weak reference, keyed by the <see cref="SourceText"/>: a text that is one string costs nothing to
    /// keep (the text holds it anyway), and a copy of a large file stays until a full garbage collection (it lives on the
    /// large object heap), so the passes of one compilation share it while an IDE holding thousands of documents is not
    /// made to hold a second copy of each.
    /// </para>
    /// </summary>
    internal static class TreeText
    {
        private static readonly ConditionalWeakTable<SourceText, Holder> Cache = new ConditionalWeakTable<SourceText, Holder>();

        public static string Of(SyntaxTree tree, CancellationToken cancellationToken) => Of(tree.GetText(cancellationToken));

        public static string Of(SourceText text)
        {
            Holder holder = Cache.GetValue(text, _ => new Holder());
            WeakReference<string>? kept = holder.Text;
            if (kept != null && kept.TryGetTarget(out string? cached))
            {
                return cached;
            }

            // Two threads may both copy; either string is the text.
            string copy = text.ToString();
            holder.Text = new WeakReference<string>(copy);
            return copy;
        }

        /// <summary>
        /// Where every <c>"</c> of the tree's text is, in order: the quote index that GRD001's spots and GRD004's endpoint
        /// spots both walk (consecutive quotes are taken as a literal's two ends; see <see cref="SourceSpots"/>). Kept as
        /// long as the text (four bytes a quote).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static int[] QuotesOf(SyntaxTree tree, CancellationToken cancellationToken)
        {
            SourceText source = tree.GetText(cancellationToken);
            Holder holder = Cache.GetValue(source, _ => new Holder());
            int[]? quotes = holder.Quotes;
            if (quotes != null)
            {
                return quotes;
            }

            string text = Of(source);
            // Collected in a buffer kept per thread, then copied once: only the index itself is allocated.
            int[] buffer = Scratch ??= new int[1024];
            int count = 0;
            for (int at = text.IndexOf('"'); at >= 0; at = text.IndexOf('"', at + 1))
            {
                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                    Scratch = buffer;
                }

                buffer[count++] = at;
            }

            quotes = new int[count];
            Array.Copy(buffer, quotes, count);
            if (buffer.Length > MaximumScratch)
            {
                Scratch = null; // a file of very many quotes: its buffer is not kept
            }

            holder.Quotes = quotes;
            return quotes;
        }

        private const int MaximumScratch = 1 << 16;

        [ThreadStatic]
        private static int[]? Scratch;

        private sealed class Holder
        {
            public volatile WeakReference<string>? Text;

            public volatile int[]? Quotes;
        }
    }
}
