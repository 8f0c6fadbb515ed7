using System.Collections.Generic;
using Guardrails.Core.Json;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// The code cells of a Jupyter notebook (<c>.ipynb</c> JSON): each cell with its source lines, the line and column of the
    /// JSON string each comes from (a <c>source</c> array gives a string per line; a single string gives every line its
    /// string's position). One walk for the readers of notebooks: <c>#r "nuget:"</c> (<see cref="InteractiveScripts"/>) and
    /// install commands (<c>Footprints.InstalledSdks</c>).
    /// </summary>
    internal static class NotebookCells
    {
        /// <summary>The code cells of the notebook <paramref name="root"/>; none when it has no <c>cells</c> array.</summary>
        public static IEnumerable<(JsonNode Cell, List<(string Text, int Line, int Column)> Lines)> Code(JsonNode? root)
        {
            JsonNode? cells = root?["cells"];
            if (cells == null || !cells.IsArray)
            {
                yield break;
            }

            foreach (JsonNode cell in cells.Items)
            {
                if (cell["cell_type"]?.Text != "code")
                {
                    continue;
                }

                JsonNode? source = cell["source"];
                var lines = new List<(string Text, int Line, int Column)>();
                if (source != null && source.IsString)
                {
                    foreach (string part in (source.Text ?? string.Empty).Split('\n'))
                    {
                        lines.Add((part, source.Start.Line, source.Start.Column));
                    }
                }
                else if (source != null && source.IsArray)
                {
                    foreach (JsonNode item in source.Items)
                    {
                        if (item.IsString)
                        {
                            lines.Add(((item.Text ?? string.Empty).TrimEnd('\n'), item.Start.Line, item.Start.Column));
                        }
                    }
                }

                yield return (cell, lines);
            }
        }
    }
}
