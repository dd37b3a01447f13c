using System.Collections;
using System.Globalization;
using System.Resources;
using SocketExercises.Common.Texts;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Exercises.Auth;
using SocketExercises.Grader.Exercises.Echo;
using SocketExercises.Grader.Tests.Reports;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Tests;

/// <summary>Every check has what a report needs of it in both languages, and its points; every message has its Croatian.</summary>
public sealed class TextsAndPointsTests
{
    [Fact]
    public void Every_check_has_a_title_and_a_hint_in_each_language()
    {
        foreach (var check in AllChecks())
        {
            var english = GradedReports.InLanguage(Language.English, () => (check.Info.Title, check.Info.Hint));
            var croatian = GradedReports.InLanguage(Language.Croatian, () => (check.Info.Title, check.Info.Hint));

            Assert.False(string.IsNullOrWhiteSpace(english.Title + english.Hint), check.Info.Id);
            Assert.NotEqual(english.Title, croatian.Title);
            Assert.NotEqual(english.Hint, croatian.Hint);
        }
    }

    [Theory]
    [MemberData(nameof(MessageSets))]
    public void Every_hint_for_python_is_of_a_check_and_says_something_the_csharp_one_does_not(string messages)
    {
        var checks = AllChecks().ToDictionary(c => c.Info.Id, c => c.Info);
        foreach (var key in Keys(ResourcesOf(messages), CultureInfo.InvariantCulture).Where(k => k.EndsWith(".hint.python", StringComparison.Ordinal)))
        {
            string id = key[..^".hint.python".Length];
            Assert.True(checks.TryGetValue(id, out var info), $"{key} names no check");
            Assert.NotEqual(info.Hint, info.HintFor(Diagnoses.ProgramLanguage.Python));
            Assert.Equal(info.Hint, info.HintFor(Diagnoses.ProgramLanguage.CSharp));
        }
    }

    [Fact]
    public void A_failure_no_diagnosis_explains_gets_the_hint_for_the_language_graded()
    {
        var check = KitExercises.Named("echo-server").Checks.Single(c => c.Info.Id == "echo.survives-reset").Info;
        var report = new GradeReport("echo-server", "127.0.0.1:1", 1, [new CheckResult(check, CheckStatus.Failed, TimeSpan.Zero, "reset")], TimeSpan.Zero, []);

        var python = Diagnoses.Diagnostician.Diagnose(report, [], Diagnoses.ProgramLanguage.Python).Results[0];
        var csharp = Diagnoses.Diagnostician.Diagnose(report, [], Diagnoses.ProgramLanguage.CSharp).Results[0];

        Assert.Contains("ConnectionError", python.ShownHint, StringComparison.Ordinal);
        Assert.Contains("SocketException", csharp.ShownHint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_points_name_exactly_the_registered_checks()
    {
        var ids = AllChecks().Select(c => c.Info.Id).Order().ToList();

        Assert.Equal(ids, Exercise.DefaultPointsOf(KitExercises.All).Ids.Order());
        Assert.All(ids, id => Assert.True(Exercise.DefaultPointsOf(KitExercises.All).For(id) > 0, id));
    }

    /// <summary>Every set of messages: the grader's own, each exercise's, and those of the options it shares with the exercise programs.</summary>
    public static TheoryData<string> MessageSets { get; } = [nameof(Strings), nameof(EchoTexts), nameof(AuthTexts), nameof(CommonTexts)];

    [Theory]
    [MemberData(nameof(MessageSets))]
    public void Every_message_has_a_croatian_version(string messages)
    {
        var resources = ResourcesOf(messages);
        var english = Keys(resources, CultureInfo.InvariantCulture);
        var croatian = Keys(resources, CultureInfo.GetCultureInfo(Language.Croatian), tryParents: false);

        Assert.Empty(english.Except(croatian));
        Assert.Empty(croatian.Except(english));
    }

    [Theory]
    [MemberData(nameof(MessageSets))]
    public void Every_croatian_message_fills_in_the_same_values_as_the_english(string messages)
    {
        var resources = ResourcesOf(messages);
        var english = Entries(resources, CultureInfo.InvariantCulture);
        var croatian = Entries(resources, CultureInfo.GetCultureInfo(Language.Croatian), tryParents: false);

        // A translation that drops or invents a {0} would lose a value, or throw when the grader formats it.
        foreach (var (key, text) in english)
        {
            Assert.True(croatian.TryGetValue(key, out var translated), key);
            Assert.Equal(Placeholders(text), Placeholders(translated));
        }
    }

    [Theory]
    [InlineData(Language.English, 1, "1 byte")]
    [InlineData(Language.English, 2, "2 bytes")]
    [InlineData(Language.English, 21, "21 bytes")]
    [InlineData(Language.Croatian, 1, "1 bajt")]
    [InlineData(Language.Croatian, 3, "3 bajta")]
    [InlineData(Language.Croatian, 5, "5 bajtova")]
    [InlineData(Language.Croatian, 11, "11 bajtova")]
    [InlineData(Language.Croatian, 13, "13 bajtova")]
    [InlineData(Language.Croatian, 21, "21 bajt")]
    [InlineData(Language.Croatian, 1024, "1024 bajta")]
    public void Counts_bytes_with_the_form_the_language_uses(string language, long count, string expected) =>
        Assert.Equal(expected, GradedReports.InLanguage(language, () => Counted.Bytes(count)));

    [Theory]
    [InlineData(new[] { "check", "echo-server", "--lang", "hr", "--help" }, "hr")]
    [InlineData(new[] { "check", "echo-server", "--lang=en" }, "en")]
    [InlineData(new[] { "check", "echo-server", "--lang", "de" }, null)]
    [InlineData(new[] { "check", "echo-server", "--lang" }, null)]
    public void Reads_the_language_before_the_command_line_is_parsed(string[] args, string? expected) =>
        Assert.Equal(expected, Language.Requested(args));

    [Fact]
    public void A_teachers_points_file_overrides_the_defaults_and_names_only_real_checks()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{ "echo.large-payload": 5 }""");
            Assert.Equal(5, Exercise.DefaultPointsOf(KitExercises.All).WithOverrides(file).For("echo.large-payload"));

            File.WriteAllText(file, """{ "echo.no-such-check": 5 }""");
            var error = Assert.Throws<SocketExercises.Common.ExerciseException>(() => Exercise.DefaultPointsOf(KitExercises.All).WithOverrides(file));
            Assert.Contains("echo.no-such-check", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<ICheck> AllChecks() => [.. KitExercises.All.SelectMany(e => e.Checks)];

    private static ResourceManager ResourcesOf(string messages) => messages switch
    {
        nameof(CommonTexts) => CommonTexts.ResourceManager,
        nameof(EchoTexts) => EchoTexts.ResourceManager,
        nameof(AuthTexts) => AuthTexts.ResourceManager,
        _ => Strings.ResourceManager,
    };

    private static Dictionary<string, string> Entries(ResourceManager resources, CultureInfo culture, bool tryParents = true) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents)!.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static List<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+(:[^}]*)?\}").Select(m => m.Value).Distinct().Order()];

    private static HashSet<string> Keys(ResourceManager resources, CultureInfo culture, bool tryParents = true) =>
        [.. resources.GetResourceSet(culture, createIfNotExists: true, tryParents)!.Cast<DictionaryEntry>().Select(e => (string)e.Key)];
}
