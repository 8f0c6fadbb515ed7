using System.Collections.Generic;
using System.Text;

namespace Guardrails.Core.Files
{
    /// <summary>
    /// A view of a text being built (escapes decoded, markup removed, a joined value): its characters and, for each, the
    /// offset in the source text of the character it came from, so a key found in the view is reported where it stands in
    /// the file. The one offset map of Core/Files: <see cref="SourceEscapes"/>, <see cref="FormatEscapes"/> and
    /// <see cref="LanguageJoins"/> build their views with it, the decoders through <see cref="Decode{TDecoder}"/>.
    /// </summary>
    internal sealed class MappedText
    {
        private readonly List<int> _map;
        private readonly int _sourceLength;

        public MappedText(int sourceLength)
        {
            _sourceLength = sourceLength;
            Text = new StringBuilder(sourceLength);
            _map = new List<int>(sourceLength + 1);
        }

        /// <summary>The view's characters; what a decoder appends here without <see cref="Append"/> is mapped by <see cref="Decode{TDecoder}"/> to the escape it decoded.</summary>
        public StringBuilder Text { get; }

        /// <summary>Whether the view differs from the source (something was decoded, or removed markup joined text).</summary>
        public bool Changed { get; private set; }

        /// <summary>The view differs from the source here (a removal that appended nothing).</summary>
        public void MarkChanged() => Changed = true;

        /// <summary>One character, from the source's character at <paramref name="offset"/>.</summary>
        public void Append(char c, int offset)
        {
            Text.Append(c);
            _map.Add(offset);
        }

        /// <summary>The characters appended since the last mapped one, all from the escape at <paramref name="offset"/>.</summary>
        private void MapDecoded(int offset)
        {
            while (_map.Count < Text.Length)
            {
                _map.Add(offset);
            }

            Changed = true;
        }

        /// <summary>The view, and for each of its characters (plus one past the end: the source's length) its offset in the source.</summary>
        public string ToView(out int[] offsets)
        {
            _map.Add(_sourceLength);
            offsets = _map.ToArray();
            return Text.ToString();
        }

        /// <summary>
        /// <paramref name="text"/> read by <paramref name="decoder"/> from its first character to its last, every character
        /// no escape starts at kept as written: the decoded view and its offsets, or null when nothing changed.
        /// </summary>
        public static string? Decode<TDecoder>(string text, TDecoder decoder, out int[] offsets)
            where TDecoder : struct, IDecoder
        {
            var view = new MappedText(text.Length);
            for (int i = 0; i < text.Length;)
            {
                int taken = decoder.Decode(text, i, view);
                if (taken > 0)
                {
                    view.MapDecoded(i);
                    i += taken;
                }
                else if (taken < 0)
                {
                    i -= taken;
                }
                else
                {
                    view.Append(text[i], i);
                    i++;
                }
            }

            string decoded = view.ToView(out offsets);
            return view.Changed ? decoded : null;
        }
    }

    /// <summary>One kind of escape, read at one position of a text by <see cref="MappedText.Decode{TDecoder}"/>.</summary>
    internal interface IDecoder
    {
        /// <summary>
        /// What the text at <paramref name="at"/> is: 0 when no escape starts there (the character is kept as written); n &gt; 0
        /// when n characters were decoded into what was appended to <see cref="MappedText.Text"/> (nothing, for an escaped line
        /// break); −n when n characters were handled by the decoder itself, which appended what it keeps with
        /// <see cref="MappedText.Append"/> and called <see cref="MappedText.MarkChanged"/> if that changed the view.
        /// </summary>
        int Decode(string text, int at, MappedText view);
    }
}
