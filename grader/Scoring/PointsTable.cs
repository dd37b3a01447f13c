using System.Text.Json;
using SocketExercises.Common;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Scoring;

/// <summary>
/// What each check is worth. The defaults are one file in each exercise's folder
/// (<c>&lt;key&gt;.points.json</c>: check id to points); a teacher's file in the same form, covering any
/// checks of any exercises, overrides them (<c>--points FILE</c>).
/// </summary>
public sealed class PointsTable
{
    private readonly Dictionary<string, int> _points;

    private PointsTable(Dictionary<string, int> points) => _points = points;


    /// <summary>A table of exactly these points: check ids and what each is worth.</summary>
    public static PointsTable Of(IEnumerable<KeyValuePair<string, int>> points) => new(new Dictionary<string, int>(points));

    /// <summary>The check ids the table knows.</summary>
    public IReadOnlyCollection<string> Ids => _points.Keys;

    public int For(string checkId) =>
        _points.TryGetValue(checkId, out int points) ? points : throw new KeyNotFoundException($"No points for check {checkId}.");

    /// <summary>The defaults overridden by the teacher's file at <paramref name="path"/>.</summary>
    /// <exception cref="ExerciseException">The file is missing, malformed, or names a check that does not exist.</exception>
    public PointsTable WithOverrides(string path)
    {
        Dictionary<string, int> overrides;
        try
        {
            overrides = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(path))
                ?? throw new JsonException("null");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ExerciseException(Strings.FormatPointsUnreadable(path, e.Message, _points.Keys.FirstOrDefault() ?? "check-id"), ExitCodes.Usage);
        }
        var unknown = overrides.Keys.Where(id => !_points.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ExerciseException(Strings.FormatPointsUnknownChecks(path, string.Join(", ", unknown)), ExitCodes.Usage);
        }
        if (overrides.FirstOrDefault(p => p.Value < 0) is { Key: not null } negative)
        {
            throw new ExerciseException(Strings.FormatPointsNegative(path, negative.Key), ExitCodes.Usage);
        }
        return new(Merge(_points, overrides));
    }

    private static Dictionary<string, int> Merge(Dictionary<string, int> defaults, Dictionary<string, int> overrides)
    {
        var merged = new Dictionary<string, int>(defaults);
        foreach (var (id, points) in overrides)
        {
            merged[id] = points;
        }
        return merged;
    }
}
