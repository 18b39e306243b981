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


def test_tables_render():
    acc = metrics.ConfusionMatrix()
    acc.update(np.array([0, 1, 2, 255]), np.array([0, 1, 1, 0]))
    s = acc.summary()
    assert "kappa" in metrics.format_area_table([("x", s["area"])])
    assert "F1[2]" in metrics.format_moment_table([("x", s["moment"])])
