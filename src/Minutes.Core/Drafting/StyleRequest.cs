namespace Minutes.Drafting;

/// <summary>
/// The draft style as it was asked for: <see cref="Style"/> named on the command line or in
/// minutes.json (null when nobody named one) and <see cref="Source"/>, where it came from. The
/// minutes' own <see cref="MinutesDocument.Style"/> is the style used, which the meeting file's
/// 種別 or the inferred kind of meeting may have chosen instead (<see cref="StyleSource"/>).
/// </summary>
public sealed record StyleRequest(DraftStyle? Style, StyleSource Source);
