"""Peak memory of `assay import` and `assay export` for one very long article.

Builds one Prodigy line of `--mb` MiB (the five built-in samples repeated, with Windows line
ends and a few escape sequences, so sanitizing moves offsets; a span with its text every few
thousand characters), imports it into a fresh workspace, exports it again (without the token
cache, then writing it, then reading it), and prints each command's peak RSS (of the process
and any it waited for) above its baseline, the same command on a one-line workspace just
before (the interpreter and its imports, and spaCy's tokenizer unless the tokens are cached),
next to the target: at most `--import-times` (6) and `--export-times` (8) times the line.

    .venv/bin/python bench/import_memory.py [--mb 60] [--import-times 6] [--export-times 8]
                                            [--no-export]
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
    parser.add_argument("--import-times", type=float, default=6, help="import's target")
    parser.add_argument("--export-times", type=float, default=8, help="export's target")
    parser.add_argument("--no-export", action="store_true", help="measure the import only")
    args = parser.parse_args(argv)
    mib = 2**20
    with tempfile.TemporaryDirectory(prefix="assay-memory-") as tmp:
        root = Path(tmp)
        env = {**os.environ, "ASSAY_CACHE_DIR": str(root / "cache")}
        small = root / "small.jsonl"
        # With a span, so that its export loads and runs the tokenizer too.
        small.write_text(json.dumps({"text": "A short text.", "spans": [
            {"start": 0, "end": 1, "label": "claim"}]}) + "\n", "utf-8")  # fmt: skip
        line = root / "long.jsonl"
        write_long_line(line, int(args.mb * mib))
        size = line.stat().st_size

        def assay(command: str, workspace: str, *more: str) -> tuple[int, float, str]:
            return peak([ASSAY, command, *more, "--workspace", str(root / workspace),
                         "--annotator", "bench"], env)  # fmt: skip

        def export(workspace: str, *cache: str) -> tuple[int, float, str]:
            out = str(root / f"{workspace}.jsonl")
            return assay("export", workspace, "-o", out, "--force", "--processes", "1", *cache)

        # (peak, seconds), baseline, target
        results: dict[str, tuple[tuple[int, float, str], int, float]] = {}
        base, _, _ = assay("import", "ws0", str(small))
        results["import"] = (assay("import", "ws", str(line)), base, args.import_times)
        if not args.no_export:
            rows = {"export, no cache": ("--no-cache",),
                    "export, caching tokens": (), "export, tokens cached": ()}  # fmt: skip
            for name, cache in rows.items():
                base, _, _ = export("ws0", *cache)
                results[name] = (export("ws", *cache), base, args.export_times)
            print(f"export line: {(root / 'ws.jsonl').stat().st_size / mib:.0f} MiB")
    print(f"import line: {size / mib:.1f} MiB; each command's baseline is its own run on a "
          f"one-line workspace (the interpreter and its imports)")  # fmt: skip
    print(f"{'':>24}{'peak MiB':>9}{'base':>6}{'(peak-base)/line':>18}{'target':>8}"
          f"{'seconds':>9}  verdict")  # fmt: skip
    for name, ((rss, seconds, _said), base, times) in results.items():
        ratio = (rss - base) / size
        verdict = "PASS" if ratio <= times else "FAIL"
        print(f"{name:>24}{rss / mib:>9.0f}{base / mib:>6.0f}{ratio:>17.1f}x{times:>7g}x"
              f"{seconds:>9.1f}  {verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
