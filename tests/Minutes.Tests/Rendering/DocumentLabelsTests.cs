using Minutes.Rendering;

namespace Minutes.Tests.Rendering;

public sealed class DocumentLabelsTests
{
    [Fact]
    public void The_labels_come_from_the_embedded_resource_file()
    {
        var file = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, "src", "Minutes.Core", "Rendering", "labels-ja.txt"));
        var expected = DocumentLabels.Parse(file);

        Assert.Equal(expected.Title, DocumentLabels.Japanese.Title);
        Assert.Equal(expected["PageNumberPrefix"], DocumentLabels.Japanese["PageNumberPrefix"]);
        Assert.EndsWith(" ", DocumentLabels.Japanese["PageNumberPrefix"], StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => DocumentLabels.Japanese["NoSuchLabel"]);
        Assert.Throws<FormatException>(() => DocumentLabels.Parse("no separator"));
    }
}
