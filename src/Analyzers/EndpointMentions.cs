using System;
using System.Collections.Generic;
using Guardrails.Core.Sdks;

namespace Guardrails.Analyzers
{
    /// <summary>One host named in a text: where the address starts and ends, the host, and the address as written.</summary>
    internal readonly struct EndpointMention
    {
        public EndpointMention(int start, int length, string host, string address)
        {
            Start = start;
            Length = length;
            Host = host;
            Address = address;
        }

        /// <summary>Offset of the address (its scheme when it has one, else its host) in the text.</summary>
        public int Start { get; }

        public int Length { get; }

        /// <summary>Lower case; a host whose first labels are a template or variable (<c>{name}.openai.azure.com</c>) starts with <c>*</c>.</summary>
        public string Host { get; }

        /// <summary>The address from its host to the first character no URL holds (for telling a website page from an API, <see cref="AiSdkCatalog.IsWebsitePage"/>).</summary>
        public string Address { get; }
    }

    /// <summary>
    /// The hosts a file of any kind names, found in its raw text: every host-like run (letters, digits, '-', '_', '.')
    /// whose last two labels are one of the domains asked about (<see cref="HostPattern.DomainRunAt"/>, the same
    /// grammar GRD004 uses in C#). Used by GRD004/GRD008 for every file that is not C# or JSON (the analyzer over the
    /// project's AdditionalFiles, which <c>guardrails scan</c> runs too): configuration in XML, YAML, INI/TOML, .env,
    /// Dockerfiles, .http requests, scripts and code of other languages, plain text. Whether a host is an AI endpoint,
    /// and whether the policy approves it, is the caller's (the catalog and the policy evaluator); this only finds.
    /// A host written with IDN full stops or compatibility letters is found on its folded line
    /// (<see cref="HostPattern.FoldHostText"/>) and reported at the start of that line.
    /// </summary>
    internal static class EndpointMentions
    {
        /// <summary>
        /// Every host in <paramref name="text"/> whose domain is in <paramref name="domains"/>, or, when
        /// <paramref name="domains"/> is null (a policy pattern with a wildcard in its last two labels), every dotted run.
        /// </summary>
        public static List<EndpointMention> Find(string text, DomainSet? domains)
        {
            var found = new List<EndpointMention>();
            FindAscii(text, 0, text.Length, domains, found);

            // Lines with characters outside ASCII: a host spelled with IDN full stops (U+3002) or full-width letters is
            // what HttpClient connects to once folded; the positions do not map, so it is reported at the line.
            int line = 0;
            while (line < text.Length)
            {
                int end = text.IndexOf('\n', line);
                if (end < 0)
                {
                    end = text.Length;
                }

                if (HasNonAscii(text, line, end))
                {
                    string folded = HostPattern.FoldHostText(text.Substring(line, end - line));
                    var onLine = new List<EndpointMention>();
                    FindAscii(folded, 0, folded.Length, domains, onLine);
                    foreach (EndpointMention m in onLine)
                    {
                        if (!found.Exists(f => f.Start >= line && f.Start < end && f.Host == m.Host))
                        {
                            found.Add(new EndpointMention(line, end - line, m.Host, m.Address));
                        }
                    }
                }

                line = end + 1;
            }

            return found;
        }

        private static bool HasNonAscii(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (text[i] >= 0x80)
                {
                    return true;
                }
            }

            return false;
        }

        private static void FindAscii(string text, int start, int end, DomainSet? domains, List<EndpointMention> found)
        {
            int i = start;
            while (i < end)
            {
                int dot = text.IndexOf('.', i, end - i);
                if (dot < 0)
                {
                    return;
                }

                int runStart = dot;
                while (runStart > start && IsHostChar(text[runStart - 1]))
                {
                    runStart--;
                }

                int runEnd = dot;
                while (runEnd < end && IsHostChar(text[runEnd]))
                {
                    runEnd++;
                }

                i = Math.Max(runEnd, dot + 1);
                if (domains != null && HostPattern.DomainRunAt(text, dot, start, end, domains, out _) < 0)
                {
                    continue;
                }

                int tail = runEnd;
                while (tail > runStart && text[tail - 1] == '.')
                {
                    tail--;
                }

                int head = runStart;
                while (head < tail && text[head] == '.')
                {
                    head++;
                }

                if (tail - head < 3 || text.IndexOf('.', head, tail - head) < 0)
                {
                    continue;
                }

                // "api.openai.com@proxy.example": user information, not the host the address reaches.
                if (runEnd < end && text[runEnd] == '@')
                {
                    continue;
                }

                // "{resource}.openai.azure.com", "$(NAME).openai.azure.com": the first labels are filled in elsewhere.
                string host = (head > runStart ? "*." : string.Empty) + text.Substring(head, tail - head).ToLowerInvariant();

                int addressEnd = runEnd;
                while (addressEnd < end && !EndsAddress(text[addressEnd]))
                {
                    addressEnd++;
                }

                // The scheme and user information before the host belong to the address ("https://", "wss://u@").
                int addressStart = runStart;
                if (addressStart >= 3 && text[addressStart - 1] == '/' && text[addressStart - 2] == '/' && text[addressStart - 3] == ':')
                {
                    int scheme = addressStart - 3;
                    while (scheme > start && IsSchemeChar(text[scheme - 1]))
                    {
                        scheme--;
                    }

                    addressStart = scheme < addressStart - 3 ? scheme : addressStart;
                }
                else if (head > runStart)
                {
                    // "https://${RESOURCE}.openai.azure.com": the template belongs to the address, back to its scheme.
                    int back = runStart;
                    while (back > start && !IsSpaceOrQuote(text[back - 1]))
                    {
                        back--;
                    }

                    int scheme = text.IndexOf("://", back, runStart - back, StringComparison.Ordinal);
                    if (scheme > back)
                    {
                        int first = scheme;
                        while (first > back && IsSchemeChar(text[first - 1]))
                        {
                            first--;
                        }

                        addressStart = first < scheme ? first : addressStart;
                    }
                }

                found.Add(new EndpointMention(addressStart, addressEnd - addressStart, host, text.Substring(runStart, addressEnd - runStart)));
            }
        }

        private static bool IsHostChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';

        private static bool IsSchemeChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';

        private static bool IsSpaceOrQuote(char c) => c <= ' ' || c == '"' || c == '\'' || c == '`' || c == '=' || c == '<' || c == '>';

        private static bool EndsAddress(char c) =>
            c <= ' ' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || c == '(' || c == ')' || c == '[' || c == ']' ||
            c == '{' || c == '}' || c == ',' || c == ';' || c == '|' || c == '\\' || c == '^' || c == '\u007F';
    }
}
