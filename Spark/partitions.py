"""Compares the story partitions of two Parallax stores.

    partitions.py STORE_A STORE_B

A store is an SQLite file or a postgres:// URL (read with psql). A partition is the set of
stories, each the set of its articles' URLs (canonical URL, else URL, else article id), so
two stores agree when they grouped the same articles the same way, whatever ids they gave
the stories. Prints one line per store and the differences; exits 1 when they differ.
"""

import sqlite3
import subprocess
import sys

QUERY = ("SELECT COALESCE(a.canonical_url, a.url, a.id), sa.story_id "
         "FROM articles a JOIN story_articles sa ON sa.article_id = a.id")


def rows(store):
    if store.startswith(("postgres://", "postgresql://")):
        out = subprocess.run(["psql", store, "-At", "-F", "\t", "-c", QUERY], check=True, capture_output=True, text=True).stdout
        return [tuple(line.split("\t")) for line in out.splitlines() if line]
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        return db.execute(QUERY).fetchall()


def partition(store):
    stories = {}
    for article, story in rows(store):
        stories.setdefault(str(story), set()).add(article)
    return {frozenset(members) for members in stories.values()}


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    a, b = (partition(store) for store in argv)
    for store, p in zip(argv, (a, b)):
        print(f"{store}: {sum(len(s) for s in p)} articles in {len(p)} stories")
    if a == b:
        print("partitions are identical")
        return 0
    for name, only in (("first", a - b), ("second", b - a)):
        for story in sorted(only, key=lambda s: sorted(s))[:10]:
            print(f"only in the {name}: {sorted(story)}")
    print(f"partitions differ: {len(a - b)} stories only in the first, {len(b - a)} only in the second")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
