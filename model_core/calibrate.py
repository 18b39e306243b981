"""Choose a weights file's no-change bias on validation data.

``python -m model_core calibrate --weights IN.pt --out OUT.pt [--config CONFIG.json] [--samples N]``
``python -m model_core calibrate --model caimnet_cva|caimnet_isfa [--weights CAIMNET.pt]``  (prints the fusion's bias)

A model trained with class-weighted losses tends to call change too readily: the class weights make
a missed change cost more than a false alarm.  The decision rule can be re-balanced after training
without touching the network by adding a constant ``b`` to the log-probability of "no change" before
the arg-max (:func:`model_core.models.shift_no_change`).  Area and moment stay consistent, because
the area is still read from the shifted moment.

This command runs the model once on the trainer's held-out validation series (the semi-synthetic
"val" split of the config, or patches of its ``val_root`` / ``val_split`` on the user's own data, the
same fixed samples that selected the checkpoint; never an evaluation set such as Taizhou), keeps the
log-probabilities, and scans ``b`` over a grid.  The series are co-registered first, as the engine
co-registers a run's dates (``--coregister``, on by default; :mod:`model_core.coregister`).  It picks the ``b``
that maximises the trainer's own selection score (mean of change-area and change-moment kappa) and
writes a copy of the weights with ``calibration = {"no_change_bias": b, ...}``; the engine applies it
whenever the file is loaded.  The table of scores per ``b`` is printed and stored in the file.
"""

import argparse
import json
import sys
import time

import numpy as np

from model_core.i18n import _, os_reason

GRID = tuple(round(float(b), 2) for b in np.arange(-1.0, 3.01, 0.25))


def collect(model, samples, device="cpu", batch=8):
    """Moment log-probabilities (K, H, W) float32 of each sample, without calibration applied."""
    import torch

    from model_core.train import batches_by_t

    bias, model.no_change_bias = getattr(model, "no_change_bias", 0.0), 0.0
    rule, model.area_rule = getattr(model, "area_rule", "max"), "max"
    out = [None] * len(samples)
    model.eval()
    try:
        with torch.inference_mode():
            if getattr(model, "raw_input", False):
                # raw-value models (the fusion): one sample at a time, prepared as the engine prepares a
                # scene (its statistics: the scene the sample was cut from, when the sample carries them)
                from model_core.models import model_input

                for i, s in enumerate(samples):
                    stats = (s["center"], s["scale"]) if "center" in s else None
                    x = torch.from_numpy(model_input(model, s["values"], s["valid"], stats)).to(device)
                    out[i] = model(x[None])["moment"][0].float().cpu().numpy()
                return out
            for chunk, x in batches_by_t(samples, device, batch):
                lp = model(x)["moment"].float().cpu().numpy()
                for i, p in zip(chunk, lp):
                    out[i] = p
    finally:
        model.no_change_bias, model.area_rule = bias, rule
    return out


def decide_np(lp, bias, area_rule="max"):
    """Moment classes (H, W) uint8 from log-probabilities (K, H, W) with ``bias`` and ``area_rule``:
    the engine's decision (:func:`model_core.models.decide`) on a numpy array."""
    import torch

    from model_core.models import decide

    lp = torch.from_numpy(np.ascontiguousarray(lp, np.float32))[None]
    return decide(lp, bias, area_rule)[0].argmax(dim=0).numpy().astype(np.uint8)


def score(samples, logps, bias, area_rule="max"):
    """(area summary, moment summary, selection score) of the predictions with ``bias``."""
    from model_core.metrics import ConfusionMatrix

    cm = ConfusionMatrix()
    kmax = max(s["values"].shape[0] for s in samples)
    for s, lp in zip(samples, logps):
        pred = decide_np(lp, bias, area_rule)
        pred[~s["valid"]] = 255
        cm.update(s["moment"], pred, num_classes=kmax)
    summ = cm.summary()
    return summ["area"], summ["moment"], 0.5 * (summ["area"]["kappa"] + summ["moment"]["kappa"])


def sweep(samples, logps, grid=GRID, area_rule="max"):
    rows = []
    for b in grid:
        area, moment, sc = score(samples, logps, b, area_rule)
        rows.append({"bias": float(b), "area_kappa": area["kappa"], "area_precision": area["precision"],
                     "area_recall": area["recall"], "moment_kappa": moment["kappa"], "score": sc})
    return rows


def build_parser():
    from model_core.cli import plain

    p = argparse.ArgumentParser(prog="python -m model_core calibrate", description=plain(__doc__),
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--weights", default=None, help="weights file to calibrate (with --model caimnet_cva or caimnet_isfa: the "
                   "CAIM-Net file inside the fusion, default the bundled one)")
    p.add_argument("--out", default=None, help="calibrated copy to write (refused if it exists, unless "
                   "--overwrite); not for the fusions (--model), whose bias is printed")
    p.add_argument("--model", default=None, choices=("caimnet_cva", "caimnet_isfa"),
                   help="calibrate a fusion's own decision (CAIM-Net + CVA or CAIM-Net + ISFA; it has no "
                        "weights file of its own: the chosen bias is printed, to be set as the class's "
                        "fused_bias, CaimNetCVA.fused_bias or CaimNetISFA.fused_bias)")
    p.add_argument("--config", default=None,
                   help="training config whose validation series to use (default: the config stored in "
                        "the weights' meta)")
    p.add_argument("--samples", type=int, default=None, help="number of validation series (default: the "
                   "config's val_samples)")
    p.add_argument("--bias", type=float, default=None,
                   help="write this bias instead of choosing one (0 = the raw network, no calibration); "
                        "no validation data is needed then")
    p.add_argument("--area-rule", choices=("max", "total"), default="max",
                   help="how the area is read from the moment probabilities: 'max' (the paper's: changed when "
                        "the most probable interval beats no change) or 'total' (changed when the intervals "
                        "together beat no change; the moment is still the most probable interval)")
    from model_core.coregister import COREGISTER_DEFAULT

    p.add_argument("--coregister", action=argparse.BooleanOptionalAction, default=COREGISTER_DEFAULT,
                   help="move each validation series' dates onto its first date where they are offset by whole "
                        "pixels, as detect --coregister does (on by default, as in detect), so that the bias is "
                        "chosen on what the engine will give the network; --no-coregister: as drawn")
    p.add_argument("--device", default="cpu", help="cpu (default), auto (CUDA if available) or cuda:N")
    p.add_argument("--threads", type=int, default=None, help="torch CPU threads (default: all cores)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing --out file")
    return p


def main(argv=None):
    import os

    import torch

    from model_core import weights as W
    from model_core.errors import CaimError
    from model_core.train import data_error, load_config, validation_samples

    args = build_parser().parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    fusion = args.model is not None  # --model names a fusion (its choices), which wraps a CAIM-Net file
    if fusion:
        if args.out or args.bias is not None:
            raise CaimError(_("--model {model} prints the fusion's bias; --out and --bias do not apply.").format(
                model=args.model))
        args.weights = args.weights or W.default_weights("caimnet")
    elif not args.weights or not args.out:
        raise CaimError(_("Give --weights (the file to calibrate) and --out (the calibrated copy to write)."))
    if args.out and os.path.isdir(args.out):  # (--overwrite: a traceback once the sweep was done)
        raise CaimError(_("{option} '{path}' is a folder; give a file name.").format(option="--out", path=args.out))
    if args.out and os.path.exists(args.out) and not args.overwrite:
        raise CaimError(_("'{path}' exists; pass --overwrite to replace it.").format(path=args.out))
    from model_core.predict import resolve_device

    args.device = resolve_device(args.device)  # 'auto' was torch's traceback, as was a GPU that is not there
    model = W.load_model(args.weights, arch=args.model, device=args.device)  # weights_meta, band_order
    W.require_rgbn(model, args.weights)

    def write(calibration):
        try:
            W.save(args.out, model, model.weights_meta, model.band_order, calibration=calibration)
        except OSError as exc:  # a traceback (the folder's own refusals are OutputError: staging)
            raise CaimError(_("'{path}' could not be written ({reason}). Check that you may write to it and that "
                              "the disk has free space; then run the same command again.").format(
                path=args.out, reason=os_reason(exc))) from None

    if args.bias is not None:
        write(None if args.bias == 0 and args.area_rule == "max" else {
            "no_change_bias": float(args.bias), "area_rule": args.area_rule,
            "chosen_by": "given on the command line (--bias)",
            "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        print(_("no-change bias {bias:+.2f} (area rule {rule}) written to {path}").format(
            bias=args.bias, rule=args.area_rule, path=args.out))
        return 0
    if args.config:
        cfg = load_config(args.config)
    else:
        from model_core.provenance import training_config
        from model_core.train import DEFAULTS

        stored = training_config(model.weights_meta)  # the last training stage's
        if not stored:
            raise CaimError(_("'{path}' records no training config; pass --config.").format(path=args.weights))
        cfg = load_config({k: v for k, v in stored.items() if k in DEFAULTS})
    if args.samples:
        cfg["val_samples"] = int(args.samples)
    cfg["coregister"] = bool(args.coregister)  # validation_samples then aligns them as a training run would
    val_seed = cfg["seed"] if cfg.get("val_seed") is None else cfg["val_seed"]
    t0 = time.time()
    data = cfg.get("data") or {}
    kind = data.get("kind", "semisynthetic")
    if kind == "semisynthetic":
        where = _("building {n} validation series (split 'val', T {t_min}..{t_max}, val_seed {seed})").format(
            n=cfg["val_samples"], t_min=cfg["t_min"], t_max=cfg["t_max"], seed=val_seed)
    else:  # the user's own series: they said "split 'val', T 2..10" of series whose dates their labels fix
        from model_core.provenance import held_out

        # where train's validation patches come from (train._Source): val_root, else root; val_split, else split
        part = data.get("val_split") or data.get("split")
        where = (_("building {n} validation patches of the {kind} series at '{root}', split {split!r} ({patch} px, "
                   "val_seed {seed})") if part else
                 _("building {n} validation patches of the {kind} series at '{root}' ({patch} px, val_seed {seed})")
                 ).format(n=cfg["val_samples"], kind=kind, root=data.get("val_root") or data.get("root"), split=part,
                          patch=cfg["patch"], seed=val_seed)
        if not held_out(data):
            print(_("warning: the config's data has no held-out series (val_root, or val_split for pairs and oscd): "
                    "the bias is chosen on patches of the training series themselves."), file=sys.stderr)
    print(where, file=sys.stderr, flush=True)
    print(_("the validation series are co-registered as detect co-registers a run's dates (--no-coregister: as drawn)")
          if cfg["coregister"] else _("the validation series are used as drawn, not co-registered (--no-coregister)"),
          file=sys.stderr, flush=True)  # (the experiment record quotes this output: it says which)
    try:
        samples = validation_samples(cfg)
    except (ValueError, OSError) as exc:  # a traceback (train said what was wrong with the same data)
        raise data_error(data, exc) from None
    logps = collect(model, samples, args.device)
    rows = sweep(samples, logps, area_rule=args.area_rule)
    best = max(rows, key=lambda r: r["score"])
    print(f"{'bias':>6} {'area kappa':>10} {'precision':>9} {'recall':>7} {'moment kappa':>12} {'score':>7}")
    for r in rows:
        print(f"{r['bias']:6.2f} {r['area_kappa']:10.4f} {r['area_precision']:9.4f} {r['area_recall']:7.4f} "
              f"{r['moment_kappa']:12.4f} {r['score']:7.4f}{'  <- chosen' if r is best else ''}")
    if fusion:
        from model_core.cli import DISPLAY_NAMES

        print(_("{name} fusion ({file} inside): no-change bias {bias:+.2f} chosen ({seconds:.0f} s)").format(
            name=DISPLAY_NAMES[args.model], file=os.path.basename(args.weights), bias=best["bias"],
            seconds=time.time() - t0))
        return 0
    calibration = {"no_change_bias": best["bias"], "area_rule": args.area_rule,
                   "chosen_by": "model_core.calibrate",
                   "criterion": "max of mean(area kappa, moment kappa) on the validation series",
                   "validation": json.dumps({"split": "val", "val_samples": cfg["val_samples"],
                                             "val_seed": val_seed, "coregister": cfg["coregister"],
                                             "t_min": cfg["t_min"], "t_max": cfg["t_max"]}),
                   "sweep": json.dumps(rows),
                   "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    write(calibration)
    print(_("no-change bias {bias:+.2f} (area rule {rule}) written to {path} ({seconds:.0f} s)").format(
        bias=best["bias"], rule=args.area_rule, path=args.out, seconds=time.time() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
