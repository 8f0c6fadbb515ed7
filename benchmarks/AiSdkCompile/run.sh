#!/usr/bin/env bash
# Compile-time share of the Guardrails analyzers on a large generated project that uses AI SDK stubs heavily.
# Generates (in a temp folder) a stub "OpenAI" SDK library and an app of FILES files that use it in every GRD003
# usage form and through raw endpoints (GRD004), plus ordinary code; builds it with the analyzers from this
# repository and -p:ReportAnalyzer=true, and prints the analyzer times next to the CoreCompile time.
#   usage: [GENERATE_ONLY=DIR] [ANALYZERS_DIR=DIR] benchmarks/AiSdkCompile/run.sh [FILES=400] [all|approved|unapproved]
# "all":        the policy approves the OpenAI package and every endpoint used: a clean build, the steady state.
# "approved":   the policy approves the OpenAI package and two of the three other endpoints (GRD003 registers
#               nothing; one GRD004 per file).
# "unapproved": the policy approves nothing, so every use is reported (worst case, thousands of warnings).
set -euo pipefail
FILES=${1:-400}
CASE=${2:-unapproved}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
# GENERATE_ONLY=DIR writes the projects into DIR (replaced), builds only the SDK stub into DIR/App/refs and stops: the
# input of benchmarks/AnalyzerProfile (DIR/App) without the build of the app (benchmarks/analyzer-cpu uses it).
if [ -n "${GENERATE_ONLY:-}" ]; then rm -rf "$GENERATE_ONLY"; mkdir -p "$GENERATE_ONLY"; WORK=$(cd "$GENERATE_ONLY" && pwd); KEEP=1; else WORK=$(mktemp -d /tmp/guardrails-aibench-XXXXXX); fi
# KEEP=1 keeps the generated projects (e.g. for benchmarks/AnalyzerProfile: DIR=$WORK/App, refs in $WORK/App/refs).
if [ "${KEEP:-0}" = 1 ]; then echo "kept: $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi

# ANALYZERS_DIR=DIR takes Guardrails.Analyzers.dll and Guardrails.Core.dll from DIR (e.g. ReadyToRun copies) instead of
# building this repository's Release ones.
if [ -n "${ANALYZERS_DIR:-}" ]; then ANALYZERS=$(cd "$ANALYZERS_DIR" && pwd); else
  [ -n "${GENERATE_ONLY:-}" ] || dotnet build "$REPO/src/Analyzers/Guardrails.Analyzers.csproj" -c Release -nologo -v:q >/dev/null
  ANALYZERS="$REPO/src/Analyzers/bin/Release/netstandard2.0"
fi

mkdir -p "$WORK/OpenAI" "$WORK/App/Generated"
cat > "$WORK/OpenAI/OpenAI.csproj" <<'X'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><AssemblyName>OpenAI</AssemblyName><Nullable>disable</Nullable></PropertyGroup>
</Project>
X
{
  echo "namespace OpenAI { public class OpenAIClientOptions { public System.Uri Endpoint { get; set; } } public class OpenAIClient { public OpenAIClient(string k) { } public OpenAIClient(string k, OpenAIClientOptions o) { } public OpenAI.Chat.ChatClient GetChatClient(string m) => new OpenAI.Chat.ChatClient(m, \"\"); } }"
  echo "namespace OpenAI.Chat {"
  echo "  public class ChatCompletion { public string Content { get; set; } = \"\"; public ChatMessageRole Role { get; set; } }"
  echo "  public enum ChatMessageRole { System, User, Assistant }"
  echo "  public interface IChatTool { string Name { get; } }"
  echo "  [System.AttributeUsage(System.AttributeTargets.All)] public sealed class ChatToolAttribute : System.Attribute { }"
  echo "  public class ChatClient { public ChatClient(string m, string k) { Model = m; } public string Model { get; } public int MaxTokens; public ChatCompletion CompleteChat(string s) => new ChatCompletion { Content = s }; public T Get<T>() => default; public static ChatClient Create(string m) => new ChatClient(m, \"\"); }"
  for i in $(seq 1 60); do
    echo "  public class Model$i { public string Id { get; set; } = \"m$i\"; public Model$i Next() => this; public static Model$i Make() => new Model$i(); }"
  done
  echo "}"
} > "$WORK/OpenAI/Sdk.cs"

cat > "$WORK/App/App.csproj" <<X
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework><OutputType>Library</OutputType><Nullable>disable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings><TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="../OpenAI/OpenAI.csproj" />
    <Analyzer Include="$ANALYZERS/Guardrails.Analyzers.dll;$ANALYZERS/Guardrails.Core.dll" />
    <AdditionalFiles Include="guardrails/guardrails.effective-policy.json" />
  </ItemGroup>
</Project>
X
mkdir -p "$WORK/App/guardrails"
APPROVED=""; HOSTS=""
if [ "$CASE" != unapproved ]; then APPROVED='{ "id": "OpenAI" }'; HOSTS='{ "host": "*.openai.azure.com" }, { "host": "api.anthropic.com" }'; fi
if [ "$CASE" = all ]; then HOSTS="$HOSTS"', { "host": "api.groq.com" }'; fi
# The effective policy as the build task writes it (the typed contract, docs/policy.md).
cat > "$WORK/App/guardrails/guardrails.effective-policy.json" <<X
{ "effectivePolicyFormat": 2, "mode": "Audit", "policy": { "present": true },
  "owner": { "name": "AI Governance", "contact": "ai@contoso.example" },
  "packages": { "approved": [ $APPROVED ] }, "endpoints": { "approved": [ $HOSTS ] } }
X
echo "global using Chat = OpenAI.Chat.ChatClient;" > "$WORK/App/GlobalUsings.cs"

for f in $(seq 1 "$FILES"); do
  m=$(( (f % 60) + 1 ))
  cat > "$WORK/App/Generated/File$f.cs" <<X
using System.Collections.Generic;
using System.Net.Http;
using OpenAI;
using OpenAI.Chat;
using Alias$f = OpenAI.Chat.ChatCompletion;

namespace App.Area$((f % 17))
{
    [ChatTool]
    public class Service$f : IChatTool
    {
        private readonly ChatClient _client = new ChatClient("gpt-4o", "");
        private readonly List<ChatCompletion> _history = new List<ChatCompletion>();
        public string Name => "service$f";
        public string Endpoint { get; set; } = "https://api.openai.com/v1";

        public string Ask(string prompt)
        {
            var completion = _client.CompleteChat(prompt);
            _history.Add(completion);
            Alias$f copy = completion;
            var role = ChatMessageRole.User;
            return copy.Content + role + _client.Model + _client.Get<Model$m>().Id;
        }

        public async Task<string> Raw(HttpClient http, string resource)
        {
            http.BaseAddress = new Uri("https://api.anthropic.com/");
            var azure = new Uri(\$"https://{resource}.openai.azure.com/openai/deployments/gpt/chat/completions");
            using var response = await http.GetAsync(azure);
            return await response.Content.ReadAsStringAsync();
        }

        public Chat Make() => Chat.Create("m$f");

        public object Client() => new OpenAIClient("", new OpenAIClientOptions { Endpoint = new Uri("https://api.groq.com/openai/v1") }).GetChatClient("m").CompleteChat("x").Content;

        public Model$m Chain() => Model$m.Make().Next().Next();

        public int Ordinary(IEnumerable<int> values)
        {
            int total = 0;
            foreach (int v in values)
            {
                if (v % 3 == 0) { total += v * 2; } else if (v % 5 == 0) { total -= v; } else { total ^= v; }
            }

            var words = new List<string> { "alpha", "beta", "gamma", "delta" };
            string joined = string.Join(",", words.Where(w => w.Length > 4).Select(w => w.ToUpperInvariant()));
            var map = new Dictionary<string, int>();
            for (int i = 0; i < 10; i++) { map["k" + i] = i * total; }
            return total + joined.Length + map.Count + Helper$f.Compute(total, joined);
        }
    }

    internal static class Helper$f
    {
        public static int Compute(int a, string b)
        {
            string text = "Calling the model at " + b + " took " + a + " ms";
            return text.Length + (a > 10 ? a / 2 : a * 2) + b.GetHashCode() % 7;
        }
    }
}
X
done

if [ -n "${GENERATE_ONLY:-}" ]; then
  dotnet build "$WORK/OpenAI/OpenAI.csproj" -nologo -v:q -nodeReuse:false >/dev/null
  mkdir -p "$WORK/App/refs" && cp "$WORK/OpenAI/bin/Debug/net10.0/OpenAI.dll" "$WORK/App/refs/"
  echo "generated: $WORK/App ($(cat "$WORK"/App/Generated/*.cs | wc -l) lines in $FILES files; policy $WORK/App/guardrails/guardrails.effective-policy.json)"
  exit 0
fi

cd "$WORK/App"
dotnet build -nologo -v:q >/dev/null 2>&1 || true   # restore, build the SDK stub, warm the compiler server
mkdir -p refs && cp ../OpenAI/bin/Debug/net10.0/OpenAI.dll refs/ 2>/dev/null || true
touch Generated/File1.cs
dotnet build -nologo --no-restore -v:d -p:ReportAnalyzer=true -clp:PerformanceSummary > "$WORK/build.log" 2>&1 || true
LINES=$(cat Generated/*.cs | wc -l)
echo "case=$CASE files=$FILES lines=$LINES"
count() { grep -o "[A-Za-z0-9]*\.cs([0-9,]*): warning $1" "$WORK/build.log" | sort -u | wc -l; }
echo "GRD003 reports: $(count GRD003) (expected $([ "$CASE" = unapproved ] && echo $((15 * FILES + 1)) || echo 0))  GRD004 reports: $(count GRD004) (expected $(case $CASE in all) echo 0;; approved) echo "$FILES";; *) echo $((4 * FILES));; esac))"
grep -E "Total analyzer execution time|^ *[0-9.<]+ +<?[0-9]+ +Guardrails\.Analyzers" "$WORK/build.log" | sed 's/^ *//' | sort -u | head -20
grep -E "^ +[0-9]+ ms +CoreCompile " "$WORK/build.log" | head -1 | sed 's/^ */CoreCompile target: /'
grep -E "^ +[0-9]+ ms +Csc " "$WORK/build.log" | head -1 | sed 's/^ */Csc task: /'
