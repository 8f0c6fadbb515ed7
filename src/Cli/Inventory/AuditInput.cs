using System.IO.Compression;
using System.Text;
using Guardrails.Core.Json;

namespace Guardrails.Cli.Inventory;

/// <summary>One JSON document found in a folder, a file or a CI artifact zip, read one at a time.</summary>
internal sealed record InputDocument(string Source, string Text);

/// <summary>A problem with one input: a code, the file (or zip!entry) it concerns, and what to do.</summary>
internal sealed record InputProblem(string Code, string Source, string Message);

/// <summary>
/// Finds audit records (guardrails.audit.json, or any .json with "auditFormat") and CycloneDX AI-BOMs (.json with
/// "bomFormat": "CycloneDX") under the given paths, inside .zip artifacts too, and yields them one by one so memory
/// stays bounded whatever the estate's size. Unreadable inputs become <see cref="InputProblem"/>s; the rest go on.
/// </summary>
internal static class AuditInput
{
    public const long MaxDocumentBytes = 16L * 1024 * 1024;

    public static IEnumerable<InputDocument> Read(IEnumerable<string> paths, List<InputProblem> problems)
    {
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                var pending = new Stack<string>();
                pending.Push(path);
                while (pending.Count > 0)
                {
                    string dir = pending.Pop();
                    string[] entries;
                    try
                    {
                        entries = Directory.GetFileSystemEntries(dir);
                        Array.Sort(entries, StringComparer.Ordinal);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        problems.Add(new InputProblem("GRDINV01", dir, "The folder could not be listed: " + e.GetType().Name + "."));
                        continue;
                    }

                    foreach (string entry in entries.AsEnumerable().Reverse())
                    {
                        if (Directory.Exists(entry))
                        {
                            string name = Path.GetFileName(entry);
                            if (name != ".git" && name != "node_modules")
                            {
                                pending.Push(entry);
                            }
                        }
                    }

                    foreach (string entry in entries)
                    {
                        if (File.Exists(entry))
                        {
                            foreach (InputDocument d in FromFile(entry, problems, explicitly: false))
                            {
                                yield return d;
                            }
                        }
                    }
                }
            }
            else if (File.Exists(path))
            {
                foreach (InputDocument d in FromFile(path, problems, explicitly: true))
                {
                    yield return d;
                }
            }
            else
            {
                problems.Add(new InputProblem("GRDINV01", path, "No such file or folder."));
            }
        }
    }

    private static IEnumerable<InputDocument> FromFile(string file, List<InputProblem> problems, bool explicitly)
    {
        string ext = Path.GetExtension(file);
        if (ext.Equals(".zip", StringComparison.OrdinalIgnoreCase))
        {
            foreach (InputDocument d in FromZip(file, problems))
            {
                yield return d;
            }

            yield break;
        }

        if (!ext.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (explicitly)
            {
                problems.Add(new InputProblem("GRDINV02", file, "Not a .json audit record or AI-BOM, nor a .zip artifact; skipped."));
            }

            yield break;
        }

        // The one loader: bounded, read once, BOM-aware, strict UTF-8.
        string? text = null;
        Guardrails.BuildTasks.Foundation.LoadedFile? loaded = Guardrails.BuildTasks.Foundation.SourceFile.TryLoad(file, MaxDocumentBytes, out Guardrails.BuildTasks.Foundation.LoadFailure failure, out string detail);
        if (failure == Guardrails.BuildTasks.Foundation.LoadFailure.TooLarge)
        {
            problems.Add(new InputProblem("GRDINV03", file, "The file is " + detail + " bytes, over the limit of " + MaxDocumentBytes + "; skipped."));
        }
        else if (loaded == null)
        {
            problems.Add(new InputProblem("GRDINV01", file, "The file could not be read: " + (failure == Guardrails.BuildTasks.Foundation.LoadFailure.Unreadable ? detail.Split(':')[0] : failure.ToString()) + "."));
        }
        else
        {
            text = Guardrails.BuildTasks.Foundation.SourceFile.TryDecode(loaded, out int badLine, out int badColumn);
            if (text == null)
            {
                problems.Add(new InputProblem("GRDINV01", file, "The file is not valid UTF-8 (line " + badLine + ", column " + badColumn + "); skipped."));
            }
        }

        if (text != null && (explicitly || LooksRelevant(file, text)))
        {
            yield return new InputDocument(file, text);
        }
    }

    private static IEnumerable<InputDocument> FromZip(string file, List<InputProblem> problems)
    {
        ZipArchive? zip = null;
        try
        {
            zip = ZipFile.OpenRead(file);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException)
        {
            problems.Add(new InputProblem("GRDINV04", file, "The zip artifact could not be opened (" + e.GetType().Name + ": it is damaged or not a zip); its records are missing from the inventory."));
        }

        if (zip == null)
        {
            yield break;
        }

        using (zip)
        {
            foreach (ZipArchiveEntry entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                if (!entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string source = file + "!" + entry.FullName;
                string? text = null;
                if (entry.Length > MaxDocumentBytes)
                {
                    problems.Add(new InputProblem("GRDINV03", source, "The entry is " + entry.Length + " bytes, over the limit; skipped."));
                    continue;
                }

                try
                {
                    using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                    text = reader.ReadToEnd();
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    problems.Add(new InputProblem("GRDINV04", source, "The zip entry could not be read (" + e.GetType().Name + ")."));
                }

                if (text != null && LooksRelevant(entry.Name, text))
                {
                    yield return new InputDocument(source, text);
                }
            }
        }
    }

    /// <summary>Audit records by name or marker, AI-BOMs by marker; other JSON in a folder (appsettings, package.json) is not ours.</summary>
    private static bool LooksRelevant(string name, string text) =>
        Path.GetFileName(name).Equals("guardrails.audit.json", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("\"auditFormat\"", StringComparison.Ordinal) ||
        (text.Contains("\"bomFormat\"", StringComparison.Ordinal) && text.Contains("CycloneDX", StringComparison.Ordinal));

    public static JsonNode? Parse(InputDocument doc, List<InputProblem> problems)
    {
        JsonNode? root = JsonReader.TryParse(doc.Text, out JsonParseException? error, JsonReaderOptions.Document);
        if (root == null)
        {
            problems.Add(new InputProblem("GRDINV05", doc.Source, "Not valid JSON at line " + error?.Position.Line + ", column " + error?.Position.Column + " (a truncated or damaged record?): " + error?.Message + ". The record is skipped; the rest of the inventory is complete."));
            return null;
        }

        if (!root.IsObject)
        {
            problems.Add(new InputProblem("GRDINV06", doc.Source, "The JSON is not an object, so it is neither a Guardrails audit record nor a CycloneDX AI-BOM; skipped."));
            return null;
        }

        return root;
    }
}
