using Minutes.Drafting;
using Minutes.Rendering;

namespace Minutes.Tests.Drafting;

/// <summary>
/// The procedure cue table is read once and shared by every classifier, from any thread; the chair
/// roles in it are the one list the classifier and the documents' 署名欄 both read.
/// </summary>
public sealed class ProcedureCueTableTests
{
    [Fact]
    public async Task Classifiers_made_at_once_on_many_threads_share_one_table_and_agree()
    {
        (string Speaker, string Sentence, ProcedureKind Kind)[] cases =
        [
            ("委員長", "本案を原案のとおり可決することにご異議ありませんか。", ProcedureKind.Putting),
            ("田中委員", "異議なし。", ProcedureKind.Assent),
            ("委員長", "挙手多数であります。", ProcedureKind.VoteResult),
            ("田中委員", "反対です。", ProcedureKind.None),
        ];
        using var start = new ManualResetEventSlim();

        var runs = Enumerable.Range(0, 32).Select(i => Task.Run(() =>
        {
            start.Wait(TimeSpan.FromSeconds(30));
            var classifier = ProcedureClassifier.For(["委員長", "田中委員", $"委員{i}"]);
            return (Table: ProcedureClassifier.ChairRoles, Kinds: cases.Select(c => classifier.Classify(c.Sentence, c.Speaker)).ToList());
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.All(results, r => Assert.Equal(cases.Select(c => c.Kind), r.Kinds));
        Assert.All(results, r => Assert.Same(results[0].Table, r.Table));
    }

    [Fact]
    public void The_chair_roles_come_from_the_cue_table_alone_and_decide_who_signs_as_chair()
    {
        Assert.Equal(["委員長", "議長", "会長", "座長", "部会長", "教育長"], ProcedureClassifier.ChairRoles);
        Assert.Null(DocumentLabels.Japanese.Optional("ChairRoles"));
        var classifier = ProcedureClassifier.For(["座長", "田中委員"]);
        Assert.True(classifier.IsChair("座長"));
        Assert.False(classifier.IsChair("田中委員"));

        var header = new MinutesHeader("検討会", null, null, [], [], Present: [new RollMember("委員", "田中一郎"), new RollMember("座長", "山本太郎")], Signers: [new RollMember("委員", "田中一郎")]);
        var layout = new MinutesLayout(header, [], [], []);

        Assert.Equal([("座長", "山本太郎"), (DocumentLabels.Japanese["Signers"], "田中一郎")], layout.Signatories(DocumentLabels.Japanese));
    }
}
