using System.Collections.Generic;
using System.Text;

namespace Guardrails.BuildTasks.Footprints
{
    public static partial class Launchers
    {
        /// <summary>
        /// What <c>printf FORMAT ARG…</c> writes, as lines (adversary round 14 side observation: <c>printf 'ANTHROPIC_MODEL=%s\n' X
        /// &gt;&gt; "$GITHUB_ENV"</c> sets the model X, not <c>%s\n</c>): each <c>%s</c> (<c>%b</c>, <c>%d</c>, …) takes the next argument,
        /// <c>%%</c> is a percent sign, a written <c>\n</c> ends a line; the words from a redirection on are not arguments.
        /// The format is used again while arguments are left, as printf does.
        /// </summary>
        internal static List<string> PrintfOutput(List<string> command)
        {
            int first = command.Count > 1 && command[1] == "--" ? 2 : 1;
            var args = new List<string>();
            for (int i = first + 1; i < command.Count && !command[i].StartsWith(">", System.StringComparison.Ordinal) && command[i] != "|"; i++)
            {
                args.Add(command[i]);
            }

            var lines = new List<string>();
            if (first >= command.Count)
            {
                return lines;
            }

            string format = command[first];
            var text = new StringBuilder();
            int next = 0;
            do
            {
                for (int i = 0; i < format.Length; i++)
                {
                    char c = format[i];
                    if (c == '%' && i + 1 < format.Length)
                    {
                        i++;
                        if (format[i] == '%')
                        {
                            text.Append('%');
                            continue;
                        }

                        while (i < format.Length && !char.IsLetter(format[i]))
                        {
                            i++; // width, precision, flags
                        }

                        text.Append(next < args.Count ? args[next] : string.Empty);
                        next++;
                    }
                    else if (c == '\\' && i + 1 < format.Length && format[i + 1] == 'n')
                    {
                        i++;
                        text.Append('\n');
                    }
                    else
                    {
                        text.Append(c);
                    }
                }
            }
            while (next > 0 && next < args.Count);

            lines.AddRange(text.ToString().Split('\n'));
            return lines;
        }
    }
}
