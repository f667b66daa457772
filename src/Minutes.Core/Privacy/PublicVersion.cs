using System.Text;
using Minutes.Rendering;

namespace Minutes.Privacy;

/// <summary>
/// The published version (公開版) of a run's documents: every redacted piece of personal
/// information replaced by the redaction mark wherever it stands (statements, header, speaker
/// names, transcript), since a name said once is personal wherever it is said.
/// </summary>
public static class PublicVersion
{
    public static RunArtifacts Of(RunArtifacts artifacts, PrivacyReview review, string mark)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(review);
        var texts = review.RedactedTexts;
        if (texts.Count == 0)
        {
            return artifacts;
        }

        // The detector reads NFKC text, so a finding holds the normalised form: a number a reviewer typed
        // full-width (０９０－…) is found as 090-… and must be masked in the text as typed. Where the text
        // as stored does not contain it, the normalised text is masked (the public copy loses only the width).
        string Redact(string text)
        {
            var masked = texts.Aggregate(text, (t, r) => t.Replace(r, mark, StringComparison.Ordinal));
            var normal = masked.Normalize(NormalizationForm.FormKC);
            return texts.Any(r => normal.Contains(r, StringComparison.Ordinal))
                ? texts.Aggregate(normal, (t, r) => t.Replace(r, mark, StringComparison.Ordinal))
                : masked;
        }

        string? RedactOrNull(string? text) => text is null ? null : Redact(text);
        var minutes = artifacts.Minutes with
        {
            Header = artifacts.Minutes.Header with
            {
                MeetingName = Redact(artifacts.Minutes.Header.MeetingName),
                Attendees = artifacts.Minutes.Header.Attendees.Select(Redact).ToList(),
                Agenda = artifacts.Minutes.Header.Agenda.Select(Redact).ToList(),
            },
            Sections = artifacts.Minutes.Sections.Select(s => s with
            {
                Title = Redact(s.Title),
                Items = s.Items.Select(i => i with { Text = Redact(i.Text), Speaker = RedactOrNull(i.Speaker), Owner = RedactOrNull(i.Owner) }).ToList(),
            }).ToList(),
            PersonalInformation = [],
        };
        var transcript = artifacts.Transcript with
        {
            Segments = artifacts.Transcript.Segments.Select(s => s with { Text = Redact(s.Text), Speaker = RedactOrNull(s.Speaker) }).ToList(),
            Dropped = [],
        };
        var speakers = artifacts.Speakers is { } map ? map with { Speakers = map.Speakers.Select(s => s with { Name = Redact(s.Name) }).ToList() } : null;
        var sessions = artifacts.Sessions is { } plan ? plan with { Sessions = plan.Sessions.Select(s => s with { Title = Redact(s.Title) }).ToList() } : null;
        return new RunArtifacts(minutes, transcript, speakers, sessions);
    }
}
