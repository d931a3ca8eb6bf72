"""Peak memory of `assay import` and `assay export` for one very long article.

Builds one Prodigy line of `--mb` MiB (the five built-in samples repeated, with Windows line
ends and a few escape sequences, so sanitizing moves offsets; a span with its text every few
thousand characters), imports it into a fresh workspace, exports it again, and prints each
command's peak RSS (of the process and any it waited for) next to the target: at most
`--times` (4) times the size of the import line above the baseline, a one-line import of a
short article (the interpreter and its imports) measured in the same run.

    .venv/bin/python bench/import_memory.py [--mb 60] [--times 4] [--no-export]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from json.encoder import encode_basestring
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.loader import builtin_paths  # noqa: E402

ASSAY = str(Path(sys.executable).with_name("assay"))


def write_long_line(path: Path, size: int) -> None:
    """One Prodigy line of about `size` bytes, written piece by piece: this process stays
    small, since a child's peak RSS starts from its parent's size at the fork."""
    samples = [p.read_text("utf-8").replace("\n", "\r\n") for p in builtin_paths()]
    spans: list[dict[str, object]] = []
    length = 0  # code points
    written = 0  # bytes
    i = 0
    with path.open("w", encoding="utf-8") as out:
        out.write('{"text": "')
        while written < size * 0.98:
            piece = f"\x1b[1mBulletin {i}.\x1b[0m\r\n\r\n{samples[i % len(samples)]}\r\n\r\n"
            word = piece.index("Bulletin")
            spans.append({"start": length + word, "end": length + word + 8, "label": "claim",
                          "text": "Bulletin"})  # fmt: skip
            escaped = encode_basestring(piece)[1:-1]
            out.write(escaped)
            length += len(piece)
            written += len(escaped.encode("utf-8"))
            i += 1
        out.write('", "spans": ')
        out.write(json.dumps(spans))
        out.write(', "meta": {"source": "bench/long.txt"}}\n')


def peak(args: Sequence[str], env: dict[str, str]) -> tuple[int, float, str]:
    """Peak RSS in bytes, seconds and stderr of one command."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        err.seek(0)
        said = err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed ({process.returncode}):\n{said}")
    return usage.ru_maxrss * 1024, seconds, said  # ru_maxrss is in KiB on Linux


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--mb", type=float, default=60, help="size of the import line, MiB")
    parser.add_argument("--times", type=float, default=4, help="target: peak <= TIMES x line")
    parser.add_argument("--no-export", action="store_true", help="measure the import only")
    args = parser.parse_args(argv)
    mib = 2**20
    with tempfile.TemporaryDirectory(prefix="assay-memory-") as tmp:
        root = Path(tmp)
        env = {**os.environ, "ASSAY_CACHE_DIR": str(root / "cache")}
        small = root / "small.jsonl"
        small.write_text(json.dumps({"text": "A short text.", "spans": []}) + "\n", "utf-8")
        line = root / "long.jsonl"
        write_long_line(line, int(args.mb * mib))
        size = line.stat().st_size
        base, _, _ = peak([ASSAY, "import", str(small), "--workspace", str(root / "ws0"),
                           "--annotator", "bench"], env)  # fmt: skip
        results = {}
        results["import"] = peak([ASSAY, "import", str(line), "--workspace", str(root / "ws"),
                                  "--annotator", "bench"], env)  # fmt: skip
        if not args.no_export:
            results["export"] = peak([ASSAY, "export", "--workspace", str(root / "ws"),
                                      "--annotator", "bench", "-o", str(root / "out.jsonl"),
                                      "--no-cache", "--processes", "1"], env)  # fmt: skip
            out = (root / "out.jsonl").stat().st_size
            print(f"export line: {out / mib:.0f} MiB")
    target = base + args.times * size
    print(f"import line: {size / mib:.1f} MiB; baseline (a one-line import): {base / mib:.0f} MiB")
    print(f"target: peak <= baseline + {args.times:g} x the line = {target / mib:.0f} MiB")
    print(f"{'':>8}{'peak MiB':>10}{'(peak-base)/line':>18}{'seconds':>9}  verdict")
    for name, (rss, seconds, _said) in results.items():
        ratio = (rss - base) / size
        verdict = "PASS" if rss <= target else "FAIL"
        print(f"{name:>8}{rss / mib:>10.0f}{ratio:>17.1f}x{seconds:>9.1f}  {verdict}")


if __name__ == "__main__":
    main()
