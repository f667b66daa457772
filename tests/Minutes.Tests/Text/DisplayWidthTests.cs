using Minutes.Text;

namespace Minutes.Tests.Text;

/// <summary>Terminal columns by Unicode East Asian Width: W and F take two, everything else one.</summary>
public sealed class DisplayWidthTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("a-morning.wav", 13)]
    [InlineData("午前の部.wav", 12)]
    [InlineData("録音", 4)]
    [InlineData("ｶﾅ", 2)]
    [InlineData("ＡＢ１", 6)]
    [InlineData("　、。「」", 10)]
    [InlineData("한국", 4)]
    [InlineData("𠮷野家", 6)]
    [InlineData("é ü ß", 5)]
    [InlineData("①", 1)]
    [InlineData("䷀", 1)]
    public void Wide_and_fullwidth_characters_take_two_columns_the_rest_one(string text, int columns) =>
        Assert.Equal(columns, DisplayWidth.Of(text));

    [Fact]
    public void A_table_pads_each_column_to_its_widest_cell_in_columns()
    {
        var lines = DisplayWidth.Table([["録音", "状態"], ["午前の部.wav", "完了"], ["b.wav", "失敗"]]);

        Assert.Equal(["録音          状態", "午前の部.wav  完了", "b.wav         失敗"], lines);
    }
}
