using System.Runtime.CompilerServices;

namespace Guardrails.Core.Secrets
{
    /// <summary>
    /// <c>[MethodImpl(HotPath.Optimized)]</c>: the JIT compiles the method fully optimized at its first call instead of
    /// starting it unoptimized (tier 0, loops through on-stack replacement) and promoting it later. The analyzers run once
    /// per build over every file, and the runtime promotes a method only after a quiet spell with no new methods being
    /// compiled, which never comes while the compiler is working: on the default shape GRD001's first pass took 372–445 ms
    /// of thread CPU against ~75 ms once warm, and 238–263 ms with this (benchmarks/README.md, session 13). Only the methods
    /// that read every character of every file, or run once per literal, carry it. <c>MethodImplOptions.AggressiveOptimization</c>
    /// (512) is not in netstandard2.0's enum; the runtime reads the flag from the metadata all the same.
    /// <para>
    /// Not in the ReadyToRun copies (nuget/ReadyToRun builds these assemblies again with <c>GUARDRAILS_READYTORUN</c>):
    /// crossgen2 never precompiles a method that carries the flag, so there every one of them was JIT-compiled fully
    /// optimized in every build (39 of the 141 Guardrails methods still compiled per build), while without it its
    /// ahead-of-time code, already optimized, runs from the first call (benchmarks/README.md, session 16).
    /// </para>
    /// </summary>
    public static class HotPath
    {
#if GUARDRAILS_READYTORUN
        public const MethodImplOptions Optimized = 0;
#else
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
#endif
    }
}
