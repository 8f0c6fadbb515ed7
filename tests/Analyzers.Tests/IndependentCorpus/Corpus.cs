namespace Guardrails.Analyzers.Tests.IndependentCorpus;

/// <summary>The combinatorial corpus: provider × key form × C# construct / context / file kind, plus traps.</summary>
internal static class Corpus
{
    public const int Seed = 20261203;

    private static readonly string[] NeutralNames = { "value", "payload", "text", "data", "setting" };

    /// <summary>
    /// Forms still open for keys with no fixed format: none. A key-named declaration that holds only names joined by
    /// <c>+</c> or a building call (<c>const string MistralApiKey = Part1 + Part2;</c>, <c>string.Concat(Parts)</c>) is a
    /// raw-text spot since session 7 (an <c>=</c> after a key name whose value has no quote, SourceSpots.NamedComposites),
    /// so these forms are must-find; the declaration-table search that found them first (f2e2ded) cost ~65 ms and is gone.
    /// </summary>
    internal static readonly HashSet<string> OpenForNamedKeys = new(StringComparer.Ordinal);

    public const string OpenReason =
        "A key with no fixed format assembled only from constants declared elsewhere, in a form no spot reaches (none today: see OpenForNamedKeys).";

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
