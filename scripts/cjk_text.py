#!/usr/bin/env python3
"""Writes the characters the CJK font subset keeps: GB2312 level 1 (the 3,755 common simplified
hanzi), GB2312's punctuation and full-width forms, and every character of the Chinese translation.
Usage: cjk_text.py zh.json out.txt"""
import json
import sys

chars = set()
for row in [0xA1, 0xA3] + list(range(0xB0, 0xD8)):  # symbols, full-width ASCII, level-1 hanzi
    for cell in range(0xA1, 0xFF):
        try:
            chars.add(bytes([row, cell]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
with open(sys.argv[1], encoding="utf-8") as f:
    for text in json.load(f).values():
        chars.update(c for c in text if ord(c) >= 0x2E80)
chars.update("年月")  # month labels ("2027年1月")
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("".join(sorted(chars)))
