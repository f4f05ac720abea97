#!/usr/bin/env python3
"""Writes N synthetic news articles as JSON Lines for the memory-flatness benchmark.

Events are made of random pseudo-words (a shared vocabulary with a Zipf-like skew, plus
per-event names and numbers); each event gets 1-12 articles spread over two days, events
start at a steady rate, and `published` advances so that a time window sees a bounded
number of live stories. Deterministic (seeded). Usage: synthetic_stream.py N > out.jsonl
"""
import json, random, sys, datetime

def main(n):
    rnd = random.Random(7)
    letters = "abcdefghijklmnoprstuvwyz"
    word = lambda k: "".join(rnd.choice(letters) for _ in range(k))
    vocabulary = [word(rnd.randint(3, 9)) for _ in range(20000)]
    start = datetime.datetime(2025, 1, 1)
    active = []  # (event words, names, numbers, remaining articles)
    per_day = 2000
    for i in range(n):
        if not active or rnd.random() < 0.25:
            names = [word(rnd.randint(5, 8)).capitalize() for _ in range(3)]
            topic = rnd.sample(vocabulary, 30)
            active.append((topic, names, [str(rnd.randint(10, 99999))], rnd.randint(1, 12)))
        k = rnd.randrange(len(active))
        topic, names, numbers, left = active[k]
        body = []
        for _ in range(120):
            r = rnd.random()
            body.append(rnd.choice(topic) if r < 0.4 else rnd.choice(names) if r < 0.5 else
                        vocabulary[int((rnd.paretovariate(1.1) - 1) * 20) % len(vocabulary)])
        body.insert(rnd.randrange(len(body)), numbers[0])
        published = start + datetime.timedelta(days=i / per_day)
        print(json.dumps({"id": f"syn-{i}", "title": " ".join(rnd.sample(topic, 6)), "text": " ".join(body) + ".",
                          "lang": "en", "published": published.strftime("%Y-%m-%dT%H:%M:%SZ")}))
        if left <= 1:
            active.pop(k)
        else:
            active[k] = (topic, names, numbers, left - 1)
        if len(active) > 500:
            active.pop(0)

if __name__ == "__main__":
    main(int(sys.argv[1]))
