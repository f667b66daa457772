#!/usr/bin/env python3
"""Regenerates speech.wav and truth.tsv: Japanese utterances (Open JTalk) with known pauses.

Needs: apt-get install -y open-jtalk open-jtalk-mecab-naist-jdic sox; voices in ../shared/voices
(found from the repository root). Deterministic: the room tone is seeded noise.
Layout (seconds): room tone everywhere at -65 dBFS RMS, one stretch of louder noise (-50 dBFS RMS)
between utterances 2 and 3. Each utterance is trimmed of its own leading/trailing silence (10 ms
frames under -45 dBFS RMS) before it is placed, so truth.tsv holds exact sample positions.
"""
import array, math, os, random, subprocess, sys, tempfile, wave

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
VOICES = os.path.join(ROOT, "..", "shared", "voices")
VOICE_FILES = {
    "mei": "mei/mei_normal.htsvoice",
    "takumi": "takumi/takumi_normal.htsvoice",
    "tohoku-f01": "tohoku-f01/tohoku-f01-neutral.htsvoice",
}
RATE = 16000
# Pause before each utterance, then the tail after the last one; the noise stretch sits in the
# pause before utterance 3 as (silence, noise, silence).
LEAD = 1.0
PAUSES = [1.2, (0.8, 5.0, 0.8), 1.5, 1.0]
TAIL = 1.2
ROOM_DB, NOISE_DB, TRIM_DB = -65.0, -50.0, -45.0


def synthesize(voice, text, tmp):
    raw = os.path.join(tmp, "raw.wav")
    out = os.path.join(tmp, "16k.wav")
    subprocess.run(["open_jtalk", "-x", "/var/lib/mecab/dic/open-jtalk/naist-jdic",
                    "-m", os.path.join(VOICES, VOICE_FILES[voice]), "-ow", raw],
                   input=text.encode("utf-8"), check=True)
    # -D: no dither, so the same text gives the same bytes on every run.
    subprocess.run(["sox", "-D", raw, "-r", str(RATE), "-c", "1", "-b", "16", out], check=True)
    with wave.open(out, "rb") as w:
        samples = array.array("h", w.readframes(w.getnframes()))
    return trim(samples)


def rms_db(samples, start, end):
    n = max(1, end - start)
    power = sum(s * s for s in samples[start:end]) / n / (32768.0 ** 2)
    return 10 * math.log10(power + 1e-12)


def trim(samples):
    frame = RATE // 100
    loud = [i for i in range(0, len(samples) - frame, frame) if rms_db(samples, i, i + frame) > TRIM_DB]
    return samples[loud[0]: loud[-1] + frame]


def noise(rng, seconds, db):
    sigma = 32768.0 * 10 ** (db / 20)
    return array.array("h", (max(-32768, min(32767, int(round(rng.gauss(0, sigma))))) for _ in range(int(round(seconds * RATE)))))


def main():
    rng = random.Random(20261128)
    lines = [l.rstrip("\n").split("\t") for l in open(os.path.join(HERE, "lines.tsv"), encoding="utf-8") if l.strip()]
    out = array.array("h")
    truth = []
    with tempfile.TemporaryDirectory() as tmp:
        out += noise(rng, LEAD, ROOM_DB)
        for i, (voice, text) in enumerate(lines):
            if i > 0:
                pause = PAUSES[i - 1]
                if isinstance(pause, tuple):
                    out += noise(rng, pause[0], ROOM_DB)
                    start = len(out)
                    out += noise(rng, pause[1], NOISE_DB)
                    truth.append(("noise", start, len(out), ""))
                    out += noise(rng, pause[2], ROOM_DB)
                else:
                    out += noise(rng, pause, ROOM_DB)
            speech = synthesize(voice, text, tmp)
            room = noise(rng, len(speech) / RATE, ROOM_DB)
            start = len(out)
            out += array.array("h", (max(-32768, min(32767, a + b)) for a, b in zip(speech, room)))
            truth.append(("speech", start, len(out), voice))
        out += noise(rng, TAIL, ROOM_DB)
    with wave.open(os.path.join(HERE, "speech.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(out.tobytes())
    with open(os.path.join(HERE, "truth.tsv"), "w", encoding="utf-8") as f:
        f.write("kind\tstart\tend\tvoice\n")
        for kind, s, e, voice in truth:
            f.write(f"{kind}\t{s / RATE:.4f}\t{e / RATE:.4f}\t{voice}\n")
    print(f"speech.wav: {len(out) / RATE:.2f} s, {len(truth)} stretches")


if __name__ == "__main__":
    sys.exit(main())
