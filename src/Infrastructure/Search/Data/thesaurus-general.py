#!/usr/bin/env python3
"""Regenerates thesaurus-general.txt from Debian's mythes-sv (apt-get install mythes-sv).

Usage: thesaurus-general.py SEEDS_DIR > thesaurus-general.txt   (SEEDS_DIR: shared/seeds, the public-sector texts)
Keeps one-word entries whose words occur in the seed texts, compound-parts.txt or thesaurus.txt, and drops words the
seeds use more than 25 times (too general to be anyone's synonym). The licence notice is kept, as the data requires.
"""
import collections, glob, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
counts = collections.Counter()
for f in glob.glob(os.path.join(sys.argv[1], '*.txt')):
    counts.update(re.findall(r'[a-zåäöé-]+', open(f, encoding='utf-8').read().lower()))
vocabulary = set(counts)
for f in ('compound-parts.txt', 'thesaurus.txt'):
    vocabulary |= set(re.findall(r'[a-zåäöé-]+', open(os.path.join(here, f), encoding='utf-8').read().lower()))
generic = lambda w: counts[w] > 25
usable = lambda w: w == w.lower() and ' ' not in w and len(w) >= 5 and w in vocabulary and not generic(w)

lines = open('/usr/share/mythes/th_sv_SE_v2.dat', encoding='latin1').read().split('\n')
groups, i = [], 1
while i < len(lines):
    if '|' in lines[i] and not lines[i].startswith('|'):
        head, n = lines[i].rsplit('|', 1)
        synonyms = [s.strip() for k in range(int(n)) for s in lines[i + 1 + k].split('|')[1:] if s.strip()]
        i += 1 + int(n)
        head = head.strip()
        if not usable(head):
            continue
        kept = []
        for s in synonyms:
            if s != head and usable(s) and s not in kept:
                kept.append(s)
        if kept:
            groups.append([head] + kept)
    else:
        i += 1

header = [l for l in open(os.path.join(here, 'thesaurus-general.txt'), encoding='utf-8').read().split('\n') if l.startswith('#')]
print('\n'.join(header))
print('\n'.join(', '.join(g) for g in groups))
