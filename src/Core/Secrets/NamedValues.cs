using System;
using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;

namespace Guardrails.Core.Secrets
{
    /// <summary>
    /// Context-gated detection for <see cref="SecretScanner.TryMatchNamedValue"/>: what the name says about the
    /// value (which provider, whether it names a secret at all) and whether the value has the right shape.
    /// </summary>
    internal static class NamedValues
    {
        public const int MinimumLength = 16;
        public const int MaximumLength = 512;

        private const int GenericMaximumLength = 256;

        /// <summary>Last words that make a name secret-like.</summary>
        internal static readonly HashSet<string> SecretWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "secret", "secrets", "password", "passwords", "passwd", "pwd", "passphrase", "credential", "credentials",
            "apikey", "apikeys", "accesskey", "secretkey", "privatekey", "clientsecret", "token", "key", "keys", "pat",
        };

        /// <summary>Trailing words that say nothing about the value ("ApiKeyValue", "passwordString").</summary>
        private static readonly HashSet<string> NoiseWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "value", "str", "string", "text", "raw", "default", "const", "literal", "for",
        };

        /// <summary>Words before "token" that name something that is not a secret (cancellationToken, maxTokens).</summary>
        private static readonly HashSet<string> NonSecretTokenQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "cancellation", "continuation", "page", "next", "previous", "sync", "csrf", "xsrf", "antiforgery", "max",
            "total", "stop", "special", "bos", "eos", "pad", "unk", "sep", "cls", "mask", "start", "end", "input",
            "output", "prompt", "completion", "lexer", "syntax", "parser", "current", "last", "first", "resume",
        };

        /// <summary>Words before "key" that name a lookup key or a key public by design, not a secret (partitionKey, cacheKey, publicKey, a CAPTCHA's siteKey).</summary>
        private static readonly HashSet<string> NonSecretKeyQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "public", "publishable", "site", "partition", "row", "sort", "cache", "primary", "foreign", "idempotency", "hot",
            "lookup", "dictionary", "resource", "registry", "composite", "hash", "map", "entity", "unique", "object",
            "translation", "localization", "message", "setting", "settings", "config", "configuration", "property",
            "route", "query", "shortcut", "sub", "group", "dedup", "deduplication", "concurrency", "lock", "item",
            "index", "column", "table", "field", "json", "name", "natural", "surrogate", "order", "label", "enum",
            "metadata", "tag", "pk", "fk", "record", "state", "sorting", "grouping", "i18n", "l10n", "registry",
        };

        private static readonly ContextRule[] Rules =
        {
            // Azure OpenAI before the wider Azure AI services rule. OpenAI's own keys are never 32 hex, so a
            // 32-hex value under an OpenAI name is an Azure OpenAI key. ApiKeyCredential is the OpenAI/Azure
            // OpenAI SDK credential type.
            new ContextRule(KeyCatalog.AzureOpenAiHex, 32, new[] { "azure", "aoai", "open", "apikeycredential" }, n => n.Has("azureopenai") || n.Has("aoai") || n.Has("openai") || n.Joined == "apikeycredential", IsHex32),
            new ContextRule(KeyCatalog.AzureAiServicesHex, 32, new[] { "azure", "cognitive", "services", "ocp" }, n => n.Has("azure") || n.Has("cognitive") || n.Has("aiservices") || n.Has("ocpapim"), IsHex32),
            new ContextRule(KeyCatalog.Mistral, 32, new[] { "mistral" }, n => n.Has("mistral"), v => TokenText.AllAlnum(v, 0, 32)),
            new ContextRule(KeyCatalog.Cohere, 40, new[] { "cohere", "coapi", "co_api", "co-api", "co.api", "co:api", "co api", "co__api", "co/api" }, n => n.Has("cohere") || n.HasWords("co", "api") || n.HasWordStartingWith("coapikey"), v => TokenText.AllAlnum(v, 0, 40)),
            new ContextRule(KeyCatalog.DeepSeek, 35, new[] { "deep" }, n => n.Has("deepseek"), v => v.StartsWith("sk-", StringComparison.Ordinal) && TokenText.AllLowerHex(v, 3, 32)),
            new ContextRule(KeyCatalog.DeepInfra, 32, new[] { "deep" }, n => n.Has("deepinfra"), v => TokenText.AllAlnum(v, 0, 32)),
            new ContextRule(KeyCatalog.AssemblyAi, 32, new[] { "assembly" }, n => n.Has("assemblyai"), v => TokenText.AllLowerHex(v, 0, 32)),
            new ContextRule(KeyCatalog.WeightsAndBiases, 40, new[] { "wandb", "weights" }, n => n.Has("wandb") || n.Has("weightsandbiases") || n.Has("weightsbiases"), v => TokenText.AllLowerHex(v, 0, 40)),
            new ContextRule(KeyCatalog.AwsSecretAccessKey, 40, new[] { "aws", "secret" }, n => (n.Has("aws") && (n.Has("secret") || n.Has("key") || n.Has("bearer"))) || n.Has("secretaccesskey"), v => TokenText.All(v, 0, 40, TokenText.IsBase64)),
            new ContextRule(KeyCatalog.ElevenLabsLegacy, 32, new[] { "eleven", "xi" }, n => n.Has("elevenlabs") || n.Has("xiapikey"), v => TokenText.AllLowerHex(v, 0, 32)),
            new ContextRule(KeyCatalog.StabilityAi, 51, new[] { "stability" }, n => n.Has("stability"), v => v.StartsWith("sk-", StringComparison.Ordinal) && TokenText.AllAlnum(v, 3, 48)),
            new ContextRule(KeyCatalog.Cursor, 68, new[] { "cursor" }, n => n.Has("cursor"), v => v.StartsWith("key_", StringComparison.Ordinal) && TokenText.AllLowerHex(v, 4, 64)),
            new ContextRule(KeyCatalog.Deepgram, 40, new[] { "deepgram" }, n => n.Has("deepgram"), v => TokenText.AllLowerHex(v, 0, 40)),
            new ContextRule(KeyCatalog.AzureSearch, 52, new[] { "azure", "search" }, n => n.Has("azure") || n.Has("search"), v => TokenText.AllAlnum(v, 0, 52) && TokenText.At(v, 42, "AzSe") && v[46] >= 'A' && v[46] <= 'D'),
            new ContextRule(KeyCatalog.PineconeLegacy, 36, new[] { "pinecone" }, n => n.Has("pinecone"), v => IsGuid(v, 0)),

            // Adversary round 11 route 11: providers whose API hosts the endpoint catalog knows, under their own names.
            new ContextRule(KeyCatalog.DashScope, 35, new[] { "dashscope", "qwen" }, n => n.Has("dashscope") || n.Has("qwen"), v => v.StartsWith("sk-", StringComparison.Ordinal) && TokenText.AllLowerHex(v, 3, 32)),
            new ContextRule(KeyCatalog.Moonshot, 51, new[] { "moonshot", "kimi" }, n => n.Has("moonshot") || n.Has("kimi"), v => v.StartsWith("sk-", StringComparison.Ordinal) && TokenText.AllAlnum(v, 3, 48)),
            new ContextRule(KeyCatalog.Zhipu, 49, new[] { "zhipu", "bigmodel", "zai" }, n => n.Has("zhipu") || n.Has("bigmodel") || n.HasWords("zai", "api"), v => v[32] == '.' && TokenText.AllLowerHex(v, 0, 32) && TokenText.AllAlnum(v, 33, 16)),
            new ContextRule(KeyCatalog.SiliconFlow, 51, new[] { "silicon" }, n => n.Has("siliconflow"), v => v.StartsWith("sk-", StringComparison.Ordinal) && TokenText.All(v, 3, 48, c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))),
            new ContextRule(KeyCatalog.VolcengineArk, 36, new[] { "ark", "volc", "doubao", "byteplus" }, n => n.HasWords("ark", "api") || n.Has("volcengine") || n.Has("volces") || n.Has("doubao") || n.Has("byteplus"), v => IsGuid(v, 0)),
            new ContextRule(KeyCatalog.SambaNova, 36, new[] { "samba" }, n => n.Has("sambanova"), v => IsGuid(v, 0)),
        };

        /// <summary>
        /// Printable ASCII without whitespace, quotes, brackets or separators that tokens never contain
        /// (so prose, markup, JSON, URLs with ports, lists and templates are out at once).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsTokenValue(string value) => IsTokenValue(value, 0, value.Length);

        /// <inheritdoc cref="IsTokenValue(string)"/>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsTokenValue(string text, int start, int length)
        {
            for (int i = start; i < start + length; i++)
            {
                if (!IsTokenCharacter(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A character a token value may hold (see <see cref="IsTokenValue(string)"/>).</summary>
        public static bool IsTokenCharacter(char c) =>
            c > ' ' && c <= '~' && c != '"' && c != '\'' && c != '`' && c != '\\' && c != '<' && c != '>' &&
            c != '{' && c != '}' && c != '(' && c != ')' && c != '[' && c != ']' && c != ',' && c != ';' && c != ':' && c != '|';

        [MethodImpl(HotPath.Optimized)]
        internal static bool HasSomeProviderShape(string value)
        {
            foreach (ContextRule rule in Rules)
            {
                if (rule.Shape(value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What a name must contain for <paramref name="value"/> to be a key under it: null when any secret-like name will
        /// do (a generic secret), else the <see cref="ContextRule.Hints"/> of every provider whose shape the value has (at
        /// least one of which occurs, ignoring case, in an accepting name); empty when no name makes it a key.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static IReadOnlyList<string>? NameHints(string value) => IsGenericSecret(value) ? null : ShapeHints(value);

        /// <summary>
        /// <see cref="NameHints(string)"/> for the value <c>text.Substring(start, length)</c>, which is made only for a value that
        /// is no generic secret and has the length of some provider's shape (<see cref="ShapeLengths"/>): most key-shaped
        /// literals (hashes, ids, slugs, cache keys) are neither, and are judged on the text they stand in.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static IReadOnlyList<string>? NameHints(string text, int start, int length)
        {
            if (JudgeGenericSecret(text, start, length))
            {
                return null;
            }

            return length < ShapeLengths.Length && ShapeLengths[length] ? ShapeHints(text.Substring(start, length)) : HintsOf(0);
        }

        /// <summary>The hints of every provider whose shape <paramref name="value"/> has (see <see cref="NameHints(string)"/>).</summary>
        [MethodImpl(HotPath.Optimized)]
        private static string[] ShapeHints(string value)
        {
            int shapes = 0;
            for (int i = 0; i < Rules.Length; i++)
            {
                if (Rules[i].Shape(value))
                {
                    shapes |= 1 << i;
                }
            }

            if (IsCredentialHex(value))
            {
                shapes |= CredentialHexShape; // new AzureKeyCredential("<64 hex>"): only a key-credential type names it
            }

            return HintsOf(shapes);
        }

        private static string[] HintsOf(int shapes) =>
            HintsByShapes.GetOrAdd(shapes, mask =>
            {
                var hints = new List<string>();
                for (int i = 0; i < Rules.Length; i++)
                {
                    if ((mask & (1 << i)) != 0)
                    {
                        foreach (string hint in Rules[i].Hints)
                        {
                            if (!hints.Contains(hint))
                            {
                                hints.Add(hint);
                            }
                        }
                    }
                }

                if ((mask & CredentialHexShape) != 0)
                {
                    hints.Add(CredentialHint);
                }

                return hints.ToArray();
            });

        /// <summary>The bit of <see cref="NameHints"/>' shape mask for a value <see cref="IsCredentialHex"/>, past the rules' bits.</summary>
        private static readonly int CredentialHexShape = 1 << Rules.Length;

        /// <summary>
        /// For each length: some provider's shape (<see cref="ContextRule.Length"/>) or a credential hex value
        /// (<see cref="IsCredentialHex"/>) has it. A value of any other length has no shape, whatever its characters.
        /// </summary>
        private static readonly bool[] ShapeLengths = BuildShapeLengths();

        private static bool[] BuildShapeLengths()
        {
            var lengths = new bool[MaximumLength + 1];
            foreach (ContextRule rule in Rules)
            {
                lengths[rule.Length] = true;
            }

            lengths[32] = lengths[40] = true; // IsCredentialHex
            return lengths;
        }

        /// <summary>What every key-credential type's name holds (<c>AzureKeyCredential</c>, <c>ApiKeyCredential</c>).</summary>
        private const string CredentialHint = "KeyCredential";

        /// <summary>
        /// 32 or 40 hex digits (an MD5 or SHA-1 digest anywhere else; Azure AI services keys are 32 hex): a service key when
        /// handed to a key-credential type. Both lengths already fit some provider's shape, so the hint adds no candidate;
        /// longer hex (SHA-256 digests) stays what no name makes a key.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool IsCredentialHex(string value) => (value.Length == 32 || value.Length == 40) && TokenText.All(value, 0, value.Length, TokenText.IsHex);

        /// <summary>The hints of each combination of shapes seen so far (a handful in practice).</summary>
        private static readonly ConcurrentDictionary<int, string[]> HintsByShapes = new ConcurrentDictionary<int, string[]>();

        /// <summary>Text one of <see cref="SecretWords"/> contains: a name without any of them is never secret-like.</summary>
        internal static readonly string[] SecretWordStems = { "key", "token", "secret", "pass", "pwd", "credential", "pat" };

        [MethodImpl(HotPath.Optimized)]
        public static KeyFormat? Classify(string name, string value, bool nameIsSecretLike)
        {
            // A name with no secret word in it ("Etag", "contentHash") decides at once, without parsing.
            if (!nameIsSecretLike && !MayBeSecretLike(name))
            {
                return null;
            }

            // The value decides first (cheap, no allocation): most values fit no provider shape and are no generic
            // secret, and then the name is never parsed.
            bool generic = IsGenericSecret(value);
            if (!generic && !HasSomeProviderShape(value) && !(IsCredentialHex(value) && CredentialTypeFormat(name) != null))
            {
                return null;
            }

            Name parsed = Name.Parse(name);
            if (!parsed.IsSecretLike && !nameIsSecretLike)
            {
                return null;
            }

            foreach (ContextRule rule in Rules)
            {
                if (rule.Shape(value) && rule.Names(parsed) && ProviderValueIsRandom(rule.Format, value))
                {
                    return rule.Format;
                }
            }

            // new AzureKeyCredential("…") / new ApiKeyCredential("…") with no provider named: the type says the value is a
            // service key, so a random value is that key (not a generic secret), hex included (no one hands a digest to it).
            KeyFormat? credential = CredentialTypeFormat(name);
            if (credential != null && (generic || IsCredentialHex(value)) && ProviderValueIsRandom(credential, value))
            {
                return credential;
            }

            return generic ? ProviderByPrefix(value) ?? KeyCatalog.GenericSecret : null;
        }

        /// <summary>
        /// The catalog formats whose prefix names one provider's kind of key (<c>sk-proj-</c>, <c>sk-ant-api03-</c>,
        /// <c>nvapi-</c>, …: six characters or more ending in <c>-</c> or <c>_</c>), in catalog order.
        /// </summary>
        private static readonly KeyFormat[] DistinctivePrefixes = SelectDistinctivePrefixes();

        private static KeyFormat[] SelectDistinctivePrefixes()
        {
            var list = new List<KeyFormat>();
            foreach (KeyFormat format in KeyCatalog.All)
            {
                string prefix = format.Prefix;
                if (!format.IsGeneric && prefix.Length >= 6 && prefix[0] != '-' && (prefix[prefix.Length - 1] == '-' || prefix[prefix.Length - 1] == '_'))
                {
                    list.Add(format);
                }
            }

            return list.ToArray();
        }

        /// <summary>
        /// A random value under a key name that starts with a provider's own prefix but is not that provider's whole key
        /// (a key cut short, half of a joined key, a key of a newer length): that provider's key, an error, not a "possible
        /// secret" warning (adversary round 11, side observation). <c>sk-ant-</c> of any kind and version is Anthropic's.
        /// </summary>
        private static KeyFormat? ProviderByPrefix(string value)
        {
            foreach (KeyFormat format in DistinctivePrefixes)
            {
                if (value.StartsWith(format.Prefix, StringComparison.Ordinal))
                {
                    return format;
                }
            }

            return value.StartsWith("sk-ant-", StringComparison.Ordinal) ? KeyCatalog.AnthropicApi : null;
        }

        /// <summary>
        /// The key-credential format of a name that is a key-credential type (<c>AzureKeyCredential</c>,
        /// <c>Azure.AI.OpenAI:AzureKeyCredential</c>, <c>ApiKeyCredential</c>, as <c>CredentialSinks</c> names an argument
        /// of their constructors); null for any other name.
        /// </summary>
        private static KeyFormat? CredentialTypeFormat(string name)
        {
            return IsType(name, "AzureKeyCredential") ? KeyCatalog.AzureKeyCredential : IsType(name, "ApiKeyCredential") ? KeyCatalog.ApiKeyCredential : null;

            static bool IsType(string n, string type) =>
                n.EndsWith(type, StringComparison.Ordinal) && (n.Length == type.Length || n[n.Length - type.Length - 1] == ':');
        }

        /// <summary>
        /// A value whose own name says only that it is a key (<c>Key</c>, <c>key</c>, <c>x-api-key</c>, <c>ApiKeyCredential</c>,
        /// a bearer token) and whose surroundings say whose: <paramref name="context"/> is an enclosing type, namespace or
        /// method name, the host of a URL next to it, a sibling or a called method (<c>MistralSettings</c>,
        /// <c>Contoso.Providers.Mistral</c>, <c>api.mistral.ai</c>, <c>WithMistralKey</c>). Only a provider's own shape, random,
        /// under a context that names that provider: never a generic secret. The Azure AI services hex rule ("azure" in a
        /// name is everywhere in Azure code, 32 hex digits are every MD5) needs the value's own name.
        /// </summary>
        public static KeyFormat? ClassifyInContext(string name, string context, string value)
        {
            if (!HasSomeProviderShape(value) || !MayBeSecretLike(name))
            {
                return null;
            }

            Name parsed = Name.Parse(name);
            if (!parsed.IsSecretLike && !parsed.IsBareSecretWord)
            {
                return null;
            }

            Name where = Name.Parse(context + " " + name); // the context and the name together: "AwsSettings" and "Key"
            foreach (ContextRule rule in Rules)
            {
                if (rule.Format != KeyCatalog.AzureAiServicesHex && rule.Shape(value) && rule.Names(where) && ProviderValueIsRandom(rule.Format, value))
                {
                    return rule.Format;
                }
            }

            return null;
        }

        [MethodImpl(HotPath.Optimized)]
        internal static bool MayBeSecretLike(string name) => MayBeSecretLike(name, 0, name.Length);

        /// <summary><see cref="MayBeSecretLike(string)"/> for <c>text.Substring(start, length)</c>.</summary>
        /// <remarks>
        /// Called for every name and every multi-line literal the raw-text passes meet (hundreds of thousands per build):
        /// an ASCII name is read once, each position tried against the stems that start with its letter
        /// (<see cref="AsciiStemsByLetter"/>); a name with any other character takes the general path
        /// (<see cref="MayBeSecretLikeAnyText"/>), which has the same answers for ASCII.
        /// </remarks>
        [MethodImpl(HotPath.Optimized)]
        internal static bool MayBeSecretLike(string text, int start, int length)
        {
            int end = start + length;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c > '~')
                {
                    return MayBeSecretLikeAnyText(text, start, length);
                }

                // c | 0x20 is a lower-case letter exactly when c is that letter in either case (every stem is a-z).
                string[]? stems = AsciiStemsByLetter[c | 0x20];
                if (stems == null)
                {
                    continue;
                }

                // Most letters that start a stem ('s', 'c', 'p', 't', 'k') start none here: no stem goes on with the next letter.
                int second = i + 1 < end ? text[i + 1] | 0x20 : 0;
                if (second < 'a' || second > 'z' || (AsciiSecondLetters[c | 0x20] & (1 << (second - 'a'))) == 0)
                {
                    continue;
                }

                foreach (string stem in stems)
                {
                    if (end - i >= stem.Length && StartsWithIgnoreAsciiCase(text, i, stem) && (!ReferenceEquals(stem, ShortStem) || IsWordPat(text, i, start, end)))
                    {
                        // An ASCII name holds no character above '~' before this one; the rest is not looked at (as below).
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary><paramref name="stem"/> (lower-case a-z) at <paramref name="at"/>, ignoring ASCII case.</summary>
        private static bool StartsWithIgnoreAsciiCase(string text, int at, string stem)
        {
            for (int k = 1; k < stem.Length; k++)
            {
                if ((text[at + k] | 0x20) != stem[k])
                {
                    return false;
                }
            }

            return true;
        }

        private static string[]?[] BuildAsciiStems()
        {
            var byLetter = new List<string>?[128];
            var all = new List<string>(SecretWordStems);
            all.AddRange(ForeignSecretStems);
            foreach (string stem in all)
            {
                bool ascii = true;
                foreach (char c in stem)
                {
                    ascii &= c >= 'a' && c <= 'z';
                }

                if (ascii)
                {
                    (byLetter[stem[0]] ??= new List<string>()).Add(stem == ShortStem ? ShortStem : stem); // "pat" is told by reference
                }
            }

            var table = new string[]?[128];
            for (int c = 0; c < 128; c++)
            {
                table[c] = byLetter[c]?.ToArray();
            }

            return table;
        }

        /// <summary>The general <see cref="MayBeSecretLike(string, int, int)"/>: ordinal searches ignoring case, any characters.</summary>
        internal static bool MayBeSecretLikeAnyText(string text, int start, int length)
        {
            foreach (string stem in SecretWordStems)
            {
                if (length < stem.Length)
                {
                    continue;
                }

                int end = start + length;
                for (int at = text.IndexOf(stem, start, length, StringComparison.OrdinalIgnoreCase); at >= 0;
                     at = at + 1 + stem.Length <= end ? text.IndexOf(stem, at + 1, end - at - 1, StringComparison.OrdinalIgnoreCase) : -1)
                {
                    if (stem != ShortStem || IsWordPat(text, at, start, end))
                    {
                        return true;
                    }
                }
            }

            bool nonAscii = false;
            for (int i = start; i < start + length && !nonAscii; i++)
            {
                nonAscii = text[i] > '~';
            }

            foreach (string foreign in ForeignSecretStems)
            {
                // A stem that ends in a letter beyond ASCII (ключ, 密钥) is looked for only in a name that has such letters.
                if (length >= foreign.Length && (nonAscii || foreign[foreign.Length - 1] <= '~') && text.IndexOf(foreign, start, length, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Key, token, secret and password in other languages, as developers write them in identifiers (Spanish, Portuguese,
        /// Italian, French, German, Dutch, Polish, Russian, Chinese, Japanese, Korean), each with the English word it means.
        /// </summary>
        private static readonly Dictionary<string, string> ForeignSecretWords = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["clave"] = "key", ["chave"] = "key", ["chiave"] = "key", ["clé"] = "key", ["schlüssel"] = "key", ["schluessel"] = "key",
            ["sleutel"] = "key", ["klucz"] = "key", ["ключ"] = "key", ["密钥"] = "key", ["秘钥"] = "key", ["キー"] = "key", ["키"] = "key",
            ["токен"] = "token", ["令牌"] = "token", ["トークン"] = "token", ["토큰"] = "token",
            ["secreto"] = "secret", ["segredo"] = "secret", ["segreto"] = "secret", ["geheimnis"] = "secret", ["секрет"] = "secret",
            ["contraseña"] = "password", ["contrasena"] = "password", ["senha"] = "password", ["passwort"] = "password", ["пароль"] = "password", ["密码"] = "password",
        };

        /// <summary>The <see cref="ForeignSecretWords"/> that <see cref="SecretWordStems"/> do not already find, for the prefilter.</summary>
        private static readonly string[] ForeignSecretStems = BuildForeignStems();

        /// <summary>
        /// For each ASCII code (lower-cased letters only): the <see cref="SecretWordStems"/> and the all-ASCII
        /// <see cref="ForeignSecretStems"/> that start with it. A stem with a letter beyond ASCII cannot occur in an ASCII name.
        /// Declared after the stems it is built from (static fields are initialized in order).
        /// </summary>
        private static readonly string[]?[] AsciiStemsByLetter = BuildAsciiStems();

        /// <summary>
        /// For each ASCII code (lower-cased letters only): the second letters of the <see cref="AsciiStemsByLetter"/> that start
        /// with it, one bit per letter a-z. Declared after the table it is built from.
        /// </summary>
        private static readonly int[] AsciiSecondLetters = BuildAsciiSecondLetters();

        private static int[] BuildAsciiSecondLetters()
        {
            var masks = new int[128];
            for (int c = 0; c < 128; c++)
            {
                foreach (string stem in AsciiStemsByLetter[c] ?? Array.Empty<string>())
                {
                    masks[c] |= 1 << (stem[1] - 'a');
                }
            }

            return masks;
        }

        private static string[] BuildForeignStems()
        {
            var stems = new List<string>();
            foreach (string word in ForeignSecretWords.Keys)
            {
                if (!MayBeSecretLikeEnglish(word))
                {
                    stems.Add(word);
                }
            }

            return stems.ToArray();
        }

        private static bool MayBeSecretLikeEnglish(string word)
        {
            foreach (string stem in SecretWordStems)
            {
                if (word.IndexOf(stem, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The stem that is a whole word only ("pat", a personal access token; not "Path", "Pattern", "compat").</summary>
        private const string ShortStem = "pat";

        /// <summary>
        /// "pat" at <paramref name="at"/> is a word of the name: it starts the name, follows a non-letter or a lower-case
        /// letter (camelCase: "githubPat"), and ends the name, precedes a non-letter, or precedes a capital after a
        /// lower-case "pat" ("patToken") or "s" ("PATs"). "PATH", "filePath", "Pattern", "compat" are out.
        /// </summary>
        private static bool IsWordPat(string text, int at, int start, int end)
        {
            char first = text[at];
            if (at > start)
            {
                char before = text[at - 1];
                bool boundary = !char.IsLetter(before) || (char.IsLower(before) && char.IsUpper(first));
                if (!boundary)
                {
                    return false;
                }
            }

            int after = at + ShortStem.Length;
            if (after < end && (text[after] == 's' || text[after] == 'S'))
            {
                after++;
            }

            if (after >= end)
            {
                return true;
            }

            char next = text[after];
            return !char.IsLetter(next) || (char.IsLower(text[at + ShortStem.Length - 1]) && char.IsUpper(next));
        }

        /// <summary>8-4-4-4-12 hex digits at <paramref name="start"/>.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsGuid(string text, int start)
        {
            if (start < 0 || start + 36 > text.Length)
            {
                return false;
            }

            for (int i = 0; i < 36; i++)
            {
                char c = text[start + i];
                bool dash = i == 8 || i == 13 || i == 18 || i == 23;
                if (dash ? c != '-' : !TokenText.IsHex(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsHex32(string v) => v.Length == 32 && TokenText.All(v, 0, 32, TokenText.IsHex);

        private static bool ProviderValueIsRandom(KeyFormat format, string value)
        {
            int start = format.Prefix.Length;
            int count = value.Length - start;
            if (format == KeyCatalog.PineconeLegacy || format == KeyCatalog.VolcengineArk || format == KeyCatalog.SambaNova)
            {
                return !TokenText.IsPlaceholder(value, 0, 36, 6, words: true) && !IsNilLikeGuid(value);
            }

            return FixedFormats.RandomEnough(value, start, count, wordsAsWritten: format.Prefix.Length > 0);
        }

        private static bool IsNilLikeGuid(string v) => TokenText.Entropy(v, 0, v.Length) < 3.0;

        /// <summary>
        /// A generic secret: a single high-entropy token. Not a GUID, not a hash (32/40/64/96/128 hex), not digits
        /// only, not a path, URL, host name or dotted identifier (JWTs excepted), not an identifier or
        /// ENV_VAR_NAME, not a template (<c>$VAR</c>, <c>%VAR%</c>, <c>@VAR@</c>), not a placeholder; at least two
        /// character classes and 3 bits of entropy per character.
        /// </summary>
        /// <summary>
        /// A leading '/' marks a path ("/api/v1/items", "/usr/share/…"), but base64 (an AWS secret access key, 1 in 64 of
        /// them) may start with one too: a value of 30+ base64 characters with no other '/' and no '.', holding upper-case,
        /// lower-case and digits, is no path.
        /// </summary>
        private static bool IsBase64StartingWithSlash(string text, int start, int n)
        {
            if (n < 30 || text.IndexOf('/', start + 1, n - 1) >= 0)
            {
                return false;
            }

            bool lower = false, upper = false, digit = false;
            for (int i = start + 1; i < start + n; i++)
            {
                char c = text[i];
                if (c >= 'a' && c <= 'z') lower = true;
                else if (c >= 'A' && c <= 'Z') upper = true;
                else if (c >= '0' && c <= '9') digit = true;
                else if (c != '+' && c != '=') return false;
            }

            return lower && upper && digit;
        }

        /// <summary>
        /// The last value <see cref="IsGenericSecret"/> judged on this thread, and its verdict: one value is judged again and
        /// again while its name is looked for (<see cref="Classify"/> under the name, under a comment, the name hints of a
        /// call's parameter), and the judging is the costly half (entropy, placeholder words, readable base64).
        /// </summary>
        [ThreadStatic]
        private static string? t_lastJudged;

        [ThreadStatic]
        private static bool t_lastGeneric;

        /// <summary>
        /// A verdict of <see cref="IsGenericSecret"/> already worked out for <paramref name="value"/> (as <see cref="NameHints"/>
        /// gave it: null exactly when generic), so the judging of the same text that follows on this thread reuses it.
        /// </summary>
        internal static void RememberGenericVerdict(string value, bool generic)
        {
            t_lastJudged = value;
            t_lastGeneric = generic;
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool IsGenericSecret(string v)
        {
            if (string.Equals(v, t_lastJudged, StringComparison.Ordinal))
            {
                return t_lastGeneric;
            }

            bool generic = JudgeGenericSecret(v);
            t_lastJudged = v;
            t_lastGeneric = generic;
            return generic;
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool JudgeGenericSecret(string v) => JudgeGenericSecret(v, 0, v.Length);

        /// <summary>
        /// <see cref="JudgeGenericSecret(string)"/> for the value <c>text.Substring(start, n)</c>, judged where it stands: the
        /// facts the tests read (its character classes, whether it is all hex, has a dot, a <c>//</c>, symbols other than
        /// <c>.</c>/<c>-</c> or <c>_</c>/<c>-</c>, how often it switches class) come from one pass over it, and a string is made
        /// only for a value that may be base64 of text (<see cref="Base64OfText"/> decodes it).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        internal static bool JudgeGenericSecret(string text, int start, int n)
        {
            if (n > GenericMaximumLength)
            {
                return false;
            }

            int end = start + n;
            int lower = 0, upper = 0, digit = 0, symbol = 0, transitions = 0, previous = 0;
            bool allHex = true, dot = false, slashes = false, besidesDotDash = false, besidesUnderscoreDash = false;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                int current;
                if (c >= 'a' && c <= 'z')
                {
                    lower++;
                    allHex &= c <= 'f';
                    current = 1;
                }
                else if (c >= 'A' && c <= 'Z')
                {
                    upper++;
                    allHex &= c <= 'F';
                    current = 2;
                }
                else if (c >= '0' && c <= '9')
                {
                    digit++;
                    current = 3;
                }
                else
                {
                    symbol++;
                    allHex = false;
                    dot |= c == '.';
                    slashes |= c == '/' && i > start && text[i - 1] == '/';
                    besidesDotDash |= c != '.' && c != '-';
                    besidesUnderscoreDash |= c != '_' && c != '-';
                    current = 0;
                }

                // Random tokens switch between lower, upper and digits all the time; words and slugs hardly do (a symbol
                // between two characters is no switch).
                if (previous != 0 && current != 0 && previous != current)
                {
                    transitions++;
                }

                previous = current;
            }

            if ((n == 36 && IsGuid(text, start)) || (allHex && (n == 32 || n == 40 || n == 64 || n == 96 || n == 128)))
            {
                return false;
            }

            char first = text[start];
            if (first == '$' || first == '%' || first == '@' || (first == '/' && !IsBase64StartingWithSlash(text, start, n)) || first == '~' || first == '.' || slashes)
            {
                return false;
            }

            if (dot && !(n >= 3 && string.CompareOrdinal(text, start, "eyJ", 0, 3) == 0) && !besidesDotDash)
            {
                return false; // host names, namespaces, file names, versions; a JWT (eyJ…) or "abc8Q~x.y" secret is not
            }

            if (digit == n)
            {
                return false;
            }

            // Identifiers, slugs and ENV_VAR_NAMEs: letters with at most _ and - between them, no digit.
            if (digit == 0 && !besidesUnderscoreDash)
            {
                if (lower + upper == n ? TokenText.LooksLikeIdentifier(text, start, n) : true)
                {
                    return false;
                }
            }

            if (transitions < Math.Max(3, n / 6))
            {
                return false;
            }

            int classes = (lower > 0 ? 1 : 0) + (upper > 0 ? 1 : 0) + (digit > 0 ? 1 : 0) + (symbol > 0 ? 1 : 0);
            if (classes < 2 || TokenText.IsPlaceholder(text, start, n, 5, words: true) || TokenText.EntropyBelow(text, start, n, 3.0))
            {
                return false;
            }

            // What the value is, not only its alphabet: words joined as an identifier or a configuration path
            // ("AzureAIInference", "modifiedByFilter1", "build_property.OutputPath"), a formula naming one
            // ("=Env.OpenAIApiKey" in a declarative agent's YAML), base64 of readable text, or a development key that
            // every emulator ships with.
            bool formula = n > 1 && first == '=';
            return !(formula ? ReadsAsWords(text, start + 1, n - 1, charsPerPiece: 3) : ReadsAsWords(text, start, n)) && !ReadsAsSettings(text, start, n) &&
                   !(MayBeBase64(text, start, n) && DecodesToPrintable(text, start, n) && Base64OfText(text.Substring(start, n))) && !WellKnownKeys.IsPublicDevelopmentKey(text, start, n);
        }

        /// <summary>
        /// Settings written as <c>Name=value;Name=value</c> whose every name and value reads as words
        /// (<c>UseDevelopmentStorage=true</c>): a configuration switch, not a secret. Base64 padding ("…==") is no setting.
        /// </summary>
        internal static bool ReadsAsSettings(string v) => ReadsAsSettings(v, 0, v.Length);

        /// <summary><see cref="ReadsAsSettings(string)"/> for <c>text.Substring(start, n)</c>, the pieces read where they stand.</summary>
        private static bool ReadsAsSettings(string text, int start, int n)
        {
            int end = start + n;
            while (end > start && text[end - 1] == '=')
            {
                end--; // the base64 padding a TrimEnd('=') drops
            }

            if (text.IndexOf('=', start, end - start) <= start)
            {
                return false;
            }

            // Every piece between '=' and ';' (as Split('=', ';') gives them), empty ones aside.
            for (int piece = start; piece <= end;)
            {
                int next = piece < end ? text.IndexOfAny(SettingSeparators, piece, end - piece) : -1;
                int pieceEnd = next < 0 ? end : next;
                if (pieceEnd > piece && !ReadsAsWords(text, piece, pieceEnd - piece, charsPerPiece: 3))
                {
                    return false;
                }

                piece = pieceEnd + 1;
            }

            return true;
        }

        private static readonly char[] SettingSeparators = { '=', ';' };

        /// <summary>
        /// Words joined as an identifier, a slug or a dotted configuration path: split at '_', '-', '.' and at case
        /// changes ("AzureAIInference" → Azure, AI, Inference), every piece is a word of three or more letters or an
        /// acronym of at most five capitals, and digits come at most once, at the end ("Filter1", "v2"). A random
        /// token of this length switches case every one or two characters and has digits in the middle.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        internal static bool ReadsAsWords(string v, int charsPerPiece = 4) => ReadsAsWords(v, 0, v.Length, charsPerPiece);

        /// <summary><see cref="ReadsAsWords(string, int)"/> for <c>v.Substring(start, length)</c>.</summary>
        [MethodImpl(HotPath.Optimized)]
        internal static bool ReadsAsWords(string v, int start, int length, int charsPerPiece = 4)
        {
            int n = start + length; // the end
            int pieces = 0, numbers = 0, digits = 0;
            int i = start;
            while (i < n)
            {
                char c = v[i];
                if (c == '_' || c == '-' || c == '.' || c == '/')
                {
                    i++;
                }
                else if (c >= '0' && c <= '9')
                {
                    while (i < n && v[i] >= '0' && v[i] <= '9')
                    {
                        i++;
                        digits++;
                    }

                    if (i < n && v[i] != '_' && v[i] != '-' && v[i] != '.' && v[i] != '/')
                    {
                        return false; // digits only as the suffix of the value or of a segment
                    }

                    numbers++;
                }
                else if (c >= 'A' && c <= 'Z')
                {
                    int capitals = 0;
                    while (i < n && v[i] >= 'A' && v[i] <= 'Z')
                    {
                        i++;
                        capitals++;
                    }

                    int lowers = 0;
                    while (i < n && v[i] >= 'a' && v[i] <= 'z')
                    {
                        i++;
                        lowers++;
                    }

                    // "AIInference": acronym "AI", then the word "Inference" that starts at the last capital.
                    int acronym = lowers > 0 ? capitals - 1 : capitals;
                    if (acronym > 5)
                    {
                        return false;
                    }

                    if (acronym > 0)
                    {
                        pieces++;
                    }

                    if (lowers > 0)
                    {
                        if (!IsWord(1 + lowers, pieces))
                        {
                            return false;
                        }

                        pieces++;
                    }
                }
                else if (c >= 'a' && c <= 'z')
                {
                    int lowers = 0;
                    while (i < n && v[i] >= 'a' && v[i] <= 'z')
                    {
                        i++;
                        lowers++;
                    }

                    if (!IsWord(lowers, pieces))
                    {
                        return false;
                    }

                    pieces++;
                }
                else
                {
                    return false;
                }
            }

            // Four or more characters per word or acronym on average, a number suffix counted neither as a piece nor in
            // the length: "modified|By|Filter|1" is, "MS|Build|Tools|Path|32" (a PowerShell build script's registry value
            // name under $buildToolsKey, Newtonsoft.Json) is, "aZ|3k|Q9x|…" never gets here. A formula's path
            // ("Env.OpenAIApiKey") may have three: its pieces are names, and it already passed the digit and acronym tests above.
            return pieces > 0 && length - digits >= charsPerPiece * pieces;

            // Three letters or more; two ("By", "Of", "Id") after another piece, or first when another piece follows
            // ("MyEnrichedProperty_1", "isEnabledFlag2"); the average of four per piece still holds.
            bool IsWord(int letters, int before) => letters >= 3 || (letters == 2 && (before + numbers > 0 || HasMore()));
            bool HasMore() => i < n && v[i] != '_' && v[i] != '-' && v[i] != '.' && v[i] != '/' && !(v[i] >= '0' && v[i] <= '9');
        }

        /// <summary>
        /// Base64 whose bytes are printable text that is itself no secret ("QW50aHJvcGljL0NsYXVkZQ==" is
        /// "Anthropic/Claude"). Base64 of random bytes (a real key) is printable with a chance below 1e-7 for 16 bytes;
        /// base64 of a token, a "user:password" pair or a provider key is still a secret.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        internal static bool Base64OfText(string v)
        {
            if (!MayBeBase64(v, 0, v.Length))
            {
                return false;
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(v);
            }
            catch (FormatException)
            {
                return false;
            }

            var decoded = new StringBuilder(bytes.Length);
            foreach (byte b in bytes)
            {
                if (b < 0x20 || b > 0x7E)
                {
                    return false;
                }

                decoded.Append((char)b);
            }

            string text = decoded.ToString();
            return text.IndexOf(':') < 0 && !SecretScanner.MightContainKey(text) &&
                   (text.Length < MinimumLength || !IsTokenValue(text) || !IsGenericSecret(text));
        }

        /// <summary>
        /// The base64 <c>text.Substring(start, n)</c> (<see cref="MayBeBase64"/>) decodes to bytes that are all printable, read
        /// where it stands: false exactly when <see cref="Base64OfText"/> would stop at a byte that is not (base64 of random
        /// bytes, most hex) — without the copy and the decoded array it makes.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool DecodesToPrintable(string text, int start, int n)
        {
            int end = start + n;
            while (end > start && text[end - 1] == '=')
            {
                end--;
            }

            int acc = 0, bits = 0;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                int sextet = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : 63;
                acc = (acc << 6) | sextet;
                bits += 6;
                if (bits >= 8)
                {
                    bits -= 8;
                    int b = acc >> bits;
                    acc &= (1 << bits) - 1;
                    if (b < 0x20 || b > 0x7E)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// <c>text.Substring(start, n)</c> is padded base64 of at least 16 characters, which <see cref="Base64OfText"/> decodes
        /// (the test before the decoding, on the text where it stands).
        /// </summary>
        private static bool MayBeBase64(string text, int start, int n)
        {
            int end = start + n;
            int padding = text[end - 1] != '=' ? 0 : text[end - 2] == '=' ? 2 : 1;
            return n >= 16 && n % 4 == 0 && TokenText.All(text, start, n - padding, TokenText.IsBase64);
        }

        private sealed class ContextRule
        {
            public ContextRule(KeyFormat format, int length, string[] hints, Func<Name, bool> names, Func<string, bool> shape)
            {
                Format = format;
                Length = length;
                Hints = hints;
                Names = names;
                _shape = shape;
            }

            /// <summary>The length of every value of this shape: a value of another length is never one (its text is not looked at).</summary>
            public int Length { get; }

            /// <summary>
            /// Lower-case text of which at least one occurs, ignoring case, in any name <see cref="Names"/> accepts as
            /// written in source or metadata (<c>AZURE_OPENAI_KEY</c> holds "azure"; the joined form "azureopenai" may not).
            /// </summary>
            public string[] Hints { get; }

            public KeyFormat Format { get; }

            public Func<Name, bool> Names { get; }

            private readonly Func<string, bool> _shape;

            /// <summary>The value has this provider's shape: its <see cref="Length"/>, and the characters the rule asks for.</summary>
            public bool Shape(string value) => value.Length == Length && _shape(value);
        }

        /// <summary>A name split into lower-case words: "AzureOpenAI:ApiKey" → azure, open, ai, api, key.</summary>
        internal sealed class Name
        {
            private Name(List<string> words)
            {
                Words = words;
                Joined = string.Concat(words);
                IsSecretLike = ComputeSecretLike(words);
            }

            public List<string> Words { get; }

            /// <summary>The words concatenated: "azureopenaiapikey".</summary>
            public string Joined { get; }

            public bool IsSecretLike { get; }

            public bool Has(string fragment) => Joined.IndexOf(fragment, StringComparison.Ordinal) >= 0;

            /// <summary>A word that starts with <paramref name="start"/> ("COAPIKEY", run together: coapikey).</summary>
            public bool HasWordStartingWith(string start)
            {
                foreach (string word in Words)
                {
                    if (word.StartsWith(start, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// The name is one secret word and nothing else that counts ("Key", "key", "_secret", "token2"): secret-like only
            /// where something around it says whose (see <see cref="ClassifyInContext"/>).
            /// </summary>
            public bool IsBareSecretWord
            {
                get
                {
                    int last = Words.Count - 1;
                    while (last > 0 && (NoiseWords.Contains(Words[last]) || AllDigits(Words[last])))
                    {
                        last--;
                    }

                    return last == 0 && SecretWords.Contains(TrimDigits(Words[0]));
                }
            }

            /// <summary>Two consecutive words anywhere in the name ("CO_API_KEY" and "env:CO_API_KEY" have co, api).</summary>
            public bool HasWords(string first, string second)
            {
                for (int i = 0; i + 1 < Words.Count; i++)
                {
                    if (Words[i] == first && Words[i + 1] == second)
                    {
                        return true;
                    }
                }

                return false;
            }

            public static Name Parse(string name)
            {
                var words = new List<string>();
                var current = new StringBuilder();
                for (int i = 0; i < name.Length; i++)
                {
                    char c = name[i];
                    if (!TokenText.IsAlnum(c))
                    {
                        if (c > '~' && char.IsLetter(c))
                        {
                            // A letter of another alphabet ("Schlüssel", "ключMistral", "mistral密钥"): part of a word, and a
                            // change between Latin and another script starts a new one.
                            if (current.Length > 0 && IsLatin(name[i - 1]) != IsLatin(c))
                            {
                                Flush(words, current);
                            }

                            current.Append(char.ToLowerInvariant(c));
                            continue;
                        }

                        Flush(words, current);
                        continue;
                    }

                    if (current.Length > 0 && !IsLatin(name[i - 1]))
                    {
                        Flush(words, current); // "ключMistral": the script changes
                    }

                    if (current.Length > 0 && c >= 'A' && c <= 'Z')
                    {
                        char prev = name[i - 1];
                        bool nextLower = i + 1 < name.Length && name[i + 1] >= 'a' && name[i + 1] <= 'z';
                        if ((prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9') || (prev >= 'A' && prev <= 'Z' && nextLower))
                        {
                            Flush(words, current); // camelCase, and the last capital of an acronym: "AIServices" → AI, Services
                        }
                    }

                    current.Append(TokenText.ToLowerAscii(c));
                }

                Flush(words, current);
                return new Name(words);
            }

            /// <summary>Trailing words that name a copy or an environment of the same value ("_openAiKey_prod").</summary>
            private static readonly HashSet<string> EnvironmentSuffixes = new HashSet<string>(StringComparer.Ordinal)
            {
                "prod", "production", "dev", "development", "test", "testing", "staging", "stage", "qa", "uat", "local",
                "live", "sandbox", "old", "new", "backup", "alt", "temp", "tmp", "override", "fallback", "secondary",
                "primary", "main", "current", "previous", "next", "rotated", "legacy", "v", "us", "eu",
            };

            /// <summary>Secret words of two words, which end a name run together ("mistralapikey") unambiguously.</summary>
            private static readonly string[] RunTogetherSecretWords =
            {
                "apikey", "accesskey", "secretkey", "clientsecret", "apitoken", "accesstoken", "authtoken", "apisecret", "secretaccesskey",
            };

            /// <summary>The provider words of the context rules (mistral, cohere, azure, …): a name's trailing word that says whose key it is.</summary>
            private static readonly HashSet<string> ProviderWords = BuildProviderWords();

            private static HashSet<string> BuildProviderWords()
            {
                var words = new HashSet<string>(StringComparer.Ordinal);
                foreach (ContextRule rule in Rules)
                {
                    foreach (string hint in rule.Hints)
                    {
                        if (hint.Length >= 4 && TokenText.All(hint, 0, hint.Length, c => c >= 'a' && c <= 'z'))
                        {
                            words.Add(hint);
                        }
                    }
                }

                return words;
            }

            /// <summary>Providers' names as words run together, for <see cref="IsProviderTail"/>.</summary>
            private static readonly string[] ProviderNames =
            {
                "mistral", "mistralai", "cohere", "azure", "azureopenai", "azureai", "openai", "aoai", "deepseek", "deepinfra", "assemblyai", "wandb",
                "weightsandbiases", "aws", "elevenlabs", "stability", "stabilityai", "cursor", "deepgram", "pinecone",
            };

            /// <summary>Words <paramref name="from"/>..<paramref name="to"/> spell one provider's name ("azure open ai", "deep seek").</summary>
            private static bool IsProviderTail(List<string> words, int from, int to)
            {
                int length = 0;
                for (int i = from; i <= to; i++)
                {
                    length += words[i].Length;
                }

                foreach (string provider in ProviderNames)
                {
                    if (provider.Length != length)
                    {
                        continue;
                    }

                    int at = 0;
                    bool same = true;
                    for (int i = from; i <= to && same; i++)
                    {
                        same = string.CompareOrdinal(provider, at, words[i], 0, words[i].Length) == 0;
                        at += words[i].Length;
                    }

                    if (same)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool AllDigits(string word)
            {
                foreach (char c in word)
                {
                    if (c < '0' || c > '9')
                    {
                        return false;
                    }
                }

                return true;
            }

            private static string TrimDigits(string word)
            {
                int end = word.Length;
                while (end > 1 && word[end - 1] >= '0' && word[end - 1] <= '9')
                {
                    end--;
                }

                return end == word.Length ? word : word.Substring(0, end);
            }

            private static void Flush(List<string> words, StringBuilder current)
            {
                if (current.Length > 0)
                {
                    string word = current.ToString();
                    words.Add(ForeignSecretWords.TryGetValue(word, out string? english) ? english : word);
                    current.Clear();
                }
            }

            /// <summary>ASCII and the Latin-1 and Latin Extended letters (ü, é, ñ, ø): one script for splitting words.</summary>
            private static bool IsLatin(char c) => c < '\u0250';

            private static bool ComputeSecretLike(List<string> words)
            {
                int last = words.Count - 1;
                bool providerAfter = false;
                while (last > 0 && (NoiseWords.Contains(words[last]) || EnvironmentSuffixes.Contains(TrimDigits(words[last])) || AllDigits(words[last]) ||
                                    (ProviderWords.Contains(words[last]) && SecretWords.Contains(TrimDigits(words[last - 1])))))
                {
                    providerAfter |= SecretWords.Contains(TrimDigits(words[last - 1])) && IsProviderTail(words, last, last);
                    last--; // "Api_Key_Mistral": the provider after the secret word names whose key it is
                }

                if (last < 0 || words.Contains("public") || words.Contains("publishable"))
                {
                    return false;
                }

                if (!SecretWords.Contains(TrimDigits(words[last])))
                {
                    // "Api_Key_AzureOpenAi", "API_KEY_DEEP_SEEK", "Api_Key_Aws": a provider's name of several words after the secret word.
                    for (int k = last - 1; k >= 0; k--)
                    {
                        if (SecretWords.Contains(TrimDigits(words[k])))
                        {
                            if (IsProviderTail(words, k + 1, last))
                            {
                                last = k;
                                providerAfter = true;
                            }

                            break;
                        }
                    }
                }

                // A numbered name ("apiKey2", "AWS_SECRET_ACCESS_KEY_3") is judged by its word.
                string word = TrimDigits(words[last]);
                string previous = last > 0 ? words[last - 1] : string.Empty;
                if (!SecretWords.Contains(word))
                {
                    // Words run together with no case or separator to split them ("MISTRALAPIKEY", "mistralapikey"):
                    // a compound secret word at the end, after something ("apikey" alone is a word of its own).
                    foreach (string compound in RunTogetherSecretWords)
                    {
                        if (word.Length > compound.Length && word.EndsWith(compound, StringComparison.Ordinal))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (word == "token")
                {
                    return !NonSecretTokenQualifiers.Contains(previous);
                }

                if (word == "key" || word == "keys")
                {
                    // "Key" alone is the lookup key of C# (KeyValuePair.Key, the key parameter of Dictionary.Add and
                    // TryGetValue, DI service keys): a secret's name says which key ("ApiKey", "SigningKey", "MistralKey").
                    // "KeyMistral", "claveMistral" (clave: key): the provider after it says which key.
                    return (last > 0 || providerAfter) && !NonSecretKeyQualifiers.Contains(previous);
                }

                return true;
            }
        }
    }
}
