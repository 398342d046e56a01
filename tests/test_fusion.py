"""Reciprocal-rank fusion with ties: scores a hair apart share a rank, so that noise in
one ranking (rows of one table matching a question's product names equally) does not
outvote what the other ranking tells apart; equal fused ranks go to the closer meaning."""

from __future__ import annotations

from retrieval.index import TIE_TOLERANCE, fuse, tied_ranks, top_fused


def test_scores_a_hair_apart_share_a_rank() -> None:
    assert tied_ranks({1: 4.39, 2: 4.36, 3: 4.32, 4: 3.0, 5: 2.99}) == {
        1: 0, 2: 0, 3: 0, 4: 3, 5: 3}
    assert tied_ranks({1: 1.0, 2: 1.0 - TIE_TOLERANCE * 1.5}) == {1: 0, 2: 1}
    assert tied_ranks({}) == {}


def test_the_vectors_decide_among_lexical_ties() -> None:
    dense = {20: 0.53, 10: 0.50, 30: 0.48}   # "Runtime" row first by meaning
    lexical = {10: 4.36, 30: 4.36, 20: 4.32}  # every row names the two robots
    assert [cid for cid, _ in top_fused(dense, lexical, 3)] == [20, 10, 30]


def test_a_clear_lexical_lead_still_counts() -> None:
    dense = {1: 0.270, 2: 0.266}    # warranty and plugs: a tie by meaning
    lexical = {2: 4.82, 1: 2.20}     # "plug" is in one of them only
    assert top_fused(dense, lexical, 2)[0][0] == 2


def test_first_everywhere_scores_one() -> None:
    fused = fuse([{7: 0, 8: 1}, {7: 0}], [1.0, 1.0])
    assert fused[7] == 1.0 and fused[8] < fused[7]
