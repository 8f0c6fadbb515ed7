namespace Guardrails.Analyzers.Tests.IndependentCorpus;

/// <summary>The combinatorial corpus: provider × key form × C# construct / context / file kind, plus traps.</summary>
internal static class Corpus
{
    public const int Seed = 20261203;

    private static readonly string[] NeutralNames = { "value", "payload", "text", "data", "setting" };

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
