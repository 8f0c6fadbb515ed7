using Spectre.Console;

namespace Guardrails.Cli.Scan;

/// <summary>Progress of a long scan: phases with a count each. Silent unless the console is interactive.</summary>
internal class ScanProgress
{
    public static readonly ScanProgress None = new();

    public virtual void Start(string phase, int total)
    {
    }

    public virtual void Advance()
    {
    }

    public virtual void Done()
    {
    }
}

/// <summary>A Spectre.Console progress display on standard error (standard output stays the report).</summary>
internal sealed class ConsoleProgress : ScanProgress
{
    private readonly ProgressContext _context;
    private ProgressTask? _task;

    private ConsoleProgress(ProgressContext context) => _context = context;

    public static T Run<T>(IAnsiConsole console, Func<ScanProgress, T> work)
    {
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => { result = work(new ConsoleProgress(context)); });
        return result;
    }

    public override void Start(string phase, int total)
    {
        Done();
        _task = _context.AddTask(phase, autoStart: true, maxValue: Math.Max(1, total));
    }

    public override void Advance() => _task?.Increment(1);

    public override void Done()
    {
        if (_task != null)
        {
            _task.Value = _task.MaxValue;
            _task.StopTask();
        }
    }
}
