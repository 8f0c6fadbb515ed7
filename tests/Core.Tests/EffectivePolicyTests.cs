using Guardrails.Core.Policy;

namespace Guardrails.Core.Tests;

public class EffectivePolicyTests
{
    [Fact]
    public void Round_trips_mode_policy_flag_and_repeated_keys()
    {
        var policy = new EffectivePolicy { Mode = "Audit", HasPolicy = true };
        policy.Add("sdk.approved", "openai");
        policy.Add("sdk.approved", "azure-openai");
        policy.Add("owner.contact", "line\nbreak");

        EffectivePolicy read = EffectivePolicy.Read(policy.Write().Split('\n'));

        Assert.Equal("Audit", read.Mode);
        Assert.True(read.HasPolicy);
        Assert.Equal(new[] { "openai", "azure-openai" }, read.GetAll("sdk.approved"));
        Assert.Equal("line break", read.Get("owner.contact"));
    }

    [Fact]
    public void Reading_garbage_falls_back_to_enforce_without_throwing()
    {
        EffectivePolicy read = EffectivePolicy.Read(new[] { "mode=Relaxed", "no equals sign", "=x", "# c" });
        Assert.Equal("Enforce", read.Mode);
        Assert.False(read.HasPolicy);
        Assert.Empty(read.Entries);
    }
}
