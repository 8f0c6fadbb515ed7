using System;
using System.Collections.Generic;

namespace Guardrails.Core.Sdks
{
    /// <summary>
    /// A set of domains (<see cref="HostPattern.DomainOf"/>: the last two labels, lower-case) asked about text in place:
    /// <see cref="Contains(string, int, int)"/> compares <c>text.Substring(start, length)</c> with the domains of that
    /// length, ignoring case, without making the substring. GRD004 asks it about every dotted run in every literal.
    /// </summary>
    public sealed class DomainSet
    {
        /// <summary>The domains by their length (null where there is none of that length).</summary>
        private readonly string[]?[] _byLength;

        public DomainSet(IEnumerable<string> domains)
        {
            var lists = new List<List<string>?>();
            foreach (string domain in domains)
            {
                string lower = domain.ToLowerInvariant();
                while (lists.Count <= lower.Length)
                {
                    lists.Add(null);
                }

                List<string> same = lists[lower.Length] ??= new List<string>();
                if (!same.Contains(lower))
                {
                    same.Add(lower);
                }
            }

            _byLength = new string[]?[lists.Count];
            var lastLabels = new List<List<string>?>();
            for (int i = 0; i < lists.Count; i++)
            {
                _byLength[i] = lists[i]?.ToArray();
                foreach (string domain in _byLength[i] ?? Array.Empty<string>())
                {
                    string label = domain.Substring(domain.LastIndexOf('.') + 1);
                    while (lastLabels.Count <= label.Length)
                    {
                        lastLabels.Add(null);
                    }

                    List<string> same = lastLabels[label.Length] ??= new List<string>();
                    if (!same.Contains(label))
                    {
                        same.Add(label);
                    }
                }
            }

            _lastLabelsByLength = new string[]?[lastLabels.Count];
            for (int i = 0; i < lastLabels.Count; i++)
            {
                _lastLabelsByLength[i] = lastLabels[i]?.ToArray();
            }
        }

        /// <summary>The last labels of the domains (<c>com</c>, <c>ai</c>, …) by their length.</summary>
        private readonly string[]?[] _lastLabelsByLength;

        /// <summary>
        /// The text <c>text.Substring(start, length)</c> is the last label of one of the domains, ignoring case: a dotted
        /// run whose last label is none of them holds none of the domains (<see cref="HostPattern.DomainRunAt"/>'s gate).
        /// </summary>
        internal bool HasLastLabel(string text, int start, int length)
        {
            if (length >= _lastLabelsByLength.Length || !(_lastLabelsByLength[length] is string[] same))
            {
                return false;
            }

            foreach (string label in same)
            {
                if (string.Compare(text, start, label, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The text <c>text.Substring(start, length)</c> is one of the domains, ignoring case (ASCII: hosts are).</summary>
        public bool Contains(string text, int start, int length)
        {
            if (length >= _byLength.Length || !(_byLength[length] is string[] same))
            {
                return false;
            }

            foreach (string domain in same)
            {
                if (string.Compare(text, start, domain, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The text <c>text.Substring(start, length)</c> (non-empty) begins one of the domains, ignoring case: a host cut off
        /// at the end of a literal (<c>"https://api.open"</c>) may be finished by the next piece (<c>"ai.com/v1"</c>).
        /// </summary>
        public bool BeginsOne(string text, int start, int length)
        {
            for (int l = length; l < _byLength.Length; l++)
            {
                if (_byLength[l] is string[] same)
                {
                    foreach (string domain in same)
                    {
                        if (string.Compare(text, start, domain, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
