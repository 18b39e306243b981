"""tools/coregister_misses.py: co-registration's estimates against the generator's recorded offsets."""
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import coregister_misses as cm  # noqa: E402

SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))


@pytest.mark.shared
@pytest.mark.skipif(not os.path.isdir(os.path.join(SHARED, "naip-north-dakota")),
                    reason="../shared/data is absent: semi-synthetic generator not tested")
def test_every_shifted_date_is_counted_once():
    out, reasons = cm.count(seed=7, samples=12)
    assert out["shifted"] == out["moved back"] + out["left"] + out["moved wrongly"] > 0
    assert out["moved back"] > 0 and out["unshifted"] > 0
    assert sum(reasons.values()) == out["left"]
    # the first 12 development series: nothing moved that the generator did not shift, nothing moved wrongly
    assert out["unshifted moved"] == 0 and out["moved wrongly"] == 0
