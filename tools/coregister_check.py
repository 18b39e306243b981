"""What ``detect --coregister`` finds on the real series and pairs the model card measures (rule CR's check 4).

    python tools/coregister_check.py [--data ../shared/data]

For the 8-date Pucallpa series, the 10-date NAIP series, the Taizhou pair and each photo-interpreted pair,
prints every date's estimated offset from the reference (first) input, the whole-pixel offset the engine would
apply, and the match's correlation, exactly as the engine's co-registration computes them
(:meth:`model_core.stack.Stack.coregister`), and, on a grid large enough for the engine's check across the scene
(:func:`model_core.coregister.check_windows`), what each further window found and whether the run warns.
Nothing is written.

    python tools/coregister_check.py --check-window 256

also runs that check with windows of 256 px on any grid at least twice that wide and high (the series here are
smaller than the engine's 1024 px, from which it checks with windows of 256 px): what each quarter's window finds,
to look at, not what a run does (it never changes the applied offset).
"""
import argparse
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tools"))


def series(data):
    from photointerp import load, naip_paths

    out = [("Pucallpa, 8 dates", sorted(glob.glob(os.path.join(data, "landsat-pucallpa", "*.tif"))), [3, 2, 1, 4]),
           ("NAIP, 10 dates", naip_paths(data), None),
           ("Taizhou pair", [os.path.join(data, "taizhou", n) for n in ("2000TM", "2003TM")], [3, 2, 1, 4])]
    spec = load(data)
    for key, site in spec["sites"].items():
        bands = [int(b) for b in site["bands"].split(",")] if site.get("bands") else None
        out.append((f"photo-interpreted pair {key} ({site['name']})", site["paths"], bands))
    return out


def _window(place, shift):
    """'north-west +3.00, +0.00 (0.91)', or the reason it is not a clear match (coregister.window_clear)."""
    from model_core import coregister as cr

    if shift.dx is None:
        return f"{place} not estimated ({shift.reason})"
    text = f"{place} {shift.dx:+.2f}, {shift.dy:+.2f} ({shift.score:.2f})"
    if cr.window_clear(shift):
        return text
    if shift.clear():  # clear by the central window's thresholds, not distinct enough on this window
        return f"{text} not clear: margin {shift.margin:.3f} < {cr.MIN_DISTINCT} x se {shift.se:.3f}"
    return f"{text} not clear" + (f": {shift.reason}" if shift.reason else "")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "data")))
    p.add_argument("--check-window", type=int, default=0,
                   help="also estimate the offsets on a window of this many px in each quarter of the grid")
    args = p.parse_args(argv)
    from model_core import coregister as cr
    from model_core.stack import Stack

    moved_any = 0
    for name, paths, bands in series(args.data):
        stack = Stack(paths, bands=bands)
        try:
            g = stack.grid
            quarters = (cr.check_windows(g.width, g.height, args.check_window, least=2 * args.check_window)
                        if args.check_window else [])
            explored = stack.estimate_windows(quarters) if quarters else []
            shifts = stack.coregister()
        finally:
            stack.close()
        moved = [i for i, s in enumerate(shifts) if s.applied() != (0, 0)]
        moved_any += bool(moved)
        print(f"{name}: {len(moved)} of {len(shifts)} dates moved")
        for path, s in zip(paths, shifts):
            d = s.as_dict()
            est = "not estimated" if d["dx"] is None else f"estimate {d['dx']:+.2f}, {d['dy']:+.2f} px"
            print(f"  {os.path.basename(path):<28} {est}; applied {d['applied_dx']:+d}, {d['applied_dy']:+d}; "
                  f"correlation {d['score']}" + (f"; not applied: {d['reason']}" if d["reason"] else ""))
            if s.windows is not None:
                print(f"    check across the scene ({'warns' if cr.varies(s) else 'no warning'}): "
                      + "; ".join(_window(p, w) for p, _win, w in s.windows))
        if quarters:
            print(f"  with {args.check_window} px windows in the quarters of the {g.width} x {g.height} grid "
                  "(exploratory, not what a run does):")
            for j, path in enumerate(paths):
                probe = cr.Shift(shifts[j].dx, shifts[j].dy, shifts[j].score, shifts[j].gain, shifts[j].reason)
                probe.windows = [(place, win, per[j]) for (place, win), per in zip(quarters, explored)]
                print(f"    {os.path.basename(path):<26} {'would warn' if cr.varies(probe) else 'agree'}: "
                      + "; ".join(_window(place, per[j]) for (place, _w), per in zip(quarters, explored)))
    print(f"series or pairs with a date moved: {moved_any}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
