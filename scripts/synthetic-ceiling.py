#!/usr/bin/env python3
"""The best any ranking can do on SyntheticData's generated files: the label lift's ceiling.

SyntheticData (training module) draws every event from a model this script knows exactly: a fan's
category from its labels (kids=yes: 25% baby category; age=young: dept-1 up to 40%) and its two
favourite categories (unknown to a ranker, uniform prior), the product inside the category by a
power law of its rank, types and times independent of the product. Given a fan's known events, the
posterior mean of that model ranks the catalog as well as any ranking can in expectation (the
Bayes-optimal ranking by marginal probability). Scored once knowing the labelled fans' labels and
once with their labels hidden (the prior: 30% kids, 50% young), it bounds the label lift that
`evaluate` can measure on the same files.

The split is `evaluate --split time:F --cold-fans S --keep K` (seed 42) as the training module
cuts it: the same test fans, the same cold fans (ColdStartSplit's seeded choice, reproduced), the
same relevant products and excluded products. Keep the constants below in step with SyntheticData.

Usage: scripts/synthetic-ceiling.py FILES_DIR [COLD_SHARE=0.5] [KEEP=2] [SPLIT=0.8] [SEED=42]
  FILES_DIR: the generated files (`bench --data D` writes them to D-files). Needs numpy.
"""
import csv
import math
import sys

import numpy as np

files = sys.argv[1]
cold_share = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
keep = int(sys.argv[3]) if len(sys.argv) > 3 else 2
split = float(sys.argv[4]) if len(sys.argv) > 4 else 0.8
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 42

# SyntheticData's constants
DEPARTMENTS = 5
KIDS_SHARE, YOUNG_SHARE = 0.3, 0.5
KIDS_CATEGORY_SHARE, YOUNG_DEPARTMENT_UP_TO, FAVOURITES_UP_TO = 0.25, 0.4, 0.8
FAVOURITE_SHARE, RANK_EXPONENT = 0.6, 2.5

with open(f"{files}/catalog.csv") as f:
    products = sum(1 for _ in f) - 1
categories = max(DEPARTMENTS * 2, products // 40)
per_category = max(1, products // categories)
events = []
with open(f"{files}/events.csv") as f:
    for row in csv.DictReader(f):
        events.append((row["time"], row["fan"], int(row["product"][1:]), row["type"]))
events.sort()
labels = {}
with open(f"{files}/labels.csv") as f:
    for row in csv.DictReader(f):
        labels[row["fan_id"]] = (row["kids"] == "yes", row["age"] == "young")

cutoff = events[int(len(events) * split)][0]
train, test = {}, {}
for time, fan, product, kind in events:
    (train if time < cutoff else test).setdefault(fan, []).append((product, kind))


def relevant_products(fan):
    """Distinct products bought in the test period and never interacted with before it."""
    before = {p for p, k in train.get(fan, []) if k != "impression"}
    return {p for p, k in test[fan] if k == "purchase"} - before


test_fans = sorted(f for f in test if relevant_products(f))

M64 = (1 << 64) - 1


def java_hash(text):
    h = 0
    for ch in text:
        h = (31 * h + ord(ch)) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


def first_double(s):
    """java.util.SplittableRandom(s).nextDouble()."""
    z = (s + 0x9E3779B97F4A7C15) & M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    z ^= z >> 31
    return (z >> 11) * 2.0**-53


# ColdStartSplit: a fan is cut when SplittableRandom(seed ^ id.hashCode()) draws below the share
cold = {f for f in test_fans if first_double((seed ^ java_hash(f)) & M64) < cold_share}

ranks = np.arange(per_category)
rank_probability = ((ranks + 1) / per_category) ** (1 / RANK_EXPONENT) - (
    ranks / per_category
) ** (1 / RANK_EXPONENT)
category_of = np.arange(products) % categories
rank_of = np.minimum(np.arange(products) // categories, per_category - 1)
young_department = np.zeros(categories)
young_department[[DEPARTMENTS * j + 1 for j in range(categories // DEPARTMENTS)]] = 1
young_department /= young_department.sum()
kids_category = np.eye(categories)[0]
uniform = np.full(categories, 1 / categories)
unit = np.eye(categories)
# P(category | kids, young, favourite, second), shape [2, 2, C, C, C]
category_given = np.zeros((2, 2, categories, categories, categories))
for kids in (0, 1):
    for young in (0, 1):
        p_kids = KIDS_CATEGORY_SHARE if kids else 0.0
        p_young = YOUNG_DEPARTMENT_UP_TO - p_kids if young else 0.0
        p_favourites = FAVOURITES_UP_TO - p_kids - p_young
        category_given[kids, young] = (
            p_kids * kids_category
            + p_young * young_department
            + p_favourites
            * (FAVOURITE_SHARE * unit[:, None, :] + (1 - FAVOURITE_SHARE) * unit[None, :, :])
            + (1 - FAVOURITES_UP_TO) * uniform
        )


def posterior_scores(known_products, label_prior):
    """Each product's probability of being the fan's next event, given its known products."""
    with np.errstate(divide="ignore"):
        log_w = np.log(label_prior)[:, :, None, None] + np.zeros((2, 2, categories, categories))
    for p in known_products:
        log_w = log_w + np.log(category_given[..., category_of[p]])
    w = np.exp(log_w - log_w.max())
    w /= w.sum()
    next_category = np.tensordot(w, category_given, axes=4)
    return next_category[category_of] * rank_probability[rank_of]


def ndcg_at_10(scores, excluded, relevant):
    scores = scores.copy()
    scores[list(excluded)] = -1
    top = np.argsort(-scores, kind="stable")[:10]
    dcg = sum(1 / math.log2(i + 2) for i, p in enumerate(top) if p in relevant)
    return dcg / sum(1 / math.log2(i + 2) for i in range(min(10, len(relevant))))


hidden_prior = np.outer([1 - KIDS_SHARE, KIDS_SHARE], [1 - YOUNG_SHARE, YOUNG_SHARE])
slices = {"all": [], "labelled": [], "cold-start": [], "labelled-cold-start": []}
for fan in test_fans:
    history = train.get(fan, [])
    relevant = relevant_products(fan)
    known = history[:keep] if fan in cold else history
    excluded = {p for p, k in known if k != "impression"}
    hidden = posterior_scores([p for p, _ in known], hidden_prior)
    if fan in labels:
        prior = np.zeros((2, 2))
        prior[int(labels[fan][0]), int(labels[fan][1])] = 1
        shown = posterior_scores([p for p, _ in known], prior)
    else:
        shown = hidden
    result = (ndcg_at_10(shown, excluded, relevant), ndcg_at_10(hidden, excluded, relevant))
    slices["all"].append(result)
    if fan in labels:
        slices["labelled"].append(result)
    if fan in cold:
        slices["cold-start"].append(result)
        if fan in labels:
            slices["labelled-cold-start"].append(result)

print(f"split time:{split} cold-fans:{cold_share} keep:{keep} seed {seed}")
print("slice                fans  with labels  labels hidden  label lift")
for name, results in slices.items():
    if results:
        with_labels, without = np.array(results).mean(axis=0)
        print(f"{name:20} {len(results):5}  {with_labels:11.4f}  {without:13.4f}  "
              f"{with_labels / without - 1:+10.1%}")
