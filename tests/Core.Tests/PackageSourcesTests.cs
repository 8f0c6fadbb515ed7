using Guardrails.Core.Sdks;

namespace Guardrails.Core.Tests;

/// <summary>
/// Adversary round 13 route 19: the sources of an npm/PyPI package, as the evaluator compares them with the public registries
/// and the policy's packages.sources; and the policy's own package URLs written as the readers write them.
/// </summary>
public sealed class PackageSourcesTests
{
    [Theory]
    [InlineData("github:acme/llm-client#v2.1.0", "https://github.com/acme/llm-client")]
    [InlineData("acme/llm-client", "https://github.com/acme/llm-client")]
    [InlineData("git+ssh://git@github.com/acme/llm-client.git", "https://github.com/acme/llm-client")]
    [InlineData("git+https://github.com/acme/llm-client@v1.0.0", "https://github.com/acme/llm-client")]
    [InlineData("git@github.com:acme/llm-client.git", "https://github.com/acme/llm-client")]
    [InlineData("https://pypi.cheap-llm.example/simple/", "https://pypi.cheap-llm.example/simple")]
    [InlineData("file:../vendor/llm", "file:../vendor/llm")]
    public void A_source_is_compared_as_the_URL_it_fetches(string source, string normalized) =>
        Assert.Equal(normalized, PackageSources.Normalize(source));

    [Theory]
    [InlineData("https://registry.npmjs.org/openai/-/openai-4.77.0.tgz", true)]
    [InlineData("https://pypi.org/simple", true)]
    [InlineData("https://files.pythonhosted.org/packages/openai-1.55.0-py3-none-any.whl", true)]
    [InlineData("https://pypi.org.cheap-llm.example/simple", false)]
    [InlineData("github:acme/llm-client", false)]
    [InlineData("./wheels/openai-1.55.0-py3-none-any.whl", false)]
    public void Only_the_public_registries_own_hosts_are_the_registry(string source, bool registry) =>
        Assert.Equal(registry, PackageSources.IsRegistry(source));

    [Theory]
    [InlineData("https://pypi.contoso.example/*", "https://pypi.contoso.example/simple/", true)]
    [InlineData("https://github.com/contoso/*", "git+https://github.com/contoso/llm-client@v1", true)]
    [InlineData("https://github.com/contoso/*", "github:contoso/llm-client#v2", true)]
    [InlineData("https://github.com/contoso/llm-client", "github:contoso/llm-client#v2", true)]
    [InlineData("https://github.com/contoso/*", "github:acme/llm-client", false)]
    [InlineData("https://pypi.contoso.example/*", "https://pypi.contoso.example.evil.test/simple", false)]
    public void A_packages_sources_entry_names_a_source_by_URL_or_glob(string pattern, string source, bool expected) =>
        Assert.Equal(expected, PackageSources.Matches(pattern, source));

    [Theory]
    [InlineData("pkg:pypi/MCP_Server_Fetch", "pkg:pypi/mcp-server-fetch")]
    [InlineData("pkg:PyPI/Azure_AI.Inference", "pkg:pypi/azure-ai-inference")]
    [InlineData("pkg:pypi/langchain_*", "pkg:pypi/langchain-*")]
    [InlineData("pkg:npm/@Azure/openai", "pkg:npm/@Azure/openai")]
    [InlineData("pkg:swift/https://github.com/MacPaw/OpenAI.git", "pkg:swift/github.com/MacPaw/OpenAI")]
    [InlineData("OpenAI*", "OpenAI*")]
    public void A_package_URL_the_policy_writes_is_read_as_the_readers_write_it(string written, string canonical) =>
        Assert.Equal(canonical, PackageEcosystem.Canonical(written));
}
