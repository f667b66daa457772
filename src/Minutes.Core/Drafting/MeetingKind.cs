namespace Minutes.Drafting;

/// <summary>
/// The kind of meeting (the meeting file's 種別): it chooses the default style, the labels of the
/// documents and how speakers are named. In JSON and in the meeting file by its Japanese name.
/// </summary>
public enum MeetingKind
{
    /// <summary>委員会: a council committee; 会議録 in 要点筆記.</summary>
    Committee,

    /// <summary>本会議: a plenary sitting of the council; 会議録.</summary>
    Plenary,

    /// <summary>審議会: an advisory council chaired by a 会長 that takes up 議題; 会議録.</summary>
    Council,

    /// <summary>会議: an advisory, internal or study meeting led by a 司会 (presentations, 意見交換); 議事概要.</summary>
    Meeting,

    /// <summary>説明会: a residents' briefing (explanations, questions from the floor); 議事概要.</summary>
    Briefing,
}
