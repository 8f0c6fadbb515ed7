namespace Guardrails.Analyzers.Tests.IndependentCorpus;

/// <summary>The combinatorial corpus: provider × key form × C# construct / context / file kind, plus traps.</summary>
internal static class Corpus
{
    public const int Seed = 20261203;

    private static readonly string[] NeutralNames = { "value", "payload", "text", "data", "setting" };

    /// <summary>
    /// C# forms that assemble a key with no fixed format (Mistral, Cohere, Azure 32-hex, AWS secret, …) from several
    /// pieces or out of a longer literal. Open: no piece is long enough to be a candidate on the raw text, and nothing
    /// else in the text points there; finding them needs a look at every key-named declaration whose value is not a
    /// plain literal (a new raw-text spot for key-named assignments), not done yet.
    /// </summary>
    internal static readonly HashSet<string> OpenForNamedKeys = new(StringComparer.Ordinal)
    {
        "+ at the prefix, one line", "+ halves over two lines", "+ many pieces over lines", "+ verbatim and raw pieces", "Convert.FromBase64String",
        "Convert.FromHexString", "Encoding.ASCII.GetString(decimal bytes)", "Encoding.UTF8.GetString(hex bytes)", "Replace of a zero-width space",
        "Replace of an inserted marker", "StringBuilder chained appends", "const chain across partial class files", "const chain in one class",
        "const interpolation of constants", "const pieces in another class and file", "interpolated, constant hole", "interpolated, literal holes",
        "new string(char[])", "prefix constant + literal", "reversed literal", "split on a separator and joined", "static readonly chain",
        "static readonly pieces across files", "string.Concat literals", "string.Concat of a static array", "string.Concat over lines",
        "string.Create interpolation", "string.Format", "string.Join empty separator", "string.Join string.Empty over array", "substring of a padded literal",
        "nameof pieces", "+ of a literal cast to object", "string.Insert", "PadRight with the next char", "string.Join null separator",
        "interpolation alignment 0", "string.Concat of spans", "Uri.UnescapeDataString", "WebUtility.UrlDecode", "WebUtility.HtmlDecode",
        "Regex.Unescape", "char codes through Select", "reversed base64",
    };

    public const string OpenReason =
        "A key with no fixed format assembled from pieces: no piece is a candidate on the raw text and nothing else points there (needs a raw-text spot for key-named assignments whose value is not a plain literal).";

    /// <summary>A key with no prefix spelled by nameof: every literal piece is a few punctuation characters.</summary>
    public const string NameofWithoutPrefixReason =
        "A key with no leading prefix spelled through nameof(…) identifiers: no literal piece looks like part of a key, and the fold runs only behind that cheap raw-text prefilter.";

    /// <summary>A key with no prefix whose marker sits in the literal after a padded piece.</summary>
    public const string PaddedPieceWithoutPrefixReason =
        "A key with no leading prefix whose marker is in the literal joined after \"…\".PadRight(n, c): the + is folded by the compiler's constant folder, which does not evaluate PadRight, and the call's own fold starts from the padded literal, which holds no part of the marker.";

    /// <summary>Hex values under a name that says "key" but no provider: indistinguishable from content hashes, ETags and checksums.</summary>
    public const string HexUnderGenericName =
        "A 32- or 40-hex value under a generic key name (apiKey, SECRET_TOKEN) reads exactly like an MD5/SHA-1 hash, ETag or checksum, which code stores under *Key names all the time; it is reported (GRD001) only where a provider is named.";

    private static bool IsHex(string key) => key.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));

    public static IReadOnlyList<CorpusCase> Build()
    {
        var f = new KeyForge(Seed);
        var cases = new List<CorpusCase>();
        int n = 0;

        foreach (KeyKind kind in Providers.All)
        {
            string group = kind.SelfIdentifying ? "self-identifying" : "named (no fixed format)";
            foreach (CodeForm form in CSharpForms.All)
            {
                if (!kind.SelfIdentifying && !form.NameBearing)
                {
                    continue;
                }

                string key = kind.Make(f);
                string name = kind.SelfIdentifying ? NeutralNames[n++ % NeutralNames.Length] : kind.Ident;
                cases.Add(new CorpusCase
                {
                    Id = "cs|" + kind.Id + "|" + form.Name,
                    Expect = Expect.ProviderKey,
                    Classes = new Dictionary<string, string> { ["provider"] = kind.Id, ["construct"] = form.Name, ["group"] = "C# " + group },
                    Sources = form.Build(new FormInput(key, name, kind)),
                    OutputKind = form.Output,
                    NotRequired = form.NotRequired,
                    Open = !kind.SelfIdentifying && OpenForNamedKeys.Contains(form.Name) ? OpenReason
                        : form.Name == "nameof pieces" && kind.PrefixEnd(key) == key.Length / 2 ? NameofWithoutPrefixReason
                        : form.Name == "PadRight with the next char" && kind.PrefixEnd(key) == key.Length / 2 ? PaddedPieceWithoutPrefixReason
                        : null,
                    Key = key,
                });
            }

            if (!kind.SelfIdentifying)
            {
                foreach (ContextForm context in Contexts.All)
                {
                    string key = kind.Make(f);
                    cases.Add(new CorpusCase
                    {
                        Id = "ctx|" + kind.Id + "|" + context.Name,
                        Expect = context.Generic ? Expect.AnySecret : Expect.ProviderKey,
                        Classes = new Dictionary<string, string> { ["provider"] = kind.Id, ["context"] = context.Name, ["group"] = "C# context" },
                        Sources = context.Build(kind, key),
                        NotRequired = context.Generic && IsHex(key) ? HexUnderGenericName : null,
                        Key = key,
                    });
                }
            }

            foreach (FileForm file in FileForms.All)
            {
                if (!kind.SelfIdentifying && file.SelfIdentifyingOnly)
                {
                    continue;
                }

                string key = kind.Make(f);
                cases.Add(new CorpusCase
                {
                    Id = "file|" + kind.Id + "|" + file.Name,
                    Expect = Expect.ProviderKey,
                    Classes = new Dictionary<string, string> { ["provider"] = kind.Id, ["file kind"] = file.Name, ["group"] = "file " + group },
                    Files = new[] { file.Build(kind.SelfIdentifying ? FileNames.Neutral : FileNames.For(kind), key) },
                    Key = key,
                });
            }
        }

        foreach (Trap trap in Traps.Build(f))
        {
            foreach ((string placement, (string, string)[] sources, (string, string)[] files) in Traps.Placements(trap))
            {
                cases.Add(new CorpusCase
                {
                    Id = "trap|" + trap.Kind + "|" + placement,
                    Expect = Expect.Silence,
                    Classes = new Dictionary<string, string> { ["trap"] = trap.Kind, ["trap placement"] = placement },
                    Sources = sources,
                    Files = files,
                    Key = trap.Value,
                });
            }
        }

        return cases;
    }
}
