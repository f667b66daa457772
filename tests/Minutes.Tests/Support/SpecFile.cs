namespace Minutes.Tests.Support;

/// <summary>
/// Test cases kept in a tab-separated spec file under Fixtures (Japanese text stays out of the
/// C# sources): one case a line, <c>#</c> lines are comments.
/// </summary>
public static class SpecFile
{
    public static TheoryData<string, string> Pairs(string fixture)
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(RepoPaths.Fixture(fixture)))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            data.Add(cells[0], cells.Length > 1 ? cells[1] : "");
        }

        return data;
    }
}
