"""Metrics against hand-computed confusion matrices."""

import numpy as np
import pytest

from model_core import metrics


def test_area_scores_hand_computed():
    ref = np.array([1, 1, 1, 0, 0, 0, 0, 255])
    pred = np.array([1, 1, 0, 1, 0, 0, 0, 1])
    cm = metrics.confusion(ref, pred, 2)
    # rows = reference, columns = prediction; the unlabelled pixel is excluded
    assert cm.tolist() == [[3, 1], [1, 2]]
    s = metrics.area_scores(cm)
    assert s["pixels"] == 7
    assert s["oa"] == pytest.approx(5 / 7)
    assert s["precision"] == pytest.approx(2 / 3)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["f1"] == pytest.approx(2 / 3)
    # po = 5/7, pe = (3*3 + 4*4) / 49 = 25/49 -> kappa = (10/49) / (24/49)
    assert s["kappa"] == pytest.approx(10 / 24)


def test_moment_scores_hand_computed():
    cm = np.array([[4, 1, 0], [0, 2, 1], [1, 0, 3]])
    s = metrics.moment_scores(cm)
    assert s["oa"] == pytest.approx(0.75)
    # pe = (5*5 + 3*3 + 4*4) / 144 = 50/144
    assert s["kappa"] == pytest.approx((108 - 50) / (144 - 50))
    assert s["f1_per_class"] == pytest.approx([0.8, 2 / 3, 0.75])
    assert s["macro_f1"] == pytest.approx((0.8 + 2 / 3 + 0.75) / 3)


def test_pooling_matches_single_matrix_and_ignores_nodata():
    rng = np.random.default_rng(0)
    ref = rng.integers(0, 4, size=(3, 16, 16)).astype(np.uint8)
    pred = rng.integers(0, 4, size=(3, 16, 16)).astype(np.uint8)
    ref[0, :4] = 255
    pred[1, :, :2] = 255
    acc = metrics.ConfusionMatrix()
    for r, p in zip(ref, pred):
        acc.update(r, p, num_classes=4)
    whole = metrics.confusion(ref, pred, 4)
    assert (acc.moment == whole).all()
    keep = (ref != 255) & (pred != 255)
    assert acc.area.sum() == keep.sum()
    assert acc.area[1, 1] == ((ref > 0) & (pred > 0) & keep).sum()


def test_perfect_and_degenerate():
    cm = metrics.confusion([0, 1, 1], [0, 1, 1], 2)
    assert metrics.area_scores(cm)["kappa"] == pytest.approx(1.0)
    empty = metrics.area_scores(np.zeros((2, 2), int))
    assert empty["oa"] == 0.0 and empty["kappa"] == 0.0
    with pytest.raises(ValueError):
        metrics.confusion([0, 5], [0, 1], 2)


def test_undefined_precision_recall_f1_are_shown_as_undefined_not_zero():
    # a stable area mapped without a single false change: precision, recall and F1 are 0 / 0
    stable = metrics.area_scores(metrics.confusion([0] * 10, [0] * 10, 2))
    assert metrics.undefined_area_scores(stable) == {"precision", "recall", "f1"}
    row = metrics.format_area_table([("perfect, stable", stable)]).splitlines()[-1].split()
    assert row[-5:] == ["1.0000", "-", "-", "-", "1.0000"]  # OA, prec, recall, F1, kappa
    # false change on a stable area: precision 0 of 2 is a real 0, recall (of no change) is undefined
    alarms = metrics.area_scores(metrics.confusion([0] * 10, [0] * 8 + [1] * 2, 2))
    assert metrics.undefined_area_scores(alarms) == {"recall"}
    row = metrics.format_area_table([("false alarms", alarms)]).splitlines()[-1].split()
    assert row[-4:] == ["0.0000", "-", "0.0000", "0.0000"]
    # nothing called changed where there is change: recall 0 is real, precision undefined
    missed = metrics.area_scores(metrics.confusion([0] * 8 + [1] * 2, [0] * 10, 2))
    assert metrics.undefined_area_scores(missed) == {"precision"}
    assert metrics.undefined_area_scores(metrics.area_scores(np.array([[3, 1], [1, 2]]))) == set()


def test_tables_render():
    acc = metrics.ConfusionMatrix()
    acc.update(np.array([0, 1, 2, 255]), np.array([0, 1, 1, 0]))
    s = acc.summary()
    assert "kappa" in metrics.format_area_table([("x", s["area"])])
    assert "F1[2]" in metrics.format_moment_table([("x", s["moment"])])


def test_evaluate_tables_number_the_intervals_as_the_maps_and_the_card():
    """Moment class k is the last change between date k and date k+1 (1-based), as the README, the
    model card and the maps' interval names say; the header said 'image k-1 and image k'."""
    from model_core.evaluate import format_results

    acc = metrics.ConfusionMatrix()
    acc.update(np.array([0, 1, 2]), np.array([0, 1, 2]))
    text = format_results({"has_moment": True, "model": acc.summary()})
    assert "class k = last change between date k and date k+1, 1-based" in text
    assert "image k-1" not in text


def test_block_confusions_partition_the_image():
    rng = np.random.default_rng(3)
    ref = rng.integers(0, 3, (50, 37)).astype(np.uint8)
    pred = rng.integers(0, 3, (50, 37)).astype(np.uint8)
    ref[:10, :10] = metrics.IGNORE  # one 10 x 10 block wholly unlabelled: dropped
    blocks = metrics.block_confusions(ref, pred, 3, 10)
    assert blocks.shape == (5 * 4 - 1, 3, 3)
    assert np.array_equal(blocks.sum(axis=0), metrics.confusion(ref, pred, 3))


def test_block_bootstrap_interval():
    rng = np.random.default_rng(0)
    ref = (rng.random((200, 200)) < 0.3).astype(np.uint8)
    pred = np.where(rng.random((200, 200)) < 0.1, 1 - ref, ref).astype(np.uint8)  # 10 % flipped
    point = metrics.kappa(metrics.confusion(ref, pred, 2))
    coarse = metrics.block_confusions(ref, pred, 2, 50)
    fine = metrics.block_confusions(ref, pred, 2, 10)
    vals = metrics.bootstrap_kappas([fine, coarse[:0].reshape(0, 2, 2)])
    assert vals is None  # different block sets cannot be paired
    lo, hi = metrics.interval(metrics.bootstrap_kappas([fine], n=400)[:, 0])
    assert lo < point < hi and hi - lo < 0.05
    # the same method twice: identical draws, so the paired difference is exactly zero
    both = metrics.bootstrap_kappas([fine, fine], n=50)
    assert np.array_equal(both[:, 0], both[:, 1])
    # perfect prediction: no spread at all
    perfect = metrics.bootstrap_kappas([metrics.block_confusions(ref, ref, 2, 25)], n=50)
    assert np.allclose(perfect, 1.0)
    # one block cannot be resampled
    assert metrics.bootstrap_kappas([metrics.block_confusions(ref, pred, 2, 500)]) is None


def test_area_errors_by_their_distance_to_the_reference_boundary():
    """evaluate --by-distance: false change counted by its distance to the nearest changed reference pixel,
    missed change by its distance to the nearest unchanged one (8-neighbour), unlabelled pixels neither."""
    from model_core.metrics import errors_by_distance

    ref = np.zeros((20, 20), np.uint8)
    ref[5:12, 5:12] = 1                       # a 7 x 7 change
    pred = np.zeros_like(ref)
    pred[4:13, 4:13] = 1                      # called one pixel wider all round: 81 - 49 = 32 false, ring 1
    pred[8, 8] = 0                            # its centre missed: 4 pixels from the nearest unchanged one
    pred[18, 18] = 1                          # a false alarm 7 pixels from the change
    pred[0, 0] = 1
    ref[0, 0] = metrics.IGNORE                # unlabelled: no error
    out = errors_by_distance(ref, pred, rings=4)
    assert out.tolist() == [[32, 0, 0, 0, 1], [0, 0, 0, 1, 0]]
    pred[5, 5] = 0                            # a corner missed: next to unchanged pixels
    assert errors_by_distance(ref, pred, rings=4)[1].tolist() == [1, 0, 0, 1, 0]
    # unlabelled pixels are not the boundary either: with the change unlabelled, the ring's 32 false pixels have
    # no changed pixel near them (farther than 2), and nothing is missed
    ref2 = np.where(ref == 1, metrics.IGNORE, ref).astype(np.uint8)
    assert errors_by_distance(ref2, pred, rings=2).tolist() == [[0, 0, 33], [0, 0, 0]]
