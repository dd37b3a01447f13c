using System.CommandLine;
using System.CommandLine.Parsing;

namespace SocketExercises.Grader.Exercises;

/// <summary>
/// An option an exercise adds to its <c>check</c> command (<c>--password</c>, <c>--message</c>). It describes the
/// option; the command line makes a fresh <see cref="Option"/> of it each time it is built, in the language chosen then.
/// </summary>
public abstract class ExerciseOption(string name)
{
    /// <summary>The option as typed: <c>--password</c>.</summary>
    public string Name => name;

    /// <summary>A new option for a command line.</summary>
    public abstract Option Create();

    /// <summary>The value <paramref name="made"/> (made by <see cref="Create"/>) has in <paramref name="parsed"/>.</summary>
    public abstract object? ValueIn(ParseResult parsed, Option made);
}

/// <inheritdoc cref="ExerciseOption"/>
/// <param name="description">Its help, read when the command line is built, so in the language chosen by then.</param>
public sealed class ExerciseOption<T>(string name, Func<string> description) : ExerciseOption(name)
{
    /// <summary>The value when the option is not given; none when null.</summary>
    public Func<T>? DefaultValue { get; init; }

    /// <summary>Parses and checks the option's text; the type's own parsing when null.</summary>
    public Func<ArgumentResult, T>? Parser { get; init; }

    public override Option Create() => new Option<T>(Name)
    {
        Description = description(),
        DefaultValueFactory = DefaultValue is { } value ? _ => value() : null,
        CustomParser = Parser is { } parse ? result => parse(result) : null,
    };

    public override object? ValueIn(ParseResult parsed, Option made) => parsed.GetValue((Option<T>)made);
}

/// <summary>The values of an exercise's options for one grading, and whether the grader runs the program itself.</summary>
public sealed class ExerciseArguments
{
    private readonly Dictionary<ExerciseOption, object?> _values;

    private ExerciseArguments(Dictionary<ExerciseOption, object?> values, bool graderRunsProgram, CheckSelection? only = null)
    {
        _values = values;
        GraderRunsProgram = graderRunsProgram;
        Only = only;
    }

    /// <summary>The checks <c>--only</c> asked for; null for all of them.</summary>
    public CheckSelection? Only { get; }

    /// <summary>These arguments, running only the checks <paramref name="only"/> selects.</summary>
    public ExerciseArguments WithOnly(CheckSelection? only) => new(_values, GraderRunsProgram, only);

    /// <summary>
    /// The grader starts the server or runs the client, and so can hand it what it chooses (a password it
    /// makes up); false for a server that was already running.
    /// </summary>
    public bool GraderRunsProgram { get; }

    /// <summary>No option given: every option's default, as <c>grade-all</c> grades.</summary>
    public static ExerciseArguments Defaults(bool graderRunsProgram) => new([], graderRunsProgram);

    /// <summary>The values the command line gave the options made for it.</summary>
    /// <param name="made">Each of the exercise's options, and the option made of it for this command line.</param>
    public static ExerciseArguments From(ParseResult parsed, IReadOnlyDictionary<ExerciseOption, Option> made, bool graderRunsProgram) =>
        new(made.ToDictionary(m => m.Key, m => m.Key.ValueIn(parsed, m.Value)), graderRunsProgram);

    /// <summary>These arguments with <paramref name="option"/> set to <paramref name="value"/>.</summary>
    public ExerciseArguments With<T>(ExerciseOption<T> option, T value) => new(new(_values) { [option] = value }, GraderRunsProgram, Only);

    /// <summary>The option's value: given, or its default.</summary>
    public T? Get<T>(ExerciseOption<T> option) =>
        _values.TryGetValue(option, out var value) ? (T?)value : option.DefaultValue is { } fallback ? fallback() : default;
}
