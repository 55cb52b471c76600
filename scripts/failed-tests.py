#!/usr/bin/env python3
"""Prints the failed tests of every .trx file under a folder, with their messages.

scripts/test.sh calls it after `dotnet test`, so that the end of a long, interleaved log
names what failed instead of leaving it somewhere in the middle.
"""
import pathlib
import sys
import xml.etree.ElementTree as ElementTree

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
MAX_LINES = 25


def failures(trx: pathlib.Path):
    root = ElementTree.parse(trx).getroot()
    for result in root.iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") != "Failed":
            continue
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", "", NS).strip()
        stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", "", NS).strip()
        yield result.get("testName"), message, stack


def main(folder: str) -> int:
    found = 0
    for trx in sorted(pathlib.Path(folder).rglob("*.trx")):
        for name, message, stack in failures(trx):
            found += 1
            print(f"FAILED {name}  ({trx.stem})")
            lines = (message + "\n" + stack).splitlines()
            for line in lines[:MAX_LINES]:
                print(f"    {line}")
            if len(lines) > MAX_LINES:
                print(f"    ... {len(lines) - MAX_LINES} more lines in {trx}")
    print(f"{found} failed test(s)" if found else "No failed tests in the result files.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
