namespace Guardrails.Tests.Shared;

/// <summary>
/// Correctly formatted but obviously fake keys, assembled at run time so the repository itself holds no
/// string that looks like a leaked key. Every body spells out that it is fake.
/// </summary>
internal static class FakeKeys
{
    /// <summary>base64("OpenAI"), the marker inside every OpenAI key.</summary>
    public const string OpenAiMarker = "T3Blbk" + "FJ";

    /// <summary>A body of exactly <paramref name="length"/> characters of [A-Za-z0-9] that reads as fake.</summary>
    public static string Body(int length, string seed = "FakeKeyForTestsOnly")
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = seed[i % seed.Length];
        }

        return new string(chars);
    }

    public static string OpenAiProject(string seed = "FakeKeyForTestsOnly") =>
        "sk-" + "proj-" + Body(74, seed) + OpenAiMarker + Body(74, seed);

    public static string OpenAiLegacy(string seed = "FakeKeyForTestsOnly") =>
        "sk" + "-" + Body(20, seed) + OpenAiMarker + Body(20, seed);
}
