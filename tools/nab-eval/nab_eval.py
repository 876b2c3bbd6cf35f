#!/usr/bin/env python3
"""Scores `pulse-detect` on every NAB corpus and prints one markdown table.

Runs `pulse-detect` (built from this repo, or a given pulse-detect.dll) over every NAB data file, at most two processes at
a time, and scores its `alert` column with the project's NAB scorer (nab_score.py) per corpus: the five realTweets
development files, each other corpus, and all non-tweet files together.

Arguments after `--` go to `pulse-detect` unchanged, e.g.  nab_eval.py -- --sensitivity high
Python 3 standard library only. See README.md beside this file.
"""

import argparse
import concurrent.futures
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DLL = os.path.join(REPO, "tools", "Pulse.Detect", "bin", "Release", "net10.0", "pulse-detect.dll")

# Only these realTweets files may be used: NAB's other five (CRM, CVS, KO, PFE, UPS) are held back for independent
# evaluation. The allowlist guards against a full NAB checkout passed as --nab-root.
TWEETS = "realTweets"
TWEET_TAGS = ("AAPL", "AMZN", "FB", "GOOG", "IBM")
OTHER_CORPORA = ("artificialNoAnomaly", "artificialWithAnomaly", "realAWSCloudwatch", "realAdExchange",
                 "realKnownCause", "realTraffic")

# A file takes seconds; a run this long is a hang, reported as a failure rather than waited on.
DETECT_TIMEOUT_S = 600


def parse_args(argv):
    extra = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1:]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nab-root", default=os.path.join(REPO, "..", "shared", "data", "nab"),
                    help="folder holding NAB's data/, labels/, config/ (default: ../shared/data/nab from the repo)")
    ap.add_argument("--scorer", default=os.path.join(REPO, "..", "shared", "tools", "nab_score.py"),
                    help="nab_score.py (default: ../shared/tools/nab_score.py from the repo)")
    ap.add_argument("--dll", default=None,
                    help="take this pulse-detect.dll instead of building tools/Pulse.Detect (Release) from the repo")
    ap.add_argument("--no-build", action="store_true",
                    help="take the repo's tools/Pulse.Detect/bin/Release/net10.0/pulse-detect.dll as it is")
    ap.add_argument("--jobs", type=int, choices=(1, 2), default=2,
                    help="pulse-detect processes at once (the machine has two cores; default 2)")
    ap.add_argument("--results", default=None,
                    help="write detector outputs here and keep them (must be empty or absent); default: a temporary "
                         "folder, removed afterwards")
    args = ap.parse_args(argv)
    if any(a in ("--input", "--output") for a in extra):
        ap.error("--input and --output are set per file; pass only other `pulse-detect` arguments after --")
    args.extra = extra
    return args


def load_scorer(path):
    """nab_score.py as a module: its own corpus loading, alignment and scoring, which its command line wraps. The
    command line cannot score artificialNoAnomaly (no windows: its normalised score divides by zero), so the table
    calls the same functions and shows the raw score there."""
    sys.dont_write_bytecode = True  # leave no __pycache__ beside the shared scorer
    spec = importlib.util.spec_from_file_location("nab_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def data_files(nab_root):
    """(corpus, file name) of every file to run: every CSV of the known corpora, realTweets only the allowed five."""
    files = []
    for corpus in (TWEETS,) + OTHER_CORPORA:
        folder = os.path.join(nab_root, "data", corpus)
        if not os.path.isdir(folder):
            raise SystemExit("nab-eval: no corpus folder %s" % folder)
        names = sorted(n for n in os.listdir(folder) if n.endswith(".csv"))
        if corpus == TWEETS:
            names = [n for n in names if n in {"Twitter_volume_%s.csv" % t for t in TWEET_TAGS}]
        files.extend((corpus, n) for n in names)
    return files


def build():
    print("nab-eval: building tools/Pulse.Detect (Release) ...", file=sys.stderr)
    subprocess.run(["dotnet", "build", os.path.join(REPO, "tools", "Pulse.Detect", "Pulse.Detect.csproj"), "-c", "Release",
                    "-warnaserror", "-nologo", "-v", "q"], check=True, stdout=sys.stderr)


def detect(dll, data, output, extra):
    """Runs one file; None when it succeeded, else the first line of its error."""
    os.makedirs(os.path.dirname(output), exist_ok=True)
    try:
        run = subprocess.run(["dotnet", dll, "--input", data, "--output", output] + extra,
                             capture_output=True, text=True, timeout=DETECT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return "no answer after %d s" % DETECT_TIMEOUT_S
    if run.returncode == 0 and os.path.exists(output):
        return None
    message = (run.stderr.strip() or run.stdout.strip() or "no message").splitlines()[0]
    return "exit %d: %s" % (run.returncode, message)


def detect_all(dll, nab_root, results, files, extra, jobs):
    started = time.monotonic()
    failures = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        runs = {pool.submit(detect, dll, os.path.join(nab_root, "data", c, n), os.path.join(results, c, n), extra):
                "%s/%s" % (c, n) for c, n in files}
        for done in concurrent.futures.as_completed(runs):
            error = done.result()
            if error is not None:
                failures[runs[done]] = error
    print("nab-eval: %d files in %.0f s, %d failed" % (len(files), time.monotonic() - started, len(failures)),
          file=sys.stderr)
    return failures


def score(ns, nab_root, results, subsets, only, failures):
    """One table row: NAB's scores of the alert column over the files of `subsets` taken together."""
    corpus = {}
    for subset in subsets:
        corpus.update(ns.load_corpus(os.path.join(nab_root, "data"),
                                     os.path.join(nab_root, "labels", "combined_windows.json"),
                                     os.path.join(nab_root, "labels", "combined_labels.json"),
                                     subset, only))
    found = ns.find_result_files(results, corpus)
    detections = {}
    for key, cfile in corpus.items():
        if key in failures or key not in found:
            detections[key] = [0.0] * cfile.n  # a file that failed detects nothing; the row says so
        else:
            detections[key], _kind = ns.read_detector_file(found[key], cfile, "alert")
    with open(os.path.join(nab_root, "config", "profiles.json")) as f:
        profiles = {k: v["CostMatrix"] for k, v in json.load(f).items()}

    row = {"files": len(corpus), "failed": sorted(k for k in corpus if k in failures)}
    for name in ("standard", "reward_low_FP_rate"):
        scorer = ns.Scorer(corpus, detections, profiles[name])
        raw, per_file = scorer.score_at(1.0)  # alerts are 0/1: scored as given, as nab_score.py --column alert does
        row[name] = scorer.normalise(raw) if scorer.n_windows_labelled else None
        row[name + "_raw"] = raw
        if name == "standard":
            row["windows"] = scorer.n_windows_labelled
            row["caught"] = sum(len(pf["first"]) for pf in per_file.values())
            row["fp"] = sum(pf["fp"] for pf in per_file.values())
            _lines, deltas, _missed = ns.latency_report(corpus, per_file)
            row["latency"] = ns.median(deltas) if deltas else None
    return row


def cell_score(row, name):
    if row[name] is None:
        return "n/a (raw %.2f)" % row[name + "_raw"]
    return "%.2f" % row[name]


def table(rows):
    out = ["| corpus | files | standard | reward_low_FP_rate | windows caught | FP rows | median first alert vs label |",
           "|---|---|---|---|---|---|---|"]
    for label, row in rows:
        failed = " (%d failed†)" % len(row["failed"]) if row["failed"] else ""
        latency = "—" if row["latency"] is None else "%+.0f min" % row["latency"]
        out.append("| %s | %d%s | %s | %s | %d/%d | %d | %s |" % (
            label, row["files"], failed, cell_score(row, "standard"), cell_score(row, "reward_low_FP_rate"),
            row["caught"], row["windows"], row["fp"], latency))
    return "\n".join(out)


def main(argv):
    args = parse_args(argv)
    nab_root = os.path.abspath(args.nab_root)
    ns = load_scorer(os.path.abspath(args.scorer))
    files = data_files(nab_root)

    dll = args.dll or DLL
    if args.dll is None and not args.no_build:
        build()
    if not os.path.exists(dll):
        raise SystemExit("nab-eval: no %s (build it, or drop --no-build)" % dll)

    if args.results:
        results = os.path.abspath(args.results)
        if os.path.isdir(results) and os.listdir(results):
            raise SystemExit("nab-eval: %s is not empty (old outputs would be scored)" % results)
        os.makedirs(results, exist_ok=True)
    else:
        results = tempfile.mkdtemp(prefix="nab-eval-")
    try:
        failures = detect_all(dll, nab_root, results, files, args.extra, args.jobs)
        if len(failures) == len(files):
            raise SystemExit("nab-eval: every file failed, e.g. %s" % failures[min(failures)])
        rows = [("%s (development)" % TWEETS, score(ns, nab_root, results, [TWEETS], list(TWEET_TAGS), failures))]
        rows += [(c, score(ns, nab_root, results, [c], None, failures)) for c in OTHER_CORPORA]
        rows.append(("all non-tweet files", score(ns, nab_root, results, OTHER_CORPORA, None, failures)))
    finally:
        if not args.results:
            shutil.rmtree(results, ignore_errors=True)

    print("`pulse-detect%s`, alert column, NAB scorer (fixed threshold). Latency: median over caught windows of the "
          "first alert's time minus the first label in its window (negative = before the label)."
          % ("".join(" " + a for a in args.extra)))
    print()
    print(table(rows))
    if failures:
        print()
        print("† scored as detecting nothing:")
        data = os.path.join(nab_root, "data") + os.sep
        for key in sorted(failures):
            print("- %s: %s" % (key, failures[key].replace(data, "")))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
